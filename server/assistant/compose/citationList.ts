// Numbers citations in the order the answer uses them; the same passage cited twice keeps one number.
import type { Chunk } from "../../../ingest/types.ts";
import type { Citation } from "../types.ts";
import type { Span } from "../../../ingest/text/index.ts";
import { TUNING } from "../tuning.ts";
import { excerptOf, passageOf } from "./passage.ts";
import type { Excerpt } from "./selectExcerpt.ts";

export class CitationList {
  readonly items: Citation[] = [];

  constructor(private readonly terms: ReadonlySet<string>) {}

  /** Cites a chunk (its best passage, or the whole chunk) and returns the marker "[n]". */
  cite(chunk: Chunk, score: number, whole = false): string {
    return `[${this.citation(chunk, score, whole).n}]`;
  }

  /** Cites a span of a chunk (offsets in chunk.text), cut at a word bound past fieldQuoteChars. */
  citeSpan(chunk: Chunk, span: Span, score: number): string {
    let { start, end } = span;
    const max = TUNING.compose.fieldQuoteChars;
    if (end - start > max) {
      const cut = chunk.text.lastIndexOf(" ", start + max);
      end = cut > start + max / 2 ? cut : start + max;
    }
    const text = chunk.text.slice(start, end).trimEnd();
    const excerpt = { excerpt: text, start: chunk.start + start, end: chunk.start + start + text.length };
    return `[${this.add(chunk, excerpt, score).n}]`;
  }

  /** The citation of a chunk's passage: the existing one when it is already cited. */
  citation(chunk: Chunk, score: number, whole = false): Citation {
    return this.add(chunk, excerptOf(chunk, this.terms, whole), score);
  }

  private add(chunk: Chunk, excerpt: Excerpt, score: number): Citation {
    const existing = this.items.find((c) => c.ficheId === chunk.ficheId && c.field === chunk.field && c.start === excerpt.start);
    if (existing) return existing;
    // written out, not spread (`{ n, ...passageOf(…) }`): see passage.ts
    const p = passageOf(chunk, excerpt, score);
    const citation = { n: this.items.length + 1, ficheId: p.ficheId, city: p.city, title: p.title, field: p.field, fieldLabel: p.fieldLabel, excerpt: p.excerpt, score: p.score, start: p.start, end: p.end };
    this.items.push(citation);
    return citation;
  }
}
