// The real services over the real index built from the seeds, once per test process.
import type { AssistantServices } from "../../server/contracts.ts";
import { buildServices } from "../../server/services/buildServices.ts";
import { getTestIndexDir } from "./buildTestIndex.ts";

let services: Promise<AssistantServices> | undefined;

export function getTestServices(): Promise<AssistantServices> {
  services ??= (async () => buildServices({ indexDir: await getTestIndexDir(), embedder: "builtin" }))();
  return services;
}
