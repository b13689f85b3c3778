// Hybrid retrieval: dense (HNSW through LangChain) and BM25 candidates, fused by reciprocal
// rank, then weighted by field. Returns chunks best first, each with its fused score.
import { analyze, analyzeTerm } from "../../ingest/analyzeFrench.ts";
import type { Chunk, Fiche } from "../../ingest/types.ts";
import type { LoadedIndex } from "../services/loadIndex.ts";
import { fieldWeight } from "./fieldWeights.ts";
import { fuseByReciprocalRank } from "./fuseByReciprocalRank.ts";

export interface ScoredChunk {
  chunk: Chunk;
  score: number;
}

export interface RetrieveOptions {
  /** candidates taken from each list before fusion */
  candidates?: number;
  filter?: (f: Fiche) => boolean;
  /** fields the question asks for (a budget, a contact…): weighted up */
  targetFields?: string[];
}

const DEFAULT_CANDIDATES = 60;
/** BM25 weighs a little more than LSA vectors: with the builtin embedder exact terms are the stronger signal. */
const WEIGHTS = { dense: 1, lexical: 1.2 };

export async function retrieveChunks(index: LoadedIndex, text: string, opts: RetrieveOptions = {}): Promise<ScoredChunk[]> {
  const n = Math.min(opts.candidates ?? DEFAULT_CANDIDATES, index.chunks.length);
  const allowed = opts.filter ? new Set(index.fiches.filter(opts.filter).map((f) => f.id)) : undefined;
  if (allowed && allowed.size === 0) return [];
  const passes = (c: Chunk | undefined) => !!c && (!allowed || allowed.has(c.ficheId));

  const [denseIds, lexicalIds] = await Promise.all([denseSearch(index, text, n, allowed), lexicalSearch(index, text, n, passes)]);
  const fused = fuseByReciprocalRank([
    { ids: denseIds, weight: WEIGHTS.dense },
    { ids: lexicalIds, weight: WEIGHTS.lexical },
  ]);
  const out: ScoredChunk[] = [];
  for (const [id, score] of fused) {
    const chunk = index.chunkById.get(id);
    if (chunk) out.push({ chunk, score: score * fieldWeight(chunk.field, opts.targetFields) });
  }
  return out.sort((a, b) => b.score - a.score);
}

async function denseSearch(index: LoadedIndex, text: string, n: number, allowed?: Set<string>): Promise<string[]> {
  const vector = await index.embedder.embeddings.embedQuery(text);
  // a question sharing no feature with the corpus embeds to zeros: cosine is undefined there
  if (!vector.some((x) => x !== 0)) return [];
  const filter = allowed ? (doc: { metadata: Record<string, unknown> }) => allowed.has(String(doc.metadata.ficheId)) : undefined;
  const hits = await index.dense.similaritySearchVectorWithScore(vector, n, filter as never);
  return hits.map(([doc]) => String(doc.metadata.id));
}

/**
 * Terms in over a third of the chunks ("santé", "mentale" here) weigh next to nothing in BM25
 * but make it score most of the index: they are left out of the lexical query. (Keeping only
 * the 16 rarest terms of an expanded English question was tried too: no faster within this
 * machine's noise, and dev recall fell, so it was dropped.)
 */
const COMMON_SHARE = 0.33;
const chunkDf = new WeakMap<LoadedIndex, Map<string, number>>();

function dfOf(index: LoadedIndex): Map<string, number> {
  let df = chunkDf.get(index);
  if (!df) {
    df = new Map<string, number>();
    for (const c of index.chunks) for (const t of new Set(analyze(c.text))) df.set(t, (df.get(t) ?? 0) + 1);
    chunkDf.set(index, df);
  }
  return df;
}

async function lexicalSearch(index: LoadedIndex, text: string, n: number, passes: (c: Chunk | undefined) => boolean): Promise<string[]> {
  const df = dfOf(index);
  const max = index.chunks.length * COMMON_SHARE;
  const keep = new Set(
    [...new Set(analyze(text))]
      .filter((t) => (df.get(t) ?? 0) <= max),
  );
  if (keep.size === 0) return [];
  const results = index.lexical.search(text, {
    combineWith: "OR",
    processTerm: (term) => {
      const kept = analyzeTerm(term).filter((t) => keep.has(t));
      return kept.length > 0 ? kept : null;
    },
    // the header (city — title — field label) names what the chunk is about
    boost: { header: 1.5 },
    filter: (r) => passes(index.chunkById.get(String(r.id))),
  });
  return results.slice(0, n).map((r) => String(r.id));
}
