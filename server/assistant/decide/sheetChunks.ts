// A sheet's chunks, grouped once per loaded index.
import type { LoadedIndex } from "../../../ingest/store/index.ts";
import type { Chunk } from "../../../ingest/types.ts";

const grouped = new WeakMap<LoadedIndex, Map<string, Chunk[]>>();

export function sheetChunks(index: LoadedIndex, ficheId: string): readonly Chunk[] {
  let map = grouped.get(index);
  if (!map) {
    map = new Map();
    for (const c of index.chunks) {
      const list = map.get(c.ficheId);
      if (list) list.push(c);
      else map.set(c.ficheId, [c]);
    }
    grouped.set(index, map);
  }
  return map.get(ficheId) ?? [];
}
