import { mkdtemp, mkdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { chooseEmbedder } from "./chooseEmbedder.ts";
import { findLocalModel } from "./findLocalModel.ts";
import { DEFAULT_TRANSFORMERS_MODEL, TransformersEmbeddings } from "./transformers/transformersEmbeddings.ts";

describe("chooseEmbedder", () => {
  it("runs builtin under auto when the e5 model is not on disk, and says why", () => {
    const choice = chooseEmbedder("auto", join(tmpdir(), "no-such-model-dir"));
    expect(choice.kind).toBe("builtin");
    expect(choice.reason).toMatch(/not on disk.*no download attempted/);
  });

  it("runs transformers under auto when MODEL_DIR holds the model", async () => {
    const dir = await mkdtemp(join(tmpdir(), "models-"));
    const model = join(dir, DEFAULT_TRANSFORMERS_MODEL);
    await mkdir(join(model, "onnx"), { recursive: true });
    await writeFile(join(model, "onnx", "model_quantized.onnx"), "");
    await writeFile(join(model, "tokenizer.json"), "{}");
    expect(findLocalModel(DEFAULT_TRANSFORMERS_MODEL, dir)).toBe(model);
    expect(chooseEmbedder("auto", dir)).toMatchObject({ kind: "transformers", modelPath: model });
  });

  it("runs openai only when asked by name, and says which service", () => {
    const openai = { baseUrl: "http://127.0.0.1:11434/v1", model: "bge-m3" } as Parameters<typeof chooseEmbedder>[2];
    expect(chooseEmbedder("openai", undefined, openai)).toMatchObject({ kind: "openai", model: "bge-m3", reason: "EMBEDDER=openai, bge-m3 at http://127.0.0.1:11434/v1" });
    expect(chooseEmbedder("auto", join(tmpdir(), "no-such-model-dir"), openai).kind).toBe("builtin");
    expect(() => chooseEmbedder("openai")).toThrow(/EMBEDDINGS_BASE_URL and EMBEDDINGS_MODEL/);
  });

  it("honours an explicit builtin", () => {
    expect(chooseEmbedder("builtin")).toEqual({ kind: "builtin", reason: "EMBEDDER=builtin" });
  });
});

describe("TransformersEmbeddings without the model and without the hub", () => {
  it("fails fast with an error instead of hanging", async () => {
    const embeddings = new TransformersEmbeddings({
      model: DEFAULT_TRANSFORMERS_MODEL,
      modelDir: join(tmpdir(), "no-such-model-dir"),
      allowRemote: false,
      loadTimeoutMs: 10_000,
    });
    const started = performance.now();
    await expect(embeddings.embedQuery("prévention du suicide")).rejects.toThrow();
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});

// Real e5 embeddings need the model's weights, which cannot be downloaded on these machines.
const modelDir = process.env.MODEL_DIR;
const haveModel = modelDir ? findLocalModel(DEFAULT_TRANSFORMERS_MODEL, modelDir) : undefined;
if (!haveModel) console.log("skipping the e5 embedding tests: set MODEL_DIR to a folder holding Xenova/multilingual-e5-small");
describe.skipIf(!haveModel)("TransformersEmbeddings with the e5 model (needs MODEL_DIR)", () => {
  it("embeds queries and passages into normalised 384-d vectors, a translation nearer than an unrelated text", async () => {
    const e = new TransformersEmbeddings({ model: DEFAULT_TRANSFORMERS_MODEL, modelDir, allowRemote: false, loadTimeoutMs: 60_000 });
    const [fr, other] = await e.embedDocuments(["formation aux premiers secours en santé mentale", "budget de la voirie"]);
    const q = await e.embedQuery("mental health first aid training");
    const dot = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * b[i], 0);
    expect(q).toHaveLength(384);
    expect(Math.abs(dot(q, q) - 1)).toBeLessThan(1e-3);
    expect(dot(q, fr)).toBeGreaterThan(dot(q, other));
  });
});
