// Against a real HTTP server speaking the OpenAI chat-completions protocol, started here on
// 127.0.0.1: the only fake that exercises the client, its timeout and its error handling.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Citation } from "../assistant/types.ts";
import { startFakeChatServer, type FakeChatServer } from "../../test/helpers/fakeChatServer.ts";
import { FALLBACK_NOTICE, createLlmRewriter, type RewriteInput } from "./rewriteWithLlm.ts";

let fake: FakeChatServer;
beforeAll(async () => {
  fake = await startFakeChatServer();
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.reply = {};
  fake.last = undefined;
});

const citation = (n: number, city: string, excerpt: string): Citation => ({
  n,
  ficheId: `${city.toLowerCase()}--fiche`,
  city,
  title: `Fiche de ${city}`,
  field: "description",
  fieldLabel: "Description",
  excerpt,
  score: 1,
  start: 0,
  end: excerpt.length,
});

const input: RewriteInput = {
  question: "Quelles villes forment aux PSSM ?",
  lang: "fr",
  citations: [citation(1, "Lille", "Formations PSSM pour les agents."), citation(2, "Nantes", "Sessions PSSM ouvertes aux habitants.")],
  answer: "- Lille : Formations PSSM pour les agents. [1]\n- Nantes : Sessions PSSM ouvertes aux habitants. [2]",
};

const rewriter = (timeoutMs = 2000, maxAnswerChars = 6000) =>
  createLlmRewriter({ baseUrl: fake.baseUrl, apiKey: "not-needed", model: "test-model", timeoutMs, maxAnswerChars });

describe("rewriteWithLlm", () => {
  it("returns the model's answer when every sentence cites the evidence", async () => {
    fake.reply = { content: "Lille forme ses agents aux PSSM [1]. Nantes ouvre des sessions aux habitants [2]." };
    const out = await rewriter()(input);
    expect(out).toEqual({ answer: "Lille forme ses agents aux PSSM [1]. Nantes ouvre des sessions aux habitants [2].", rewritten: true });
  });

  it("sends the question, the numbered evidence and the extractive answer to /chat/completions", async () => {
    fake.reply = { content: "Lille [1]." };
    await rewriter()(input);
    expect(fake.last?.url).toBe("/v1/chat/completions");
    expect(fake.last?.body.model).toBe("test-model");
    const user = fake.last?.body.messages.find((m) => m.role === "user")?.content ?? "";
    expect(user).toContain("Quelles villes forment aux PSSM ?");
    expect(user).toContain("[2] Nantes — Fiche de Nantes — Description : Sessions PSSM ouvertes aux habitants.");
    expect(user).toContain(input.answer);
  });

  it("caps a huge answer at LLM_MAX_ANSWER_CHARS, cut after a whole sentence, and says so", async () => {
    fake.reply = { content: "Lille forme ses agents aux PSSM [1]. ".repeat(30_000) };
    const warnings: string[] = [];
    const out = await rewriter(2000, 500)(input, { onWarning: (r) => warnings.push(r) });
    expect(out.rewritten).toBe(true);
    expect(out.answer.length).toBeLessThanOrEqual(500);
    expect(out.answer.endsWith("[1].")).toBe(true);
    expect(warnings.join()).toMatch(/cut from 1110000 to \d+ characters/);
  });

  it("drops a sentence whose marker points at no citation", async () => {
    fake.reply = { content: "Lille forme ses agents aux PSSM [1]. Paris forme aussi ses agents [9]." };
    const warnings: string[] = [];
    const out = await rewriter()(input, { onWarning: (reason) => warnings.push(reason) });
    expect(out.answer).toBe("Lille forme ses agents aux PSSM [1].");
    expect(out.notice).toBeUndefined();
    expect(warnings).toEqual([expect.stringContaining("dropped 1")]);
  });

  it("returns the extractive answer with a notice when no sentence is cited", async () => {
    fake.reply = { content: "Plusieurs villes forment aux PSSM." };
    expect(await rewriter()(input)).toEqual({ answer: input.answer, rewritten: false, notice: FALLBACK_NOTICE.fr });
  });

  it("returns the extractive answer with a notice when the model is slower than the time-out", async () => {
    fake.reply = { content: "Lille [1].", delayMs: 5000 };
    const started = Date.now();
    const out = await rewriter(300)(input);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(out).toEqual({ answer: input.answer, rewritten: false, notice: FALLBACK_NOTICE.fr });
  });

  it("returns the extractive answer with a notice in English when the server fails", async () => {
    fake.reply = { status: 500 };
    const warnings: string[] = [];
    const out = await rewriter()({ ...input, lang: "en" }, { onWarning: (reason) => warnings.push(reason) });
    expect(out).toEqual({ answer: input.answer, rewritten: false, notice: FALLBACK_NOTICE.en });
    expect(warnings).toEqual(["LLM call failed"]);
  });

  it("leaves an answer without citations alone and does not call the model", async () => {
    const out = await rewriter()({ ...input, citations: [], answer: "Aucune fiche ne répond." });
    expect(out).toEqual({ answer: "Aucune fiche ne répond.", rewritten: false });
    expect(fake.last?.url).toBeUndefined();
  });
});
