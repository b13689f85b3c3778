// Whether the transformers model can be had without a network: in MODEL_DIR, or in the
// hub cache @xenova/transformers keeps under its package folder (env.cacheDir default).
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const WEIGHTS = join("onnx", "model_quantized.onnx");

export function findLocalModel(model: string, modelDir?: string): string | undefined {
  const candidates: string[] = [];
  if (modelDir) candidates.push(join(modelDir, model), modelDir);
  try {
    const pkg = createRequire(import.meta.url).resolve("@xenova/transformers/package.json");
    candidates.push(join(dirname(pkg), ".cache", model));
  } catch {
    // package absent: only MODEL_DIR can hold the model
  }
  return candidates.find((dir) => existsSync(join(dir, WEIGHTS)) && existsSync(join(dir, "tokenizer.json")));
}
