// µs per search by stage, warm, in-process: `tsx bench/searchStages.ts INDEX_DIR [ROUNDS]`. The stages
// of searchPassages.ts called one by one over the bench questions (3 warm rounds, then ROUNDS timed);
// a question's concepts and entities, computed on first use, are timed apart ("concepts").
import { QUERIES } from "./queries.ts";
import { buildCorpus } from "../server/services/buildServices.ts";
import { createAssistant } from "../server/assistant/createAssistant.ts";
import { searchHitOf } from "../server/assistant/compose/passage.ts";
import { rerankByEvidence } from "../server/assistant/decide/rerankByEvidence.ts";
import { selectListSheets } from "../server/assistant/decide/selectListSheets.ts";
import { similarSheets } from "../server/assistant/decide/similarSheets.ts";
import { rankForQuestion } from "../server/assistant/retrieve/rankForQuestion.ts";
import { TUNING } from "../server/assistant/tuning.ts";
import type { SearchHit } from "../server/assistant/types.ts";
import { understandQuestion } from "../server/assistant/understand/understandQuestion.ts";
import { SearchResponseSchema } from "../server/schemas.ts";

const [, , indexDir = "index", roundsArg = "40"] = process.argv;
const corpus = await buildCorpus({ indexDir, embedder: "builtin" });
createAssistant(corpus); // its per-index work (content vectors, the exact dense scan) done before timing
const k = 10;
const spent = { understand: 0, concepts: 0, retrieve: 0, rerank: 0, listOrSimilar: 0, passages: 0, zodCheck: 0, stringify: 0 };
type Stage = keyof typeof spent;

async function searchOnce(q: string, timed: boolean): Promise<void> {
  let last = performance.now();
  const lap = (stage: Stage) => {
    const now = performance.now();
    if (timed) spent[stage] += now - last;
    last = now;
  };
  const ctx = understandQuestion(corpus, { question: q, filters: {} });
  lap("understand");
  void ctx.concepts;
  void ctx.entities;
  lap("concepts");
  const retrieved = await rankForQuestion(ctx);
  lap("retrieve");
  const ranked = rerankByEvidence(ctx, retrieved);
  lap("rerank");
  const similar = ctx.intent.kind === "similar" ? similarSheets(ctx, ranked, Math.max(k, TUNING.similar.count)) : undefined;
  const listed = !similar && ctx.intent.kind === "list" ? selectListSheets(ctx, ranked) : [];
  lap("listOrSimilar");
  let hits: SearchHit[] = [];
  if (similar) hits = similar.near.slice(0, k).map(({ hit, chunk }) => searchHitOf(chunk, ctx.termSet, hit.score));
  else {
    for (const r of [...listed, ...ranked.filter((x) => !listed.includes(x))]) {
      for (const { chunk, score } of r.chunks.slice(0, TUNING.compose.searchHitsPerSheet)) hits.push(searchHitOf(chunk, ctx.termSet, score));
      if (hits.length >= k) break;
    }
    hits = hits.slice(0, k);
  }
  lap("passages");
  const body = { results: hits };
  SearchResponseSchema.parse(body);
  lap("zodCheck");
  JSON.stringify(body);
  lap("stringify");
}

for (let r = 0; r < 3; r++) for (const q of QUERIES) await searchOnce(q, false);
const rounds = Number(roundsArg);
const t0 = performance.now();
const cpu0 = process.cpuUsage();
for (let r = 0; r < rounds; r++) for (const q of QUERIES) await searchOnce(q, true);
const n = rounds * QUERIES.length;
const us = (ms: number) => Math.round((1000 * ms) / n);
const cpu = process.cpuUsage(cpu0);
console.log(`${Object.entries(spent).map(([stage, ms]) => `${stage} ${us(ms)}`).join(", ")}; in all ${us(performance.now() - t0)} µs per search (process CPU ${us((cpu.user + cpu.system) / 1000)} µs)`);
process.exit(0);
