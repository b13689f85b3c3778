// Per-query CPU profile without HTTP: loads an index in-process and asks/searches the bench
// questions in a loop. `node --cpu-prof --import tsx bench/profileQueries.ts INDEX_DIR [ROUNDS]`
// writes a .cpuprofile; bench/topFunctions.ts prints where the time went.
import { buildServices } from "../server/services/buildServices.ts";
import { QUERIES } from "./queries.ts";

const [, , indexDir = "index", roundsArg = "5"] = process.argv;
const t0 = performance.now();
const services = await buildServices({ indexDir, embedder: "builtin" });
console.log(`loaded in ${Math.round(performance.now() - t0)} ms, rss ${Math.round(process.memoryUsage().rss / 2 ** 20)} MB`);
for (const verb of ["search", "ask"] as const) {
  const times: number[] = [];
  for (let r = 0; r < Number(roundsArg); r++) {
    for (const q of QUERIES) {
      const s = performance.now();
      if (verb === "search") await services.search(q, { k: 10, filters: {} });
      else await services.ask({ question: q });
      times.push(performance.now() - s);
    }
  }
  times.sort((a, b) => a - b);
  const p = (x: number) => times[Math.min(times.length - 1, Math.floor(x * times.length))].toFixed(1);
  console.log(`${verb}: p50 ${p(0.5)} ms, p95 ${p(0.95)} ms, max ${p(1)} ms over ${times.length}`);
}
console.log(`rss after ${Math.round(process.memoryUsage().rss / 2 ** 20)} MB`);
