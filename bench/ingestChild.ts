// One ingest in its own process, for the scale bench: prints its wall time and peak RSS as JSON.
import { buildIndex } from "../ingest/buildIndex.ts";
import { INGEST_HEAP_GROWING_PERCENT, limitHeapGrowth } from "../ingest/heapGrowth.ts";

// as `npm run ingest` starts (ingest/main.ts)
limitHeapGrowth(INGEST_HEAP_GROWING_PERCENT);

const [, , seedsDir, indexDir] = process.argv;
const stages: Record<string, number> = {};
const t0 = performance.now();
const manifest = await buildIndex({
  seedsDir,
  indexDir,
  embedder: "builtin",
  log: (line) => {
    const m = /^✓ (\S+)\s.*?(\d+) ms$/.exec(line);
    if (m) stages[m[1]] = Number(m[2]);
  },
});
console.log(JSON.stringify({ ms: performance.now() - t0, peakRssMb: process.resourceUsage().maxRSS / 1024, stages, counts: manifest.counts }));
