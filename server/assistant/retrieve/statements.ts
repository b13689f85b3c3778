// The chunks' statements as ingest analysed them (ingest's passageTerms.ts), for the evidence
// passages (decide/evidence.ts) and phrase checks (understand/sideBySide.ts) instead of analysing a
// chunk's text at every question that reads it: at
// ×100 a question asked once read ~hundreds of chunks no memo held, ~40% of a search's CPU. One
// index's at a time (the one the assistant was last built over); a chunk of another, or one ingest
// did not hold, is analysed from its text as before, with the same result.
import type { LoadedIndex, PassageTerms } from "../../../ingest/store/index.ts";
import type { Chunk } from "../../../ingest/types.ts";
import { TUNING } from "../tuning.ts";

interface Held {
  terms: PassageTerms;
  at: Map<Chunk, number>;
}
let held: Held | undefined;

/** Reads `index`'s statements from now on, when ingest split them as the evidence does (the same checkbox fields). */
export function holdStatements(index: LoadedIndex): void {
  const terms = index.passageTerms;
  const lines = TUNING.evidence.checkboxFields;
  if (terms.lineFields.length !== lines.length || terms.lineFields.some((f) => !lines.includes(f))) {
    held = undefined;
    return;
  }
  const at = new Map<Chunk, number>();
  index.chunks.forEach((c, i) => {
    if (terms.chunkUnits[i + 1] > terms.chunkUnits[i]) at.set(c, i);
  });
  held = { terms, at };
}

/** The held vocabulary's numbers by term, made when first asked for (one index at a time, as the statements). */
let numbers: { of: PassageTerms; ids: Map<string, number> } | undefined;

/** The held vocabulary's numbers by term. */
function vocabularyNumbers(terms: PassageTerms): Map<string, number> {
  if (numbers?.of !== terms) numbers = { of: terms, ids: new Map(terms.vocab.map((t, i) => [t, i])) };
  return numbers.ids;
}

/** The vocabulary numbers of these terms (those the held statements know); undefined when none are held. */
export function heldTermNumbers(terms: Iterable<string>): Set<number> | undefined {
  if (!held) return undefined;
  const known = vocabularyNumbers(held.terms);
  const out = new Set<number>();
  for (const t of terms) {
    const id = known.get(t);
    if (id !== undefined) out.add(id);
  }
  return out;
}

/** The terms of held chunks' texts, as a set of vocabulary numbers read with `has(term)`; undefined when one chunk is not held. */
export function heldTermSet(chunks: readonly Chunk[]): { has(term: string): boolean } | undefined {
  if (!held) return undefined;
  const ids = new Set<number>();
  for (const chunk of chunks) {
    const s = statementsOf(chunk);
    if (!s) return undefined;
    for (let k = s.terms.unitTerms[s.first + 1]; k < s.terms.unitTerms[s.end]; k++) ids.add(s.terms.terms[k]);
  }
  const known = vocabularyNumbers(held.terms);
  return { has: (term) => ids.has(known.get(term) ?? -1) };
}

/** Whether a held chunk's text holds one of these vocabulary numbers (heldTermNumbers); undefined when the chunk is not held. */
export function textHoldsAnyOf(chunk: Chunk, wanted: ReadonlySet<number>): boolean | undefined {
  const s = statementsOf(chunk);
  if (!s) return undefined;
  const { terms, first, end } = s;
  for (let k = terms.unitTerms[first + 1]; k < terms.unitTerms[end]; k++) if (wanted.has(terms.terms[k])) return true;
  return false;
}

/** The vocabulary the held statements are numbered in, if any. */
export function heldVocabulary(): readonly string[] | undefined {
  return held?.terms.vocab;
}

/** A held chunk's units (its frame's number, then its statements': first + 1 .. end - 1); undefined when not held. */
export function statementsOf(chunk: Chunk): { terms: PassageTerms; first: number; end: number } | undefined {
  const i = held?.at.get(chunk);
  if (i === undefined || !held) return undefined;
  return { terms: held.terms, first: held.terms.chunkUnits[i], end: held.terms.chunkUnits[i + 1] };
}

/** A held chunk's text analysed (analyze(chunk.text)): its statements' terms one after the other. */
export function heldTextTerms(chunk: Chunk): string[] | undefined {
  const s = statementsOf(chunk);
  if (!s) return undefined;
  const { terms, first, end } = s;
  const out: string[] = [];
  for (let k = terms.unitTerms[first + 1]; k < terms.unitTerms[end]; k++) out.push(terms.vocab[terms.terms[k]]);
  return out;
}

/**
 * Whether a held chunk's text holds these terms, in their order, within `window` consecutive words (understand/sideBySide.ts), read
 * as vocabulary numbers in place: no term written out. Undefined when the chunk is not held or the terms are too many.
 */
export function heldTextHoldsSideBySide(chunk: Chunk, terms: ReadonlySet<string>, window: number): boolean | undefined {
  const s = statementsOf(chunk);
  if (!s || terms.size > 30) return undefined;
  const known = vocabularyNumbers(s.terms);
  const wanted: number[] = [];
  for (const t of terms) {
    const id = known.get(t);
    // a term the statements never write: no text holds it
    if (id === undefined) return false;
    wanted.push(id);
  }
  const seq = s.terms.terms;
  const to = s.terms.unitTerms[s.end];
  for (let i = s.terms.unitTerms[s.first + 1]; i < to; i++) {
    if (seq[i] !== wanted[0]) continue;
    let next = 1;
    for (let j = i + 1; j < Math.min(to, i + window) && next < wanted.length; j++) if (seq[j] === wanted[next]) next++;
    if (next === wanted.length) return true;
  }
  return false;
}

/** Unit u's terms, as vocabulary numbers. */
export function unitTerms(terms: PassageTerms, u: number): Uint16Array | Uint32Array {
  return terms.terms.subarray(terms.unitTerms[u], terms.unitTerms[u + 1]);
}
