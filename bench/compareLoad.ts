// Before/after under load on a busy machine: this checkout's server and another checkout's (a
// `git worktree` or `git archive` of the old commit, its node_modules linked), both up at once with
// the default workers, /api/search with 20 connections, ROUNDS × SECONDS on each in turn (order
// alternating), latencies pooled per side, so load from other work hits both alike.
// `tsx bench/compareLoad.ts OTHER_CHECKOUT INDEX_DIR [ROUNDS] [SECONDS]`. Placement as in
// scale.bench.ts: autocannon (this process) on CPU 0, the servers on every CPU. DISTINCT=1 sends
// questions asked once (bench/distinctQuestions.ts), the same sequence to each side, so that
// neither server's caches can answer; otherwise the 30 bench questions, repeated.
import autocannon from "autocannon";
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { cpus } from "node:os";
import { DistinctQuestions } from "./distinctQuestions.ts";
import { QUERIES } from "./queries.ts";
import { hasTaskset, startServerProcess, type ServerProcess, type StartOptions } from "./serverProcess.ts";

if (hasTaskset && !process.env.BENCH_PINNED) {
  const run = spawnSync("taskset", ["-c", "0", process.execPath, ...process.execArgv, ...process.argv.slice(1)], { stdio: "inherit", env: { ...process.env, BENCH_PINNED: "1" } });
  process.exit(run.status ?? 1);
}
const [, , other, indexArg, roundsArg = "8", secArg = "4"] = process.argv;
if (!other || !indexArg) throw new Error("usage: tsx bench/compareLoad.ts OTHER_CHECKOUT INDEX_DIR [ROUNDS] [SECONDS]");
const indexDir = resolve(indexArg);
const workers = Number(process.env.BENCH_WORKERS ?? cpus().length);
const repeated = QUERIES.map((q) => ({ method: "GET" as const, path: `/api/search?q=${encodeURIComponent(q)}&k=10` }));
/** per side: its own walk through the questions asked once */
const fresh: Record<string, DistinctQuestions> = {};
let cities: string[] = [];
const requestsFor = (name: string): autocannon.Request[] => {
  if (!process.env.DISTINCT) return repeated;
  const questions = (fresh[name] ??= new DistinctQuestions(cities));
  return [{ method: "GET", setupRequest: (req) => ({ ...req, path: `/api/search?q=${encodeURIComponent(questions.next())}&k=10` }) }];
};
const startOther = (await import(resolve(other, "bench/serverProcess.ts"))).startServerProcess as (dir: string, opts: StartOptions) => Promise<ServerProcess>;
const sides: Record<string, ServerProcess> = {
  other: await startOther(indexDir, { seedsDir: "seeds", workers }),
  this: await startServerProcess(indexDir, { seedsDir: "seeds", workers }),
};
const times: Record<string, number[]> = { other: [], this: [] };
const totals: Record<string, { requests: number; errors: number }> = { other: { requests: 0, errors: 0 }, this: { requests: 0, errors: 0 } };
const load = (name: string, seconds: number, sink?: number[]) =>
  new Promise<autocannon.Result>((done, fail) => {
    const inst = autocannon({ url: sides[name]!.url, connections: 20, requests: requestsFor(name), duration: seconds }, (err, res) => (err ? fail(err) : done(res)));
    if (sink) inst.on("response", (_c, _s, _b, ms) => sink.push(ms));
  });
cities = Object.keys(((await (await fetch(`${sides.this!.url}/api/fiches`)).json()) as { facets: { cities: Record<string, number> } }).facets.cities);
for (const name of Object.keys(sides)) await load(name, 2); // warm-up
const rounds = Number(roundsArg);
for (let r = 0; r < rounds; r++) {
  for (const name of r % 2 ? ["this", "other"] : ["other", "this"]) {
    const res = await load(name, Number(secArg), times[name]);
    totals[name].requests += res.requests.total;
    totals[name].errors += res.errors + res.timeouts + res.non2xx;
  }
}
for (const [name, t] of Object.entries(times)) {
  t.sort((a, b) => a - b);
  const p = (x: number) => t[Math.min(t.length - 1, Math.floor(x * t.length))].toFixed(1);
  console.log(`${name === "this" ? "this checkout " : `${other}`}: p50 ${p(0.5)} / p95 ${p(0.95)} / p99 ${p(0.99)} ms, ${Math.round(totals[name].requests / (rounds * Number(secArg)))} req/s, ${totals[name].errors} errors`);
}
if (process.env.DISTINCT) console.log(`questions asked once: ${Object.entries(fresh).map(([n, q]) => `${n} ${q.given} (${q.repeats} repeated)`).join(", ")}`);
for (const s of Object.values(sides)) await s.stop();
