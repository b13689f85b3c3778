// Filter values are checked against the corpus facets at request time (they come from the
// index, so a static zod enum cannot hold them). A value nobody can match is a 400 naming the
// filter, not an empty result the user cannot tell apart from "no sheet does this".
import type { FacetCounts, Filters } from "./contracts.ts";
import { fold } from "../ingest/text/index.ts";
import { AppError, quoteValue } from "./errors.ts";

type FacetFilter = "city" | "axis" | "theme" | "determinant";

const FACET_OF: Record<FacetFilter, keyof Omit<FacetCounts, "qpv">> = {
  city: "cities",
  axis: "axes",
  theme: "themes",
  determinant: "determinants",
};

/** Case, accents, apostrophe style and spacing differ between what people type and the sheets. */
export function foldFacet(value: string): string {
  return fold(value).replace(/\s+/g, " ").trim();
}

export type FilterInput = Partial<Record<FacetFilter, string>> & { qpv?: boolean };

/**
 * Returns the filters with each value replaced by its canonical facet spelling.
 * @param fieldPrefix how the request names the filters: "filters." in a body, "" in a query
 */
export function resolveFilters(input: FilterInput | undefined, facets: FacetCounts, fieldPrefix = ""): Filters {
  const out: Filters = {};
  if (!input) return out;
  for (const name of Object.keys(FACET_OF) as FacetFilter[]) {
    const raw = input[name];
    // An empty value is what an untouched <select> or `?city=` sends: it means "any".
    if (raw === undefined || raw.trim() === "") continue;
    const wanted = foldFacet(raw);
    const match = Object.keys(facets[FACET_OF[name]]).find((v) => foldFacet(v) === wanted);
    if (match === undefined) {
      throw new AppError("UNKNOWN_FILTER_VALUE", { field: `${fieldPrefix}${name}`, detail: `${quoteValue(raw)} is not a known ${name}` });
    }
    out[name] = match;
  }
  if (input.qpv !== undefined) out.qpv = input.qpv;
  return out;
}
