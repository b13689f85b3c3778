// Loads the index and builds the retrieval services the app is built over.
import type { OpenAIEmbedderConfig } from "../../ingest/config.ts";
import type { EmbedderSetting } from "../../ingest/embed/index.ts";
import { createAssistant } from "../assistant/createAssistant.ts";
import type { AssistantServices } from "../assistant/types.ts";
import { createCorpus, type Corpus } from "../assistant/understand/queryContext.ts";
import { createQueryExpander } from "../assistant/understand/createQueryExpander.ts";
import { TUNING } from "../assistant/tuning.ts";
import { loadIndex } from "../../ingest/store/index.ts";

export interface BuildServicesOptions {
  indexDir: string;
  embedder: EmbedderSetting;
  modelDir?: string;
  openai?: OpenAIEmbedderConfig;
  log?: (line: string) => void;
  /** read the general lexicons now rather than at the first question that needs one (nearly every question does: the
   * first one paid ~0.35 s); a server sets it, tests and tools that never ask leave it off */
  eager?: boolean;
}

/** The loaded index with its statistics and query expansion: what the assistant's stages read. */
export async function buildCorpus(opts: BuildServicesOptions): Promise<Corpus> {
  const index = await loadIndex(opts);
  // e5 reads English natively; the builtin embedder reaches French text through the glossary
  const expand = await createQueryExpander(TUNING.embedders[index.manifest.embedder.kind].glossaryExpansion, opts.log);
  opts.log?.(`index: ${index.manifest.counts.fiches} sheets, ${index.manifest.counts.chunks} chunks, embedder ${index.manifest.embedder.id}`);
  if (opts.eager) expand.prepare?.();
  return createCorpus(index, expand);
}

export async function buildServices(opts: BuildServicesOptions): Promise<AssistantServices> {
  return createAssistant(await buildCorpus(opts));
}
