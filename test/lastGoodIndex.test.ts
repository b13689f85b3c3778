// Start-up through index faults (server/services/openIndex.ts): every file of the index damaged
// in turn, with good seeds (rebuilt) and with a bad seed too (the previous build serves, stale,
// with the reason); a bad seed beside a good index (served stale, /ready says why); and nothing
// usable at all (start-up stops with the command that fixes it).
import { cp, mkdtemp, readdir, truncate, writeFile, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildIndex } from "../ingest/buildIndex.ts";
import { IndexError, resolveIndexDir } from "../ingest/store/index.ts";
import { buildApp } from "../server/app.ts";
import { loadConfig } from "../server/config.ts";
import { buildServices } from "../server/services/buildServices.ts";
import { createLiveIndex } from "../server/services/liveIndex.ts";
import { openIndex } from "../server/services/openIndex.ts";
import { BAD_SEED, smallSeedsCopy } from "./helpers/smallSeeds.ts";

const quiet = () => {};
const load = (dir: string) => buildServices({ indexDir: dir, embedder: "builtin" });

let seeds: string;
let base: string;
let files: string[];

beforeAll(async () => {
  seeds = await smallSeedsCopy();
  base = join(await mkdtemp(join(tmpdir(), "last-good-")), "index");
  // two builds: the current one, and the last good one before it
  await buildIndex({ seedsDir: seeds, indexDir: base, embedder: "builtin", log: quiet });
  await buildIndex({ seedsDir: seeds, indexDir: base, embedder: "builtin", log: quiet });
  const current = await resolveIndexDir(base);
  files = (await readdir(current, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => relative(current, join(e.parentPath, e.name)));
});

async function copies(): Promise<{ indexDir: string; seedsDir: string }> {
  const root = await mkdtemp(join(tmpdir(), "last-good-"));
  await cp(base, join(root, "index"), { recursive: true });
  await cp(seeds, join(root, "seeds"), { recursive: true });
  return { indexDir: join(root, "index"), seedsDir: join(root, "seeds") };
}

async function open(dirs: { indexDir: string; seedsDir: string }) {
  const lines: string[] = [];
  const opened = await openIndex({ ...dirs, embedder: "builtin", log: (l) => lines.push(l), warn: (l) => lines.push(`WARN ${l}`) }, load);
  return { opened, lines };
}

/** Cuts a file to half its size: the usual shape of a copy or disk write that stopped midway. */
async function damage(file: string): Promise<void> {
  await truncate(file, Math.floor((await stat(file)).size / 2));
}

describe("an index file damaged at start-up", () => {
  it("lists the files it damages (the test is not vacuous)", () => {
    expect(files).toEqual(
      expect.arrayContaining(["manifest.json", "postings.json", "postings.bin", "fiches.json", "fiche-vectors.json", "fiche-vectors.bin", "term-stats.json", "builtin-model.json", "chunks.bin", "dense/hnswlib.index"]),
    );
  });

  it("is rebuilt from the seeds when they are good, each file in turn, naming the file", async () => {
    for (const file of [...files, "../../current"]) {
      const dirs = await copies();
      const target = join(await resolveIndexDir(dirs.indexDir), file);
      await damage(target);
      const { opened, lines } = await open(dirs);
      expect(opened.stale, file).toBeUndefined();
      expect(opened.value.ready().chunks, file).toBeGreaterThan(0);
      expect(lines.join("\n"), file).toContain(target);
    }
  });

  it("with a bad seed too, serves the previous build, stale, naming the damaged file and the seed's line", async () => {
    for (const file of files) {
      const dirs = await copies();
      const current = await resolveIndexDir(dirs.indexDir);
      await damage(join(current, file));
      await writeFile(join(dirs.seedsDir, "005_bad.txt"), BAD_SEED);
      const { opened, lines } = await open(dirs);
      expect(opened.dir, file).not.toBe(current);
      expect(opened.stale, file).toContain(join(current, file));
      expect(opened.stale, file).toMatch(/005_bad\.txt:4/);
      expect(lines.join("\n"), file).toMatch(/WARN index: serving the previous build/);
    }
  });
});

describe("a bad seed beside a good index", () => {
  it("keeps serving the index, and /ready answers 200 with stale: true and the file and line", async () => {
    const dirs = await copies();
    const before = await resolveIndexDir(dirs.indexDir);
    await writeFile(join(dirs.seedsDir, "005_bad.txt"), BAD_SEED);
    const { opened, lines } = await open(dirs);
    expect(opened.dir).toBe(before);
    expect(lines.join("\n")).toMatch(/WARN index: the rebuild failed: ingest: 005_bad\.txt:4: .*; fix it, then run `npm run ingest`/);

    const live = createLiveIndex({ indexDir: dirs.indexDir, initial: opened, load, log: quiet, warn: quiet, pollMs: 0 });
    const app = buildApp(loadConfig({ LOG_LEVEL: "silent" }), live.services);
    const ready = await app.inject({ url: "/ready" });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ status: "ready", stale: true, staleReason: expect.stringMatching(/005_bad\.txt:4/) });
    expect((await app.inject({ url: "/api/search?q=PSSM" })).statusCode).toBe(200);
    await app.close();
    await live.close();
  });
});

describe("no usable index and seeds that do not build", () => {
  it("stops start-up with an IndexError giving the seed's line and the command that fixes it", async () => {
    const seedsDir = await smallSeedsCopy();
    await writeFile(join(seedsDir, "005_bad.txt"), BAD_SEED);
    const indexDir = join(await mkdtemp(join(tmpdir(), "last-good-")), "index");
    const err = await open({ indexDir, seedsDir }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IndexError);
    expect((err as Error).message).toMatch(/005_bad\.txt:4.*npm run ingest/s);
  });
});
