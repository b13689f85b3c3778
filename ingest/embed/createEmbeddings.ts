// Builds the embedder an index is made with (fitting the builtin one on the corpus), and the
// one a server queries with (loading the builtin model saved with the index; checking that an
// embeddings service still returns vectors of the index's dimension).
import type { Embeddings } from "@langchain/core/embeddings";
import { join } from "node:path";
import { BuiltinEmbeddings, fitBuiltinModel, loadBuiltinModel, type BuiltinModel } from "./builtin/builtinEmbedder.ts";
import { IndexError, REBUILD_COMMAND } from "../store/indexError.ts";
import { INDEX_FILES } from "../store/indexFiles.ts";
import { readManifest } from "../store/manifest.ts";
import type { EmbedderChoice } from "./chooseEmbedder.ts";
import { OpenAICompatibleEmbeddings } from "./openai/openaiEmbeddings.ts";
import { TransformersEmbeddings } from "./transformers/transformersEmbeddings.ts";

export interface ReadyEmbeddings {
  embeddings: Embeddings;
  id: string;
  kind: EmbedderChoice["kind"];
  /** who computes the vectors: "builtin", "transformers" (local) or the service's URL; recorded in the manifest */
  provider: string;
  /** the model: the builtin model's id, the e5 model's name, the service's model name */
  model: string;
  builtinModel?: BuiltinModel;
  /** a question's embedding may take this long before retrieval answers without it (remote services only) */
  queryTimeoutMs?: number;
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
  return { embeddings, id: embeddings.id, kind: "transformers", provider: "transformers", model: choice.model! };
}

function openai(choice: EmbedderChoice, progress = true): ReadyEmbeddings & { embeddings: OpenAICompatibleEmbeddings } {
  const config = choice.openai!;
  const embeddings = new OpenAICompatibleEmbeddings(config, progress ? {} : { progress: false });
  // credentials in a URL never reach the manifest
  const url = new URL(config.baseUrl);
  url.username = url.password = "";
  return { embeddings, id: embeddings.id, kind: "openai", provider: url.href.replace(/\/$/, ""), model: config.model, queryTimeoutMs: config.queryTimeoutMs };
}

/** `keep`: the model itself, for the ingest to save; a server loading it keeps only the embedder (the model decoded). */
function builtin(model: BuiltinModel, keep: boolean): ReadyEmbeddings {
  return { embeddings: new BuiltinEmbeddings(model), id: model.id, kind: "builtin", provider: "builtin", model: model.id, ...(keep ? { builtinModel: model } : {}) };
}

export function embeddingsForIngest(choice: EmbedderChoice, corpusTexts: string[], modelDir?: string): ReadyEmbeddings {
  if (choice.kind === "transformers") return transformers(choice, modelDir);
  if (choice.kind === "openai") return openai(choice);
  return builtin(fitBuiltinModel(corpusTexts), true);
}

export async function embeddingsForIndex(choice: EmbedderChoice, indexDir: string, modelDir?: string, log?: (line: string) => void): Promise<ReadyEmbeddings> {
  if (choice.kind === "transformers") return transformers(choice, modelDir);
  if (choice.kind === "openai") return checkedService(openai(choice, false), indexDir, log);
  return builtin(await loadBuiltinModel(join(indexDir, INDEX_FILES.builtinModel)), false);
}

/**
 * The same model name can serve vectors of another size (a re-deployed service, a
 * `dimensions` setting): those would compare as noise, so a probe at start refuses them.
 * A service that is down at start is not a reason to refuse: questions fall back to BM25.
 */
async function checkedService(ready: ReturnType<typeof openai>, indexDir: string, log?: (line: string) => void): Promise<ReadyEmbeddings> {
  const manifest = await readManifest(indexDir);
  // another model: the loader refuses it with the rebuild command, no probe needed
  if (manifest.embedder.id !== ready.id) return ready;
  let dimension: number;
  try {
    dimension = (await ready.embeddings.embedQuery("santé mentale")).length;
  } catch (err) {
    log?.(`embedder: ${err instanceof Error ? err.message : err}; questions are answered from BM25 alone until it answers`);
    return ready;
  }
  if (dimension !== manifest.embedder.dimension) {
    throw new IndexError(
      "INDEX_EMBEDDER_MISMATCH",
      join(indexDir, INDEX_FILES.manifest),
      `the index in ${indexDir} holds ${manifest.embedder.dimension}-dimension vectors of ${manifest.embedder.model ?? manifest.embedder.id}, but ${ready.provider} now returns ${dimension} dimensions for it; rebuild with \`${REBUILD_COMMAND}\``,
    );
  }
  return ready;
}
