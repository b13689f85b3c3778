// Ingest time on the seeds with the builtin embedder, per stage, over a few runs.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildIndex } from "../ingest/buildIndex.ts";
import { loadIndexConfig } from "../ingest/config.ts";

/** the seeds the commands use: SEEDS_DIR, else seeds/ */
const SEEDS_DIR = loadIndexConfig().seedsDir;

const RUNS = 3;
const rows: Record<string, number[]> = {};
for (let i = 0; i < RUNS; i++) {
  const dir = await mkdtemp(join(tmpdir(), "bench-ingest-"));
  const t0 = performance.now();
  await buildIndex({
    seedsDir: SEEDS_DIR,
    indexDir: join(dir, "index"),
    embedder: "builtin",
    log: (line) => {
      const m = /^✓ (\S+)\s.*?(\d+) ms$/.exec(line);
      if (m) (rows[m[1]] ??= []).push(Number(m[2]));
    },
  });
  (rows.total ??= []).push(performance.now() - t0);
  await rm(dir, { recursive: true, force: true });
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`ingest (builtin, ${RUNS} runs, ${process.env.UV_THREADPOOL_SIZE ?? "default"} threadpool)`);
console.table(Object.fromEntries(Object.entries(rows).map(([stage, xs]) => [stage, { median_ms: Math.round(median(xs)), min_ms: Math.round(Math.min(...xs)) }])));
