// The one sentence splitter: sentence (or list item) bounds as [start, end) offsets into the
// text, trimmed of surrounding white space. A sentence ends at . ! ? … followed by a space or
// the end, or at a line break (list items and table rows are one per line); every character of
// the text is in one span but the white space between them.

export interface Span {
  start: number;
  end: number;
}

export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  // a stop not followed by a space ("3.5", "www.ville.fr", "etc.)") is inside the sentence
  const re = /(?:[^\n.!?…]|[.!?…]+(?![.!?…]|\s|$))*(?:[.!?…]+(?=\s|$)|\n+|$)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (m[0].length === 0) {
      re.lastIndex++;
      if (re.lastIndex > text.length) break;
      continue;
    }
    const lead = m[0].length - m[0].trimStart().length;
    const body = m[0].trim();
    if (body) spans.push({ start: m.index + lead, end: m.index + lead + body.length });
  }
  return spans;
}
