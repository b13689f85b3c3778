// What a search leaves to the young-generation collector: ROUNDS of the bench questions through the search verb,
// in-process, under --trace-gc-nvp, then per scavenge the bytes promoted to the old generation and the pause.
// `tsx bench/gcPromotion.ts INDEX_DIR [ROUNDS]` (it re-runs itself with the flag). Objects that survive a
// scavenge because something old points at them are promoted, and each promotion makes the next pauses longer.
import { spawnSync } from "node:child_process";
import { QUERIES } from "./queries.ts";

const [, , indexDir = "index", roundsArg = "300"] = process.argv;
if (!process.env.GC_PROMOTION_CHILD) {
  const run = spawnSync(process.execPath, ["--trace-gc-nvp", ...process.execArgv, ...process.argv.slice(1)], { encoding: "utf8", maxBuffer: 1 << 28, env: { ...process.env, GC_PROMOTION_CHILD: "1" } });
  if (run.status !== 0) throw new Error(run.stderr);
  const lines = run.stdout.split("\n");
  const scavenges = lines.slice(lines.indexOf("TIMED") + 1).filter((l) => l.includes("gc=s "));
  const field = (l: string, k: string) => Number(new RegExp(`\\b${k}=([\\d.]+)`).exec(l)?.[1] ?? 0);
  const mean = (k: string) => scavenges.reduce((s, l) => s + field(l, k), 0) / Math.max(1, scavenges.length);
  const pauses = scavenges.map((l) => field(l, "pause")).sort((a, b) => a - b);
  const searches = Number(roundsArg) * QUERIES.length;
  console.log(
    `${searches} searches: ${scavenges.length} scavenges, promoted ${Math.round(mean("promoted") / 1024)} KB and survived ${Math.round(mean("new_space_survived") / 1024)} KB a scavenge, ` +
      `pause mean ${mean("pause").toFixed(2)} / p50 ${pauses[pauses.length >> 1]} / max ${pauses.at(-1)} ms, GC ${((pauses.reduce((s, p) => s + p, 0) * 1000) / searches).toFixed(1)} µs per search`,
  );
} else {
  const { buildCorpus } = await import("../server/services/buildServices.ts");
  const { createAssistant } = await import("../server/assistant/createAssistant.ts");
  const { SearchResponseSchema } = await import("../server/schemas.ts");
  const assistant = createAssistant(await buildCorpus({ indexDir, embedder: "builtin" }));
  const once = async (q: string) => JSON.stringify(SearchResponseSchema.parse({ results: await assistant.search(q, { k: 10, filters: {} }) }));
  for (let r = 0; r < 5; r++) for (const q of QUERIES) await once(q);
  console.log("TIMED");
  for (let r = 0; r < Number(roundsArg); r++) for (const q of QUERIES) await once(q);
}
