// Numbers citations in the order the answer uses them; the same passage cited twice keeps one number.
import type { Chunk } from "../../../ingest/types.ts";
import type { Citation } from "../types.ts";
import { excerptOf, passageOf } from "./passage.ts";

export class CitationList {
  readonly items: Citation[] = [];

  constructor(private readonly terms: ReadonlySet<string>) {}

  /** Cites a chunk (its best passage, or the whole chunk) and returns the marker "[n]". */
  cite(chunk: Chunk, score: number, whole = false): string {
    return `[${this.citation(chunk, score, whole).n}]`;
  }

  /** The citation of a chunk's passage: the existing one when it is already cited. */
  citation(chunk: Chunk, score: number, whole = false): Citation {
    const excerpt = excerptOf(chunk, this.terms, whole);
    const existing = this.items.find((c) => c.ficheId === chunk.ficheId && c.field === chunk.field && c.start === excerpt.start);
    if (existing) return existing;
    const citation = { n: this.items.length + 1, ...passageOf(chunk, excerpt, score) };
    this.items.push(citation);
    return citation;
  }
}
