// A question's concepts matched against many passages at once. Terms and prefixes are numbered
// (one dictionary for the chunks indexed lately); a question's terms are compiled once into the
// numbers of the term and of the prefix under which it meets a derived form (evidence.ts's rule);
// a chunk is indexed once as one Int32Array: its passages' offsets, its terms and prefixes as
// sorted numbers, for each the bits of the passages holding it, and its title's terms and
// prefixes. A concept is then tested once per chunk, not once per passage, reading one array
// rather than sets and maps spread over the heap: the re-rank runs after retrieval has filled
// the CPU caches with other data, where maps cost it ~110 µs a question at ×1 (~40 µs when hot).
import type { Concept } from "../understand/concepts.ts";
import { TUNING } from "../tuning.ts";

const { derivedFormPrefix } = TUNING.evidence;

/** Analysed terms of a text, with the prefixes that let a stem meet its derived forms. */
export interface TermBag {
  terms: Set<string>;
  prefixes: Set<string>;
}

/**
 * The prefix a question term meets its derived forms by ("forment" ~ "formation", "étudiants" ~
 * "étudiante"), or none when it must match exactly (an acronym) or is too short.
 */
export function prefixKey(term: string, exact: ReadonlySet<string>): string | undefined {
  return exact.has(term) || term.length < derivedFormPrefix.min ? undefined : term.slice(0, Math.min(derivedFormPrefix.max, term.length));
}

/** Numbers of the terms and prefixes of the chunks indexed since the dictionary was last emptied (with them). */
let dictionary = new Map<string, number>();
let generation = 0;

/** The vocabulary of the chunks analysed at ingest (statements.ts): numbered first, 0..n-1, then their
 * prefixes, the same numbers at every reset, so chunks read from ingest's numbers need no string looked up. */
let vocabulary: readonly string[] = [];
/** the number of vocabulary term i's prefix of length derivedFormPrefix.min + j at [i * PREFIXES + j], -1 for none */
let prefixNumbers = new Int32Array(0);
const PREFIXES = derivedFormPrefix.max - derivedFormPrefix.min + 1;

/** Called when the indexed chunks are let go: their numbers mean nothing any more. */
export function resetDictionary(): void {
  dictionary = new Map();
  generation++;
  for (const t of vocabulary) numberOf(t);
  vocabulary.forEach((t, i) => {
    for (let j = 0; j < PREFIXES; j++) {
      const n = derivedFormPrefix.min + j;
      prefixNumbers[i * PREFIXES + j] = t.length >= n ? numberOf(t.slice(0, n)) : -1;
    }
  });
}

/** Numbers terms as `vocab` does (one index's, at a time); chunks indexed before must be let go. */
export function useVocabulary(vocab: readonly string[]): void {
  vocabulary = vocab;
  prefixNumbers = new Int32Array(vocab.length * PREFIXES);
  resetDictionary();
}

function numberOf(key: string): number {
  let id = dictionary.get(key);
  if (id === undefined) dictionary.set(key, (id = dictionary.size));
  return id;
}

/** A question term as the numbers of itself and of its prefix; -1 for none, or for one no indexed chunk holds. */
interface TermKey {
  term: number;
  prefix: number;
}

/** A concept's alternative phrases, each as the keys of its terms. */
type CompiledConcept = readonly (readonly TermKey[])[];

export interface CompiledConcepts {
  concepts: CompiledConcept[];
  required: CompiledConcept[] | undefined;
  generation: number;
  /** the dictionary's size when compiled: a chunk indexed since may hold a term that had no number */
  size: number;
  absent: boolean;
}

/** A key's number, or -1 (noted in `seen.absent` when the key exists but no indexed chunk holds it yet). */
function numberIfHeld(key: string | undefined, seen: { absent: boolean }): number {
  if (key === undefined) return -1;
  const id = dictionary.get(key);
  if (id !== undefined) return id;
  seen.absent = true;
  return -1;
}

function compileConcept(c: Concept, exact: ReadonlySet<string>, seen: { absent: boolean }): CompiledConcept {
  return c.phrases.map((phrase) => phrase.map((t) => ({ term: numberIfHeld(t, seen), prefix: numberIfHeld(prefixKey(t, exact), seen) })));
}

export function compileConcepts(concepts: readonly Concept[], required: readonly Concept[] | undefined, exact: ReadonlySet<string>): CompiledConcepts {
  const seen = { absent: false };
  const compiled = concepts.map((c) => compileConcept(c, exact, seen));
  const compiledRequired = required?.map((c) => compileConcept(c, exact, seen));
  return { concepts: compiled, required: compiledRequired, generation, size: dictionary.size, absent: seen.absent };
}

/** Compiled against another dictionary, or missing a number a chunk indexed since has given. */
export function isStale(c: CompiledConcepts): boolean {
  return c.generation !== generation || (c.absent && c.size !== dictionary.size);
}

/** Passages per block: one bit each in a 32-bit mask (the seeds' chunks hold at most 39 passages, 2 of 697 over 32). */
const BLOCK = 32;

/** A chunk's index, laid out in `data` at these offsets. */
export interface ChunkKeys {
  /** passages */
  size: number;
  /** 32-passage blocks: each term and prefix has one mask per block */
  blocks: number;
  data: Int32Array;
  ends: number;
  terms: number;
  termCount: number;
  termMasks: number;
  prefixes: number;
  prefixCount: number;
  prefixMasks: number;
  titleTerms: number;
  titleTermCount: number;
  titlePrefixes: number;
  titlePrefixCount: number;
}

/** Where each key number sits among the keys being collected (-1: not yet), and their masks: reused by every chunk. */
let slot = new Int32Array(0);
let maskBuffer = new Int32Array(256);
let collected: number[] = [];

/** Sets passage p's bit in key `id`'s masks, collecting the key the first time. */
function mark(id: number, p: number, blocks: number): void {
  let s = slot[id];
  if (s < 0) {
    s = slot[id] = collected.length;
    collected.push(id);
    if (maskBuffer.length < collected.length * blocks) {
      const grown = new Int32Array(2 * collected.length * blocks);
      grown.set(maskBuffer);
      maskBuffer = grown;
    }
    maskBuffer.fill(0, s * blocks, (s + 1) * blocks);
  }
  maskBuffer[s * blocks + ((p / BLOCK) | 0)] |= 1 << p % BLOCK;
}

/** A unit's key in every passage that holds the unit: its own, and with pairs the pairs with its neighbours. */
function markUnit(id: number, k: number, units: number, pairs: boolean, blocks: number): void {
  if (!pairs) return mark(id, k, blocks);
  mark(id, 2 * k, blocks);
  if (k > 0) mark(id, 2 * k - 1, blocks);
  if (k + 1 < units) mark(id, 2 * k + 1, blocks);
}

/**
 * Sorted numbers with their per-block masks (flat, in the numbers' order), for the keys the passages hold:
 * vocabulary numbers, or their prefixes. The passages are the units alone, or with `pairs` each unit then
 * its pair with the next (unit k is passage 2k, the pair of k and k + 1 passage 2k + 1).
 */
function numberedMasks(units: readonly ArrayLike<number>[], pairs: boolean, prefixes: boolean, blocks: number): { ids: number[]; masks: Int32Array } {
  if (slot.length < dictionary.size) slot = new Int32Array(2 * dictionary.size).fill(-1);
  collected = [];
  for (let k = 0; k < units.length; k++) {
    const list = units[k];
    for (let i = 0; i < list.length; i++) {
      if (!prefixes) markUnit(list[i], k, units.length, pairs, blocks);
      else {
        for (let j = 0; j < PREFIXES; j++) {
          const n = prefixNumbers[list[i] * PREFIXES + j];
          if (n >= 0) markUnit(n, k, units.length, pairs, blocks);
        }
      }
    }
  }
  const ids = collected.sort((a, b) => a - b);
  const masks = new Int32Array(ids.length * blocks);
  for (let k = 0; k < ids.length; k++) {
    const at = slot[ids[k]] * blocks;
    masks.set(maskBuffer.subarray(at, at + blocks), k * blocks);
    slot[ids[k]] = -1;
  }
  return { ids, masks };
}

/**
 * A chunk indexed from its statements' vocabulary numbers (retrieve/statements.ts) rather than their text:
 * each passage is one unit, or (with `pairs`) two neighbouring ones, whose terms together are the union
 * of theirs, as `indexChunk` would find them.
 */
export function indexNumbered(spans: readonly { start: number; end: number }[], units: readonly ArrayLike<number>[], pairs: boolean, title: ArrayLike<number>): ChunkKeys {
  const blocks = Math.ceil(spans.length / BLOCK);
  const titleTerms = [...new Set(Array.from(title))].sort((a, b) => a - b);
  const titlePrefixes = numberedMasks([title], false, true, 1).ids;
  return layoutKeys(spans, numberedMasks(units, pairs, false, blocks), numberedMasks(units, pairs, true, blocks), titleTerms, titlePrefixes, blocks);
}

/** Sorted numbers with their per-block masks, for the keys a passage holds. */
function keyMasks(bags: readonly TermBag[], pick: (bag: TermBag) => Set<string>, blocks: number): { ids: number[]; masks: Int32Array } {
  const byId = new Map<number, Int32Array>();
  bags.forEach((bag, p) => {
    for (const key of pick(bag)) {
      const id = numberOf(key);
      let masks = byId.get(id);
      if (!masks) byId.set(id, (masks = new Int32Array(blocks)));
      masks[(p / BLOCK) | 0] |= 1 << p % BLOCK;
    }
  });
  const ids = [...byId.keys()].sort((a, b) => a - b);
  const masks = new Int32Array(ids.length * blocks);
  ids.forEach((id, k) => masks.set(byId.get(id)!, k * blocks));
  return { ids, masks };
}

export function indexChunk(passages: readonly (TermBag & { start: number; end: number })[], title: TermBag): ChunkKeys {
  const size = passages.length;
  const blocks = Math.ceil(size / BLOCK);
  const terms = keyMasks(passages, (b) => b.terms, blocks);
  const prefixes = keyMasks(passages, (b) => b.prefixes, blocks);
  const titleTerms = [...new Set([...title.terms].map(numberOf))].sort((a, b) => a - b);
  const titlePrefixes = [...new Set([...title.prefixes].map(numberOf))].sort((a, b) => a - b);
  return layoutKeys(passages, terms, prefixes, titleTerms, titlePrefixes, blocks);
}

function layoutKeys(
  passages: readonly { start: number; end: number }[],
  terms: { ids: number[]; masks: Int32Array },
  prefixes: { ids: number[]; masks: Int32Array },
  titleTerms: number[],
  titlePrefixes: number[],
  blocks: number,
): ChunkKeys {
  const size = passages.length;
  const at = { ends: size, terms: 2 * size };
  const termMasks = at.terms + terms.ids.length;
  const prefixStart = termMasks + terms.ids.length * blocks;
  const prefixMasks = prefixStart + prefixes.ids.length;
  const titleStart = prefixMasks + prefixes.ids.length * blocks;
  const titlePrefixStart = titleStart + titleTerms.length;
  const data = new Int32Array(titlePrefixStart + titlePrefixes.length);
  passages.forEach((p, i) => {
    data[i] = p.start;
    data[at.ends + i] = p.end;
  });
  data.set(terms.ids, at.terms);
  data.set(terms.masks, termMasks);
  data.set(prefixes.ids, prefixStart);
  data.set(prefixes.masks, prefixMasks);
  data.set(titleTerms, titleStart);
  data.set(titlePrefixes, titlePrefixStart);
  return {
    size,
    blocks,
    data,
    ends: at.ends,
    terms: at.terms,
    termCount: terms.ids.length,
    termMasks,
    prefixes: prefixStart,
    prefixCount: prefixes.ids.length,
    prefixMasks,
    titleTerms: titleStart,
    titleTermCount: titleTerms.length,
    titlePrefixes: titlePrefixStart,
    titlePrefixCount: titlePrefixes.length,
  };
}

/** Position of `id` among the `count` sorted numbers from `from`, or -1. */
function find(data: Int32Array, from: number, count: number, id: number): number {
  let lo = from;
  let hi = from + count - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = data[mid];
    if (v === id) return mid - from;
    if (v < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** The bits of block `b`'s passages that hold the term, as itself or by its prefix. */
function termBits(k: TermKey, c: ChunkKeys, b: number): number {
  let bits = 0;
  if (k.term >= 0) {
    const i = find(c.data, c.terms, c.termCount, k.term);
    if (i >= 0) bits = c.data[c.termMasks + i * c.blocks + b];
  }
  if (k.prefix >= 0) {
    const i = find(c.data, c.prefixes, c.prefixCount, k.prefix);
    if (i >= 0) bits |= c.data[c.prefixMasks + i * c.blocks + b];
  }
  return bits;
}

/** The bits of block `b`'s passages that state the concept: some phrase with every term. */
export function conceptBits(concept: CompiledConcept, c: ChunkKeys, b: number): number {
  let any = 0;
  for (const phrase of concept) {
    let all = -1;
    for (const k of phrase) {
      all &= termBits(k, c, b);
      if (all === 0) break;
    }
    any |= all;
  }
  return any;
}

/** The chunk's title (with its field label) states the concept. */
export function titleStates(concept: CompiledConcept, c: ChunkKeys): boolean {
  for (const phrase of concept) {
    let all = true;
    for (const k of phrase) {
      if (k.term >= 0 && find(c.data, c.titleTerms, c.titleTermCount, k.term) >= 0) continue;
      if (k.prefix >= 0 && find(c.data, c.titlePrefixes, c.titlePrefixCount, k.prefix) >= 0) continue;
      all = false;
      break;
    }
    if (all) return true;
  }
  return false;
}

/**
 * A compiled query's terms as bits, one per term of each phrase (at most 32), for reading a chunk's
 * statements by their vocabulary numbers (retrieve/statements.ts) without indexing the chunk: a unit's
 * keys are the bits of the terms it holds, as themselves or by their prefix, and a concept holds where
 * one of its phrases' bit sets is all there. The same test as `conceptBits` and `titleStates`.
 */
export interface NumberedMatcher {
  /** per concept, its phrases' bit sets */
  concepts: Int32Array[];
  required: Int32Array[] | undefined;
}

/** Bits of the loaded query's terms by term number and by prefix number; only `loaded`'s entries are set. */
let termBitsOf = new Int32Array(0);
let prefixBitsOf = new Int32Array(0);
let loadedFor: CompiledConcepts | undefined;
let loaded: NumberedMatcher | undefined;
let loadedNumbers: number[] = [];

/** The matcher of `c` (one query's at a time, made again when another is asked), or none past 32 terms. */
export function numberedMatcher(c: CompiledConcepts): NumberedMatcher | undefined {
  if (loadedFor === c) return loaded;
  for (const n of loadedNumbers) termBitsOf[n] = prefixBitsOf[n] = 0;
  loadedNumbers = [];
  if (termBitsOf.length < dictionary.size) {
    termBitsOf = new Int32Array(2 * dictionary.size);
    prefixBitsOf = new Int32Array(2 * dictionary.size);
  }
  loadedFor = c;
  loadingBit = 0;
  const concepts = c.concepts.map(phraseMasks);
  const required = c.required?.map(phraseMasks);
  loaded = loadingBit <= 32 ? { concepts, required } : undefined;
  return loaded;
}

/** The next bit numberedMatcher gives a term while it loads a query. */
let loadingBit = 0;

/** A concept's phrases as masks of the bits its terms get, the next bits in order (a function of its own, not a closure
 * made per query: tsx names every closure it makes, a defineProperty each). */
function phraseMasks(concept: CompiledConcept): Int32Array {
  return Int32Array.from(concept, (phrase) => {
    let mask = 0;
    for (const k of phrase) {
      const b = loadingBit < 32 ? 1 << loadingBit : 0;
      loadingBit++;
      if (k.term >= 0) termBitsOf[k.term] |= b;
      if (k.prefix >= 0) prefixBitsOf[k.prefix] |= b;
      loadedNumbers.push(k.term >= 0 ? k.term : 0, k.prefix >= 0 ? k.prefix : 0);
      mask |= b;
    }
    return mask;
  });
}

/** The bits of the loaded query's terms that these vocabulary numbers hold, as themselves or by their prefix. */
export function numberedKeys(ids: ArrayLike<number>): number {
  let keys = 0;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i];
    keys |= termBitsOf[id];
    for (let j = 0; j < PREFIXES; j++) {
      const n = prefixNumbers[id * PREFIXES + j];
      if (n >= 0) keys |= prefixBitsOf[n];
    }
  }
  return keys;
}

/** Some phrase of the concept has all its terms among `keys`. */
export function statesAll(phrases: Int32Array, keys: number): boolean {
  for (let i = 0; i < phrases.length; i++) if ((phrases[i] & keys) === phrases[i]) return true;
  return false;
}
