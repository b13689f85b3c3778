// What each sheet does and for whom, as a tf-idf vector over its title and its content fields
// (description, objectives, impacts, publics, partners, what helped…), without the fields that
// say who runs it, when and with what money (TUNING.similar.adminFields): "similar actions" is
// about what sheets do, and two sheets sharing a budget line or a funder are not alike.
// Built once per index by reading the BM25 posting lists backwards (term -> chunks becomes
// sheet -> terms), so no text is analysed again: re-analysing every field costs ~70 ms on the
// seeds and would cost seconds at ×100; the titles alone are analysed (1% of the text).
import { analyze } from "../../../ingest/text/index.ts";
import type { LoadedIndex } from "../../../ingest/store/index.ts";
import { TUNING } from "../tuning.ts";

/** A sheet's vector: term numbers ascending, their weights, L2-normalised. */
export interface ContentVector {
  terms: Int32Array;
  weights: Float32Array;
}

interface ContentSpace {
  vectors: Map<string, ContentVector>;
  /** the reference's weights spread over every term number, reused by each query (one at a time per thread) */
  scratch: Float32Array;
}

const cache = new WeakMap<LoadedIndex, ContentSpace>();

function space(index: LoadedIndex): ContentSpace {
  let s = cache.get(index);
  if (!s) cache.set(index, (s = build(index)));
  return s;
}

export function contentVectors(index: LoadedIndex): Map<string, ContentVector> {
  return space(index).vectors;
}

/**
 * Cosine of one sheet's vector with each of the others (0 for a sheet without one): the
 * reference is spread over a dense array once, then each candidate is one pass over its terms
 * (at ×10, 263 sheets: 0.7–0.9 ms, against 1.9 ms merging two term lists per candidate).
 */
export function contentSimilarities(index: LoadedIndex, refId: string, ids: readonly string[]): number[] {
  const { vectors, scratch } = space(index);
  const ref = vectors.get(refId);
  if (!ref) return ids.map(() => 0);
  ref.terms.forEach((t, i) => (scratch[t] = ref.weights[i]));
  const out = ids.map((id) => {
    const v = vectors.get(id);
    let dot = 0;
    if (v) for (let j = 0; j < v.terms.length; j++) dot += scratch[v.terms[j]] * v.weights[j];
    return dot;
  });
  ref.terms.forEach((t) => (scratch[t] = 0));
  return out;
}

/**
 * Built in flat typed arrays, two passes over the postings (count, then fill): per-sheet arrays of
 * numbers, a Map per sheet and an array per (term, weight) pair (0.82 million sheet terms at ×100)
 * were garbage a server still held when ready (idle RSS 17–25 MB higher). The same figures:
 * the same sums and products in the same order (tested against that build).
 */
function build(index: LoadedIndex): ContentSpace {
  const admin = new Set(TUNING.similar.adminFields);
  const ids = index.fiches.filter((f) => f.kind === "fiche").map((f) => f.id);
  const sheets = ids.length;
  const numbers = new Map(ids.map((id, i) => [id, i]));
  const sheetOf = Int32Array.from(index.chunks, (c) => (admin.has(c.field) ? -1 : (numbers.get(c.ficheId) ?? -1)));
  const textField = index.postings.fields.indexOf("text");
  const lists: { docs: Int32Array; tfs: Uint16Array }[] = [];
  const termNumber = new Map<string, number>();
  for (const [term, byField] of index.postings.terms) {
    const list = byField[textField];
    if (!list) continue;
    termNumber.set(term, lists.length);
    lists.push(list);
  }
  // pass 1: the terms each sheet holds (a term's postings are read whole before the next term's, so a sheet meets
  // each of its terms in one run: its term numbers come ascending)
  const held = new Int32Array(sheets);
  const lastTerm = new Int32Array(sheets).fill(-1);
  lists.forEach(({ docs }, k) => {
    for (let i = 0; i < docs.length; i++) {
      const sheet = sheetOf[docs[i]];
      if (sheet >= 0 && lastTerm[sheet] !== k) {
        lastTerm[sheet] = k;
        held[sheet]++;
      }
    }
  });
  // pass 2: each sheet's term numbers and summed term frequencies, side by side in two flat arrays
  const start = new Int32Array(sheets + 1);
  for (let s = 0; s < sheets; s++) start[s + 1] = start[s] + held[s];
  const bodyTerms = new Int32Array(start[sheets]);
  // term frequencies are whole numbers (sums of the postings' counts): int32 holds them exactly
  const bodyTfs = new Int32Array(start[sheets]);
  const fill = start.slice(0, sheets);
  lastTerm.fill(-1);
  lists.forEach(({ docs, tfs }, k) => {
    for (let i = 0; i < docs.length; i++) {
      const sheet = sheetOf[docs[i]];
      if (sheet < 0) continue;
      if (lastTerm[sheet] !== k) {
        lastTerm[sheet] = k;
        bodyTerms[fill[sheet]++] = k;
      }
      bodyTfs[fill[sheet] - 1] += tfs[i];
    }
  });
  // the title names the activity and its public; its terms join the sheet's, in order (a title term the text
  // also holds adds its count to the text's)
  const titles = ids.map((id) => {
    const counts = new Map<number, number>();
    for (const t of analyze(index.ficheById.get(id)!.title)) {
      let k = termNumber.get(t);
      if (k === undefined) termNumber.set(t, (k = termNumber.size));
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    return [...counts.keys()].sort((a, b) => a - b).map((k) => [k, counts.get(k)!] as const);
  });
  const at = new Int32Array(sheets + 1);
  for (let s = 0; s < sheets; s++) {
    let added = 0;
    for (const [k] of titles[s]) if (!sortedHas(bodyTerms, start[s], start[s + 1], k)) added++;
    at[s + 1] = at[s] + held[s] + added;
  }
  const terms = new Int32Array(at[sheets]);
  const tfs = new Int32Array(at[sheets]);
  for (let s = 0; s < sheets; s++) {
    // merge the two ascending lists
    let i = start[s];
    let o = at[s];
    for (const [k, n] of titles[s]) {
      while (i < start[s + 1] && bodyTerms[i] < k) {
        terms[o] = bodyTerms[i];
        tfs[o++] = bodyTfs[i++];
      }
      terms[o] = k;
      tfs[o++] = i < start[s + 1] && bodyTerms[i] === k ? bodyTfs[i++] + n : 0 + n;
    }
    while (i < start[s + 1]) {
      terms[o] = bodyTerms[i];
      tfs[o++] = bodyTfs[i++];
    }
  }
  const df = new Int32Array(termNumber.size);
  for (let j = 0; j < terms.length; j++) df[terms[j]]++;
  const outTerms = new Int32Array(terms.length);
  const outWeights = new Float32Array(terms.length);
  const out = new Map<string, ContentVector>();
  // one sheet's weights at a time (the arrays above are the build's transient memory: ~40 MB at ×100)
  let widest = 0;
  for (let s = 0; s < sheets; s++) widest = Math.max(widest, at[s + 1] - at[s]);
  const w = new Float64Array(widest);
  let kept = 0;
  ids.forEach((id, s) => {
    const from = at[s];
    const n = at[s + 1] - from;
    // sublinear tf × idf over sheets: a term every sheet holds weighs nothing
    for (let j = 0; j < n; j++) w[j] = (1 + Math.log(tfs[from + j])) * Math.log(sheets / df[terms[from + j]]);
    let squares = 0;
    for (let j = 0; j < n; j++) squares += w[j] * w[j];
    const norm = Math.sqrt(squares) || 1;
    const first = kept;
    for (let j = 0; j < n; j++) {
      if (!(w[j] > 0)) continue;
      outTerms[kept] = terms[from + j];
      outWeights[kept++] = w[j] / norm;
    }
    out.set(id, { terms: outTerms.subarray(first, kept), weights: outWeights.subarray(first, kept) });
  });
  return { vectors: out, scratch: new Float32Array(termNumber.size) };
}

/** Whether the ascending run a[from, to) holds x. */
function sortedHas(a: Int32Array, from: number, to: number, x: number): boolean {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo < to && a[lo] === x;
}
