// A term of several words is written as a phrase: its words side by side, in the order the term gives them, with
// at most TUNING.understand.phraseSlack other words among them ("troubles graves du comportement"), not each somewhere
// in a sheet. In order: "bailleurs sociaux, quatre centres médico-sociaux" holds "social" beside "centre", but no
// "centre social" (any order listed Metz for every social-centre question; in order, ten read questions up, none down).
import { analyze } from "../../../ingest/text/index.ts";
import type { Chunk } from "../../../ingest/types.ts";
import { heldTextHoldsSideBySide } from "../retrieve/statements.ts";
import { TUNING } from "../tuning.ts";

/** Whether the terms occur in their order (the Set's) within `window` consecutive analysed words of the sequence. */
export function sideBySide(seq: readonly string[], terms: ReadonlySet<string>, window: number): boolean {
  const wanted = [...terms];
  for (let i = 0; i < seq.length; i++) {
    if (seq[i] !== wanted[0]) continue;
    let next = 1;
    for (let j = i + 1; j < Math.min(seq.length, i + window) && next < wanted.length; j++) if (seq[j] === wanted[next]) next++;
    if (next === wanted.length) return true;
  }
  return false;
}

/** Titles analysed, by title: a sheet's chunks share one, and a phrase count reads thousands of chunks at ×100. */
const titles = new Map<string, readonly string[]>();

function titleTerms(title: string): readonly string[] {
  let terms = titles.get(title);
  if (!terms) {
    if (titles.size >= TUNING.scale.titleTermEntries) titles.clear();
    titles.set(title, (terms = analyze(title)));
  }
  return terms;
}

/** Whether a chunk's text or its sheet's title holds the analysed terms as a phrase. */
export function textHoldsPhrase(chunk: Chunk, terms: ReadonlySet<string>): boolean {
  const window = terms.size + TUNING.understand.phraseSlack;
  // the statements ingest analysed, one after the other, are the text analysed (retrieve/statements.ts), read in place
  return (heldTextHoldsSideBySide(chunk, terms, window) ?? sideBySide(analyze(chunk.text), terms, window)) || sideBySide(titleTerms(chunk.title), terms, window);
}
