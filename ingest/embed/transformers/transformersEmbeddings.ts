// The `transformers` embedder: multilingual-e5 through @xenova/transformers, run locally.
// e5 was trained with "query: " / "passage: " prefixes; mean pooling and normalisation as
// its model card says. Loading is bounded in time so an offline start never hangs.
import { Embeddings } from "@langchain/core/embeddings";

export const DEFAULT_TRANSFORMERS_MODEL = "Xenova/multilingual-e5-small";

export interface TransformersOptions {
  model: string;
  /** a folder holding `<model>/` (config, tokenizer, onnx/model_quantized.onnx) */
  modelDir?: string;
  /** allow fetching from the hub when the model is not local */
  allowRemote: boolean;
  loadTimeoutMs: number;
}

type Extractor = (texts: string[], opts: { pooling: "mean"; normalize: boolean }) => Promise<{ tolist(): number[][] }>;

export class TransformersEmbeddings extends Embeddings {
  readonly id: string;
  private extractor?: Promise<Extractor>;

  constructor(private readonly opts: TransformersOptions) {
    super({ maxConcurrency: 1 });
    this.id = `transformers:${opts.model}:quantized`;
  }

  /** Loads the model once; rejects after loadTimeoutMs rather than waiting on a network. */
  load(): Promise<Extractor> {
    this.extractor ??= (async () => {
      const t = await import("@xenova/transformers");
      t.env.allowRemoteModels = this.opts.allowRemote;
      if (this.opts.modelDir) t.env.localModelPath = this.opts.modelDir;
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`transformers: loading ${this.opts.model} took over ${this.opts.loadTimeoutMs} ms (offline?)`)),
          this.opts.loadTimeoutMs,
        );
      });
      try {
        return (await Promise.race([t.pipeline("feature-extraction", this.opts.model, { quantized: true }), timeout])) as unknown as Extractor;
      } finally {
        clearTimeout(timer);
      }
    })();
    return this.extractor;
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    const extract = await this.load();
    const out: number[][] = [];
    for (let i = 0; i < texts.length; i += 16) {
      const batch = texts.slice(i, i + 16).map((t) => `passage: ${t}`);
      out.push(...(await extract(batch, { pooling: "mean", normalize: true })).tolist());
    }
    return out;
  }

  async embedQuery(text: string): Promise<number[]> {
    const extract = await this.load();
    return (await extract([`query: ${text}`], { pooling: "mean", normalize: true })).tolist()[0];
  }
}
