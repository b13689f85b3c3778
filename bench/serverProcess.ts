// Starts the real server as its own process (so its memory can be read from /proc) on a
// free loopback port, over an index built into a temp folder. `cpus` pins it (taskset) so a
// load generator on the other core does not compete with it unnoticed.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { readFile } from "node:fs/promises";
import { createServer } from "node:net";
import { cpus } from "node:os";
import { fileURLToPath } from "node:url";
import { SERVER_NODE_FLAGS } from "../server/nodeFlags.ts";

const root = fileURLToPath(new URL("..", import.meta.url));

/** A loopback port nothing listens on: any the system gives, or with BENCH_PORTS=FROM-TO (a range set aside for
 * this work on a shared machine) the next free one in it, walking the range from where the last call stopped. */
export async function freePort(): Promise<number> {
  const range = /^(\d+)-(\d+)$/.exec(process.env.BENCH_PORTS ?? "");
  if (!range) return listenable(0) as Promise<number>;
  const [from, to] = [Number(range[1]), Number(range[2])];
  for (let tried = 0; tried <= to - from; tried++) {
    const port = from + ((nextInRange++ + tried) % (to - from + 1));
    if ((await listenable(port)) !== undefined) return port;
  }
  throw new Error(`no free port in BENCH_PORTS=${process.env.BENCH_PORTS}`);
}
let nextInRange = 0;

/** The port a listener got on 127.0.0.1 (0: any), closed again; undefined when that port is taken. */
function listenable(port: number): Promise<number | undefined> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(port, "127.0.0.1", () => {
      const { port: got } = srv.address() as { port: number };
      srv.close(() => resolve(got));
    });
    srv.on("error", (err: NodeJS.ErrnoException) => (port !== 0 && err.code === "EADDRINUSE" ? resolve(undefined) : reject(err)));
  });
}

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** from spawn to the first successful GET /ready */
  startMs: number;
  /** resident memory of the serving processes: the largest worker (or the one process), and all together */
  rssMb(): Promise<{ max: number; total: number }>;
  /** CPU seconds (user + system) the serving processes (the primary and its workers) have used so far */
  cpuSeconds(): Promise<number>;
  stop(): Promise<void>;
}

export const hasTaskset = spawnSync("taskset", ["-c", "0", "true"]).status === 0;

export interface StartOptions {
  /** server/main.ts by default; bench/bareServer.ts for the bare Fastify route */
  script?: string;
  workers?: number;
  /** the corpus the index was built from: the server rebuilds an index that does not match its SEEDS_DIR */
  seedsDir?: string;
  /** e.g. "1": pinned with taskset when available; every CPU otherwise (not the caller's own pinning) */
  cpus?: string;
  /** extra node flags (e.g. --cpu-prof) */
  nodeArgs?: string[];
  /** environment set last, over the bench's own (e.g. LOG_LEVEL, CACHE_ENTRIES) */
  env?: Record<string, string>;
}

export async function startServerProcess(indexDir: string, opts: StartOptions = {}): Promise<ServerProcess> {
  const port = await freePort();
  // as `npm start` runs it: the server with its node flags (server/nodeFlags.ts); the bare route as plain node
  const node = [process.execPath, ...(opts.script ? [] : SERVER_NODE_FLAGS), ...(opts.nodeArgs ?? []), "--import", "tsx", opts.script ?? "server/main.ts"];
  const [cmd, ...args] = hasTaskset ? ["taskset", "-c", opts.cpus ?? `0-${cpus().length - 1}`, ...node] : node;
  const t0 = performance.now();
  const child = spawn(cmd, args, {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", INDEX_DIR: indexDir, ...(opts.seedsDir ? { SEEDS_DIR: opts.seedsDir } : {}), EMBEDDER: "builtin", RATE_LIMIT_MAX: "0", LOG_LEVEL: "warn", WORKERS: String(opts.workers ?? 1), ...opts.env },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 300_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    if (Date.now() > deadline) throw new Error("server not ready after 300 s");
    try {
      if ((await fetch(`${url}/ready`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const startMs = performance.now() - t0;
  const rssOf = async (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(await readFile(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024;
  const childrenOf = async (pid: number) =>
    (await readFile(`/proc/${pid}/task/${pid}/children`, "utf8").catch(() => "")).split(/\s+/).filter(Boolean).map(Number);
  return {
    url,
    child,
    startMs,
    async rssMb() {
      // taskset execs node in place, so the child pid is the server's (the primary with workers)
      const pid = child.pid!;
      const workers = await childrenOf(pid);
      const own = await rssOf(pid);
      const theirs = await Promise.all(workers.map(rssOf));
      return { max: Math.max(own, ...theirs), total: own + theirs.reduce((a, b) => a + b, 0) };
    },
    async cpuSeconds() {
      const pid = child.pid!;
      // utime and stime, fields 14 and 15 of /proc/PID/stat, in clock ticks (100 a second on Linux)
      const ticksOf = async (p: number) => {
        const fields = (await readFile(`/proc/${p}/stat`, "utf8").catch(() => "")).replace(/^.*\) /, "").split(" ");
        return Number(fields[11] ?? 0) + Number(fields[12] ?? 0);
      };
      const all = await Promise.all([pid, ...(await childrenOf(pid))].map(ticksOf));
      return all.reduce((a, b) => a + b, 0) / 100;
    },
    async stop() {
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
    },
  };
}
