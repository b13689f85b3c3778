// The `openai` embedder: any OpenAI-compatible /v1/embeddings service (Albert, Ollama, vLLM,
// Hugging Face TEI, Mistral) through LangChain's OpenAIEmbeddings. LangChain sends one request
// per call here; batching, bounded concurrency, retries and the progress bar are ours, because
// its own caller retries on a schedule we cannot bound (p-retry, up to minutes) and reports no
// progress. Documents get EMBEDDINGS_PASSAGE_PREFIX, questions EMBEDDINGS_QUERY_PREFIX.
import { Embeddings } from "@langchain/core/embeddings";
import { OpenAIEmbeddings } from "@langchain/openai";
import type { OpenAIEmbedderConfig } from "../../config.ts";
import { progressBar, type ProgressOptions } from "../progressBar.ts";
import { describeFailure, withRetries } from "./retry.ts";

export interface OpenAIEmbeddingsOptions {
  /** first backoff wait in ms (doubles each retry); tests shorten it */
  backoffMs?: number;
  /** where the ingest progress bar goes; false for none */
  progress?: ProgressOptions | false;
}

export class OpenAICompatibleEmbeddings extends Embeddings {
  readonly id: string;
  private readonly documents: OpenAIEmbeddings;
  private readonly queries: OpenAIEmbeddings;

  constructor(
    readonly config: OpenAIEmbedderConfig,
    private readonly opts: OpenAIEmbeddingsOptions = {},
  ) {
    super({ maxConcurrency: 1, maxRetries: 0 });
    this.id = `openai:${config.model}`;
    const client = (timeout: number) =>
      new OpenAIEmbeddings({
        model: config.model,
        apiKey: config.apiKey,
        configuration: { baseURL: config.baseUrl },
        batchSize: config.batchSize,
        maxConcurrency: 1,
        maxRetries: 0,
        timeout,
        // the OpenAI client asks for base64 unless told otherwise; Ollama and TEI answer floats only
        encodingFormat: "float",
      });
    this.documents = client(config.timeoutMs);
    this.queries = client(config.queryTimeoutMs);
  }

  /** Batches in order, `concurrency` requests in flight, each retried on 429/5xx/time-out. */
  async embedDocuments(texts: string[]): Promise<number[][]> {
    const { batchSize, concurrency, maxRetries, passagePrefix } = this.config;
    const batches: string[][] = [];
    for (let i = 0; i < texts.length; i += batchSize) batches.push(texts.slice(i, i + batchSize).map((t) => passagePrefix + t));
    const out: number[][][] = new Array(batches.length);
    const bar = this.opts.progress === false ? undefined : progressBar("embed", texts.length, { unit: "texts", ...this.opts.progress });
    let next = 0;
    const worker = async () => {
      while (next < batches.length) {
        const i = next++;
        out[i] = await this.embedBatch(batches[i], maxRetries);
        bar?.tick(batches[i].length);
      }
    };
    try {
      await Promise.all(Array.from({ length: Math.min(concurrency, batches.length) }, worker));
    } finally {
      bar?.done();
    }
    const vectors = out.flat();
    const dims = new Set(vectors.map((v) => v.length));
    if (dims.size > 1) throw this.failure(`returned vectors of different dimensions (${[...dims].join(", ")}) for one model`);
    return vectors;
  }

  /** One attempt, bounded by EMBEDDINGS_QUERY_TIMEOUT_MS: a user is waiting, and retrieval has BM25 to fall back on. */
  async embedQuery(text: string): Promise<number[]> {
    try {
      const vector = await this.queries.embedQuery(this.config.queryPrefix + text);
      checkVector(vector);
      return vector;
    } catch (err) {
      throw this.failure(`query embedding failed: ${describeFailure(err)}`);
    }
  }

  private async embedBatch(batch: string[], retries: number): Promise<number[][]> {
    try {
      const { value } = await withRetries(() => this.documents.embedDocuments(batch), { retries, backoffMs: this.opts.backoffMs ?? 500 });
      if (value.length !== batch.length) throw new Error(`${value.length} vectors for ${batch.length} texts`);
      value.forEach(checkVector);
      return value;
    } catch (err) {
      const attempts = (err as { attempts?: number }).attempts;
      throw this.failure(`${attempts ? `failed after ${attempts} attempt${attempts > 1 ? "s" : ""}` : "failed"}: ${describeFailure(err)}`);
    }
  }

  private failure(what: string): Error {
    return new Error(`embeddings service ${this.config.baseUrl} (EMBEDDINGS_MODEL=${this.config.model}) ${what}`);
  }
}

function checkVector(v: unknown): asserts v is number[] {
  if (!Array.isArray(v) || v.length === 0 || !v.every((x) => typeof x === "number" && Number.isFinite(x))) {
    throw new Error("the service answered something that is not a vector of numbers");
  }
}
