// Loads the index and builds the retrieval services the app is built over.
import type { EmbedderSetting } from "../../ingest/embedders/chooseEmbedder.ts";
import type { AssistantServices } from "../contracts.ts";
import { createQueryExpander } from "../assistant/understand/createQueryExpander.ts";
import { createAssistant } from "../assistant/createAssistant.ts";
import { loadIndex } from "./loadIndex.ts";

export interface BuildServicesOptions {
  indexDir: string;
  embedder: EmbedderSetting;
  modelDir?: string;
  log?: (line: string) => void;
}

export async function buildServices(opts: BuildServicesOptions): Promise<AssistantServices> {
  const index = await loadIndex(opts);
  // e5 reads English natively; the builtin embedder reaches French text through the glossary
  const expand = await createQueryExpander(index.manifest.embedder.kind === "builtin", opts.log);
  const services = createAssistant(index, expand);
  opts.log?.(`index: ${index.manifest.counts.fiches} sheets, ${index.manifest.counts.chunks} chunks, embedder ${index.manifest.embedder.id}`);
  return services;
}
