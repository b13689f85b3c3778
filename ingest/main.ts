// `npm run ingest [-- --report] [-- --embedder builtin|transformers|auto]`
import { buildIndex } from "./buildIndex.ts";
import { fieldReport } from "./fieldReport.ts";
import { parseSeeds } from "./parseSeeds.ts";
import { loadConfig } from "../server/config.ts";

const args = process.argv.slice(2);
const config = loadConfig();
const embedderArg = args.indexOf("--embedder");
const embedder = embedderArg >= 0 ? (args[embedderArg + 1] as typeof config.embedder) : config.embedder;

try {
  if (args.includes("--report")) {
    console.log(fieldReport(await parseSeeds(config.seedsDir)));
  }
  if (!args.includes("--report") || args.includes("--build")) {
    await buildIndex({ seedsDir: config.seedsDir, indexDir: config.indexDir, embedder, modelDir: config.modelDir });
  }
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  console.error("ingest failed; the previous index (if any) is untouched.");
  process.exitCode = 1;
}
