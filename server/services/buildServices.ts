// Loads the index and builds the retrieval services the app is built over.
import type { EmbedderSetting } from "../../ingest/embed/index.ts";
import type { AssistantServices } from "../contracts.ts";
import { createQueryExpander } from "../retrieval/createQueryExpander.ts";
import { createAssistant } from "./assistant.ts";
import { loadIndex } from "../../ingest/store/index.ts";

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
