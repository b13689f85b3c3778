// The `builtin` embedder (DESIGN.md, Embed): LSA over word + character n-gram TF-IDF, fitted
// on the corpus at ingest and saved with the index, so queries embed in the same space.
// Needs no download and is deterministic: same texts and options -> identical vectors.
import { Embeddings, type EmbeddingsParams } from "@langchain/core/embeddings";
import {
  buildLookup,
  countTerms,
  fitFeatureSpace,
  vectorize,
  type FeatureLookup,
  type FeatureSpace,
} from "./builtinFeatures.ts";
import { builtinModelId, BUILTIN_MODEL_VERSION, type BuiltinModel } from "./builtinModelFile.ts";
import { fitLsaProjection, type CsrMatrix } from "./lsaProjection.ts";
import { jsProjection, simdProjection, type Projection } from "./simdProjection.ts";
import { sparseEncoder, type SparseEncoder } from "./sparseFeatures.ts";

export { BUILTIN_MODEL_VERSION, loadBuiltinModel, saveBuiltinModel, type BuiltinModel } from "./builtinModelFile.ts";

export interface BuiltinOptions {
  /** output dimension; capped at (number of texts - 1) */
  dimension: number;
  ngramMin: number;
  ngramMax: number;
  wordWeight: number;
  gramWeight: number;
  maxFeatures: number;
  minGramDf: number;
  /** the LSA basis is fitted on at most this many texts, evenly spread (the vocabulary and idf on all) */
  maxFitTexts: number;
  seed: number;
}

export const DEFAULT_BUILTIN_OPTIONS: Readonly<BuiltinOptions> = Object.freeze({
  dimension: 256,
  ngramMin: 3,
  ngramMax: 5,
  wordWeight: Math.SQRT1_2,
  gramWeight: Math.SQRT1_2,
  maxFeatures: 50_000,
  minGramDf: 2,
  // The fit costs two analyses of each fitted text plus ~3 x (their non-zeros) x dimension for
  // the basis: 28 s for the 7,548 chunks of the ×10 corpus on this (shared) machine, minutes at
  // ×100. 6,000 texts bound it, and hold every seed chunk (697): the seeds' model is unchanged.
  maxFitTexts: 6_000,
  seed: 20_231,
});

function toCsr(rows: { indices: number[]; values: number[] }[], cols: number): CsrMatrix {
  const nnz = rows.reduce((n, r) => n + r.indices.length, 0);
  const m: CsrMatrix = {
    rows: rows.length,
    cols,
    indptr: new Int32Array(rows.length + 1),
    indices: new Int32Array(nnz),
    data: new Float64Array(nnz),
  };
  let p = 0;
  rows.forEach((r, i) => {
    m.indices.set(r.indices, p);
    m.data.set(r.values, p);
    p += r.indices.length;
    m.indptr[i + 1] = p;
  });
  return m;
}

function quantize(v: Float64Array, rows: number, cols: number): BuiltinModel["projection"] {
  const scales = Buffer.alloc(rows * 4);
  const values = new Int8Array(rows * cols);
  for (let f = 0; f < rows; f++) {
    let max = 0;
    for (let d = 0; d < cols; d++) max = Math.max(max, Math.abs(v[f * cols + d]));
    const scale = max / 127;
    scales.writeFloatLE(scale, f * 4);
    if (scale === 0) continue;
    // Quantize against the float32 that will be read back; clamp, as rounding it down can
    // push the largest entry to 128, which an Int8Array would wrap to -128.
    const stored = scales.readFloatLE(f * 4);
    for (let d = 0; d < cols; d++) values[f * cols + d] = Math.max(-127, Math.min(127, Math.round(v[f * cols + d] / stored)));
  }
  return { scales: scales.toString("base64"), values: Buffer.from(values.buffer).toString("base64") };
}

/** Indices of at most `max` of `n` texts, evenly spread (every one when n <= max): deterministic, and
 * every part of the corpus (each seed document, each sheet's fields) is represented. */
export function evenSample(n: number, max: number): number[] {
  if (n <= max) return Array.from({ length: n }, (_, i) => i);
  return Array.from({ length: max }, (_, i) => Math.floor((i * n) / max));
}

/** Fits the model on the corpus texts (the chunk texts as they will be embedded). */
export function fitBuiltinModel(texts: string[], options: Partial<BuiltinOptions> = {}): BuiltinModel {
  const opts = { ...DEFAULT_BUILTIN_OPTIONS, ...options };
  if (texts.length < 2) throw new Error(`builtinEmbedder: need at least 2 texts to fit, got ${texts.length}`);
  // The vocabulary, idf and basis all come from an even sample of the texts (all of them up to
  // maxFitTexts), read twice (document frequencies, then TF-IDF rows) so no more than one
  // text's counts are held at a time. A word only the unsampled texts use gets no dense
  // coordinate; BM25 still finds it.
  const sample = evenSample(texts.length, opts.maxFitTexts);
  const features = fitFeatureSpace((function* () { for (const i of sample) yield countTerms(texts[i], opts); })(), opts);
  const lookup = buildLookup(features);
  const cols = features.words.length + features.grams.length;
  const matrix = toCsr(sample.map((i) => vectorize(features, lookup, countTerms(texts[i], opts))), cols);
  const lsa = fitLsaProjection(matrix, Math.min(opts.dimension, sample.length - 1), opts.seed);
  return {
    kind: "builtin-lsa",
    version: BUILTIN_MODEL_VERSION,
    id: builtinModelId(lsa.dimension),
    dimension: lsa.dimension,
    features,
    projection: quantize(lsa.basis, cols, lsa.dimension),
  };
}

/** What embedding needs of a model, decoded; the model's base64 projection is not part of it. */
interface Prepared {
  lookup: FeatureLookup;
  encoder: SparseEncoder;
  scales: Float32Array;
  /** the int8 basis, in WebAssembly SIMD where the runtime has it (simdProjection.ts: the same doubles) */
  projection: Projection;
  dimension: number;
}

// Decoding is done once per model object, not per query.
const prepared = new WeakMap<BuiltinModel, Prepared>();

function prepare(model: BuiltinModel): Prepared {
  let p = prepared.get(model);
  if (p) return p;
  const scaleBytes = Buffer.from(model.projection.scales, "base64");
  const scales = new Float32Array(scaleBytes.length / 4);
  for (let i = 0; i < scales.length; i++) scales[i] = scaleBytes.readFloatLE(i * 4);
  // read in place: a copy held a second 7.7 MB (at ×100) until the next full collection
  const valueBytes = Buffer.from(model.projection.values, "base64");
  const values = new Int8Array(valueBytes.buffer, valueBytes.byteOffset, valueBytes.length);
  const lookup = buildLookup(model.features as FeatureSpace);
  const projection = simdProjection(values, model.dimension) ?? jsProjection(values, model.dimension);
  p = { lookup, encoder: sparseEncoder(model.features as FeatureSpace, lookup), scales, projection, dimension: model.dimension };
  prepared.set(model, p);
  return p;
}

/**
 * Unit vector of `text`. A text sharing no feature with the corpus (empty, or only unknown
 * words) gets the zero vector: callers should treat it as "no dense signal".
 */
export function embedWithModel(model: BuiltinModel, text: string): number[] {
  return embedPrepared(prepare(model), text);
}

function embedPrepared({ encoder, scales, projection, dimension: d }: Prepared, text: string): number[] {
  const sparse = encoder.vectorize(text);
  const out = projection.project(sparse.indices, (i) => sparse.values[i] * scales[sparse.indices[i]]);
  let norm = 0;
  for (let j = 0; j < d; j++) norm += out[j] * out[j];
  const inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  return Array.from(out, (x) => x * inv);
}

/**
 * LangChain face of the model; no e5-style prefixes: documents and queries embed alike. The model
 * is decoded at the first text embedded (a server starts without it) and then let go: its saved
 * projection is a base64 string (10 MB at ×100) that a server held beside the decoded 7.7 MB.
 */
export class BuiltinEmbeddings extends Embeddings {
  readonly id: string;
  readonly dimension: number;
  private model: BuiltinModel | undefined;
  private prepared: Prepared | undefined;

  constructor(model: BuiltinModel, params: EmbeddingsParams = {}) {
    super(params);
    this.id = model.id;
    this.dimension = model.dimension;
    this.model = model;
  }

  private decoded(): Prepared {
    if (!this.prepared) {
      this.prepared = prepare(this.model!);
      this.model = undefined;
    }
    return this.prepared;
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    const p = this.decoded();
    return texts.map((t) => embedPrepared(p, t));
  }

  async embedQuery(text: string): Promise<number[]> {
    return embedPrepared(this.decoded(), text);
  }
}
