// The real services over the real index built from the seeds, once per test process; the
// corpus they run on is there too, for the assistant's stage tests.
import type { AssistantServices } from "../../server/contracts.ts";
import { createAssistant } from "../../server/assistant/createAssistant.ts";
import type { Corpus } from "../../server/assistant/understand/queryContext.ts";
import { buildCorpus } from "../../server/services/buildServices.ts";
import { getTestIndexDir } from "./buildTestIndex.ts";

let corpus: Promise<Corpus> | undefined;

export function getTestCorpus(): Promise<Corpus> {
  corpus ??= (async () => buildCorpus({ indexDir: await getTestIndexDir(), embedder: "builtin" }))();
  return corpus;
}

let services: Promise<AssistantServices> | undefined;

export function getTestServices(): Promise<AssistantServices> {
  services ??= getTestCorpus().then(createAssistant);
  return services;
}
