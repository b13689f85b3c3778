// Rebuilds the index when the seeds change while the server runs (a document dropped in or
// edited). The build runs as a child `npm run ingest` process: it takes the index lock, so
// replicas sharing one index folder build once, and the CPU-heavy work never blocks this
// process's event loop. The switched pointer is then picked up by liveIndex.ts; a failed build
// leaves the current index serving, flagged stale with the ingest's message.
import { spawn } from "node:child_process";
import { stat, readdir } from "node:fs/promises";
import { join } from "node:path";
import { REPO_ROOT } from "../config.ts";

export interface WatchSeedsOptions {
  seedsDir: string;
  pollMs: number;
  /** environment of the child ingest (INDEX_DIR, SEEDS_DIR, EMBEDDER…) */
  env: NodeJS.ProcessEnv;
  log: (line: string) => void;
  /** told the build's outcome: undefined when it succeeded, else what to fix */
  onBuilt: (failure: string | undefined) => void;
}

/** Names, sizes and modification times: changes when a seed is added, removed or edited. */
async function signature(dir: string): Promise<string> {
  const names = (await readdir(dir).catch(() => [] as string[])).sort();
  const parts = await Promise.all(names.map(async (n) => stat(join(dir, n)).then((s) => `${n}:${s.size}:${s.mtimeMs}`, () => n)));
  return parts.join("\n");
}

export async function watchSeeds(opts: WatchSeedsOptions): Promise<{ close(): void }> {
  let last = await signature(opts.seedsDir);
  let building = false;
  let closed = false;
  let child: ReturnType<typeof spawn> | undefined;
  const tick = async () => {
    if (building || closed) return;
    const now = await signature(opts.seedsDir);
    if (now === last) return;
    last = now;
    building = true;
    opts.log("seeds changed: rebuilding the index");
    const out: string[] = [];
    child = spawn(process.execPath, ["--import", "tsx", join(REPO_ROOT, "ingest", "main.ts")], { cwd: REPO_ROOT, env: opts.env, stdio: ["ignore", "pipe", "pipe"] });
    child.stdout?.on("data", (d: Buffer) => out.push(d.toString()));
    child.stderr?.on("data", (d: Buffer) => out.push(d.toString()));
    child.on("exit", (code) => {
      building = false;
      child = undefined;
      if (closed) return;
      const text = out.join("").trim().split("\n");
      opts.onBuilt(code === 0 ? undefined : (text.find((l) => /^ingest: |Error|error/.test(l)) ?? text.at(-1) ?? `ingest exited with ${code}`));
    });
  };
  const timer = setInterval(() => void tick(), opts.pollMs);
  timer.unref();
  return {
    close() {
      closed = true;
      clearInterval(timer);
      if (child?.pid !== undefined) process.kill(child.pid, "SIGTERM");
    },
  };
}
