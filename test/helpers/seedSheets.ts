// The seed sheets as the product parser reads them, once per test process, for tests that
// check data (such as the glossary) against the corpus. Product code never reads the seeds so.
import { parseSeeds } from "../../ingest/parse/parseSeeds.ts";
import type { Fiche } from "../../ingest/types.ts";
import { SEEDS_DIR } from "./buildTestIndex.ts";

let parsed: Promise<Fiche[]> | undefined;

export function getSeedSheets(): Promise<Fiche[]> {
  parsed ??= parseSeeds(SEEDS_DIR);
  return parsed;
}
