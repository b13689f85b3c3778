// The one file that starts a process: config, index, services, app, listen; and a clean stop
// on SIGINT/SIGTERM so in-flight answers finish and the index is released.
// With WORKERS > 1 the primary opens (builds if needed) the index, watches the seeds, and forks
// the workers; each worker loads the current build and follows the `current` pointer itself.
import cluster from "node:cluster";
import { limitHeapGrowth } from "../ingest/heapGrowth.ts";
import { IndexError } from "../ingest/store/index.ts";
import { buildApp } from "./app.ts";
import { isClusterPrimary, runPrimary } from "./cluster.ts";
import { ConfigError, loadConfig, type Config } from "./config.ts";
import { buildServices } from "./services/buildServices.ts";
import { TUNING } from "./assistant/tuning.ts";
import { createLiveIndex } from "./services/liveIndex.ts";
import { openIndex } from "./services/openIndex.ts";
import { warmUp } from "./services/warmUp.ts";
import { missingNodeFlags } from "./nodeFlags.ts";
import { watchSeeds } from "./services/watchSeeds.ts";

const log = (line: string) => console.log(line);
const warn = (line: string) => console.warn(line);

function indexOptions(config: Config) {
  return {
    seedsDir: config.seedsDir,
    indexDir: config.indexDir,
    embedder: config.embedder,
    ...(config.modelDir ? { modelDir: config.modelDir } : {}),
    ...(config.openai ? { openai: config.openai } : {}),
  };
}

/** One seed watcher per deployment: the primary's, or the single process's. */
function watchTheSeeds(config: Config, onBuilt: (failure?: string) => void) {
  if (config.seedsPollMs <= 0) return Promise.resolve(undefined);
  return watchSeeds({
    seedsDir: config.seedsDir,
    pollMs: config.seedsPollMs,
    env: { ...process.env, INDEX_DIR: config.indexDir, SEEDS_DIR: config.seedsDir, EMBEDDER: config.embedder },
    log,
    onBuilt: (failure) => {
      if (failure) warn(`index: the rebuild after a seed change failed: ${failure}; the previous index keeps serving`);
      onBuilt(failure);
    },
  });
}

async function main(): Promise<void> {
  limitHeapGrowth(TUNING.scale.heapGrowingPercent);
  const config = loadConfig();
  const missing = missingNodeFlags();
  if (missing.length > 0) log(`node: started without ${missing.join(" ")} (npm start passes them): each process keeps up to ~50–70 MB more memory`);
  const index = indexOptions(config);

  if (isClusterPrimary(config.workers)) {
    // the primary makes sure a build loads (and rebuilds or falls back as a single process
    // would), then lets that copy go: the workers load their own and serve
    const opened = await openIndex({ ...index, log, warn }, async (dir) => {
      await (await buildServices({ ...index, indexDir: dir, log })).close?.();
      return dir;
    });
    if (opened.stale) warn(`index: serving a stale index (GET /ready shows why): ${opened.stale}`);
    await watchTheSeeds(config, () => {});
    return runPrimary(config.workers, log);
  }

  // a build serves once warm: its first questions would otherwise pay V8's compilation and the empty memos
  const load = async (dir: string) => {
    const services = await buildServices({ ...index, indexDir: dir, log, eager: true });
    // not through a remote embeddings service: 150 questions at every start and reindex would be its traffic (and bill)
    if (config.warmUpMs > 0 && config.embedder === "openai") log("index: no warm-up: its questions would go to the embeddings service (EMBEDDER=openai)");
    else if (config.warmUpMs > 0) {
      const warm = await warmUp(services, { questions: TUNING.scale.warmUpQuestions, ms: config.warmUpMs });
      log(`index: warmed up with ${warm.questions} questions of its own sheets in ${warm.ms} ms`);
    }
    // the warm-up's garbage, collected now rather than whenever the first questions' allocations get to it: the idle
    // memory a build serves from is its own (a full collection of ~100 ms at ×100, before ready; needs --expose-gc)
    (globalThis as { gc?: () => void }).gc?.();
    return services;
  };
  const initial = await openIndex({ ...index, log, warn }, load);
  if (initial.stale) warn(`index: serving a stale index (GET /ready shows why): ${initial.stale}`);
  const live = createLiveIndex({ indexDir: config.indexDir, initial, load, log, warn, pollMs: config.reindexPollMs });
  const seeds = cluster.isWorker
    ? undefined
    : await watchTheSeeds(config, (failure) => {
        live.markStale(failure && `the rebuild after a seed change failed: ${failure}`);
        if (!failure) void live.check();
      });
  const app = buildApp(config, live.services);

  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    // A second Ctrl-C means "now": do not wait for open connections.
    if (stopping) process.exit(1);
    stopping = true;
    app.log.info({ signal }, "shutting down");
    try {
      seeds?.close();
      await app.close();
      await live.services.close?.();
      process.exit(0);
    } catch (err) {
      app.log.error({ err }, "shutdown failed");
      process.exit(1);
    }
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void stop(signal));

  await app.listen({ host: config.host, port: config.port });
  if (config.llm) app.log.info({ model: config.llm.model, baseUrl: config.llm.baseUrl }, "LLM rewrite on");
}

main().catch((err: unknown) => {
  // Configuration and index problems carry their fix in the message; print it without a stack.
  if (err instanceof ConfigError || err instanceof IndexError) console.error(err.message);
  else console.error(err);
  process.exit(1);
});
