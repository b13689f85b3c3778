// `npm run eval`: builds the index from the seeds (builtin embedder), starts the real server on
// loopback, and runs ../shared/eval/score.mjs through HTTP on both public question sets (dev,
// dev2), our probes and the blind sets, or on EVAL_QUESTIONS alone. Prints the scorer's per-kind, per-language and per-mode
// figures; --json OUT keeps the per-question rows (OUT-<set>.json with both sets).
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { basename } from "node:path";
import { fileURLToPath } from "node:url";
import { startTestServer } from "../helpers/startTestServer.ts";

const root = fileURLToPath(new URL("../..", import.meta.url));
export const evalDir = process.env.EVAL_DIR ?? fileURLToPath(new URL("../../../shared/eval", import.meta.url));
/** the two public sets, our own probes, then the blind sets, blind1–110 (test/eval/*.jsonl: see eval.test.ts) */
export const OWN_SETS = ["probes", ...Array.from({ length: 110 }, (_, i) => `blind${i + 1}`)].map((name) => fileURLToPath(new URL(`./${name}.jsonl`, import.meta.url)));
export const QUESTION_SETS = process.env.EVAL_QUESTIONS ? [process.env.EVAL_QUESTIONS] : [`${evalDir}/dev.jsonl`, `${evalDir}/dev2.jsonl`, ...OWN_SETS];

export async function runScorer(url: string, questions: string, extra: string[] = []): Promise<string> {
  if (!existsSync(`${evalDir}/score.mjs`)) {
    throw new Error(`eval: no scorer at ${evalDir}/score.mjs (set EVAL_DIR to the folder holding score.mjs, dev.jsonl, dev2.jsonl, fiches.json)`);
  }
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [`${evalDir}/score.mjs`, url, questions, `${evalDir}/fiches.json`, "--seeds", `${root}/seeds`, ...extra], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve(out) : reject(new Error(`score.mjs exited with ${code}`))));
  });
}

/** The SUMMARY line's figures by name (recall@5, mrr@10, cityF1, lookup, abstain, faithful, errors…). */
export function summaryOf(out: string): Record<string, number> {
  const line = out.split("\n").find((l) => l.startsWith("SUMMARY"));
  if (!line) throw new Error(`score.mjs printed no SUMMARY line:\n${out}`);
  return Object.fromEntries([...line.matchAll(/(\w+@?\d*)=([\d.]+)/g)].map((m) => [m[1], Number(m[2])]));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const json = args.includes("--json") ? args[args.indexOf("--json") + 1] : undefined;
  const server = await startTestServer();
  try {
    for (const set of QUESTION_SETS) {
      const name = basename(set, ".jsonl");
      const extra = json ? ["--json", QUESTION_SETS.length > 1 ? `${json.replace(/\.json$/, "")}-${name}.json` : json] : [];
      process.stdout.write(`\n== ${name}\n${await runScorer(server.url, set, extra)}`);
    }
  } finally {
    await server.close();
  }
}
