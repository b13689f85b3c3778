// The facet values of every sheet (its ticked thèmes, déterminants, territory specifics) as
// filters show and count them: each line normalised, then spelling variants merged across the
// corpus (normalizeFacetValue.ts). The fields' own text stays as written: quotes stay verbatim.
import { FACET_LIST_FIELDS, type Fiche } from "../types.ts";
import { mergeFacetVariants, normalizeFacetValue } from "./normalizeFacetValue.ts";

const linesOf = (f: Fiche, field: string) =>
  (f.fields.find((x) => x.name === field)?.value ?? "")
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);

export function normalizeFacets(fiches: Fiche[]): Fiche[] {
  const clean = new Map<string, Map<string, string[]>>();
  for (const field of FACET_LIST_FIELDS) {
    const perSheet = new Map(fiches.map((f) => [f.id, [...new Set(linesOf(f, field).map((l) => normalizeFacetValue(field, l)).filter((v): v is string => v !== undefined))]]));
    const canon = mergeFacetVariants([...perSheet.values()].flat());
    clean.set(field, new Map([...perSheet].map(([id, values]) => [id, [...new Set(values.map((v) => canon.get(v) ?? v))]])));
  }
  return fiches.map((f) => {
    const facets = Object.fromEntries(FACET_LIST_FIELDS.map((field) => [field, clean.get(field)!.get(f.id) ?? []]).filter(([, v]) => v.length > 0));
    return Object.keys(facets).length ? { ...f, facets } : f;
  });
}
