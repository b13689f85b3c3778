// `npm start` itself (server/main.ts as a child process) through index faults: a bad seed beside
// a good index still starts and serves, /ready saying why it is stale; with no index and seeds
// that do not build, it stops with exit code 1, the seed's line and the command that fixes it.
import { mkdtemp, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildIndex } from "../ingest/buildIndex.ts";
import { spawnTs, stopAll } from "./helpers/childProcess.ts";
import { BAD_SEED, smallSeedsCopy } from "./helpers/smallSeeds.ts";

afterAll(stopAll);

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

describe("npm start", () => {
  it("serves a good index beside a bad seed, stale in /ready, and stops cleanly on SIGTERM", async () => {
    const seedsDir = await smallSeedsCopy();
    const indexDir = join(await mkdtemp(join(tmpdir(), "start-")), "index");
    await buildIndex({ seedsDir, indexDir, embedder: "builtin", log: () => {} });
    await writeFile(join(seedsDir, "005_bad.txt"), BAD_SEED);
    const port = await freePort();
    const server = spawnTs("server/main.ts", { HOST: "127.0.0.1", PORT: String(port), INDEX_DIR: indexDir, SEEDS_DIR: seedsDir, EMBEDDER: "builtin", SEEDS_POLL_MS: "0", LOG_LEVEL: "info" });
    const log = await server.waitFor(/Server listening/, 30_000);
    expect(log).toMatch(/index: the rebuild failed: ingest: 005_bad\.txt:4: .*fix it, then run `npm run ingest`/);
    // the build answered questions of its own before it listened (server/services/warmUp.ts)
    expect(log).toMatch(/index: warmed up with [1-9]\d* questions of its own sheets in \d+ ms[\s\S]*Server listening/);
    const ready = await fetch(`http://127.0.0.1:${port}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: "ready", stale: true, staleReason: expect.stringMatching(/005_bad\.txt:4/) });
    expect((await fetch(`http://127.0.0.1:${port}/api/search?q=PSSM`)).status).toBe(200);
    process.kill(server.proc.pid!, "SIGTERM");
    expect(await server.exited).toBe(0);
  });

  it("stops with exit code 1 and the fix when there is no index and the seeds do not build", async () => {
    const seedsDir = await smallSeedsCopy();
    await writeFile(join(seedsDir, "005_bad.txt"), BAD_SEED);
    const root = await mkdtemp(join(tmpdir(), "start-"));
    const server = spawnTs("server/main.ts", { HOST: "127.0.0.1", PORT: String(await freePort()), INDEX_DIR: join(root, "index"), SEEDS_DIR: seedsDir, EMBEDDER: "builtin" });
    expect(await server.exited).toBe(1);
    expect(server.output()).toMatch(/no index can be served: .*005_bad\.txt:4.*Fix the seeds, then run `npm run ingest`/s);
  });
});
