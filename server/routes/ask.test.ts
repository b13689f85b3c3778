import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { AskRequest, AssistantServices } from "../contracts.ts";
import { startFakeChatServer, type FakeChatServer } from "../../test/helpers/fakeChatServer.ts";
import { FALLBACK_NOTICE } from "../llm/rewriteWithLlm.ts";
import { AskResponseSchema } from "../schemas.ts";
import { buildTestApp, parseEvents, wrapServices } from "../../test/helpers/testApp.ts";

const QUESTION = "Quelles villes forment aux PSSM ?";

describe("POST /api/ask", () => {
  it("answers with citations and the cited fiches", async () => {
    const app = await buildTestApp();
    const res = await app.inject({ method: "POST", url: "/api/ask", payload: { question: QUESTION } });
    expect(res.statusCode).toBe(200);
    const body = AskResponseSchema.parse(res.json());
    expect(body.answer).not.toBe("");
    expect(body.citations.length).toBeGreaterThan(0);
    expect(body.fiches.length).toBeGreaterThan(0);
  });

  it("returns 400 naming the field when the question is empty", async () => {
    const app = await buildTestApp();
    for (const question of ["", "   "]) {
      const res = await app.inject({ method: "POST", url: "/api/ask", payload: { question } });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({ code: "QUESTION_EMPTY", field: "question" });
    }
  });

  it("returns 400 naming the field when the question is over 2000 characters", async () => {
    const app = await buildTestApp();
    const res = await app.inject({ method: "POST", url: "/api/ask", payload: { question: "PSSM ".repeat(401) } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: "QUESTION_TOO_LONG", field: "question" });
  });

  it("returns 400 naming the field when the question is missing", async () => {
    const res = await (await buildTestApp()).inject({ method: "POST", url: "/api/ask", payload: {} });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe("question");
  });

  it("returns 400 naming the filter when a filter value is unknown", async () => {
    const app = await buildTestApp();
    for (const [name, value] of [["city", "Atlantis"], ["theme", "Astrologie"], ["determinant", "Météo"], ["axis", "Nulle part"]]) {
      const res = await app.inject({ method: "POST", url: "/api/ask", payload: { question: QUESTION, filters: { [name]: value } } });
      expect(res.statusCode, name).toBe(400);
      expect(res.json().error, name).toMatchObject({ code: "UNKNOWN_FILTER_VALUE", field: `filters.${name}` });
      expect(res.json().error.message, name).toContain(value);
    }
  });

  it("returns 400 naming k when it is out of range", async () => {
    const res = await (await buildTestApp()).inject({ method: "POST", url: "/api/ask", payload: { question: QUESTION, k: 50 } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: "VALIDATION", field: "k" });
  });

  it("passes the canonical spelling of a filter, the history and k to the services", async () => {
    const seen: AskRequest[] = [];
    const real = await wrapServices({});
    const services: AssistantServices = { ...real, ask: (req) => (seen.push(req), real.ask(req)) };
    const city = Object.keys(real.listFiches().facets.cities)[0];
    const typed = city.normalize("NFD").replace(/\p{M}/gu, "").toUpperCase();
    const history = [{ role: "user" as const, content: "Bonjour" }];
    const res = await (await buildTestApp({}, { services })).inject({
      method: "POST",
      url: "/api/ask",
      payload: { question: QUESTION, filters: { city: typed, qpv: false }, history, k: 3 },
    });
    expect(res.statusCode).toBe(200);
    expect(seen).toEqual([{ question: QUESTION, filters: { city, qpv: false }, history, k: 3 }]);
  });

  it("streams `citations`, then `delta` pieces, then `done` when asked for text/event-stream", async () => {
    const app = await buildTestApp();
    const res = await app.inject({
      method: "POST",
      url: "/api/ask",
      headers: { accept: "text/event-stream" },
      payload: { question: QUESTION },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("text/event-stream");
    expect(res.headers["content-security-policy"]).toBeDefined();
    const events = parseEvents(res.body);
    const names = events.map((e) => e.event);
    expect(names[0]).toBe("citations");
    expect(names.at(-1)).toBe("done");
    expect(names.slice(1, -1).every((n) => n === "delta")).toBe(true);
    expect(names.filter((n) => n === "delta").length).toBeGreaterThan(0);
    const done = AskResponseSchema.parse(events.at(-1)?.data);
    const deltas = events.filter((e) => e.event === "delta").map((e) => (e.data as { text: string }).text);
    expect(deltas.join("")).toBe(done.answer);
    expect((events[0].data as { citations: unknown[] }).citations).toEqual(done.citations);
  });

  it("delivers the stream over a real connection", async () => {
    const app = await buildTestApp();
    const address = await app.listen({ host: "127.0.0.1", port: 0 });
    try {
      const res = await fetch(`${address}/api/ask`, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "text/event-stream" },
        body: JSON.stringify({ question: QUESTION }),
      });
      expect(res.headers.get("content-type")).toContain("text/event-stream");
      const events = parseEvents(await res.text());
      expect(events[0].event).toBe("citations");
      expect(events.at(-1)?.event).toBe("done");
    } finally {
      await app.close();
    }
  });

  it("answers JSON errors, not a stream, when the request is invalid", async () => {
    const res = await (await buildTestApp()).inject({
      method: "POST",
      url: "/api/ask",
      headers: { accept: "text/event-stream" },
      payload: { question: "" },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe("question");
  });
});

describe("POST /api/ask with an LLM configured", () => {
  let fake: FakeChatServer;
  beforeAll(async () => {
    fake = await startFakeChatServer();
  });
  afterAll(() => fake.close());
  beforeEach(() => {
    fake.reply = {};
  });
  const llmEnv = () => ({ LLM_BASE_URL: fake.baseUrl, LLM_MODEL: "fake", LLM_TIMEOUT_MS: "400" });

  it("returns the rewritten answer, without the sentence citing a number that is no citation", async () => {
    fake.reply = { content: "Plusieurs villes forment aux PSSM [1]. Une ville inventée aussi [99]." };
    const res = await (await buildTestApp(llmEnv())).inject({ method: "POST", url: "/api/ask", payload: { question: QUESTION } });
    expect(res.statusCode).toBe(200);
    expect(res.json().answer).toBe("Plusieurs villes forment aux PSSM [1].");
    expect(res.json().notice).toBeUndefined();
    expect(fake.last?.body.messages.at(-1)?.content).toContain(QUESTION);
  });

  it("returns the extractive answer with a notice when the model fails", async () => {
    const app = await buildTestApp(llmEnv());
    const plain = (await (await buildTestApp()).inject({ method: "POST", url: "/api/ask", payload: { question: QUESTION } })).json();
    fake.reply = { status: 500 };
    const res = await app.inject({ method: "POST", url: "/api/ask", payload: { question: QUESTION } });
    expect(res.json().answer).toBe(plain.answer);
    expect(res.json().notice).toBe(FALLBACK_NOTICE.fr);
  });

  it("returns the extractive answer with a notice in the question's language when the model is too slow", async () => {
    fake.reply = { content: "Lille [1].", delayMs: 3000 };
    // The notice follows AskResult.lang; pinning it keeps this test about the route, not about
    // how well English questions are retrieved.
    const real = await wrapServices({});
    const services = await wrapServices({ ask: async (req) => ({ ...(await real.ask(req)), lang: "en" }) });
    const started = Date.now();
    const res = await (await buildTestApp(llmEnv(), { services })).inject({ method: "POST", url: "/api/ask", payload: { question: QUESTION } });
    expect(Date.now() - started).toBeLessThan(2500);
    expect(res.json().notice).toBe(FALLBACK_NOTICE.en);
  });

  it("streams the rewritten answer in SSE", async () => {
    fake.reply = { content: "Plusieurs villes forment aux PSSM [1]. Elles forment des secouristes [1]." };
    const res = await (await buildTestApp(llmEnv())).inject({
      method: "POST",
      url: "/api/ask",
      headers: { accept: "text/event-stream" },
      payload: { question: QUESTION },
    });
    const events = parseEvents(res.body);
    const deltas = events.filter((e) => e.event === "delta").map((e) => (e.data as { text: string }).text);
    expect(deltas.length).toBe(2);
    expect(deltas.join("")).toBe("Plusieurs villes forment aux PSSM [1]. Elles forment des secouristes [1].");
    expect((events.at(-1)?.data as { answer: string }).answer).toBe(deltas.join(""));
  });
});
