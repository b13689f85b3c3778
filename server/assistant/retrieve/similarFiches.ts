// "Actions similaires": the other sheets nearest to one sheet, by fusing three views of it
// with reciprocal rank fusion: its sheet-level vector (cosine), its most distinctive words
// searched in BM25 (more-like-this), and its facets (thèmes, déterminants, QPV ticked; the
// publics its text names), which are also shown as the why. One view alone is noisy on 30 sheets; agreement is not.
import type { Fiche } from "../../../ingest/types.ts";
import { searchPostings, type LoadedIndex } from "../../../ingest/store/index.ts";
import { analyzeTerm, tokenize } from "../../../ingest/text/index.ts";
import type { CorpusStats } from "./corpusStats.ts";
import { facetValues } from "./facets.ts";
import { fuseByReciprocalRank } from "./fuseByReciprocalRank.ts";
import { publicsOf } from "./publics.ts";
import { rankFiches } from "./rankFiches.ts";
import { TUNING } from "../tuning.ts";

const FACET_FIELDS = ["themes", "determinants", "territory_specifics"] as const;
/** Publics are shown as a reason two sheets are near, but not ranked on: read from free text,
 * "habitants" and "professionnels" come up in most sheets (dev similar recall 0.81 -> 0.75 with them). */
const SHOWN_FIELDS = ["publics", "determinants", "themes", "territory_specifics"] as const;

const shown = (f: Fiche, field: (typeof SHOWN_FIELDS)[number]) => (field === "publics" ? publicsOf(f) : facetValues(f, field));
const { moreLikeThisChars, fusionWeights: WEIGHTS } = TUNING.similar;
const { moreLikeThisChunks } = TUNING.scale;

export interface SimilarHit {
  fiche: Fiche;
  score: number;
  shared: { field: string; values: string[] }[];
}

function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
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
  return SHOWN_FIELDS.map((field) => {
    const theirs = new Set(shown(b, field));
    return { field, values: shown(a, field).filter((v) => theirs.has(v)) };
  }).filter((s) => s.values.length > 0);
}

/** Each sheet's facet values as `field:value` keys, computed once per index (bounded by the sheets). */
const facetKeysCache = new WeakMap<LoadedIndex, Map<string, Set<string>>>();

function facetKeys(index: LoadedIndex, f: Fiche): Set<string> {
  let byId = facetKeysCache.get(index);
  if (!byId) facetKeysCache.set(index, (byId = new Map()));
  let keys = byId.get(f.id);
  if (!keys) byId.set(f.id, (keys = new Set(FACET_FIELDS.flatMap((field) => shown(f, field).map((v) => `${field}:${v}`)))));
  return keys;
}

function facetJaccard(sa: Set<string>, sb: Set<string>): number {
  if (sa.size === 0 || sb.size === 0) return 0;
  let inter = 0;
  for (const v of sa) if (sb.has(v)) inter++;
  return inter / (sa.size + sb.size - inter);
}

/** What the action is, as a BM25 query: its title (twice: it names the activity and the public) and the start of its description; the ticked facets have their own view below. */
function moreLikeThisQuery(f: Fiche): string {
  const value = (name: string) => f.fields.find((x) => x.name === name)?.value ?? "";
  return [f.title, f.title, value("description").slice(0, moreLikeThisChars)].join("\n");
}

export function similarFiches(index: LoadedIndex, stats: CorpusStats, ficheId: string, k: number, filter?: (f: Fiche) => boolean): SimilarHit[] {
  const ref = index.ficheById.get(ficheId);
  const refVec = index.ficheVectors.get(ficheId);
  if (!ref || !refVec) return [];
  const candidates = index.fiches.filter((f) => f.id !== ficheId && f.kind === "fiche" && (!filter || filter(f)));
  const byVector = candidates
    .map((f) => ({ id: f.id, s: cosine(refVec, index.ficheVectors.get(f.id) ?? []) }))
    .sort((a, b) => b.s - a.s)
    .map((x) => x.id);
  const refKeys = facetKeys(index, ref);
  const byFacets = candidates
    .map((f) => ({ id: f.id, s: facetJaccard(refKeys, facetKeys(index, f)) }))
    .filter((x) => x.s > 0)
    .sort((a, b) => b.s - a.s)
    .map((x) => x.id);
  const allowed = new Set(candidates.map((f) => f.id));
  const terms = tokenize(moreLikeThisQuery(ref)).flatMap((t) => analyzeTerm(t));
  const results = searchPostings(index.postings, { terms, n: moreLikeThisChunks, accept: (doc) => allowed.has(index.chunks[doc].ficheId) });
  const byLexical = rankFiches(results.map((r) => ({ chunk: index.chunks[r.doc], score: r.score }))).map((r) => r.ficheId);
  const fused = fuseByReciprocalRank([
    { ids: byVector, weight: WEIGHTS.vector },
    { ids: byLexical, weight: WEIGHTS.lexical },
    { ids: byFacets, weight: WEIGHTS.facets },
  ]);
  return [...fused.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, k)
    .map(([id, score]) => {
      const fiche = index.ficheById.get(id)!;
      return { fiche, score, shared: sharedFacets(ref, fiche) };
    });
}
