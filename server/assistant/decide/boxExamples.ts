// A ticked box's label may illustrate itself: « Lieux de vie, promoteurs de santé (écoles, établissements hospitaliers,
// milieu professionnel, lieux 'apaisés', etc.) », « Soutien social : pair-aidance, écoute, etc. ». The examples are the
// form's, printed alike in every sheet that ticks the box: ticking it says the action concerns some place of life, not
// that it is set in a workplace. A list concept a sheet holds only there is not something the sheet says it does.
import type { LoadedIndex } from "../../../ingest/store/index.ts";
import { analyze } from "../../../ingest/text/index.ts";
import type { Chunk } from "../../../ingest/types.ts";
import { sideBySide } from "../understand/sideBySide.ts";
import { TUNING } from "../tuning.ts";
import { passagesOf } from "./evidence.ts";
import { sheetChunks } from "./sheetChunks.ts";

const { checkboxFields } = TUNING.evidence;

/** A box label's examples: a bracket or a closing colon list that ends in "etc." (the form's way of illustrating). */
const BOX_EXAMPLES = /\s*\([^()]*\betc\.?\s*\)|\s+:\s*[^:\n]*\betc\.?\s*$/giu;

/** A ticked box's line without the examples its label gives. */
export function withoutBoxExamples(line: string): string {
  return line.replace(BOX_EXAMPLES, "");
}

const hasExamples = (line: string) => withoutBoxExamples(line) !== line;

/** The lines of a chunk from the form's checkbox lists that give examples, with what they say without them. */
function exampleLines(chunk: Chunk): { start: number; end: number; stripped: string }[] {
  if (!checkboxFields.includes(chunk.field)) return [];
  return passagesOf(chunk)
    .map((p) => ({ start: p.start, end: p.end, line: chunk.text.slice(p.start, p.end) }))
    .filter((p) => hasExamples(p.line))
    .map((p) => ({ start: p.start, end: p.end, stripped: withoutBoxExamples(p.line) }));
}

/** Per index, the terms each sheet holds only in its ticked boxes' examples (a small bounded memo: list candidates only). */
const memos = new WeakMap<object, Map<string, ReadonlySet<string>>>();

export function termsOnlyInBoxExamples(index: LoadedIndex, ficheId: string): ReadonlySet<string> {
  let memo = memos.get(index);
  if (!memo) memos.set(index, (memo = new Map()));
  const known = memo.get(ficheId);
  if (known) return known;
  if (memo.size >= TUNING.scale.boxExampleSheets) memo.clear();
  const chunks = sheetChunks(index, ficheId);
  const examples = new Set<string>();
  for (const c of chunks) for (const l of exampleLines(c)) for (const t of analyze(c.text.slice(l.start, l.end))) examples.add(t);
  let only: ReadonlySet<string> = examples;
  if (examples.size > 0) {
    // what the sheet states anywhere else: its title, its passages, and the boxes' own words
    const stated = new Set<string>(chunks.length > 0 ? analyze(chunks[0].title) : []);
    for (const c of chunks) {
      const lines = exampleLines(c);
      for (const p of passagesOf(c)) {
        const line = lines.find((l) => l.start === p.start && l.end === p.end);
        for (const t of line ? analyze(line.stripped) : p.terms) stated.add(t);
      }
    }
    only = new Set([...examples].filter((t) => !stated.has(t)));
  }
  memo.set(ficheId, only);
  return only;
}

/** Whether a chunk writes the analysed terms as a phrase outside its boxes' examples (textHoldsPhrase's test, boxes stripped). */
export function writesPhraseOutsideBoxExamples(chunk: Chunk, terms: ReadonlySet<string>): boolean {
  const lines = exampleLines(chunk);
  if (lines.length === 0) return true;
  const window = terms.size + TUNING.understand.phraseSlack;
  let text = "";
  let at = 0;
  for (const l of lines) {
    text += `${chunk.text.slice(at, l.start)}\n${l.stripped}\n`;
    at = l.end;
  }
  text += chunk.text.slice(at);
  return sideBySide(analyze(text), terms, window) || sideBySide(analyze(chunk.title), terms, window);
}
