// BM25 over flat posting lists, read once from the MiniSearch index at load. MiniSearch's own
// search scores every document that holds any query term and returns them all, as objects,
// before we keep the best 60: at ×10 that was a third of a query's CPU and most of its garbage.
// Here a query walks only the postings of its terms, accumulates into one reused score array
// and keeps the best n in a heap, so its cost follows the postings it touches, not the corpus.
// The score is MiniSearch's own (BM25+, k 1.2, b 0.7, d 0.5, per-field idf, field boosts, and
// the total multiplied by the number of distinct query terms matched), so rankings are unchanged.
import type MiniSearch from "minisearch";
import { topN, type PostingHit } from "./topHits.ts";

const BM25 = { k: 1.2, b: 0.7, d: 0.5 } as const;

/** One field's postings of a term: documents (chunk indices, ascending) and term frequencies. */
interface FieldPostings {
  docs: Int32Array;
  tfs: Uint16Array;
  /** BM25 idf over the documents holding the term in this field (MiniSearch's per-field count) */
  idf: number;
}

export interface PostingLists {
  /** field names, in MiniSearch's order (text, header) */
  fields: readonly string[];
  /** term -> per field postings (undefined where the field never holds the term) */
  terms: Map<string, (FieldPostings | undefined)[]>;
  /** per field: k * (1 - b + b * length / average length) of each document */
  norms: Float64Array[];
  /** chunk ids by document number */
  ids: readonly string[];
}

interface MiniSearchInternals {
  _index: Iterable<[string, Map<number, Map<number, number>>]>;
  _fieldIds: Record<string, number>;
  _documentIds: Map<number, string>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _documentCount: number;
}

/** Builds the posting lists of a loaded MiniSearch index whose document ids are `ids`. */
export function postingListsOf(lexical: MiniSearch, ids: readonly string[]): PostingLists {
  const ms = lexical as unknown as MiniSearchInternals;
  const fields = Object.keys(ms._fieldIds).sort((a, b) => ms._fieldIds[a] - ms._fieldIds[b]);
  const docOf = new Map(ids.map((id, i) => [id, i]));
  const shortToDoc = new Map<number, number>();
  for (const [short, id] of ms._documentIds) {
    const doc = docOf.get(id);
    if (doc !== undefined) shortToDoc.set(short, doc);
  }
  const norms = fields.map((_, f) => {
    const out = new Float64Array(ids.length);
    for (const [short, lengths] of ms._fieldLength) {
      const doc = shortToDoc.get(short);
      if (doc !== undefined) out[doc] = BM25.k * (1 - BM25.b + (BM25.b * lengths[f]) / ms._avgFieldLength[f]);
    }
    return out;
  });
  const n = ms._documentCount;
  const terms = new Map<string, (FieldPostings | undefined)[]>();
  for (const [term, byField] of ms._index) {
    const lists = fields.map((_, f) => {
      const freqs = byField.get(f);
      if (!freqs || freqs.size === 0) return undefined;
      const pairs: [number, number][] = [];
      for (const [short, tf] of freqs) {
        const doc = shortToDoc.get(short);
        if (doc !== undefined) pairs.push([doc, tf]);
      }
      pairs.sort((a, b) => a[0] - b[0]);
      const df = freqs.size;
      return {
        docs: Int32Array.from(pairs, (p) => p[0]),
        tfs: Uint16Array.from(pairs, (p) => Math.min(p[1], 65_535)),
        idf: Math.log(1 + (n - df + 0.5) / (df + 0.5)),
      };
    });
    terms.set(term, lists);
  }
  return { fields, terms, norms, ids };
}

/** Files of the posting lists in an index folder: the term table (JSON) and the arrays (binary). */
export interface PostingFiles {
  table: { fields: string[]; docCount: number; terms: string[]; idf: number[]; starts: number[] };
  arrays: Buffer;
}

/**
 * The posting lists as two files, written at ingest so the server reads flat arrays instead of
 * parsing MiniSearch's JSON (28 MB and ~1.6 s at ×100, plus the transient objects). Layout of the
 * arrays: norms (Float64, fields × docs), then every list's documents (Int32), then their term
 * frequencies (Uint16); list (term t, field f) spans starts[t*F+f] .. starts[t*F+f+1].
 */
export function serializePostings(p: PostingLists): PostingFiles {
  const F = p.fields.length;
  const terms = [...p.terms.keys()];
  const starts = [0];
  const idf: number[] = [];
  let total = 0;
  for (const t of terms) {
    for (const list of p.terms.get(t)!) {
      total += list?.docs.length ?? 0;
      starts.push(total);
      idf.push(list ? list.idf : -1);
    }
  }
  const n = p.ids.length;
  const arrays = Buffer.alloc(F * n * 8 + total * 4 + total * 2);
  const norms = new Float64Array(arrays.buffer, arrays.byteOffset, F * n);
  p.norms.forEach((norm, f) => norms.set(norm, f * n));
  const docs = new Int32Array(arrays.buffer, arrays.byteOffset + F * n * 8, total);
  const tfs = new Uint16Array(arrays.buffer, arrays.byteOffset + F * n * 8 + total * 4, total);
  let at = 0;
  for (const t of terms) {
    for (const list of p.terms.get(t)!) {
      if (!list) continue;
      docs.set(list.docs, at);
      tfs.set(list.tfs, at);
      at += list.docs.length;
    }
  }
  return { table: { fields: [...p.fields], docCount: n, terms, idf, starts }, arrays };
}

/** Reads the posting lists back over the index's chunk ids; the lists are views on one buffer. */
export function deserializePostings(files: PostingFiles, ids: readonly string[]): PostingLists {
  const { fields, docCount, terms, idf, starts } = files.table;
  if (docCount !== ids.length) throw new Error(`the posting lists cover ${docCount} chunks, the index has ${ids.length}`);
  const F = fields.length;
  const total = starts[starts.length - 1];
  // typed views need an aligned start: copy when the read buffer is not 8-byte aligned
  const buf = files.arrays.byteOffset % 8 === 0 ? files.arrays : Buffer.from(files.arrays);
  if (buf.length !== F * docCount * 8 + total * 6) throw new Error("the posting arrays do not match their table");
  const norms = fields.map((_, f) => new Float64Array(buf.buffer, buf.byteOffset + f * docCount * 8, docCount));
  const docs = new Int32Array(buf.buffer, buf.byteOffset + F * docCount * 8, total);
  const tfs = new Uint16Array(buf.buffer, buf.byteOffset + F * docCount * 8 + total * 4, total);
  const map = new Map<string, (FieldPostings | undefined)[]>();
  terms.forEach((term, t) => {
    map.set(
      term,
      fields.map((_, f) => {
        const k = t * F + f;
        if (idf[k] < 0) return undefined;
        return { docs: docs.subarray(starts[k], starts[k + 1]), tfs: tfs.subarray(starts[k], starts[k + 1]), idf: idf[k] };
      }),
    );
  });
  return { fields, terms: map, norms, ids };
}

export type { PostingHit } from "./topHits.ts";

export interface PostingQuery {
  /** analysed query terms, repeats included (each occurrence adds, as in MiniSearch) */
  terms: readonly string[];
  /** how many to return */
  n: number;
  /** field boosts; a field not named counts 1 */
  boost?: Readonly<Record<string, number>>;
  /** documents to leave out */
  accept?: (doc: number) => boolean;
}

/** Score buffers reused across queries (one per index; queries run one at a time on a thread). */
interface Scratch {
  score: Float64Array;
  matched: Uint16Array;
  /** the query that last touched a document, and the query term that last counted it */
  stamp: Uint32Array;
  termStamp: Uint32Array;
  /** the documents this query touched, in the order first touched: touched[0 .. count) */
  touched: Int32Array;
  epoch: number;
  termEpoch: number;
}
const scratch = new WeakMap<PostingLists, Scratch>();

function scratchOf(p: PostingLists): Scratch {
  let s = scratch.get(p);
  if (!s) {
    const size = p.ids.length;
    s = { score: new Float64Array(size), matched: new Uint16Array(size), stamp: new Uint32Array(size), termStamp: new Uint32Array(size), touched: new Int32Array(size), epoch: 0, termEpoch: 0 };
    scratch.set(p, s);
  }
  return s;
}

/** The n best documents for the query terms, best first (ties: lower document number first). */
export function searchPostings(p: PostingLists, q: PostingQuery): PostingHit[] {
  const s = scratchOf(p);
  // the buffers as locals and one plain loop per list: this loop runs for every posting a query touches
  // (p50 ~21,000, p95 ~48,000 at ×100), and property reads through the scratch object inside a
  // forEach callback cost ~38 ns a posting there
  const { score, matched, stamp, termStamp, touched } = s;
  const epoch = ++s.epoch;
  let count = 0;
  const distinct = new Map<string, number>();
  for (const t of q.terms) distinct.set(t, (distinct.get(t) ?? 0) + 1);
  const k1 = BM25.k + 1;
  const d = BM25.d;
  for (const [term, repeats] of distinct) {
    const lists = p.terms.get(term);
    if (!lists) continue;
    // a document counts a term once for the quality factor, whichever fields hold it
    const termMark = ++s.termEpoch;
    for (let f = 0; f < lists.length; f++) {
      const list = lists[f];
      if (!list) continue;
      const weight = repeats * (q.boost?.[p.fields[f]] ?? 1) * list.idf;
      const norm = p.norms[f];
      const docs = list.docs;
      const tfs = list.tfs;
      for (let i = 0; i < docs.length; i++) {
        const doc = docs[i];
        const tf = tfs[i];
        const part = weight * (d + (tf * k1) / (tf + norm[doc]));
        if (stamp[doc] !== epoch) {
          stamp[doc] = epoch;
          score[doc] = part;
          matched[doc] = 1;
          termStamp[doc] = termMark;
          touched[count++] = doc;
        } else {
          score[doc] += part;
          if (termStamp[doc] !== termMark) {
            termStamp[doc] = termMark;
            matched[doc]++;
          }
        }
      }
    }
  }
  return topN(touched, count, score, matched, q.n, q.accept);
}
