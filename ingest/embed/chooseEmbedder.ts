// EMBEDDER=auto|builtin|transformers -> which embedder runs, and one log line saying why.
// No model weights can be downloaded on machines without a network, so `auto` only picks
// transformers when the model is already on disk; it never tries the hub.
import type { EmbedderSetting } from "../config.ts";
import { findLocalModel } from "./findLocalModel.ts";
import { DEFAULT_TRANSFORMERS_MODEL } from "./transformers/transformersEmbeddings.ts";

export type { EmbedderSetting };

export interface EmbedderChoice {
  kind: "builtin" | "transformers";
  model?: string;
  /** folder the model was found in, when local */
  modelPath?: string;
  reason: string;
}

export function chooseEmbedder(setting: EmbedderSetting, modelDir?: string, model = DEFAULT_TRANSFORMERS_MODEL): EmbedderChoice {
  if (setting === "builtin") return { kind: "builtin", reason: "EMBEDDER=builtin" };
  const local = findLocalModel(model, modelDir);
  if (setting === "transformers") {
    return local
      ? { kind: "transformers", model, modelPath: local, reason: `EMBEDDER=transformers, model found in ${local}` }
      : { kind: "transformers", model, reason: `EMBEDDER=transformers, ${model} not on disk: will try the hub (bounded wait)` };
  }
  return local
    ? { kind: "transformers", model, modelPath: local, reason: `EMBEDDER=auto and ${model} is on disk (${local})` }
    : {
        kind: "builtin",
        reason: `EMBEDDER=auto and ${model} is not on disk (MODEL_DIR${modelDir ? `=${modelDir}` : " unset"}, no hub cache); no download attempted`,
      };
}
