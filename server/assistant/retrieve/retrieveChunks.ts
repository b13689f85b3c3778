// Hybrid retrieval: dense (HNSW, or an exact scan on a small index) and BM25 candidates, fused by reciprocal
// rank (chunks named by their position in the index), then weighted by field. Returns chunks
// best first, each with its fused score.
import { analyzeTerm, tokenize } from "../../../ingest/text/index.ts";
import type { Chunk, Fiche } from "../../../ingest/types.ts";
import { searchPostings, type LoadedIndex } from "../../../ingest/store/index.ts";
import { embedQuery } from "./embedQuery.ts";
import { exactDenseIndex } from "./exactDense.ts";
import { fieldWeight } from "./fieldWeights.ts";
import { fuseByReciprocalRank } from "./fuseByReciprocalRank.ts";
import { TUNING } from "../tuning.ts";

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
  /** terms left out of the BM25 query (the corpus's most common ones: tuning.ts, bm25SkipShare) */
  skipLexical?: ReadonlySet<string>;
  /** acronyms and names the question gives that few chunks write (understand/concepts.ts, namedEntities): the chunks
   * writing them join the candidates, ranked by BM25 among themselves */
  entities?: readonly string[];
  /** a list asks which sheets write the entities: all the chunks writing them are ranked, not only those of sheets
   * the other lists missed (an answer's passage need not repeat the name: blind2 g-22, blind14 v-28) */
  entitiesEverywhere?: boolean;
  /** called when the question could not be embedded (the embedder failed or was too slow): the ranking is BM25's alone */
  onDenseFallback?: (reason: string) => void;
}

const { candidatesPerList, headerBoost, entityListWeight, entityMaxShare } = TUNING.retrieve;

export async function retrieveChunks(index: LoadedIndex, text: string, opts: RetrieveOptions = {}): Promise<ScoredChunk[]> {
  const n = Math.min(opts.candidates ?? candidatesPerList, index.chunks.length);
  const allowed = opts.filter ? new Set(index.fiches.filter(opts.filter).map((f) => f.id)) : undefined;
  if (allowed && allowed.size === 0) return [];
  const skip = opts.skipLexical ?? new Set<string>();
  const terms = tokenize(text).flatMap((token) => analyzeTerm(token).filter((t) => !skip.has(t)));
  const [denseAt, lexicalAt] = await Promise.all([denseSearch(index, text, n, allowed, opts.onDenseFallback), lexicalSearch(index, terms, n, allowed)]);
  const WEIGHTS = TUNING.embedders[index.manifest.embedder.kind].fusionWeights;
  const lists: { ids: number[]; weight: number }[] = [
    { ids: denseAt, weight: WEIGHTS.dense },
    { ids: lexicalAt, weight: WEIGHTS.lexical },
  ];
  const naming = entityChunks(index, opts.entities ?? []);
  if (naming) {
    // sheets the other lists already hold keep their own passages first: the one that answers need not repeat the name
    const found = new Set([...denseAt, ...lexicalAt].map((at) => index.chunks[at].ficheId));
    const more = await lexicalSearch(index, terms, n, allowed, (doc) => naming.has(doc) && (opts.entitiesEverywhere || !found.has(index.chunks[doc].ficheId)));
    lists.push({ ids: more, weight: WEIGHTS.lexical * entityListWeight });
  }
  const fused = fuseByReciprocalRank(lists);
  const out: ScoredChunk[] = [];
  fused.forEach((score, at) => {
    const chunk = index.chunks[at];
    out.push({ chunk, score: score * fieldWeight(chunk.field, opts.targetFields) });
  });
  return out.sort((a, b) => b.score - a.score);
}

/** The chunks nearest the question's vector, as positions in index.chunks, nearest first. */
async function denseSearch(index: LoadedIndex, text: string, n: number, allowed?: Set<string>, onFallback?: (reason: string) => void): Promise<number[]> {
  const { vector, failure } = await embedQuery(index, text);
  if (!vector) {
    onFallback?.(failure!);
    return [];
  }
  // a question sharing no feature with the corpus embeds to zeros: cosine is undefined there
  if (!vector.some((x) => x !== 0)) return [];
  // graph label i is chunk i (ingest/store/indexFiles.ts): read as such, rather than through LangChain's docstore,
  // which builds a Document for every hit and, under a filter, for every point the search visits
  const exact = allowed ? undefined : exactDenseIndex(index);
  // hnswlib's brute-force search drops results under a filter (it stops taking farther points once it holds
  // the first k points' survivors), so a filtered question searches the graph
  return (exact ? exact.searchKnn(vector, n) : index.dense.index.searchKnn(vector, n, allowed ? (label: number) => allowed.has(index.chunks[label].ficheId) : undefined)).neighbors;
}

/**
 * "Is the CLSPD involved…?": a rare acronym or name is what the question is about, yet a long chunk writing it once
 * can rank past the candidates behind chunks sharing the question's common words, and its sheet is never seen.
 * The chunks writing every entity (by the posting lists), when they are few: an entity the question merely shares
 * with much of the corpus adds nothing.
 */
function entityChunks(index: LoadedIndex, entities: readonly string[]): Set<number> | undefined {
  if (entities.length === 0) return undefined;
  let out: Set<number> | undefined;
  for (const t of entities) {
    const docs = index.postings.terms.get(t)?.[0]?.docs;
    if (!docs || docs.length > entityMaxShare * index.chunks.length) return undefined;
    out = out ? new Set(Array.from(docs).filter((d) => out!.has(d))) : new Set(docs);
  }
  return out && out.size > 0 ? out : undefined;
}

/** BM25 over the posting lists of the question's terms (the corpus's commonest already left out): the best n chunks that pass, as positions in index.chunks. */
async function lexicalSearch(index: LoadedIndex, terms: string[], n: number, allowed: Set<string> | undefined, only?: (doc: number) => boolean): Promise<number[]> {
  const hits = searchPostings(index.postings, {
    terms,
    n,
    // the header (city — title — field label) names what the chunk is about
    boost: { header: headerBoost },
    accept: allowed ? bothAccept(inSheets(index, allowed), only) : only,
  });
  // a posting's document is the chunk at that position (the lists are built over index.chunks)
  return hits.map((h) => h.doc);
}

function bothAccept(a: (doc: number) => boolean, b?: (doc: number) => boolean): (doc: number) => boolean {
  return b ? (doc) => a(doc) && b(doc) : a;
}

/** A posting's chunk belongs to one of these sheets. Made here, not as a named closure in the search: tsx keeps
 * function names, a defineProperty (~0.4 µs) for every named closure made. */
function inSheets(index: LoadedIndex, allowed: ReadonlySet<string>): (doc: number) => boolean {
  return (doc) => allowed.has(index.chunks[doc].ficheId);
}
