// A question's vector for dense retrieval, or why there is none. An embeddings service can
// fail or be slow; retrieval then answers from BM25 alone and the answer carries a notice,
// rather than the question failing. Repeated questions (the widget's suggestions, a user
// asking again) are served from a bounded cache per index, so they cost no second call; a
// vector is kept at its question's second asking, so questions asked once leave nothing behind.
import type { LoadedIndex } from "../../../ingest/store/index.ts";
import { AskedBefore } from "../askedBefore.ts";
import type { Lang } from "../types.ts";
import { TUNING } from "../tuning.ts";

/** The vector, or the reason there is none. */
export interface QueryVector {
  vector?: number[];
  failure?: string;
}

export const DENSE_FALLBACK_NOTICE: Record<Lang, string> = {
  fr: "La recherche sémantique est indisponible pour le moment : ces résultats viennent de la seule recherche par mots-clés.",
  en: "Semantic search is unavailable right now: these results come from keyword search alone.",
};

/** Least recently used first in a Map's insertion order; a hit moves its key to the end. */
class LruCache<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly max: number) {}
  get(key: string): V | undefined {
    const v = this.map.get(key);
    if (v !== undefined) {
      this.map.delete(key);
      this.map.set(key, v);
    }
    return v;
  }
  set(key: string, v: V): void {
    this.map.delete(key);
    this.map.set(key, v);
    if (this.map.size > this.max) this.map.delete(this.map.keys().next().value!);
  }
}

const caches = new WeakMap<LoadedIndex, { lru: LruCache<number[]>; asked: AskedBefore }>();

export async function embedQuery(index: LoadedIndex, text: string): Promise<QueryVector> {
  let cache = caches.get(index);
  if (!cache) caches.set(index, (cache = { lru: new LruCache(TUNING.queryEmbedding.cacheEntries), asked: new AskedBefore(TUNING.queryEmbedding.admitSlots) }));
  const cached = cache.lru.get(text);
  if (cached) return { vector: cached };
  let vector: number[];
  try {
    vector = await withinBudget(index.embedder.embeddings.embedQuery(text), index.embedder.queryTimeoutMs);
  } catch (err) {
    return { failure: err instanceof Error ? err.message : String(err) };
  }
  // a service redeployed with another model size: its vectors would compare as noise
  if (vector.length !== index.manifest.embedder.dimension) {
    return { failure: `the query vector has ${vector.length} dimensions, the index ${index.manifest.embedder.dimension}` };
  }
  if (cache.asked.again(text)) cache.lru.set(text, vector);
  return { vector };
}

/** The embedder's own time-out should fire first; this bounds a client that ignores it. */
async function withinBudget<T>(work: Promise<T>, ms: number | undefined): Promise<T> {
  if (ms === undefined) return work;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`query embedding took over ${ms} ms`)), ms + 250);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}
