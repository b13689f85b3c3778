// The hybrid retrieval (understanding, dense + BM25 fused, field weights, city boost) as a
// LangChain retriever, so it composes with LangChain runnables and chains
// (`retriever.pipe(formatDocs)`, a RAG chain over an OpenAI-compatible model). One Document per
// chunk, best first, carrying the chunk's metadata and its fused score.
import { Document } from "@langchain/core/documents";
import { BaseRetriever, type BaseRetrieverInput } from "@langchain/core/retrievers";
import type { Chunk } from "../../../ingest/types.ts";
import type { Filters } from "../types.ts";
import type { Corpus } from "../understand/queryContext.ts";
import { understandQuestion } from "../understand/understandQuestion.ts";
import { rankForQuestion } from "./rankForQuestion.ts";

/** A chunk's metadata (ids, city, title, field, offsets in the field) and its fused score. */
export type ChunkMetadata = Omit<Chunk, "id" | "text"> & { chunkId: string; score: number };

export interface HybridRetrieverInput extends BaseRetrieverInput {
  corpus: Corpus;
  /** how many chunks to return */
  k: number;
  filters?: Filters;
}

export class HybridRetriever extends BaseRetriever<ChunkMetadata> {
  lc_namespace = ["fiches_action", "retrievers", "hybrid"];
  private readonly corpus: Corpus;
  private readonly k: number;
  private readonly filters?: Filters;

  constructor({ corpus, k, filters, ...base }: HybridRetrieverInput) {
    super(base);
    this.corpus = corpus;
    this.k = k;
    this.filters = filters;
  }

  async _getRelevantDocuments(query: string): Promise<Document<ChunkMetadata>[]> {
    const ctx = understandQuestion(this.corpus, { question: query, ...(this.filters ? { filters: this.filters } : {}) });
    const ranked = await rankForQuestion(ctx);
    return ranked
      .flatMap((r) => r.chunks)
      .sort((a, b) => b.score - a.score)
      .slice(0, this.k)
      .map(({ chunk, score }) => {
        const { id, text, ...meta } = chunk;
        return new Document({ pageContent: text, metadata: { ...meta, chunkId: id, score }, id });
      });
  }
}
