// Each chunk's statements analysed once, at ingest, instead of at every question that reads the
// chunk: the server's evidence passages (a sentence, two neighbouring ones, or a ticked box) and
// its phrase checks analysed candidate chunks' texts per question, ~40% of a search's CPU at ×100
// where a question asked once meets chunks no memo holds. Kept as vocabulary numbers in flat arrays
// (~7 MB at ×100): per chunk its frame (title and field label, which frame every passage), then its
// units — the sentences of a text field, the lines of a checkbox list — each as analyze() gives its
// terms. When no word can run across the text between units (white space between sentences, line
// breaks between lines), two neighbouring sentences together hold exactly the union of their terms
// and the whole text exactly their terms one after the other; a chunk where a word could (no such
// chunk in the seeds or ×100) is not held, and the server analyses its text as before.
import { analyze, splitLines, splitSentences, type Span } from "../text/index.ts";
import { FACET_LIST_FIELDS, type Chunk } from "../types.ts";

export interface PassageTerms {
  vocab: readonly string[];
  /** fields whose units are lines (the form's checkbox lists), not sentences */
  lineFields: readonly string[];
  /** chunk i's units are chunkUnits[i] .. chunkUnits[i + 1] - 1, its frame first; none when it is not held */
  chunkUnits: Uint32Array;
  /** each unit's [start, end) in its chunk's text (0, 0 for a frame) */
  unitStart: Uint32Array;
  unitEnd: Uint32Array;
  /** unit u's terms are terms[unitTerms[u] .. unitTerms[u + 1] - 1], vocabulary numbers in text order */
  unitTerms: Uint32Array;
  terms: Uint16Array | Uint32Array;
}

/** The serialised form: a JSON table and one binary block. */
export interface PassageTermFiles {
  table: { vocab: string[]; lineFields: string[]; chunks: number; units: number; terms: number; termBytes: 2 | 4 };
  arrays: Uint8Array;
}

/** A character a word can hold or be joined by (analyzeFrench.ts: letters, digits, apostrophes, hyphens, the narrow space of "3 ème"). */
const WORD_PART = /[\p{L}\p{N}'\-\u2019\u2018\u02bc\u00b4`\u2032\u202f]/u;

/** No word runs from one span into the next: the text between them is not empty and holds no word part. */
export function separated(text: string, a: Span, b: Span): boolean {
  const gap = text.slice(a.end, b.start);
  return gap.length > 0 && !WORD_PART.test(gap);
}

/** A chunk's statements: the lines of a checkbox list, the sentences of any other field. */
export function unitsOf(chunk: Chunk, lineFields: readonly string[]): Span[] {
  return lineFields.includes(chunk.field) ? splitLines(chunk.text) : splitSentences(chunk.text);
}

/** No word part before the first unit nor after the last, and none runs from a unit into the next. */
function apart(text: string, units: readonly Span[]): boolean {
  if (units.length === 0) return !WORD_PART.test(text);
  if (WORD_PART.test(text.slice(0, units[0].start)) || WORD_PART.test(text.slice(units[units.length - 1].end))) return false;
  return units.every((u, j) => j + 1 === units.length || separated(text, u, units[j + 1]));
}

export function passageTermsOf(chunks: readonly Chunk[], lineFields: readonly string[] = FACET_LIST_FIELDS): PassageTermFiles {
  const number = new Map<string, number>();
  const vocab: string[] = [];
  const chunkUnits = new Uint32Array(chunks.length + 1);
  const starts: number[] = [];
  const ends: number[] = [];
  const unitTerms: number[] = [0];
  const terms: number[] = [];
  const addUnit = (text: string, start: number, end: number) => {
    starts.push(start);
    ends.push(end);
    for (const t of analyze(text)) {
      let id = number.get(t);
      if (id === undefined) {
        number.set(t, (id = vocab.length));
        vocab.push(t);
      }
      terms.push(id);
    }
    unitTerms.push(terms.length);
  };
  chunks.forEach((chunk, i) => {
    chunkUnits[i] = starts.length;
    const units = unitsOf(chunk, lineFields);
    if (!apart(chunk.text, units)) return;
    addUnit(`${chunk.title} ${chunk.fieldLabel}`, 0, 0);
    for (const u of units) addUnit(chunk.text.slice(u.start, u.end), u.start, u.end);
  });
  chunkUnits[chunks.length] = starts.length;
  const termBytes = vocab.length <= 0x10000 ? 2 : 4;
  const units = starts.length;
  const head = 4 * (chunks.length + 1 + 2 * units + units + 1);
  const arrays = new Uint8Array(head + termBytes * terms.length);
  const u32 = new Uint32Array(arrays.buffer, 0, head / 4);
  u32.set(chunkUnits, 0);
  u32.set(starts, chunks.length + 1);
  u32.set(ends, chunks.length + 1 + units);
  u32.set(unitTerms, chunks.length + 1 + 2 * units);
  (termBytes === 2 ? new Uint16Array(arrays.buffer, head, terms.length) : new Uint32Array(arrays.buffer, head, terms.length)).set(terms);
  return { table: { vocab, lineFields: [...lineFields], chunks: chunks.length, units, terms: terms.length, termBytes }, arrays };
}

/** Throws when the block does not hold what the table says, or a term outside the vocabulary. */
export function deserializePassageTerms({ table, arrays }: PassageTermFiles, chunkCount: number): PassageTerms {
  const { chunks, units, terms, termBytes, vocab } = table;
  if (chunks !== chunkCount) throw new Error(`the passage terms describe ${chunks} chunks, the index ${chunkCount}`);
  const head = 4 * (chunks + 1 + 3 * units + 1);
  if (arrays.length !== head + termBytes * terms) throw new Error(`the passage terms hold ${arrays.length} bytes, not ${head + termBytes * terms}`);
  // views on the file's own bytes when they start on a 4-byte boundary (a large file's Buffer does), else one aligned copy
  const aligned = arrays.byteOffset % 4 === 0 ? arrays : new Uint8Array(arrays);
  const { buffer, byteOffset: at } = aligned;
  const u32 = (from: number, n: number) => new Uint32Array(buffer, at + 4 * from, n);
  const p: PassageTerms = {
    vocab,
    lineFields: table.lineFields,
    chunkUnits: u32(0, chunks + 1),
    unitStart: u32(chunks + 1, units),
    unitEnd: u32(chunks + 1 + units, units),
    unitTerms: u32(chunks + 1 + 2 * units, units + 1),
    terms: termBytes === 2 ? new Uint16Array(buffer, at + head, terms) : new Uint32Array(buffer, at + head, terms),
  };
  if (p.chunkUnits[chunks] !== units || p.unitTerms[units] !== terms) throw new Error("the passage terms' offsets do not end where the table says");
  for (let i = 0; i < terms; i++) if (p.terms[i] >= vocab.length) throw new Error(`passage term ${i} is outside the vocabulary`);
  return p;
}
