// "Actions similaires": nearest other sheets by sheet-level vectors, nudged by the facets two
// sheets share (thèmes, déterminants, territory specifics), which are also shown as the why.
import type { Fiche } from "../../ingest/types.ts";
import type { LoadedIndex } from "../services/loadIndex.ts";
import { fieldLines } from "./facets.ts";

const FACET_FIELDS = ["themes", "determinants", "territory_specifics"] as const;
const FACET_WEIGHT = 0.25;

export interface SimilarHit {
  fiche: Fiche;
  score: number;
  shared: { field: string; values: string[] }[];
}

function cosine(a: number[], b: number[]): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i] * b[i];
    na += a[i] * a[i];
    nb += b[i] * b[i];
  }
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

export function sharedFacets(a: Fiche, b: Fiche): { field: string; values: string[] }[] {
  return FACET_FIELDS.map((field) => {
    const theirs = new Set(fieldLines(b, field));
    return { field, values: fieldLines(a, field).filter((v) => theirs.has(v)) };
  }).filter((s) => s.values.length > 0);
}

function facetJaccard(a: Fiche, b: Fiche): number {
  const set = (f: Fiche) => new Set(FACET_FIELDS.flatMap((field) => fieldLines(f, field).map((v) => `${field}:${v}`)));
  const sa = set(a);
  const sb = set(b);
  if (sa.size === 0 || sb.size === 0) return 0;
  let inter = 0;
  for (const v of sa) if (sb.has(v)) inter++;
  return inter / (sa.size + sb.size - inter);
}

export function similarFiches(index: LoadedIndex, ficheId: string, k: number, filter?: (f: Fiche) => boolean): SimilarHit[] {
  const ref = index.ficheById.get(ficheId);
  const refVec = index.ficheVectors.get(ficheId);
  if (!ref || !refVec) return [];
  return index.fiches
    .filter((f) => f.id !== ficheId && f.kind === "fiche" && (!filter || filter(f)))
    .map((f) => ({
      fiche: f,
      score: cosine(refVec, index.ficheVectors.get(f.id) ?? []) + FACET_WEIGHT * facetJaccard(ref, f),
      shared: sharedFacets(ref, f),
    }))
    .sort((a, b) => b.score - a.score)
    .slice(0, k);
}
