// The passage of a chunk to quote: the sentence that holds most of the question's terms,
// widened with its neighbours up to excerptMaxChars (tuning.ts). Always a contiguous slice of the field's text,
// so the quote is verbatim and its offsets can highlight it in the sheet.
import { analyze } from "../../../ingest/text/index.ts";
import type { Chunk } from "../../../ingest/types.ts";
import { TUNING } from "../tuning.ts";

const { excerptMaxChars, excerptLongSentenceFactor } = TUNING.compose;

export interface Excerpt {
  excerpt: string;
  /** offsets in the field value */
  start: number;
  end: number;
}

function sentences(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const re = /[^\n.!?…]+(?:[.!?…]+|\n|$)/g;
  for (const m of text.matchAll(re)) {
    const lead = m[0].length - m[0].trimStart().length;
    const body = m[0].trim();
    if (body) out.push({ start: m.index! + lead, end: m.index! + lead + body.length });
  }
  return out;
}

/** Chunks never change once loaded: their sentences and analysed terms are computed once. */
const analysed = new WeakMap<Chunk, { spans: { start: number; end: number }[]; terms: string[][] }>();

function sentencesOf(chunk: Chunk) {
  let entry = analysed.get(chunk);
  if (!entry) {
    const spans = sentences(chunk.text);
    entry = { spans, terms: spans.map((s) => analyze(chunk.text.slice(s.start, s.end))) };
    analysed.set(chunk, entry);
  }
  return entry;
}

export function selectExcerpt(chunk: Chunk, terms: ReadonlySet<string>, maxChars = excerptMaxChars): Excerpt {
  const text = chunk.text;
  if (text.length <= maxChars) return { excerpt: text, start: chunk.start, end: chunk.end };
  const { spans, terms: sentenceTerms } = sentencesOf(chunk);
  if (spans.length === 0) return { excerpt: text.slice(0, maxChars), start: chunk.start, end: chunk.start + maxChars };
  // the question's terms each sentence holds, counted without a filtered copy per sentence (ten hits a search)
  const scores = sentenceTerms.map((ts) => {
    let n = 0;
    for (const t of ts) if (terms.has(t)) n++;
    return n;
  });
  let best = 0;
  scores.forEach((s, i) => (s > scores[best] ? (best = i) : undefined));
  let lo = best;
  let hi = best;
  // widen towards the side whose neighbour scores better, while it fits
  while (true) {
    const left = lo > 0 ? spans[hi].end - spans[lo - 1].start : Infinity;
    const right = hi < spans.length - 1 ? spans[hi + 1].end - spans[lo].start : Infinity;
    const pickLeft = left <= maxChars && (right > maxChars || scores[lo - 1] >= scores[hi + 1]);
    if (pickLeft) lo--;
    else if (right <= maxChars) hi++;
    else break;
  }
  let start = spans[lo].start;
  let end = spans[hi].end;
  if (end - start > maxChars * excerptLongSentenceFactor) end = start + maxChars; // one very long sentence
  return { excerpt: text.slice(start, end), start: chunk.start + start, end: chunk.start + end };
}
