// Test support: child processes (ingest, server) that a test can wait on, watch for a line and
// stop by pid. Every child started here is killed by `stopAll` so none outlives its test.
import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { REPO_ROOT } from "../../ingest/config.ts";

export interface Child {
  proc: ChildProcess;
  output(): string;
  /** resolves with the output once a line matches, rejects on exit or after timeoutMs */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<string>;
  exited: Promise<number | null>;
}

const started = new Set<ChildProcess>();

export function spawnTs(script: string, env: NodeJS.ProcessEnv, args: string[] = []): Child {
  const proc = spawn(process.execPath, ["--import", "tsx", join(REPO_ROOT, script), ...args], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  started.add(proc);
  let out = "";
  const listeners = new Set<() => void>();
  const onData = (d: Buffer) => {
    out += d.toString();
    for (const l of listeners) l();
  };
  proc.stdout?.on("data", onData);
  proc.stderr?.on("data", onData);
  const exited = new Promise<number | null>((resolve) =>
    proc.on("exit", (code) => {
      started.delete(proc);
      resolve(code);
      for (const l of listeners) l();
    }),
  );
  return {
    proc,
    output: () => out,
    exited,
    waitFor: (pattern, timeoutMs = 30_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          if (pattern.test(out)) return done(() => resolve(out));
          if (proc.exitCode !== null || proc.signalCode !== null) done(() => reject(new Error(`exited before ${pattern}: ${out}`)));
        };
        const timer = setTimeout(() => done(() => reject(new Error(`timed out waiting for ${pattern}: ${out}`))), timeoutMs);
        const done = (then: () => void) => {
          clearTimeout(timer);
          listeners.delete(check);
          then();
        };
        listeners.add(check);
        check();
      }),
  };
}

/** Kills every child still running (by its pid), e.g. in afterAll. */
export function stopAll(): void {
  for (const proc of started) if (proc.pid !== undefined && proc.exitCode === null) process.kill(proc.pid, "SIGKILL");
  started.clear();
}
