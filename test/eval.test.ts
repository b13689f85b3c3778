// Keeps retrieval quality from sliding back: runs ../shared/eval/score.mjs on the dev questions
// through the real HTTP server and checks the figures against floors set just under what was
// measured when this test was written (see README "Quality").
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runScorer } from "./eval/runEval.ts";
import { startTestServer, type TestServer } from "./helpers/startTestServer.ts";

const FLOORS = { recall5: 0.93, mrr10: 0.92, cityF1: 0.92, lookup: 0.95, abstain: 1, faithful: 0.98 };

let server: TestServer;
let summary: Record<string, number>;
beforeAll(async () => {
  server = await startTestServer();
  const out = await runScorer(server.url);
  const line = out.split("\n").find((l) => l.startsWith("SUMMARY"));
  if (!line) throw new Error(`score.mjs printed no SUMMARY line:\n${out}`);
  console.log(out.split("\n").filter((l) => !l.startsWith("  miss")).join("\n"));
  summary = Object.fromEntries([...line.matchAll(/(\w+@?\d*)=([\d.]+)/g)].map((m) => [m[1], Number(m[2])]));
}, 180_000);
afterAll(async () => server?.close());

describe("retrieval quality on the dev questions (builtin embedder)", () => {
  it("keeps fiche-level recall@5 and MRR@10 above their floors", () => {
    expect(summary["recall@5"]).toBeGreaterThanOrEqual(FLOORS.recall5);
    expect(summary["mrr@10"]).toBeGreaterThanOrEqual(FLOORS.mrr10);
  });

  it("keeps list-question city F1 and lookup values above their floors", () => {
    expect(summary.cityF1).toBeGreaterThanOrEqual(FLOORS.cityF1);
    expect(summary.lookup).toBeGreaterThanOrEqual(FLOORS.lookup);
  });

  it("cites nothing on unanswerable questions, and quotes the corpus faithfully", () => {
    expect(summary.abstain).toBeGreaterThanOrEqual(FLOORS.abstain);
    expect(summary.faithful).toBeGreaterThanOrEqual(FLOORS.faithful);
    expect(summary.errors).toBe(0);
  });
});
