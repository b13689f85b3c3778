// Metadata filters (city, axis, thème, déterminant, QPV) as a predicate over sheets. Values
// arrive canonical (server/filters.ts resolves what the user typed against the facets).
import type { Fiche } from "../../../ingest/types.ts";
import type { Filters } from "../types.ts";
import { facetValues, isQpv } from "./facets.ts";

export function ficheFilter(filters: Filters | undefined): ((f: Fiche) => boolean) | undefined {
  if (!filters || Object.values(filters).every((v) => v === undefined)) return undefined;
  return (f) =>
    (!filters.city || f.city === filters.city) &&
    (!filters.axis || f.axis === filters.axis) &&
    (!filters.theme || facetValues(f, "themes").includes(filters.theme)) &&
    (!filters.determinant || facetValues(f, "determinants").includes(filters.determinant)) &&
    (filters.qpv === undefined || isQpv(f) === filters.qpv);
}
