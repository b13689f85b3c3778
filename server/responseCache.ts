// Serialised answers of /api/search and /api/ask, per worker process, bounded (lru-cache: by
// entries and by bytes). The index a process serves is immutable while it serves it, so a
// request that names the same question, filters and size gets the same body: a hit sends the
// bytes a miss produced, skipping understanding, retrieval, the response check and JSON. When
// another build is swapped in (services/liveIndex.ts) the cache empties at its first request.
// What must never be cached is the routes' call: follow-ups (history), streams, errors,
// degraded answers (BM25 alone, an LLM notice). A body is kept at its key's second asking, so
// questions asked once leave no garbage in the old generation (assistant/askedBefore.ts).
import { LRUCache } from "lru-cache";
import { AskedBefore } from "./assistant/askedBefore.ts";

export interface ResponseCacheLimits {
  /** entries a worker holds; 0 turns the cache off */
  entries: number;
  /** bytes of bodies a worker holds */
  maxBytes: number;
  /** recent keys remembered so that a body is kept at its key's second asking; 0: kept at the first */
  admitSlots: number;
}

export interface ResponseCache {
  /** the body cached for this key on this build, if any */
  get(build: object, key: string): Buffer | undefined;
  /** keeps a body for this key on this build, after a `get` for it, if the key was asked before or `admitted` says
   * `admits` said yes (a body over the byte bound is not kept) */
  set(build: object, key: string, body: Buffer, admitted?: boolean): void;
  /** whether a body for this key, after a `get` for it, would be kept (the key was asked before): a miss that will not be
   * kept is sent without the copy into a Buffer. Counts as the key's asking, as `set` does. */
  admits(build: object, key: string): boolean;
  /** entries held now */
  readonly size: number;
}

/** `undefined` when the configuration turns caching off: the routes then never build a key. */
export function createResponseCache(limits: ResponseCacheLimits): ResponseCache | undefined {
  if (limits.entries <= 0 || limits.maxBytes <= 0) return undefined;
  const lru = new LRUCache<string, Buffer>({ max: limits.entries, maxSize: limits.maxBytes, sizeCalculation: (body) => Math.max(1, body.length) });
  const asked = limits.admitSlots > 0 ? new AskedBefore(limits.admitSlots) : undefined;
  let current: object | undefined;
  /** a new build: what the old one answered may no longer hold */
  const follow = (build: object) => {
    if (build !== current) {
      lru.clear();
      current = build;
    }
  };
  return {
    get(build, key) {
      follow(build);
      return lru.get(key);
    },
    set(build, key, body, admitted = false) {
      // a request that began on the build before a swap: its answer belongs to no build served now
      if (build === current && body.length <= limits.maxBytes && (admitted || !asked || asked.again(key))) lru.set(key, body);
    },
    admits(build, key) {
      return build === current && (!asked || asked.again(key));
    },
    get size() {
      return lru.size;
    },
  };
}
