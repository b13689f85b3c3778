// The hybrid retrieval (understanding, dense + BM25 fused, field weights, city boost) as a
// LangChain retriever, so it composes with LangChain runnables and chains
// (`retriever.pipe(formatDocs)`, a RAG chain over an OpenAI-compatible model). One Document per
// chunk, best first, carrying the chunk's metadata and its fused score.
import { Document } from "@langchain/core/documents";
import { BaseRetriever, type BaseRetrieverInput } from "@langchain/core/retrievers";
import type { Filters } from "../types.ts";
import type { Corpus } from "../understand/queryContext.ts";
import { understandQuestion } from "../understand/understandQuestion.ts";
import { rankForQuestion } from "./rankForQuestion.ts";

export interface ChunkMetadata {
  chunkId: string;
  ficheId: string;
  city: string;
  title: string;
  field: string;
  fieldLabel: string;
  /** offsets of the chunk in its field's value */
  start: number;
  end: number;
  score: number;
}

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
    const ranked = await rankForQuestion(ctx, "search");
    return ranked
      .flatMap((r) => r.chunks)
      .sort((a, b) => b.score - a.score)
      .slice(0, this.k)
      .map(({ chunk, score }) => {
        const { id: chunkId, ficheId, city, title, field, fieldLabel, start, end } = chunk;
        return new Document({ pageContent: chunk.text, metadata: { chunkId, ficheId, city, title, field, fieldLabel, start, end, score }, id: chunkId });
      });
  }
}
