// EMBEDDER=auto|builtin|transformers|openai -> which embedder runs, and one log line saying why.
// No model weights can be downloaded on machines without a network, so `auto` only picks
// transformers when the model is already on disk (`npm run model:fetch`); it never tries the
// hub, and never picks a remote service: `openai` is always asked for by name.
import type { EmbedderSetting, OpenAIEmbedderConfig } from "../config.ts";
import { findLocalModel } from "./findLocalModel.ts";
import { DEFAULT_TRANSFORMERS_MODEL } from "./transformers/transformersEmbeddings.ts";

export type { EmbedderSetting };

export interface EmbedderChoice {
  kind: "builtin" | "transformers" | "openai";
  model?: string;
  /** folder the model was found in, when local */
  modelPath?: string;
  /** the embeddings service, for openai */
  openai?: OpenAIEmbedderConfig;
  reason: string;
}

export function chooseEmbedder(setting: EmbedderSetting, modelDir?: string, openai?: OpenAIEmbedderConfig): EmbedderChoice {
  const model = DEFAULT_TRANSFORMERS_MODEL;
  if (setting === "builtin") return { kind: "builtin", reason: "EMBEDDER=builtin" };
  if (setting === "openai") {
    // the config module refuses EMBEDDER=openai without a URL; `--embedder openai` can still get here
    if (!openai) throw new Error("EMBEDDER=openai needs EMBEDDINGS_BASE_URL and EMBEDDINGS_MODEL (an OpenAI-compatible /v1/embeddings service)");
    return { kind: "openai", model: openai.model, openai, reason: `EMBEDDER=openai, ${openai.model} at ${openai.baseUrl}` };
  }
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
