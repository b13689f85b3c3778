// A question's concepts matched against many passages at once. Each term is compiled once per
// question into the key under which it meets a derived form (evidence.ts's rule: itself, or its
// first 4–5 letters unless it must match exactly), and a chunk's passages are indexed once per
// chunk as bit masks per term and per prefix: a concept is then tested once per chunk, not once
// per passage, and no term is sliced again. Same answers as testing each passage's bag.
import type { Concept } from "../understand/concepts.ts";
import { TUNING } from "../tuning.ts";

const { derivedFormPrefix } = TUNING.evidence;

/** Analysed terms of a text, with the prefixes that let a stem meet its derived forms. */
export interface TermBag {
  terms: Set<string>;
  prefixes: Set<string>;
}

/** A question term and, unless it matches only as itself, the prefix it meets derived forms by. */
interface TermKey {
  term: string;
  prefix: string | undefined;
}

/** A concept's alternative phrases, each as the keys of its terms. */
export type CompiledConcept = readonly (readonly TermKey[])[];

/** Passages per block: one bit each in a 32-bit mask (the seeds' chunks hold at most 39 passages, 2 of 697 over 32). */
const BLOCK = 32;

/** A run of up to 32 of a chunk's passages: for each term and each prefix, the bits of the passages holding it. */
export interface PassageBlock {
  size: number;
  /** the passages' offsets, kept here so that ranking them reads no passage object */
  starts: Int32Array;
  ends: Int32Array;
  terms: Map<string, number>;
  prefixes: Map<string, number>;
}

/**
 * The prefix a question term meets its derived forms by ("forment" ~ "formation", "étudiants" ~
 * "étudiante"), or none when it must match exactly (an acronym) or is too short.
 */
export function prefixKey(term: string, exact: ReadonlySet<string>): string | undefined {
  return exact.has(term) || term.length < derivedFormPrefix.min ? undefined : term.slice(0, Math.min(derivedFormPrefix.max, term.length));
}

export function compileConcept(c: Concept, exact: ReadonlySet<string>): CompiledConcept {
  return c.phrases.map((phrase) => phrase.map((term) => ({ term, prefix: prefixKey(term, exact) })));
}

/** Some phrase of the concept has every term in the bag. */
export function coversBag(c: CompiledConcept, bag: TermBag): boolean {
  for (const phrase of c) {
    let all = true;
    for (const k of phrase) {
      if (bag.terms.has(k.term) || (k.prefix !== undefined && bag.prefixes.has(k.prefix))) continue;
      all = false;
      break;
    }
    if (all) return true;
  }
  return false;
}

export function passageBlocks(passages: readonly (TermBag & { start: number; end: number })[]): PassageBlock[] {
  const blocks: PassageBlock[] = [];
  for (let first = 0; first < passages.length; first += BLOCK) {
    const size = Math.min(BLOCK, passages.length - first);
    const block: PassageBlock = { size, starts: new Int32Array(size), ends: new Int32Array(size), terms: new Map(), prefixes: new Map() };
    for (let i = 0; i < size; i++) {
      const bit = 1 << i;
      const { terms, prefixes, start, end } = passages[first + i];
      block.starts[i] = start;
      block.ends[i] = end;
      for (const t of terms) block.terms.set(t, (block.terms.get(t) ?? 0) | bit);
      for (const p of prefixes) block.prefixes.set(p, (block.prefixes.get(p) ?? 0) | bit);
    }
    blocks.push(block);
  }
  return blocks;
}

/** The bits of the block's passages that state the concept: some phrase with every term. */
export function conceptBits(c: CompiledConcept, block: PassageBlock): number {
  let any = 0;
  for (const phrase of c) {
    let all = -1;
    for (const k of phrase) {
      all &= (block.terms.get(k.term) ?? 0) | (k.prefix === undefined ? 0 : (block.prefixes.get(k.prefix) ?? 0));
      if (all === 0) break;
    }
    any |= all;
  }
  return any;
}
