// Numbers citations in the order the answer uses them; the same passage cited twice keeps one number.
import type { Chunk } from "../../../ingest/types.ts";
import type { Citation } from "../types.ts";
import { selectExcerpt } from "./selectExcerpt.ts";

export class CitationList {
  readonly items: Citation[] = [];

  constructor(private readonly terms: ReadonlySet<string>) {}

  /** Cites a chunk (its best passage, or the whole chunk) and returns the marker "[n]". */
  cite(chunk: Chunk, score: number, whole = false): string {
    const { excerpt, start, end } = whole ? { excerpt: chunk.text, start: chunk.start, end: chunk.end } : selectExcerpt(chunk, this.terms);
    const existing = this.items.find((c) => c.ficheId === chunk.ficheId && c.field === chunk.field && c.start === start);
    if (existing) return `[${existing.n}]`;
    const n = this.items.length + 1;
    this.items.push({
      n,
      ficheId: chunk.ficheId,
      city: chunk.city,
      title: chunk.title,
      field: chunk.field,
      fieldLabel: chunk.fieldLabel,
      excerpt,
      score: Math.round(score * 1e4) / 1e4,
      start,
      end,
    });
    return `[${n}]`;
  }
}
