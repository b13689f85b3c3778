// The best n of many scored documents, kept in a bounded min-heap: O(t log n) for t candidates,
// so a query that touches many postings never sorts them all.

export interface PostingHit {
  doc: number;
  score: number;
}

/** "worse" = lower score, or equal score and higher document number. */
function worse(a: PostingHit, b: PostingHit): boolean {
  return a.score < b.score || (a.score === b.score && a.doc > b.doc);
}

// At module level rather than closures in topN: tsx keeps function names, which costs a defineProperty
// (~0.4 µs) for every named closure made, and topN runs for every search.
function swap(heap: PostingHit[], i: number, j: number): void {
  const t = heap[i];
  heap[i] = heap[j];
  heap[j] = t;
}

/**
 * The n highest-scoring of docs[0 .. count), best first, through a bounded min-heap: O(t log n).
 * A document's score is score[doc] × matched[doc] (BM25 times the query terms it holds, as MiniSearch ranks).
 */
export function topN(docs: Int32Array, count: number, scores: Float64Array, matched: Uint16Array, n: number, accept?: (doc: number) => boolean): PostingHit[] {
  const heap: PostingHit[] = [];
  for (let at = 0; at < count; at++) {
    if (n <= 0) break;
    const doc = docs[at];
    const score = scores[doc] * matched[doc];
    // most candidates lose to the heap's worst: compared before any object is made for them
    if (heap.length === n && !(heap[0].score < score || (heap[0].score === score && heap[0].doc > doc))) continue;
    if (accept && !accept(doc)) continue;
    const hit = { doc, score };
    if (heap.length < n) {
      heap.push(hit);
      for (let i = heap.length - 1; i > 0; ) {
        const parent = (i - 1) >> 1;
        if (!worse(heap[i], heap[parent])) break;
        swap(heap, i, parent);
        i = parent;
      }
    } else {
      heap[0] = hit;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && worse(heap[l], heap[m])) m = l;
        if (r < heap.length && worse(heap[r], heap[m])) m = r;
        if (m === i) break;
        swap(heap, i, m);
        i = m;
      }
    }
  }
  return heap.sort((a, b) => (b.score - a.score) || a.doc - b.doc);
}
