// The facets of the corpus (cities, axes, thèmes, déterminants, QPV) for filters and counts.
import { fold } from "../../../ingest/text/index.ts";
import type { FacetListField, Fiche } from "../../../ingest/types.ts";
import type { FacetCounts } from "../types.ts";

export function fieldValue(f: Fiche, name: string): string {
  return f.fields.find((x) => x.name === name)?.value ?? "";
}

export function fieldLines(f: Fiche, name: string): string[] {
  return fieldValue(f, name)
    .split("\n")
    .map((l) => l.replace(/^[-•]\s*/, "").trim())
    .filter(Boolean);
}

/** A checkbox list's values as filters show them: normalised at ingest, else the field's lines. */
export function facetValues(f: Fiche, name: FacetListField): string[] {
  return f.facets?.[name] ?? fieldLines(f, name);
}

/** A sheet is about priority neighbourhoods when it ticks the box or its territory says so. */
export function isQpv(f: Fiche): boolean {
  // the ticked box is written "Quartier(s) politique de la Ville": "(s)" right after the word
  const text = fold(`${facetValues(f, "territory_specifics").join("\n")}\n${fieldValue(f, "territory_specifics")}\n${fieldValue(f, "territory")}`);
  return /quartiers?\s*(\(s\)\s*)?politique de la ville|\bqpv\b|quartiers? prioritaires?/.test(text);
}

export function facetCounts(fiches: Fiche[]): FacetCounts {
  const counts: FacetCounts = { cities: {}, axes: {}, themes: {}, determinants: {}, qpv: 0 };
  const bump = (rec: Record<string, number>, key: string) => (rec[key] = (rec[key] ?? 0) + 1);
  for (const f of fiches) {
    bump(counts.cities, f.city);
    if (f.axis) bump(counts.axes, f.axis);
    for (const t of new Set(facetValues(f, "themes"))) bump(counts.themes, t);
    for (const d of new Set(facetValues(f, "determinants"))) bump(counts.determinants, d);
    if (isQpv(f)) counts.qpv++;
  }
  return counts;
}
