// The docstore LangChain's HNSWLib store reads a search's labels from, over the loaded chunks
// (decoded from the chunk table) instead of a parsed docstore.json: a hit's Document is made
// when asked for, so no second copy of every chunk's text and metadata stays in memory.
import { SynchronousInMemoryDocstore } from "@langchain/community/stores/doc/in_memory";
import { Document } from "@langchain/core/documents";
import type { Chunk } from "../types.ts";

export class ChunkDocstore extends SynchronousInMemoryDocstore {
  constructor(private readonly chunks: readonly Chunk[]) {
    super();
  }

  /** `key` is a graph label (docstoreKey): the chunk's position. */
  override search(key: string): Document {
    const chunk = this.chunks[Number(key)];
    if (!chunk) throw new Error(`ChunkDocstore: no chunk under key ${key}`);
    const { text, ...metadata } = chunk;
    return new Document({ pageContent: text, metadata });
  }

  /** The chunks come from the index; a loaded store is read-only. */
  override add(): void {
    throw new Error("ChunkDocstore: the index's chunks are read-only; rebuild the index to change them");
  }
}
