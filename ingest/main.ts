// `npm run ingest [-- --report [--build]] [-- --embedder auto|builtin|transformers|openai]`
// Flags are parsed strictly: an unknown flag or embedder stops with a message and exit code 2
// (the usual code for a usage error), before anything is read or written.
import { parseArgs } from "node:util";
import { z } from "zod";
import { buildIndex } from "./buildIndex.ts";
import { ConfigError, embedderSetting, loadIndexConfig } from "./config.ts";
import { fieldReport } from "./parse/fieldReport.ts";
import { INGEST_HEAP_GROWING_PERCENT, limitHeapGrowth } from "./heapGrowth.ts";
import { parseSeeds } from "./parse/parseSeeds.ts";

const USAGE = "usage: npm run ingest -- [--report [--build]] [--embedder auto|builtin|transformers|openai]";

const FlagsSchema = z.object({
  report: z.boolean().default(false),
  build: z.boolean().default(false),
  embedder: embedderSetting.optional(),
});

function readFlags(argv: string[]): z.infer<typeof FlagsSchema> {
  const { values } = parseArgs({
    args: argv,
    options: { report: { type: "boolean" }, build: { type: "boolean" }, embedder: { type: "string" } },
    strict: true,
    allowPositionals: false,
  });
  const parsed = FlagsSchema.safeParse(values);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`--${String(issue.path[0])}: expected ${issue.message}, got ${JSON.stringify(values[issue.path[0] as keyof typeof values])}`);
  }
  return parsed.data;
}

limitHeapGrowth(INGEST_HEAP_GROWING_PERCENT);
let flags: z.infer<typeof FlagsSchema>;
let config: ReturnType<typeof loadIndexConfig>;
try {
  flags = readFlags(process.argv.slice(2));
  config = loadIndexConfig();
} catch (err) {
  console.error(`ingest: ${err instanceof Error ? err.message : err}`);
  if (!(err instanceof ConfigError)) console.error(USAGE);
  process.exit(2);
}

try {
  if (flags.report) console.log(fieldReport(await parseSeeds(config.seedsDir)));
  if (!flags.report || flags.build) {
    await buildIndex({ seedsDir: config.seedsDir, indexDir: config.indexDir, embedder: flags.embedder ?? config.embedder, modelDir: config.modelDir, openai: config.openai });
  }
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  console.error("ingest failed; the previous index (if any) is untouched.");
  process.exitCode = 1;
}
