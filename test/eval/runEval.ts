// `npm run eval`: builds the index from the seeds (builtin embedder), starts the real server on
// loopback, and runs ../shared/eval/score.mjs on the development questions through HTTP.
// Prints the scorer's per-kind and per-language figures; --json OUT keeps the per-question rows.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { startTestServer } from "../helpers/startTestServer.ts";

const root = fileURLToPath(new URL("../..", import.meta.url));
export const evalDir = process.env.EVAL_DIR ?? fileURLToPath(new URL("../../../shared/eval", import.meta.url));
const questions = process.env.EVAL_QUESTIONS ?? `${evalDir}/dev.jsonl`;

export async function runScorer(url: string, extra: string[] = []): Promise<string> {
  if (!existsSync(`${evalDir}/score.mjs`)) {
    throw new Error(`eval: no scorer at ${evalDir}/score.mjs (set EVAL_DIR to the folder holding score.mjs, dev.jsonl, fiches.json)`);
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

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const server = await startTestServer();
  try {
    process.stdout.write(await runScorer(server.url, process.argv.slice(2)));
  } finally {
    await server.close();
  }
}
