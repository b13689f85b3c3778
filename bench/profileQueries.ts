// Per-query CPU profile without HTTP: loads an index in-process and asks/searches the bench
// questions in a loop. `node --cpu-prof --import tsx bench/profileQueries.ts INDEX_DIR [ROUNDS]`
// writes a .cpuprofile; bench/topFunctions.ts prints where the time went. DISTINCT=1 asks questions
// asked once each instead (bench/distinctQuestions.ts: 30 × ROUNDS of them a verb, none repeated),
// which no per-question memo serves, and prints the slowest and the live heap after a full
// collection (with node --expose-gc).
import { buildServices } from "../server/services/buildServices.ts";
import { DistinctQuestions } from "./distinctQuestions.ts";
import { QUERIES } from "./queries.ts";

const [, , indexDir = "index", roundsArg = "5"] = process.argv;
const t0 = performance.now();
const services = await buildServices({ indexDir, embedder: "builtin" });
console.log(`loaded in ${Math.round(performance.now() - t0)} ms, rss ${Math.round(process.memoryUsage().rss / 2 ** 20)} MB`);
const fresh = process.env.DISTINCT ? new DistinctQuestions(Object.keys(services.listFiches().facets.cities)) : undefined;
const slowest: { ms: number; verb: string; q: string }[] = [];
for (const verb of ["search", "ask"] as const) {
  const times: number[] = [];
  for (let r = 0; r < Number(roundsArg); r++) {
    for (const bench of QUERIES) {
      const q = fresh ? fresh.next() : bench;
      const s = performance.now();
      if (verb === "search") await services.search(q, { k: 10, filters: {} });
      else await services.ask({ question: q });
      times.push(performance.now() - s);
      slowest.push({ ms: performance.now() - s, verb, q });
    }
  }
  times.sort((a, b) => a - b);
  const p = (x: number) => times[Math.min(times.length - 1, Math.floor(x * times.length))].toFixed(1);
  console.log(`${verb}: p50 ${p(0.5)} ms, p95 ${p(0.95)} ms, max ${p(1)} ms over ${times.length}`);
}
console.log(`rss after ${Math.round(process.memoryUsage().rss / 2 ** 20)} MB`);
if (fresh) {
  for (const { ms, verb, q } of slowest.sort((a, b) => b.ms - a.ms).slice(0, 10)) console.log(`${ms.toFixed(1)} ms ${verb}: ${q}`);
}
if (global.gc) {
  global.gc();
  console.log(`after a full collection: heap used ${Math.round(process.memoryUsage().heapUsed / 2 ** 20)} MB, rss ${Math.round(process.memoryUsage().rss / 2 ** 20)} MB`);
}
