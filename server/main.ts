// The one file that starts a process: config, index, services, app, listen; and a clean stop
// on SIGINT/SIGTERM so in-flight answers finish and the index is released.
import { ensureIndex } from "../ingest/ensureIndex.ts";
import { buildApp } from "./app.ts";
import { isClusterPrimary, runPrimary } from "./cluster.ts";
import { ConfigError, loadConfig } from "./config.ts";
import { buildServices } from "./services/buildServices.ts";

async function main(): Promise<void> {
  const config = loadConfig();
  const log = (line: string) => console.log(line);

  await ensureIndex({
    seedsDir: config.seedsDir,
    indexDir: config.indexDir,
    embedder: config.embedder,
    ...(config.modelDir ? { modelDir: config.modelDir } : {}),
    log,
  });
  // WORKERS > 1: this process forks the workers (which run main() too, finding the index built) and serves nothing
  if (isClusterPrimary(config.workers)) return runPrimary(config.workers, log);
  const services = await buildServices({
    indexDir: config.indexDir,
    embedder: config.embedder,
    ...(config.modelDir ? { modelDir: config.modelDir } : {}),
    log,
  });
  const app = buildApp(config, services);

  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    // A second Ctrl-C means "now": do not wait for open connections.
    if (stopping) process.exit(1);
    stopping = true;
    app.log.info({ signal }, "shutting down");
    try {
      await app.close();
      await services.close?.();
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
  if (err instanceof ConfigError) console.error(err.message);
  else console.error(err);
  process.exit(1);
});
