// Serving from several processes (issue 11): one Node process uses one core for JavaScript, so
// the primary forks WORKERS workers (default: one per core) that each load the same index and
// listen on the same port; node:cluster hands connections to them in turn (round-robin, the
// default outside Windows). The primary serves nothing: it forks, replaces a worker that dies,
// and passes SIGINT/SIGTERM on so each worker finishes its answers before stopping.
import cluster, { type Worker } from "node:cluster";

/** A worker that dies this soon after its start, this many times in a row, is not replaced: its
 * index or config is broken, and forking it again would only loop. */
const EARLY_DEATH_MS = 10_000;
const MAX_EARLY_DEATHS = 3;

/** True in the process that should fork rather than serve. */
export function isClusterPrimary(workers: number): boolean {
  return workers > 1 && cluster.isPrimary;
}

export function runPrimary(workers: number, log: (line: string) => void): void {
  let stopping = false;
  let earlyDeaths = 0;
  const started = new Map<number, number>();
  const fork = () => {
    const w = cluster.fork();
    started.set(w.id, Date.now());
  };
  cluster.on("exit", (worker: Worker, code, signal) => {
    const age = Date.now() - (started.get(worker.id) ?? 0);
    started.delete(worker.id);
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    earlyDeaths = age < EARLY_DEATH_MS ? earlyDeaths + 1 : 0;
    if (earlyDeaths >= MAX_EARLY_DEATHS) {
      log(`cluster: ${earlyDeaths} workers died within ${EARLY_DEATH_MS / 1000} s of starting (last: ${signal ?? `code ${code}`}); stopping`);
      stopping = true;
      for (const w of Object.values(cluster.workers ?? {})) w?.kill("SIGTERM");
      process.exitCode = 1;
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(1);
      return;
    }
    log(`cluster: worker ${worker.process.pid} exited (${signal ?? `code ${code}`}); starting another`);
    fork();
  });
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1);
    stopping = true;
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill(signal);
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => stop(signal));
  log(`cluster: ${workers} workers`);
  for (let i = 0; i < workers; i++) fork();
}
