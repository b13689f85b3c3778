// The guard between a language model and the user: a rewritten sentence survives only if it
// cites evidence and every number it cites exists. This is what makes "every sentence
// traceable to a cited chunk" (DESIGN.md, Answer) hold whatever the model writes.

/** `[3]`, `[1, 2]`, `[1;4]`: the marker forms models produce when asked for `[n]`. */
const MARKER = /\[(\d+(?:\s*[,;]\s*\d+)*)\]/g;

// A sentence ends at . ! ? … (with any markers written after the stop) before a space or the
// end of the line. Requiring the space keeps "1.5 M€" and "www.ville.fr" whole.
const SENTENCE_END = /[.!?…]+(?:\s*\[\d+(?:\s*[,;]\s*\d+)*\])*(?=\s|$)/g;

// Stops that are not sentence ends in the sheets' French: "M. Durand", "cf.", "etc.", "n°".
// A number opening a line ("1. Lille …") is a list mark, not a sentence.
const NOT_AN_END = /(?:(?:^|[\s(])(?:[A-Z]|M|Mme|Mlle|Dr|Pr|cf|etc|ex|env|p|art|av|bd|St|Ste)|^\s*\d+)\.$/;

export function citedNumbers(sentence: string): number[] {
  const out: number[] = [];
  for (const m of sentence.matchAll(MARKER)) {
    for (const n of m[1].split(/[,;]/)) out.push(Number(n.trim()));
  }
  return out;
}

export function splitSentences(line: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (const m of line.matchAll(SENTENCE_END)) {
    const end = (m.index ?? 0) + m[0].length;
    const candidate = line.slice(start, end);
    if (NOT_AN_END.test(candidate.replace(/(?:\s*\[[^\]]*\])+$/, ""))) continue;
    if (candidate.trim()) out.push(candidate.trim());
    start = end;
  }
  const rest = line.slice(start).trim();
  if (rest) out.push(rest);
  return out;
}

export interface KeptText {
  text: string;
  kept: number;
  dropped: number;
}

/**
 * Keeps, line by line, the sentences whose markers all point at an existing citation
 * number and that have at least one. Lines left empty disappear; list lines
 * ("- Lille : … [2]") are sentences like any other.
 */
export function keepCitedSentences(text: string, citationNumbers: Iterable<number>): KeptText {
  const valid = new Set(citationNumbers);
  let kept = 0;
  let dropped = 0;
  const lines: string[] = [];
  for (const line of text.replace(/\r\n?/g, "\n").split("\n")) {
    const survivors = splitSentences(line).filter((sentence) => {
      const numbers = citedNumbers(sentence);
      const ok = numbers.length > 0 && numbers.every((n) => valid.has(n));
      if (ok) kept++;
      else dropped++;
      return ok;
    });
    if (survivors.length > 0) lines.push(survivors.join(" "));
  }
  return { text: lines.join("\n"), kept, dropped };
}
