// Keeps answer quality from sliding back: runs ../shared/eval/score.mjs on both public question
// sets through the real HTTP server and checks the figures against floors set just under what
// was measured when they were last raised (README "Quality"). dev2 was written by someone who
// had not seen the code; its floors are lower because it is harder, not because it matters less.
// `probes` (test/eval/probes.jsonl) are ours, written from the seeds after the fact to probe what
// the public sets barely ask: unanswerable questions in both languages, values any field holds,
// names of bodies, follow-ups and filters. They guard regressions; they are no independent measure.
import { basename } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evalDir, runScorer, summaryOf } from "./eval/runEval.ts";
import { startTestServer, type TestServer } from "./helpers/startTestServer.ts";

const FLOORS = {
  dev: { "recall@5": 0.94, "mrr@10": 0.94, cityF1: 0.96, lookup: 0.95, abstain: 1, faithful: 0.99 },
  dev2: { "recall@5": 0.92, "mrr@10": 0.93, cityF1: 0.82, lookup: 0.95, abstain: 1, faithful: 0.99 },
  probes: { "recall@5": 0.96, "mrr@10": 0.9, cityF1: 0.78, lookup: 0.95, abstain: 1, faithful: 0.98 },
} as const;
const SETS: Record<keyof typeof FLOORS, string> = {
  dev: `${evalDir}/dev.jsonl`,
  dev2: `${evalDir}/dev2.jsonl`,
  probes: fileURLToPath(new URL("./eval/probes.jsonl", import.meta.url)),
};

let server: TestServer;
const summaries: Record<string, Record<string, number>> = {};
beforeAll(async () => {
  server = await startTestServer();
  for (const set of Object.keys(FLOORS) as (keyof typeof FLOORS)[]) {
    const out = await runScorer(server.url, SETS[set]);
    console.log(`== ${basename(set)}\n${out.split("\n").filter((l) => !l.startsWith("  miss")).join("\n")}`);
    summaries[set] = summaryOf(out);
  }
}, 300_000);
afterAll(async () => server?.close());

for (const [set, floors] of Object.entries(FLOORS)) {
  describe(`answer quality on ${set} (builtin embedder)`, () => {
    it("keeps fiche-level recall@5 and MRR@10 above their floors", () => {
      expect(summaries[set]["recall@5"]).toBeGreaterThanOrEqual(floors["recall@5"]);
      expect(summaries[set]["mrr@10"]).toBeGreaterThanOrEqual(floors["mrr@10"]);
    });

    it("keeps list-question city F1 and lookup values above their floors", () => {
      expect(summaries[set].cityF1).toBeGreaterThanOrEqual(floors.cityF1);
      expect(summaries[set].lookup).toBeGreaterThanOrEqual(floors.lookup);
    });

    it("cites nothing on unanswerable questions, in both languages, and quotes the corpus faithfully", () => {
      expect(summaries[set].abstain).toBeGreaterThanOrEqual(floors.abstain);
      expect(summaries[set].faithful).toBeGreaterThanOrEqual(floors.faithful);
      expect(summaries[set].errors).toBe(0);
    });
  });
}
