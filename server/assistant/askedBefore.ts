// Whether a key was seen lately: the admission test of the caches that serve repeated questions
// (the response cache, the query-embedding cache). Kept at its first sighting, each question asked
// once passed through a full LRU: it lived long enough to be promoted to V8's old generation and
// then died there, so questions never asked twice made the garbage that full collections sweep
// (×1, one worker, 10 connections of questions asked once: a mark-compact every ~2 s, 3.5–20 ms
// each). Admitted at its second sighting, a question asked once leaves nothing behind.
// A fixed table of hashes, one per slot: nothing grows, and a collision only admits a key early.

/** FNV-1a over the UTF-16 code units, as a signed 32-bit number (what the table holds), never 0 (an empty slot). */
function hashOf(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h | 0 || 1;
}

export class AskedBefore {
  private readonly seen: Int32Array;
  private readonly mask: number;

  /** `slots` is rounded up to a power of two: how many recent distinct keys it can remember at best. */
  constructor(slots: number) {
    const size = 2 ** Math.ceil(Math.log2(Math.max(2, slots)));
    this.seen = new Int32Array(size);
    this.mask = size - 1;
  }

  /** True when this key was seen since another key last took its slot; remembers it either way. */
  again(key: string): boolean {
    const h = hashOf(key);
    const at = h & this.mask;
    if (this.seen[at] === h) return true;
    this.seen[at] = h;
    return false;
  }
}
