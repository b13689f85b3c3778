// Chunks on disk as a table of positions into the sheets (fiches.json), not as texts: every
// chunk is a span of one sheet's field (chunkFields.ts), so five integers say all of it — the
// sheet, the field, the piece, the span's start and end. At ×100 this is 1.3 MB instead of
// LangChain's 44 MB docstore.json, and the loaded texts are slices of the field values already in
// memory rather than a second copy of every text.
import { chunkOf } from "../chunk/chunkFields.ts";
import type { Chunk, Fiche } from "../types.ts";

const COLUMNS = 5;

/** Throws when a chunk is not the span of a field its id names, which the table could not give back. */
export function encodeChunkTable(chunks: readonly Chunk[], fiches: readonly Fiche[]): Uint8Array {
  const position = new Map(fiches.map((f, at) => [f.id, at]));
  const table = new Int32Array(chunks.length * COLUMNS);
  const piece = new Map<string, number>();
  chunks.forEach((c, i) => {
    const ficheAt = position.get(c.ficheId) ?? -1;
    const fieldAt = ficheAt < 0 ? -1 : fiches[ficheAt].fields.findIndex((f) => f.name === c.field);
    const key = `${c.ficheId}#${c.field}`;
    const n = piece.get(key) ?? 0;
    piece.set(key, n + 1);
    table.set([ficheAt, fieldAt, n, c.start, c.end], i * COLUMNS);
    const back = ficheAt < 0 || fieldAt < 0 ? undefined : chunkAt(fiches, ficheAt, fieldAt, n, c.start, c.end);
    if (!back || (Object.keys(c) as (keyof Chunk)[]).some((k) => back[k] !== c[k])) {
      throw new Error(`chunkTable: chunk ${c.id} is not the span ${c.start}–${c.end} of its sheet's field ${c.field}; the chunker and the table disagree`);
    }
  });
  return new Uint8Array(table.buffer);
}

/** Throws when the table does not hold `count` chunks that all lie inside the sheets' fields. */
export function decodeChunkTable(bytes: Uint8Array, fiches: readonly Fiche[], count: number): Chunk[] {
  if (bytes.length !== count * COLUMNS * 4) throw new Error(`the chunk table holds ${bytes.length} bytes, not ${count} chunks × ${COLUMNS} int32`);
  const table = new Int32Array(Uint8Array.from(bytes).buffer);
  const chunks: Chunk[] = [];
  for (let i = 0; i < count; i++) {
    const [ficheAt, fieldAt, n, start, end] = table.subarray(i * COLUMNS, (i + 1) * COLUMNS);
    const value = fiches[ficheAt]?.fields[fieldAt]?.value;
    if (value === undefined || n < 0 || start < 0 || start > end || end > value.length) throw new Error(`chunk ${i} of the chunk table points outside the sheets`);
    chunks.push(chunkAt(fiches, ficheAt, fieldAt, n, start, end));
  }
  return chunks;
}

function chunkAt(fiches: readonly Fiche[], ficheAt: number, fieldAt: number, n: number, start: number, end: number): Chunk {
  const fiche = fiches[ficheAt];
  return chunkOf(fiche, fiche.fields[fieldAt], n, start, end);
}
