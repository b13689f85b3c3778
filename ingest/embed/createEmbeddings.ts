// Builds the embedder an index is made with (fitting the builtin one on the corpus), and the
// one a server queries with (loading the builtin model saved with the index).
import type { Embeddings } from "@langchain/core/embeddings";
import { join } from "node:path";
import { BuiltinEmbeddings, fitBuiltinModel, loadBuiltinModel, type BuiltinModel } from "./builtin/builtinEmbedder.ts";
import { INDEX_FILES } from "../store/indexFiles.ts";
import type { EmbedderChoice } from "./chooseEmbedder.ts";
import { TransformersEmbeddings } from "./transformers/transformersEmbeddings.ts";

export interface ReadyEmbeddings {
  embeddings: Embeddings;
  id: string;
  kind: EmbedderChoice["kind"];
  builtinModel?: BuiltinModel;
}

/** How long a model may take to load before we say it cannot be had (offline hub). */
const LOAD_TIMEOUT_MS = 20_000;

function transformers(choice: EmbedderChoice, modelDir?: string): ReadyEmbeddings {
  const embeddings = new TransformersEmbeddings({
    model: choice.model!,
    modelDir,
    allowRemote: !choice.modelPath,
    loadTimeoutMs: LOAD_TIMEOUT_MS,
  });
  return { embeddings, id: embeddings.id, kind: "transformers" };
}

export function embeddingsForIngest(choice: EmbedderChoice, corpusTexts: string[], modelDir?: string): ReadyEmbeddings {
  if (choice.kind === "transformers") return transformers(choice, modelDir);
  const model = fitBuiltinModel(corpusTexts);
  return { embeddings: new BuiltinEmbeddings(model), id: model.id, kind: "builtin", builtinModel: model };
}

export async function embeddingsForIndex(choice: EmbedderChoice, indexDir: string, modelDir?: string): Promise<ReadyEmbeddings> {
  if (choice.kind === "transformers") return transformers(choice, modelDir);
  const model = await loadBuiltinModel(join(indexDir, INDEX_FILES.builtinModel));
  return { embeddings: new BuiltinEmbeddings(model), id: model.id, kind: "builtin", builtinModel: model };
}
