// One chunk per non-empty field; a long field is cut on paragraph, then sentence, bounds into
// pieces of about TARGET characters, each starting with the last sentence of the previous
// piece (small overlap) so a fact that spans the cut is whole in one of them.
import { splitSentences, type Span } from "../text/index.ts";
import type { Chunk, Fiche } from "../types.ts";

const TARGET = 700;
const MAX_OVERLAP = 200;

/** The n-th chunk of a sheet's field, [start, end) of its value; the text is a slice of the value, not a copy. */
export function chunkOf(fiche: Fiche, field: Fiche["fields"][number], n: number, start: number, end: number): Chunk {
  return {
    id: chunkId(fiche.id, field.name, n),
    ficheId: fiche.id,
    city: fiche.city,
    title: fiche.title,
    field: field.name,
    fieldLabel: field.label,
    start,
    end,
    text: field.value.slice(start, end),
  };
}

export function chunkFields(fiches: Fiche[]): Chunk[] {
  const chunks: Chunk[] = [];
  for (const fiche of fiches) {
    for (const field of fiche.fields) {
      splitText(field.value).forEach(({ start, end }, i) => chunks.push(chunkOf(fiche, field, i, start, end)));
    }
  }
  return chunks;
}

/** The id of a field's `piece`-th chunk: the index's chunk table (ingest/store/chunkTable.ts) rebuilds it. */
export function chunkId(ficheId: string, fieldName: string, piece: number): string {
  // one flat string: a template literal is a tree of four concatenation cells (V8 cons strings, 32 bytes each)
  // over its parts, 8 MB for the 65,809 chunk ids a server holds at ×100, where the flat ids take half
  return [ficheId, fieldName, piece].join("#");
}

/** The text a chunk is embedded and indexed with: a header so it means something alone. */
export function chunkHeader(c: Pick<Chunk, "city" | "title" | "fieldLabel">): string {
  return `${c.city} — ${c.title} — ${c.fieldLabel}`;
}

export function embeddingText(c: Chunk): string {
  return `${chunkHeader(c)}\n${c.text}`;
}

export function splitText(text: string): Span[] {
  if (text.length <= TARGET * 1.3) return text.trim() ? [{ start: 0, end: text.length }] : [];
  const sentences = splitSentences(text);
  const pieces: Span[] = [];
  let i = 0;
  while (i < sentences.length) {
    const start = sentences[i].start;
    let j = i;
    while (j + 1 < sentences.length && sentences[j + 1].end - start <= TARGET) j++;
    pieces.push({ start, end: sentences[j].end });
    if (j + 1 >= sentences.length) break;
    // overlap: restart on the last sentence of this piece when it is short enough
    const last = sentences[j];
    i = j > i && last.end - last.start <= MAX_OVERLAP ? j : j + 1;
  }
  return pieces;
}
