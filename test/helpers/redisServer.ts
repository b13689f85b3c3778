// Test support: Debian's redis-server on a free loopback port, no persistence, stopped by pid.
// Missing locally, the caller skips with the reason; under CI (.ci/run installs it) it must run.
import { spawn, spawnSync } from "node:child_process";
import { createServer } from "node:net";

export interface RedisServer {
  url: string;
  stop(): Promise<void>;
}

export const REDIS_BIN = process.env.REDIS_SERVER_PATH ?? "redis-server";

export function redisMissing(): string | undefined {
  const probe = spawnSync(REDIS_BIN, ["--version"], { encoding: "utf8" });
  return probe.error || probe.status !== 0 ? `${REDIS_BIN} not found (apt-get install -y redis-server)` : undefined;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

export async function startRedis(): Promise<RedisServer> {
  const port = await freePort();
  const proc = spawn(REDIS_BIN, ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`redis-server did not start: ${out}`)), 10_000);
    proc.stdout?.on("data", (d: Buffer) => {
      out += d.toString();
      if (/Ready to accept connections/.test(out)) {
        clearTimeout(timer);
        resolve();
      }
    });
    proc.on("exit", (code) => reject(new Error(`redis-server exited (${code}): ${out}`)));
  });
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: async () => {
      if (proc.exitCode !== null || proc.pid === undefined) return;
      const exited = new Promise((resolve) => proc.once("exit", resolve));
      process.kill(proc.pid, "SIGTERM");
      await exited;
    },
  };
}
