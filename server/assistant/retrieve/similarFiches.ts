// "Actions similaires": the other sheets nearest to one sheet, by four views of it: its
// sheet-level vector (cosine), its most distinctive words searched in BM25 (more-like-this), its
// content fields as a tf-idf vector (contentVectors.ts: what it does and for whom, without
// budget, funders, contact or dates), and its ticked facets (thèmes, déterminants, QPV), each
// shared value weighted by how rare it is. Each view's similarities are standardised over the
// candidates and summed with the weights of tuning.ts: a view that sets one sheet far above the
// rest counts for that margin, which reciprocal ranks (30 sheets, ranks 1/61…1/90) flattened.
// The sheets that would be answered then have a quarter of their more-like-this score read the
// other way (how the reference ranks in their own search), which a hub sheet's does not favour.
// Each sheet's own search is made once and kept: at ×100 one costs ~4 ms, so a similar question
// whose near sheets were never read costs ~70 ms more the first time (in-process p50 48 → 119 ms).
import type { Fiche } from "../../../ingest/types.ts";
import { searchPostings, type LoadedIndex } from "../../../ingest/store/index.ts";
import { analyzeTerm, tokenize } from "../../../ingest/text/index.ts";
import type { CorpusStats } from "./corpusStats.ts";
import { facetValues } from "./facets.ts";
import { contentSimilarities } from "./contentVectors.ts";
import { publicsOf } from "./publics.ts";
import { rankFiches } from "./rankFiches.ts";
import { TUNING } from "../tuning.ts";

/** Who an action is for counts as much as its boxes: the publics read from its text ("étudiants", "élus"), weighted by
 * rarity like every facet value, so that "habitants" and "professionnels", which most sheets name, weigh little. (Ranked
 * on with plain Jaccard they had cost dev similar recall 0.81 -> 0.75; with the rarity weights dev and dev2 are unchanged
 * and 14 read or unread questions rose, 6 fell: see tuning.ts, similar.fusionWeights.) */
const FACET_FIELDS = ["themes", "determinants", "territory_specifics", "publics"] as const;
const SHOWN_FIELDS = ["publics", "determinants", "themes", "territory_specifics"] as const;

const shown = (f: Fiche, field: (typeof SHOWN_FIELDS)[number]) => (field === "publics" ? publicsOf(f) : facetValues(f, field));
const { moreLikeThisChars, fusionWeights: WEIGHTS, mutualLexical, rowMaxTermShare } = TUNING.similar;
const { moreLikeThisChunks } = TUNING.scale;
/** the more-like-this view's place among computeSimilar's views */
const LEXICAL_VIEW = 1;

export interface SimilarHit {
  fiche: Fiche;
  /** the weighted sum of the views' standard scores: above 0, nearer than the average candidate */
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

export function facetKeys(index: LoadedIndex, f: Fiche): Set<string> {
  let byId = facetKeysCache.get(index);
  if (!byId) facetKeysCache.set(index, (byId = new Map()));
  let keys = byId.get(f.id);
  if (!keys) byId.set(f.id, (keys = new Set(FACET_FIELDS.flatMap((field) => shown(f, field).map((v) => `${field}:${v}`)))));
  return keys;
}

/** Each facet value's weight, its idf over the sheets (log of sheets over sheets ticking it), once per index. */
const facetWeightsCache = new WeakMap<LoadedIndex, Map<string, number>>();

function facetWeights(index: LoadedIndex): Map<string, number> {
  let weights = facetWeightsCache.get(index);
  if (!weights) {
    const sheets = index.fiches.filter((f) => f.kind === "fiche");
    const counts = new Map<string, number>();
    for (const f of sheets) for (const k of facetKeys(index, f)) counts.set(k, (counts.get(k) ?? 0) + 1);
    facetWeightsCache.set(index, (weights = new Map([...counts].map(([k, n]) => [k, Math.log(sheets.length / n)]))));
  }
  return weights;
}

/**
 * Jaccard with each value weighted by its rarity: sharing a box half the sheets tick ("Lien
 * social") says little, sharing one three sheets tick ("Urbanisme") says much; plain Jaccard
 * counted them alike (facet view alone, recall@5 / MRR@10: dev 0.611/0.690 -> 0.667/0.694,
 * dev2 0.500/0.518 -> 0.542/0.580).
 */
function facetSimilarity(index: LoadedIndex, sa: Set<string>, sb: Set<string>): number {
  if (sa.size === 0 || sb.size === 0) return 0;
  const weights = facetWeights(index);
  const weight = (k: string) => weights.get(k) ?? 0;
  let shared = 0;
  let union = 0;
  for (const k of sa) {
    union += weight(k);
    if (sb.has(k)) shared += weight(k);
  }
  for (const k of sb) if (!sa.has(k)) union += weight(k);
  return union > 0 ? shared / union : 0;
}

/** A view's similarities as standard scores over the candidates (0 for all when it tells none apart). */
function standardised(scores: number[]): number[] {
  const mean = scores.reduce((s, x) => s + x, 0) / Math.max(1, scores.length);
  const sd = Math.sqrt(scores.reduce((s, x) => s + (x - mean) ** 2, 0) / Math.max(1, scores.length));
  return scores.map((x) => (sd > 0 ? (x - mean) / sd : 0));
}

/** What the action is, as a BM25 query: its title (twice: it names the activity and the public) and the start of its description; the ticked facets have their own view below. */
function moreLikeThisQuery(f: Fiche): string {
  const value = (name: string) => f.fields.find((x) => x.name === name)?.value ?? "";
  return [f.title, f.title, value("description").slice(0, moreLikeThisChars)].join("\n");
}

/**
 * A sheet's nearest sheets depend on the index alone, not on the question that asks for them: the
 * unfiltered answers are remembered per index for the sheets asked about lately (every sheet card
 * asks for its own; ~30 ms each at ×100). Bounded: emptied when full.
 */
const remembered = new WeakMap<LoadedIndex, Map<string, SimilarHit[]>>();

export function similarFiches(index: LoadedIndex, stats: CorpusStats, ficheId: string, k: number, filter?: (f: Fiche) => boolean): SimilarHit[] {
  if (filter) return computeSimilar(index, stats, ficheId, k, filter);
  let cache = remembered.get(index);
  if (!cache) remembered.set(index, (cache = new Map()));
  const key = `${k}\u0000${ficheId}`;
  let hits = cache.get(key);
  if (!hits) {
    if (cache.size >= TUNING.scale.similarCacheEntries) cache.clear();
    cache.set(key, (hits = computeSimilar(index, stats, ficheId, k)));
  }
  return hits.map((h) => ({ ...h, shared: h.shared.map((s) => ({ ...s, values: [...s.values] })) }));
}

function computeSimilar(index: LoadedIndex, stats: CorpusStats, ficheId: string, k: number, filter?: (f: Fiche) => boolean): SimilarHit[] {
  const ref = index.ficheById.get(ficheId);
  const refVec = index.ficheVectors.get(ficheId);
  if (!ref || !refVec) return [];
  const candidates = index.fiches.filter((f) => f.id !== ficheId && f.kind === "fiche" && (!filter || filter(f)));
  const allowed = new Set(candidates.map((f) => f.id));
  const terms = tokenize(moreLikeThisQuery(ref)).flatMap((t) => analyzeTerm(t));
  const results = searchPostings(index.postings, { terms, n: moreLikeThisChunks, accept: (doc) => allowed.has(index.chunks[doc].ficheId) });
  const lexical = new Map(rankFiches(results.map((r) => ({ chunk: index.chunks[r.doc], score: r.score }))).map((r) => [r.ficheId, r.score]));
  const refKeys = facetKeys(index, ref);
  // (in this order: LEXICAL_VIEW names the more-like-this one)
  const views: [number[], number][] = [
    [candidates.map((f) => cosine(refVec, index.ficheVectors.get(f.id) ?? [])), WEIGHTS.vector],
    [candidates.map((f) => lexical.get(f.id) ?? 0), WEIGHTS.lexical],
    [contentSimilarities(index, ficheId, candidates.map((f) => f.id)), WEIGHTS.content],
    [candidates.map((f) => facetSimilarity(index, refKeys, facetKeys(index, f))), WEIGHTS.facets],
  ];
  const fused = candidates.map(() => 0);
  const standard = views.map(([scores]) => standardised(scores));
  views.forEach(([, weight], v) => standard[v].forEach((z, i) => (fused[i] += weight * z)));
  // the more-like-this view both ways, for the sheets that would be answered: a long sheet writing many of everyone's
  // words ranks high in every sheet's more-like-this search (a hub), yet the reference is only one of many to it, so
  // part of its lexical score is how the reference ranks among the sheets its own search finds (tuning.ts)
  const lexicalZ = standard[LEXICAL_VIEW];
  const best = fused.map((score, i) => ({ score, i })).sort((a, b) => b.score - a.score).slice(0, k);
  const refPosition = fichePosition(index, ficheId);
  for (const { i } of best) {
    const back = lexicalRow(index, candidates[i]);
    const backZ = back.sd > 0 ? (rowScore(back, refPosition) - back.mean) / back.sd : 0;
    fused[i] += WEIGHTS.lexical * mutualLexical * (backZ - lexicalZ[i]);
  }
  return best
    .map(({ i }) => ({ fiche: candidates[i], score: fused[i] }))
    .sort((a, b) => b.score - a.score)
    .map(({ fiche, score }) => ({ fiche, score, shared: sharedFacets(ref, fiche) }));
}

/**
 * A sheet's more-like-this search over every other sheet: the sheets it reaches with their scores (by position in
 * index.fiches, ascending, in typed arrays: ~1 KB a sheet), and the mean and spread over every other sheet.
 */
export interface LexicalRow {
  positions: Int32Array;
  scores: Float64Array;
  mean: number;
  sd: number;
}

/** The row's score of a sheet, 0 where its search did not reach it. */
export function rowScore(row: LexicalRow, position: number): number {
  let lo = 0;
  let hi = row.positions.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = row.positions[mid];
    if (at === position) return row.scores[mid];
    if (at < position) lo = mid + 1;
    else hi = mid - 1;
  }
  return 0;
}

/** Each sheet's position in index.fiches, once per index. */
const positionsCache = new WeakMap<LoadedIndex, Map<string, number>>();
export function fichePosition(index: LoadedIndex, id: string): number {
  let positions = positionsCache.get(index);
  if (!positions) positionsCache.set(index, (positions = new Map(index.fiches.map((f, i) => [f.id, i]))));
  return positions.get(id) ?? -1;
}

/** Each sheet's row, per index, made once: bounded by TUNING.scale.lexicalRowEntries (every sheet of ×100 fits). */
const lexicalRows = new WeakMap<LoadedIndex, Map<string, LexicalRow>>();

export function lexicalRow(index: LoadedIndex, f: Fiche): LexicalRow {
  let rows = lexicalRows.get(index);
  if (!rows) lexicalRows.set(index, (rows = new Map()));
  let row = rows.get(f.id);
  if (!row) {
    const others = index.fiches.filter((g) => g.kind === "fiche" && g.id !== f.id).length;
    // without the words most chunks write (santé, mentale, action…): they say nothing of what a sheet does (tuning.ts)
    const common = rowMaxTermShare * index.chunks.length;
    const terms = tokenize(moreLikeThisQuery(f)).flatMap((t) => analyzeTerm(t)).filter((t) => (index.postings.terms.get(t)?.[0]?.docs.length ?? 0) <= common);
    const results = searchPostings(index.postings, { terms, n: moreLikeThisChunks, accept: (doc) => index.chunks[doc].ficheId !== f.id && index.ficheById.get(index.chunks[doc].ficheId)?.kind === "fiche" });
    const reached = rankFiches(results.map((r) => ({ chunk: index.chunks[r.doc], score: r.score })))
      .map((r) => ({ at: fichePosition(index, r.ficheId), score: r.score }))
      .sort((a, b) => a.at - b.at);
    // over every other sheet, the ones its search did not reach counting 0
    let sum = 0;
    let squares = 0;
    for (const { score } of reached) (sum += score), (squares += score * score);
    const mean = others > 0 ? sum / others : 0;
    const sd = others > 0 ? Math.sqrt(Math.max(0, squares / others - mean * mean)) : 0;
    if (rows.size >= TUNING.scale.lexicalRowEntries) rows.clear();
    row = { positions: Int32Array.from(reached, (r) => r.at), scores: Float64Array.from(reached, (r) => r.score), mean, sd };
    rows.set(f.id, row);
  }
  return row;
}
