// A checkbox list's statements: one ticked box per non-blank line ("…(écoles, etc.)" is one box,
// whatever its full stops), as [start, end) offsets like splitSentences.
import type { Span } from "./splitSentences.ts";

export function splitLines(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  for (const line of text.split("\n")) {
    if (line.trim()) out.push({ start, end: start + line.length });
    start += line.length + 1;
  }
  return out;
}
