// The index swap under faults: a second writer, and a writer killed between each two steps.
// Each ingest runs as a real child process (`npm run ingest`'s entry point) so a kill is a
// real SIGKILL of the whole process, not a thrown error.
import { copyFile, cp, mkdir, mkdtemp, readdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnTs, stopAll } from "./helpers/childProcess.ts";
import { buildIndex } from "../ingest/buildIndex.ts";
import { REPO_ROOT } from "../ingest/config.ts";
import { acquireIndexLock, BUILDS_DIR, IndexError, LOCK_FILE, loadIndex, PAUSE_STEPS, readCurrentId, readManifest } from "../ingest/store/index.ts";

// Three small seed files: the swap does not depend on the corpus size, and the tests stay fast.
const SMALL_SEEDS = ["000_30462b69bc52c4d6.txt", "001_f1e927a9104c9bda.txt", "002_bca2bee90e86e92b.txt"];
let SEEDS_DIR: string;
const quiet = () => {};
const ingestEnv = (indexDir: string, extra: NodeJS.ProcessEnv = {}) => ({ INDEX_DIR: indexDir, SEEDS_DIR, EMBEDDER: "builtin", ...extra });

let base: string;
beforeAll(async () => {
  SEEDS_DIR = join(await mkdtemp(join(tmpdir(), "seeds-small-")), "seeds");
  await mkdir(SEEDS_DIR);
  for (const f of SMALL_SEEDS) await copyFile(join(REPO_ROOT, "seeds", f), join(SEEDS_DIR, f));
  base = join(await mkdtemp(join(tmpdir(), "index-builds-")), "index");
  await buildIndex({ seedsDir: SEEDS_DIR, indexDir: base, embedder: "builtin", log: quiet });
});
afterAll(stopAll);

async function copyOfBase(): Promise<string> {
  const dir = join(await mkdtemp(join(tmpdir(), "index-builds-")), "index");
  await cp(base, dir, { recursive: true });
  return dir;
}

async function leftovers(indexDir: string): Promise<string[]> {
  const top = (await readdir(indexDir)).filter((n) => n !== "current" && n !== BUILDS_DIR);
  const builds = (await readdir(join(indexDir, BUILDS_DIR))).filter((n) => n.startsWith("."));
  return [...top, ...builds];
}

describe("the index write lock", () => {
  it("refuses a second writer clearly, naming the holder's pid and the lock file", async () => {
    const dir = await copyOfBase();
    const lock = await acquireIndexLock(dir);
    const err = await acquireIndexLock(dir, { waitMs: 0 }).catch((e: unknown) => e);
    await lock.release();
    expect(err).toBeInstanceOf(IndexError);
    expect(err).toMatchObject({ code: "INDEX_LOCKED" });
    expect((err as Error).message).toContain(`pid ${process.pid}`);
    expect((err as Error).message).toContain(join(dir, LOCK_FILE));
  });

  it("takes over a lock whose process is gone", async () => {
    const dir = await copyOfBase();
    const dead = spawnTs("ingest/main.ts", {}, ["--no-such-flag"]);
    await dead.exited;
    await writeFile(join(dir, LOCK_FILE), JSON.stringify({ pid: dead.proc.pid, host: (await import("node:os")).hostname(), startedAt: new Date().toISOString() }));
    const lines: string[] = [];
    const lock = await acquireIndexLock(dir, { waitMs: 0, log: (l) => lines.push(l) });
    await lock.release();
    expect(lines.join("\n")).toMatch(/taking over a lock left by pid \d+ \(no longer running\)/);
  });

  it("makes a second ingest wait for the first, then both finish with a complete index", async () => {
    const dir = await copyOfBase();
    // the first holds the lock, paused at a known step, until the second is seen waiting
    const a = spawnTs("ingest/main.ts", ingestEnv(dir, { FICHES_INDEX_PAUSE_AT: "files-written" }));
    await a.waitFor(/paused at files-written/);
    const b = spawnTs("ingest/main.ts", ingestEnv(dir));
    await b.waitFor(/waiting for the ingest of pid/);
    process.kill(a.proc.pid!, "SIGUSR2");
    expect([await a.exited, await b.exited]).toEqual([0, 0]);
    expect(b.output()).toContain(`waiting for the ingest of pid ${a.proc.pid} to finish`);
    const index = await loadIndex({ indexDir: dir, embedder: "builtin" });
    expect(index.chunks.length).toBe(index.manifest.counts.chunks);
    expect(await leftovers(dir)).toEqual([]);
    expect((await readdir(join(dir, BUILDS_DIR))).length).toBeLessThanOrEqual(2);
  });
});

describe.concurrent("an ingest killed between two steps of the swap", () => {
  it.each(PAUSE_STEPS)("at %s leaves a complete index that loads, and the next build cleans up", async (step) => {
    const dir = await copyOfBase();
    const before = await readManifest(dir);
    const child = spawnTs("ingest/main.ts", ingestEnv(dir, { FICHES_INDEX_PAUSE_AT: step }));
    await child.waitFor(new RegExp(`paused at ${step}`), 40_000);
    process.kill(child.proc.pid!, "SIGKILL");
    await child.exited;

    const after = await loadIndex({ indexDir: dir, embedder: "builtin" });
    expect(after.chunks.length).toBe(after.manifest.counts.chunks);
    // before the pointer moves the old build serves; after, the new one does
    if (step === "current-switched") expect(after.manifest.builtAt).not.toBe(before.builtAt);
    else expect(after.manifest.builtAt).toBe(before.builtAt);

    const lines: string[] = [];
    await buildIndex({ seedsDir: SEEDS_DIR, indexDir: dir, embedder: "builtin", log: (l) => lines.push(l) });
    expect(lines.join("\n")).toMatch(/taking over a lock left by pid \d+/);
    expect(await leftovers(dir)).toEqual([]);
    expect((await readdir(join(dir, BUILDS_DIR))).length).toBeLessThanOrEqual(2);
    expect(await readCurrentId(dir)).toBeDefined();
  });
});

describe("a write the file system refuses", () => {
  it("fails with INDEX_WRITE_FAILED naming the path and the errno (ENOSPC, ENOTDIR…)", async () => {
    const parent = await mkdtemp(join(tmpdir(), "index-builds-"));
    await writeFile(join(parent, "not-a-folder"), "");
    const indexDir = join(parent, "not-a-folder", "index");
    const err = await buildIndex({ seedsDir: SEEDS_DIR, indexDir, embedder: "builtin", log: quiet }).catch((e: unknown) => e);
    expect(err).toMatchObject({ name: "IndexError", code: "INDEX_WRITE_FAILED" });
    expect((err as Error).message).toMatch(/ENOTDIR on .*not-a-folder/);
  });
});
