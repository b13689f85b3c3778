// A sheet's chunks, from the index's own grouping (no scan of every chunk).
import type { LoadedIndex } from "../../../ingest/store/index.ts";
import type { Chunk } from "../../../ingest/types.ts";

export function sheetChunks(index: LoadedIndex, ficheId: string): readonly Chunk[] {
  return index.chunksByFiche.get(ficheId) ?? [];
}
