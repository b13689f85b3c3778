// EMBEDDER=openai end to end over real HTTP: a local /v1/embeddings service (hashed character
// n-grams, test/helpers/fakeEmbeddingsServer.ts) drives ingest, start-up, /api/ask and
// /api/search, and plays the failures a real service has: 500s, 429s, slowness, another vector
// size after a redeploy, another model than the index was built with.
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildIndex } from "../ingest/buildIndex.ts";
import { ConfigError, loadIndexConfig } from "../ingest/config.ts";
import { buildApp, type App } from "../server/app.ts";
import { loadConfig } from "../server/config.ts";
import { buildServices } from "../server/services/buildServices.ts";
import { startFakeEmbeddingsServer, type FakeEmbeddingsServer } from "./helpers/fakeEmbeddingsServer.ts";
import { SEEDS_DIR } from "./helpers/buildTestIndex.ts";

const quiet = () => {};
let fake: FakeEmbeddingsServer;
let indexDir: string;
let app: App;
let url: string;

const env = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({
  EMBEDDER: "openai",
  EMBEDDINGS_BASE_URL: fake.baseUrl,
  EMBEDDINGS_MODEL: "fake-ngrams",
  EMBEDDINGS_QUERY_PREFIX: "query: ",
  EMBEDDINGS_PASSAGE_PREFIX: "passage: ",
  EMBEDDINGS_BATCH_SIZE: "100",
  EMBEDDINGS_MAX_RETRIES: "2",
  EMBEDDINGS_TIMEOUT_MS: "2000",
  EMBEDDINGS_QUERY_TIMEOUT_MS: "300",
  SEEDS_DIR,
  ...extra,
});

async function ingest(dir: string, extra: NodeJS.ProcessEnv = {}) {
  const config = loadIndexConfig(env({ INDEX_DIR: dir, ...extra }));
  return buildIndex({ ...config, log: quiet });
}

const services = (extra: NodeJS.ProcessEnv = {}) => {
  const config = loadIndexConfig(env({ INDEX_DIR: indexDir, ...extra }));
  return buildServices({ ...config, log: quiet });
};

async function ask(question: string) {
  const res = await fetch(`${url}/api/ask`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ question }) });
  expect(res.status).toBe(200);
  return (await res.json()) as { answer: string; citations: { city: string; ficheId: string }[]; embedder: string; notice?: string };
}

beforeAll(async () => {
  fake = await startFakeEmbeddingsServer(256);
  indexDir = join(await mkdtemp(join(tmpdir(), "openai-index-")), "index");
  await ingest(indexDir);
  app = buildApp(loadConfig({ ...env({ INDEX_DIR: indexDir }), LOG_LEVEL: "silent", RATE_LIMIT_MAX: "0" }), await services());
  url = await app.listen({ host: "127.0.0.1", port: 0 });
});

afterAll(async () => {
  await app?.close();
  await fake?.close();
});

describe("EMBEDDER=openai configuration", () => {
  it("refuses EMBEDDER=openai without a service URL, naming the variable", () => {
    expect(() => loadIndexConfig({ EMBEDDER: "openai" })).toThrow(ConfigError);
    expect(() => loadIndexConfig({ EMBEDDER: "openai" })).toThrow(/EMBEDDINGS_BASE_URL/);
  });

  it("refuses a service URL without a model, and a URL that is not http(s)", () => {
    expect(() => loadIndexConfig({ EMBEDDER: "openai", EMBEDDINGS_BASE_URL: "http://127.0.0.1:1/v1" })).toThrow(/EMBEDDINGS_MODEL/);
    expect(() => loadIndexConfig({ EMBEDDINGS_BASE_URL: "ftp://x", EMBEDDINGS_MODEL: "m" })).toThrow(/EMBEDDINGS_BASE_URL/);
    expect(() => loadIndexConfig({ ...env(), EMBEDDINGS_BATCH_SIZE: "0" })).toThrow(/EMBEDDINGS_BATCH_SIZE/);
  });
});

describe("ingest with an embeddings service", () => {
  it("sends passage-prefixed batches and records provider, model and dimension in the manifest", async () => {
    const { readManifest } = await import("../ingest/store/index.ts");
    const manifest = await readManifest(indexDir);
    expect(manifest.embedder).toEqual({ id: "openai:fake-ngrams", kind: "openai", dimension: 256, provider: fake.baseUrl, model: "fake-ngrams" });
    const batches = fake.requests.filter((r) => r.inputs[0].startsWith("passage: "));
    expect(batches.length).toBeGreaterThan(2);
    expect(Math.max(...batches.map((b) => b.inputs.length))).toBeLessThanOrEqual(100);
  });

  it("retries after 429s and builds the same index", async () => {
    const dir = join(await mkdtemp(join(tmpdir(), "openai-429-")), "index");
    fake.script = [{ status: 429 }, { status: 429 }];
    const before = fake.requests.length;
    const manifest = await ingest(dir, { EMBEDDINGS_CONCURRENCY: "1" });
    expect(manifest.counts.chunks).toBeGreaterThan(100);
    const sent = fake.requests.slice(before);
    // two refused, then every batch once: the first batch was sent three times
    expect(sent[0].inputs).toEqual(sent[2].inputs);
    expect(sent.length).toBe(Math.ceil(manifest.counts.chunks / 100) + Math.ceil((manifest.counts.fiches + manifest.counts.syntheses) / 100) + 2);
  });

  it("fails clearly after its retries when the service keeps answering 500", async () => {
    const dir = join(await mkdtemp(join(tmpdir(), "openai-500-")), "index");
    fake.script = Array.from({ length: 20 }, () => ({ status: 500 }));
    await expect(ingest(dir, { EMBEDDINGS_CONCURRENCY: "1" })).rejects.toThrow(/fake-ngrams.*failed after 3 attempts: 500/);
    fake.script = [];
  });

  it("does not retry a refusal that another attempt would not change (401)", async () => {
    const dir = join(await mkdtemp(join(tmpdir(), "openai-401-")), "index");
    fake.script = [{ status: 401 }];
    await expect(ingest(dir, { EMBEDDINGS_CONCURRENCY: "1" })).rejects.toThrow(/failed after 1 attempt: 401/);
    fake.script = [];
  });

  it("fails clearly after its retries when the service is slower than the time-out", async () => {
    const dir = join(await mkdtemp(join(tmpdir(), "openai-slow-")), "index");
    fake.script = Array.from({ length: 4 }, () => ({ delayMs: 1500 }));
    const started = performance.now();
    await expect(ingest(dir, { EMBEDDINGS_CONCURRENCY: "1", EMBEDDINGS_TIMEOUT_MS: "200", EMBEDDINGS_MAX_RETRIES: "1" })).rejects.toThrow(/failed after 2 attempts: .*time/i);
    expect(performance.now() - started).toBeLessThan(5000);
    fake.script = [];
  });
});

describe("the server over an index built by an embeddings service", () => {
  it.each(["Quelles villes forment aux PSSM ?", "Which cities run PSSM trainings?"])("/api/ask answers %s citing the Caen and Lille sheets", async (question) => {
    const out = await ask(question);
    const cities = new Set(out.citations.map((c) => c.city));
    expect(cities).toContain("Caen");
    expect(cities).toContain("Lille");
    expect(out.embedder).toBe("openai:fake-ngrams");
    expect(out.notice).toBeUndefined();
    expect(fake.requests.some((r) => r.inputs[0].startsWith("query: "))).toBe(true);
  });

  it("/api/search ranks Caen and Lille sheets first for the PSSM question, and a question asked again costs no call once kept (at its second asking)", async () => {
    const search = async () => (await (await fetch(`${url}/api/search?q=${encodeURIComponent("formations PSSM premiers secours")}&k=5`)).json()) as { results: { city: string }[] };
    const first = await search();
    expect(await search()).toEqual(first);
    const calls = fake.requests.length;
    const third = await search();
    expect(fake.requests.length).toBe(calls);
    expect(third).toEqual(first);
    expect(first.results.map((r) => r.city)).toEqual(expect.arrayContaining(["Caen", "Lille"]));
  });

  it("answers from BM25 alone with a notice when the service is slower than the query budget", async () => {
    fake.script = [{ delayMs: 2000 }];
    const started = performance.now();
    const out = await ask("Quelles villes organisent des formations PSSM ?");
    expect(performance.now() - started).toBeLessThan(1500);
    expect(out.notice).toMatch(/mots-clés/);
    expect(out.citations.map((c) => c.city)).toEqual(expect.arrayContaining(["Caen", "Lille"]));
    fake.script = [];
  });

  it("answers from BM25 alone with a notice when the service fails", async () => {
    fake.script = [{ status: 500 }];
    const out = await ask("Which cities train people in PSSM?");
    expect(out.notice).toMatch(/keyword search alone/);
    expect(out.citations.length).toBeGreaterThan(0);
    fake.script = [];
  });

  it("refuses to start when the service now returns vectors of another size, with the rebuild command", async () => {
    fake.dimension = 128;
    try {
      await expect(services()).rejects.toMatchObject({ code: "INDEX_EMBEDDER_MISMATCH", message: expect.stringMatching(/256-dimension.*128.*npm run ingest/) });
    } finally {
      fake.dimension = 256;
    }
  });

  it("refuses an index built with another model, with the rebuild command", async () => {
    await expect(services({ EMBEDDINGS_MODEL: "other-model" })).rejects.toMatchObject({
      code: "INDEX_EMBEDDER_MISMATCH",
      message: expect.stringMatching(/openai:fake-ngrams.*openai:other-model.*npm run ingest/),
    });
  });
});
