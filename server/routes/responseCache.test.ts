// The response cache seen from HTTP (server/responseCache.ts, cachedReply.ts): what it keeps,
// what it must not keep, and that a hit is the miss's bytes.
import { describe, expect, it } from "vitest";
import type { AskRequest, AssistantServices } from "../contracts.ts";
import type { App } from "../app.ts";
import type { Config } from "../config.ts";
import { buildTestApp as buildAnyApp, wrapServices, type TestAppOptions } from "../../test/helpers/testApp.ts";

/** What is kept, and how, is tested with answers kept at their first asking; the default, the second, last. */
const atFirstAsking = (config: Readonly<Config>): Readonly<Config> => ({ ...config, responseCache: { ...config.responseCache, admitSlots: 0 } });
const buildTestApp = (env: NodeJS.ProcessEnv = {}, opts: TestAppOptions = {}) => buildAnyApp(env, { configure: atFirstAsking, ...opts });

/** The real services, counting the calls that reach them. */
async function counted(overrides: Partial<AssistantServices> = {}) {
  const calls = { search: 0, ask: 0 };
  const inner = await wrapServices(overrides);
  const services = await wrapServices({
    search: (q, o) => (calls.search++, inner.search(q, o)),
    ask: (r) => (calls.ask++, inner.ask(r)),
  });
  return { calls, services };
}

const search = (app: App, url: string) => app.inject({ url });
const ask = (app: App, payload: object, headers: Record<string, string> = {}) => app.inject({ method: "POST", url: "/api/ask", payload, headers });

describe("response cache", () => {
  it("answers a repeated search with the first answer's bytes and headers, without searching again", async () => {
    const { calls, services } = await counted();
    const app = await buildTestApp({}, { services });
    const url = "/api/search?q=PSSM&k=5";
    const miss = await search(app, url);
    const hit = await search(app, url);
    expect(miss.statusCode).toBe(200);
    expect(calls.search).toBe(1);
    expect(hit.rawPayload.equals(miss.rawPayload)).toBe(true);
    expect(hit.headers["content-type"]).toBe(miss.headers["content-type"]);
    expect(hit.headers["content-length"]).toBe(miss.headers["content-length"]);
    // and the same bytes as an app without the cache sends
    const plain = await search(await buildTestApp({ CACHE_ENTRIES: "0" }), url);
    expect(plain.rawPayload.equals(miss.rawPayload)).toBe(true);
    expect(plain.headers["content-type"]).toBe(miss.headers["content-type"]);
  });

  it("keeps questions, sizes and filters apart, and one filter's spellings together", async () => {
    const { calls, services } = await counted();
    const app = await buildTestApp({}, { services });
    const plain = await buildTestApp({ CACHE_ENTRIES: "0" });
    const city = Object.keys((await app.inject({ url: "/api/fiches" })).json().facets.cities)[0] as string;
    const urls = [
      "/api/search?q=PSSM",
      "/api/search?q=PSSM&k=3",
      "/api/search?q=pr%C3%A9vention%20du%20suicide",
      `/api/search?q=PSSM&city=${encodeURIComponent(city)}`,
      "/api/search?q=PSSM&qpv=true",
      "/api/search?q=PSSM&qpv=false",
    ];
    for (const url of urls) {
      const res = await search(app, url);
      expect(res.body, url).toBe((await search(plain, url)).body);
    }
    expect(calls.search).toBe(urls.length);
    // each again: all hits, each its own body
    for (const url of urls) expect((await search(app, url)).body, url).toBe((await search(plain, url)).body);
    expect(calls.search).toBe(urls.length);
    // the filter as a user types it is the canonical one: a hit
    await search(app, `/api/search?q=PSSM&city=${encodeURIComponent(city.toUpperCase())}`);
    expect(calls.search).toBe(urls.length);
    // search and ask with the same words are different answers
    const answer = await ask(app, { question: "PSSM" });
    expect(answer.json()).toHaveProperty("answer");
    expect(calls.ask).toBe(1);
  });

  it("holds at most CACHE_ENTRIES answers, evicting the least recently used", async () => {
    const { calls, services } = await counted();
    const app = await buildTestApp({ CACHE_ENTRIES: "2" }, { services });
    for (const q of ["PSSM", "suicide", "logement"]) await search(app, `/api/search?q=${q}`);
    expect(calls.search).toBe(3);
    await search(app, "/api/search?q=logement"); // kept
    await search(app, "/api/search?q=suicide"); // kept
    expect(calls.search).toBe(3);
    await search(app, "/api/search?q=PSSM"); // evicted by logement
    expect(calls.search).toBe(4);
  });

  it("keeps nothing when CACHE_ENTRIES is 0", async () => {
    const { calls, services } = await counted();
    const app = await buildTestApp({ CACHE_ENTRIES: "0" }, { services });
    for (let i = 0; i < 3; i++) {
      await search(app, "/api/search?q=PSSM");
      await ask(app, { question: "PSSM" });
    }
    expect(calls).toEqual({ search: 3, ask: 3 });
  });

  it("keeps a first question's JSON answer, never a follow-up's nor a stream", async () => {
    const { calls, services } = await counted();
    const app = await buildTestApp({}, { services });
    const question = "Quelles villes forment aux PSSM ?";
    const miss = await ask(app, { question });
    const hit = await ask(app, { question, history: [] }); // an empty history is a first question
    expect(calls.ask).toBe(1);
    expect(hit.rawPayload.equals(miss.rawPayload)).toBe(true);

    const history = [
      { role: "user", content: question },
      { role: "assistant", content: miss.json().answer, ficheIds: miss.json().fiches.map((f: { id: string }) => f.id) },
    ];
    for (let i = 0; i < 2; i++) await ask(app, { question: "Et à Lille ?", history });
    for (let i = 0; i < 2; i++) await ask(app, { question, history });
    expect(calls.ask).toBe(5);
    for (let i = 0; i < 2; i++) {
      const res = await ask(app, { question }, { accept: "text/event-stream" });
      expect(res.headers["content-type"]).toMatch(/text\/event-stream/);
    }
    expect(calls.ask).toBe(7);
  });

  it("keeps no error and no degraded answer", async () => {
    let fail = true;
    let fallback = true;
    const { calls, services } = await counted({
      search: async (q, o) => {
        const real = await wrapServices({});
        if (q === "boom" && fail) throw new Error("index read failed");
        const hits = await real.search(q, o);
        if (q === "degraded" && fallback) o.onDenseFallback?.();
        return hits;
      },
      ask: async (r: AskRequest) => {
        const real = await wrapServices({});
        const answer = await real.ask(r);
        return fallback ? { ...answer, notice: "BM25 alone" } : answer;
      },
    });
    const app = await buildTestApp({}, { services });
    expect((await search(app, "/api/search?q=boom")).statusCode).toBe(500);
    fail = false;
    expect((await search(app, "/api/search?q=boom")).statusCode).toBe(200);
    expect(calls.search).toBe(2);

    await search(app, "/api/search?q=degraded");
    await ask(app, { question: "PSSM" });
    fallback = false;
    await search(app, "/api/search?q=degraded");
    const full = await ask(app, { question: "PSSM" });
    expect(full.json().notice).toBeUndefined();
    expect(calls).toEqual({ search: 4, ask: 2 });
    // and once whole, they are kept
    await search(app, "/api/search?q=degraded");
    await ask(app, { question: "PSSM" });
    expect(calls).toEqual({ search: 4, ask: 2 });
  });

  it("forgets what another build answered", async () => {
    const { calls, services } = await counted();
    let build = services.listFiches();
    const app = await buildTestApp({}, { services: { ...services, listFiches: () => build } });
    await search(app, "/api/search?q=PSSM");
    await search(app, "/api/search?q=PSSM");
    expect(calls.search).toBe(1);
    build = { ...build, facets: { ...build.facets } }; // a new index swapped in: a new facets object
    await search(app, "/api/search?q=PSSM");
    expect(calls.search).toBe(2);
  });

  it("by default keeps an answer at its second asking, so that a question asked once leaves nothing", async () => {
    const { calls, services } = await counted();
    const app = await buildAnyApp({}, { services });
    for (let i = 0; i < 4; i++) await search(app, "/api/search?q=PSSM");
    await search(app, "/api/search?q=suicide");
    for (let i = 0; i < 2; i++) await ask(app, { question: "PSSM" });
    await ask(app, { question: "PSSM" });
    expect(calls).toEqual({ search: 3, ask: 2 });
  });
});
