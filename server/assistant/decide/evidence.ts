// Evidence passages. A sheet answers "does X" when one passage of it — a sentence, or two
// neighbouring ones — states the question's specific concepts together, not when they are
// scattered over its fields. The sheet's title counts as part of every passage (it says what
// the action is). Administrative fields (budget, funders, contact, date) are evidence only for
// a question that asks for them.
import type { LoadedIndex } from "../../../ingest/store/index.ts";
import { analyze, splitLines, splitSentences, type Span } from "../../../ingest/text/index.ts";
import type { Chunk } from "../../../ingest/types.ts";
import type { CorpusStats } from "../retrieve/corpusStats.ts";
import { idf } from "../retrieve/corpusStats.ts";
import type { Concept } from "../understand/concepts.ts";
import { TUNING } from "../tuning.ts";
import { heldVocabulary, holdStatements, statementsOf, unitTerms } from "../retrieve/statements.ts";
import { compileConcepts, conceptBits, indexChunk, indexNumbered, isStale, numberedKeys, numberedMatcher, prefixKey, resetDictionary, statesAll, useVocabulary, titleStates, type ChunkKeys, type CompiledConcepts, type TermBag } from "./conceptMatch.ts";

export type { TermBag } from "./conceptMatch.ts";

const { adminFields, derivedFormPrefix, checkboxFields } = TUNING.evidence;

export interface Evidence extends Span {
  chunk: Chunk;
  /** idf-weighted share of the concepts the passage (with the title) states */
  coverage: number;
  /** the same, from the passage's own words */
  own: number;
  covered: Concept[];
}

export function termBag(text: string): TermBag {
  return bagOf(new Set(analyze(text)));
}

function bagOf(terms: Set<string>): TermBag {
  const prefixes = new Set<string>();
  for (const t of terms) for (let n = derivedFormPrefix.min; n <= derivedFormPrefix.max; n++) if (t.length >= n) prefixes.add(t.slice(0, n));
  return { terms, prefixes };
}

/** Analysed passages of the chunks read lately: chunks live as long as the index, so a WeakMap would
 * keep every chunk ever read; this one is emptied when full (the seeds' 697 chunks all fit). */
const passageCache = new Map<Chunk, (Span & TermBag)[]>();
/** …and their index for matching concepts (conceptMatch.ts), under the same bound */
const keyCache = new Map<Chunk, ChunkKeys>();
const { evidenceCacheChunks } = TUNING.scale;
function remember<V>(cache: Map<Chunk, V>, chunk: Chunk, value: V): V {
  if (cache.size >= evidenceCacheChunks) cache.clear();
  cache.set(chunk, value);
  return value;
}

/** A chunk's passages: each sentence, and each pair of neighbouring sentences — except in the
 * form's checkbox lists, where each ticked box (a line) is a statement of its own and two
 * neighbouring boxes say nothing together. */
export function passagesOf(chunk: Chunk): (Span & TermBag)[] {
  let out = passageCache.get(chunk);
  if (out) return out;
  const boxes = checkboxFields.includes(chunk.field);
  const held = statementsOf(chunk);
  if (held) return remember(passageCache, chunk, heldPassages(held, boxes));
  // one ticked box per line ("…(écoles, etc.)" is one box, whatever its full stops)
  const spans = boxes ? splitLines(chunk.text) : splitSentences(chunk.text);
  out = [];
  for (let i = 0; i < spans.length; i++) {
    // written out, not spread (see compose/passage.ts)
    const one = termBag(chunk.text.slice(spans[i].start, spans[i].end));
    out.push({ start: spans[i].start, end: spans[i].end, terms: one.terms, prefixes: one.prefixes });
    if (i + 1 < spans.length && !boxes) {
      const two = termBag(chunk.text.slice(spans[i].start, spans[i + 1].end));
      out.push({ start: spans[i].start, end: spans[i + 1].end, terms: two.terms, prefixes: two.prefixes });
    }
  }
  remember(passageCache, chunk, out);
  return out;
}

/** The same passages from the statements ingest analysed: two neighbouring sentences hold the union of their terms, in text order. */
function heldPassages({ terms, first, end }: NonNullable<ReturnType<typeof statementsOf>>, boxes: boolean): (Span & TermBag)[] {
  const words = (u: number) => {
    const set = new Set<string>();
    for (const id of unitTerms(terms, u)) set.add(terms.vocab[id]);
    return set;
  };
  const out: (Span & TermBag)[] = [];
  for (let u = first + 1; u < end; u++) {
    const one = bagOf(words(u));
    out.push({ start: terms.unitStart[u], end: terms.unitEnd[u], terms: one.terms, prefixes: one.prefixes });
    if (u + 1 < end && !boxes) {
      const two = bagOf(new Set([...one.terms, ...words(u + 1)]));
      out.push({ start: terms.unitStart[u], end: terms.unitEnd[u + 1], terms: two.terms, prefixes: two.prefixes });
    }
  }
  return out;
}

/** Evidence reads `index`'s statements as ingest analysed them (statements.ts) from now on. */
export function readStatements(index: LoadedIndex): void {
  holdStatements(index);
  useVocabulary(heldVocabulary() ?? []);
  // numbered with the dictionary just reset; passages of another index's chunks are not read again
  keyCache.clear();
  passageCache.clear();
}

/**
 * A question term is in a bag as itself or, unless it must match exactly (an acronym), as a
 * derived form sharing its first letters ("forment" ~ "formation", "étudiants" ~ "étudiante").
 */
function termIn(t: string, bag: TermBag, exact: ReadonlySet<string>): boolean {
  if (bag.terms.has(t)) return true;
  const prefix = prefixKey(t, exact);
  return prefix !== undefined && bag.prefixes.has(prefix);
}

export function bagCovers(c: Concept, bag: TermBag, exact: ReadonlySet<string>): boolean {
  return c.phrases.some((phrase) => phrase.every((t) => termIn(t, bag, exact)));
}

/** A concept weighs as its best alternative's rarest term. */
export const conceptWeight = (c: Concept, stats: CorpusStats): number => idf(stats, c.df);

/**
 * More of the concepts; then more of them in the passage's own words; then the shorter passage,
 * which says it more directly. Plain numbers (coverage, own share, length) rather than objects:
 * this runs for every passage rerank reads.
 */
function better(coverage: number, own: number, length: number, bestCoverage: number, bestOwn: number, bestLength: number): boolean {
  const eps = 1e-9;
  if (Math.abs(coverage - bestCoverage) > eps) return coverage > bestCoverage;
  if (Math.abs(own - bestOwn) > eps) return own > bestOwn;
  return length < bestLength;
}

export interface EvidenceQuery {
  concepts: Concept[];
  stats: CorpusStats;
  /** terms that match only as themselves (acronyms the question names) */
  exact: ReadonlySet<string>;
  /** administrative fields the question asks for, which then count as evidence */
  askedFields: readonly string[];
  /** when set, only these fields are evidence ("… parmi leurs porteurs") */
  onlyFields?: readonly string[];
  /** concepts every evidence passage must state itself (acronyms the question names) */
  required?: readonly Concept[];
}

export function isEvidenceField(field: string, askedFields: readonly string[]): boolean {
  return !adminFields.includes(field) || askedFields.includes(field);
}

/** A query's concepts compiled once for all the chunks it reads (rerank reads ten sheets with one query). */
interface CompiledQuery {
  keys: CompiledConcepts;
  weights: number[];
  total: number;
}
let lastQuery: EvidenceQuery | undefined;
let lastCompiled: CompiledQuery | undefined;
function compiled(q: EvidenceQuery): CompiledQuery {
  let c = q === lastQuery ? lastCompiled : undefined;
  if (!c) {
    const weights = q.concepts.map((x) => conceptWeight(x, q.stats));
    c = { keys: compileConcepts(q.concepts, q.required, q.exact), weights, total: weights.reduce((s, w) => s + w, 0) };
    lastQuery = q;
    lastCompiled = c;
  } else if (isStale(c.keys)) c.keys = compileConcepts(q.concepts, q.required, q.exact);
  return c;
}

function keysOf(chunk: Chunk): ChunkKeys {
  let keys = keyCache.get(chunk);
  if (keys) return keys;
  if (keyCache.size >= evidenceCacheChunks) {
    keyCache.clear();
    resetDictionary();
  }
  const held = statementsOf(chunk);
  if (held) {
    keyCache.set(chunk, (keys = heldKeys(held, checkboxFields.includes(chunk.field))));
    return keys;
  }
  // the title and the field label frame every passage ("Déterminants…" over a ticked box)
  keys = indexChunk(passagesOf(chunk), termBag(`${chunk.title} ${chunk.fieldLabel}`));
  keyCache.set(chunk, keys);
  return keys;
}

/** `passagesOf`'s passages indexed from ingest's numbers, with the frame as the title. */
function heldKeys({ terms, first, end }: NonNullable<ReturnType<typeof statementsOf>>, boxes: boolean): ChunkKeys {
  const spans: Span[] = [];
  const units: (Uint16Array | Uint32Array)[] = [];
  for (let u = first + 1; u < end; u++) {
    units.push(unitTerms(terms, u));
    spans.push({ start: terms.unitStart[u], end: terms.unitEnd[u] });
    if (u + 1 < end && !boxes) spans.push({ start: terms.unitStart[u], end: terms.unitEnd[u + 1] });
  }
  return indexNumbered(spans, units, !boxes, unitTerms(terms, first));
}

/** The passage of these chunks that states most of the concepts. */
export function bestEvidence(chunks: readonly Chunk[], q: EvidenceQuery): Evidence | undefined {
  const n = q.concepts.length;
  const inTitle: boolean[] = new Array(n).fill(false);
  const bits: number[] = new Array(n).fill(0);
  // the best passage so far, as plain numbers and the concepts it states
  let bestChunk: Chunk | undefined;
  const bestCovered: boolean[] = new Array(n).fill(false);
  let bestStart = 0;
  let bestEnd = 0;
  let bestCoverage = 0;
  let bestOwn = 0;
  for (const chunk of chunks) {
    if (q.onlyFields ? !q.onlyFields.includes(chunk.field) : !isEvidenceField(chunk.field, q.askedFields)) continue;
    // a chunk whose statements ingest analysed is read from their numbers (the same passages and the same test)
    const held = statementsOf(chunk);
    const matcher = held && numberedMatcher(compiled(q).keys);
    if (held && matcher) {
      const { weights, total } = compiled(q);
      const { terms, first, end } = held;
      const units = end - first - 1;
      const pairs = !checkboxFields.includes(chunk.field);
      const frame = numberedKeys(unitTerms(terms, first));
      for (let i = 0; i < n; i++) inTitle[i] = statesAll(matcher.concepts[i], frame);
      for (let u = 0; u < units; u++) unitKeys[u] = numberedKeys(unitTerms(terms, first + 1 + u));
      const passages = pairs && units > 0 ? 2 * units - 1 : units;
      for (let p = 0; p < passages; p++) {
        // passage p: unit p, or with pairs unit p / 2 (p even) or it and the next (p odd)
        const u = pairs ? p >> 1 : p;
        const two = pairs && (p & 1) === 1;
        const keys = two ? unitKeys[u] | unitKeys[u + 1] : unitKeys[u];
        if (matcher.required && !allStated(matcher.required, keys)) continue;
        let own = 0;
        let withTitle = 0;
        for (let i = 0; i < n; i++) {
          if (statesAll(matcher.concepts[i], keys)) {
            own += weights[i];
            withTitle += weights[i];
          } else if (inTitle[i]) withTitle += weights[i];
        }
        const coverage = total === 0 ? 1 : withTitle / total;
        const ownShare = total === 0 ? 1 : own / total;
        const start = terms.unitStart[first + 1 + u];
        const stop = terms.unitEnd[first + 1 + (two ? u + 1 : u)];
        if (bestChunk && !better(coverage, ownShare, stop - start, bestCoverage, bestOwn, bestEnd - bestStart)) continue;
        for (let i = 0; i < n; i++) bestCovered[i] = inTitle[i] || statesAll(matcher.concepts[i], keys);
        bestChunk = chunk;
        bestStart = start;
        bestEnd = stop;
        bestCoverage = coverage;
        bestOwn = ownShare;
      }
      continue;
    }
    // indexed before the query is compiled: indexing may number the query's terms anew
    const keys = keysOf(chunk);
    const cq = compiled(q);
    const { concepts, required } = cq.keys;
    const { weights, total } = cq;
    for (let i = 0; i < n; i++) inTitle[i] = titleStates(concepts[i], keys);
    for (let b = 0; b < keys.blocks; b++) {
      for (let i = 0; i < n; i++) bits[i] = conceptBits(concepts[i], keys, b);
      let allowed = -1;
      if (required) for (const r of required) allowed &= conceptBits(r, keys, b);
      const count = Math.min(32, keys.size - 32 * b);
      for (let j = 0; j < count; j++) {
        if (((allowed >>> j) & 1) === 0) continue;
        // summed in the concepts' order, as the shares always were: the same floating-point figures
        let own = 0;
        let withTitle = 0;
        for (let i = 0; i < n; i++) {
          if ((bits[i] >>> j) & 1) {
            own += weights[i];
            withTitle += weights[i];
          } else if (inTitle[i]) withTitle += weights[i];
        }
        const coverage = total === 0 ? 1 : withTitle / total;
        const ownShare = total === 0 ? 1 : own / total;
        const at = 32 * b + j;
        const start = keys.data[at];
        const stop = keys.data[keys.ends + at];
        if (bestChunk && !better(coverage, ownShare, stop - start, bestCoverage, bestOwn, bestEnd - bestStart)) continue;
        for (let i = 0; i < n; i++) bestCovered[i] = inTitle[i] || ((bits[i] >>> j) & 1) === 1;
        bestChunk = chunk;
        bestStart = start;
        bestEnd = stop;
        bestCoverage = coverage;
        bestOwn = ownShare;
      }
    }
  }
  if (!bestChunk) return undefined;
  return { chunk: bestChunk, start: bestStart, end: bestEnd, coverage: bestCoverage, own: bestOwn, covered: q.concepts.filter((_, i) => bestCovered[i]) };
}

/** Each statement's keys, for the chunk bestEvidence reads (reused). */
const unitKeys: number[] = [];

function allStated(concepts: readonly Int32Array[], keys: number): boolean {
  for (const c of concepts) if (!statesAll(c, keys)) return false;
  return true;
}
