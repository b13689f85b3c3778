// A reindex while the server runs, under load: `npm run ingest` (a child process) switches the
// index pointer, the server loads the new build beside the old and swaps it in; requests in
// flight finish on the old one, and none fails. Then a seed dropped into the folder does the
// same through the server's own seed watcher.
import { writeFile } from "node:fs/promises";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp, type App } from "../server/app.ts";
import { loadConfig } from "../server/config.ts";
import { buildServices } from "../server/services/buildServices.ts";
import { createLiveIndex, type LiveIndex } from "../server/services/liveIndex.ts";
import { openIndex } from "../server/services/openIndex.ts";
import { watchSeeds } from "../server/services/watchSeeds.ts";
import { spawnTs, stopAll } from "./helpers/childProcess.ts";
import { smallSeedsCopy } from "./helpers/smallSeeds.ts";

const quiet = () => {};
const load = (dir: string) => buildServices({ indexDir: dir, embedder: "builtin" });

const sheet = (city: string, title: string, description: string) =>
  [
    "",
    title,
    "",
    `Ville Santé\t${city}`,
    "Date de rédaction de la fiche-action\t3 mars 2024",
    "Période\tDepuis 2022",
    `Porteur/pilote principal\tVille de ${city}, service santé`,
    "Partenaires\tCMP du secteur, association locale",
    "Budget :\t",
    "- Budget de fonctionnement annuel (réel ou estimé)\t12 500€",
    `<p>Description de l'action (objectifs, déroulé...)</p>\t<p>${description}</p>`,
    "",
  ].join("\n");

let seedsDir: string;
let indexDir: string;
let live: LiveIndex;
let app: App;
let url: string;

beforeAll(async () => {
  seedsDir = await smallSeedsCopy();
  indexDir = join(await mkdtemp(join(tmpdir(), "live-")), "index");
  const initial = await openIndex({ seedsDir, indexDir, embedder: "builtin", log: quiet, warn: quiet }, load);
  live = createLiveIndex({ indexDir, initial, load, log: quiet, warn: quiet, pollMs: 500 });
  app = buildApp(loadConfig({ LOG_LEVEL: "silent", RATE_LIMIT_MAX: "0" }), live.services);
  url = await app.listen({ host: "127.0.0.1", port: 0 });
});
afterAll(async () => {
  stopAll();
  await app?.close();
  await live?.close();
});

const builtAt = async () => ((await (await fetch(`${url}/ready`)).json()) as { builtAt: string }).builtAt;

async function waitForNewBuild(before: string, timeoutMs: number): Promise<number> {
  const start = Date.now();
  while (Date.now() - start < timeoutMs) {
    if ((await builtAt()) !== before) return Date.now() - start;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`still serving the build of ${before} after ${timeoutMs} ms`);
}

describe("a reindex while the server runs", () => {
  it("serves the new index within seconds, with zero failed requests under load", async () => {
    const before = await builtAt();
    let stop = false;
    const outcomes = { ok: 0, failed: [] as string[] };
    const client = async (i: number) => {
      while (!stop) {
        try {
          const res =
            i % 2 === 0
              ? await fetch(`${url}/api/search?q=${encodeURIComponent("jardins potagers PSSM")}`)
              : await fetch(`${url}/api/ask`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ question: "Quelles actions à Lille ?" }) });
          await res.arrayBuffer();
          if (res.status === 200) outcomes.ok++;
          else outcomes.failed.push(`${res.status}`);
        } catch (err) {
          outcomes.failed.push(String(err));
        }
      }
    };
    const clients = Array.from({ length: 6 }, (_, i) => client(i));

    await writeFile(join(seedsDir, "005_grenoble.txt"), sheet("Grenoble", "Jardins partagés thérapeutiques", "Des ateliers de jardinage réunissent des habitants suivis par le CMP dans des potagers partagés."));
    const ingest = spawnTs("ingest/main.ts", { INDEX_DIR: indexDir, SEEDS_DIR: seedsDir, EMBEDDER: "builtin" });
    expect(await ingest.exited).toBe(0);
    const tookMs = await waitForNewBuild(before, 10_000);
    await new Promise((r) => setTimeout(r, 300)); // load continues on the new build
    stop = true;
    await Promise.all(clients);

    console.log(`live reindex: new build served ${tookMs} ms after the ingest ended; ${outcomes.ok} requests ok, ${outcomes.failed.length} failed`);
    expect(outcomes.failed).toEqual([]);
    expect(outcomes.ok).toBeGreaterThan(20);
    const hits = (await (await fetch(`${url}/api/search?q=${encodeURIComponent("potagers partagés CMP")}`)).json()) as { results: { city: string }[] };
    expect(hits.results[0]?.city).toBe("Grenoble");
  });

  it("rebuilds and swaps in by itself when a seed is added to the folder", async () => {
    const before = await builtAt();
    const seeds = await watchSeeds({
      seedsDir,
      pollMs: 200,
      env: { PATH: process.env.PATH, INDEX_DIR: indexDir, SEEDS_DIR: seedsDir, EMBEDDER: "builtin" },
      log: quiet,
      onBuilt: (failure) => {
        live.markStale(failure);
        if (!failure) void live.check();
      },
    });
    try {
      await writeFile(join(seedsDir, "006_brest.txt"), sheet("Brest", "Marches exploratoires au port", "Des marches exploratoires au port avec les habitants du quartier pour repérer les lieux de malaise."));
      await waitForNewBuild(before, 20_000);
      const ready = (await (await fetch(`${url}/ready`)).json()) as { fiches: number; stale: boolean };
      expect(ready).toMatchObject({ fiches: 5, stale: false });
    } finally {
      seeds.close();
    }
  });
});
