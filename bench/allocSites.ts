// Where a search allocates (what the scavenges collect): V8's sampling heap profiler, keeping the
// objects young-generation GCs collected, over ROUNDS of the bench questions through the search
// verb, in-process. `tsx bench/allocSites.ts INDEX_DIR [ROUNDS] [TOP]`: bytes per search by function.
import { Session } from "node:inspector/promises";
import { QUERIES } from "./queries.ts";
import { buildCorpus } from "../server/services/buildServices.ts";
import { createAssistant } from "../server/assistant/createAssistant.ts";
import { SearchResponseSchema } from "../server/schemas.ts";

const [, , indexDir = "index", roundsArg = "30", topArg = "40"] = process.argv;
const corpus = await buildCorpus({ indexDir, embedder: "builtin" });
const assistant = createAssistant(corpus);
const once = async (q: string) => JSON.stringify(SearchResponseSchema.parse({ results: await assistant.search(q, { k: 10, filters: {} }) }));
for (let r = 0; r < 3; r++) for (const q of QUERIES) await once(q);
const session = new Session();
session.connect();
await session.post("HeapProfiler.startSampling", { samplingInterval: 256, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
const rounds = Number(roundsArg);
for (let r = 0; r < rounds; r++) for (const q of QUERIES) await once(q);
const { profile } = (await session.post("HeapProfiler.stopSampling")) as { profile: { head: HeapNode } };
interface HeapNode { callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; selfSize: number; children: HeapNode[] }
const bySite = new Map<string, number>();
let all = 0;
const walk = (n: HeapNode) => {
  const key = `${n.callFrame.functionName || "(anon)"} ${n.callFrame.url.replace(/^.*\/(wt-[^/]+|node_modules)\//, "")}:${n.callFrame.columnNumber + 1}`;
  bySite.set(key, (bySite.get(key) ?? 0) + n.selfSize);
  all += n.selfSize;
  n.children.forEach(walk);
};
walk(profile.head);
const n = rounds * QUERIES.length;
console.log(`${Math.round(all / n / 1024)} KB allocated per search (sampled)`);
for (const [k, b] of [...bySite].sort((a, b) => b[1] - a[1]).slice(0, Number(topArg))) console.log(`${(b / n / 1024).toFixed(1).padStart(7)} KB  ${k}`);
process.exit(0);
