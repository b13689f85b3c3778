// CPU profile of one server worker under HTTP load: the server on CPU 1 with --cpu-prof, autocannon
// (this process) on CPU 0, 20 connections of /api/search over the bench questions; prints the
// server's CPU per request (from /proc). `tsx bench/profileHttp.ts INDEX_DIR [PROFILE_DIR] [SECONDS]`,
// then `tsx bench/topFunctions.ts <the largest .cpuprofile there>`. NOPROF=1 measures without the profiler;
// SERVER_LOG_LEVEL (default warn) and CACHE_ENTRIES are passed to the server (its response cache
// serves the repeated bench questions after the warm-up; CACHE_ENTRIES=0 measures the searches).
// BARE=1 measures bench/bareServer.ts's constant route the same way, for the ratio; DISTINCT=1 sends
// questions asked once (bench/distinctQuestions.ts) instead of the repeated bench questions.
import autocannon from "autocannon";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { DistinctQuestions } from "./distinctQuestions.ts";
import { QUERIES } from "./queries.ts";
import { hasTaskset, startServerProcess } from "./serverProcess.ts";

if (hasTaskset && !process.env.BENCH_PINNED) {
  const run = spawnSync("taskset", ["-c", "0", process.execPath, ...process.execArgv, ...process.argv.slice(1)], { stdio: "inherit", env: { ...process.env, BENCH_PINNED: "1" } });
  process.exit(run.status ?? 1);
}
const [, , indexDir = "index", dir = "/tmp/fiches-http-prof", secArg = "10"] = process.argv;
const bare = Boolean(process.env.BARE);
let fresh: DistinctQuestions | undefined;
const requests: autocannon.Request[] = bare
  ? [{ method: "GET", path: "/bare" }]
  : process.env.DISTINCT
    ? [{ method: "GET", setupRequest: (req) => ({ ...req, path: `/api/search?q=${encodeURIComponent(fresh!.next())}&k=10` }) }]
    : QUERIES.map((q) => ({ method: "GET" as const, path: `/api/search?q=${encodeURIComponent(q)}&k=10` }));
const server = await startServerProcess(indexDir, {
  ...(bare ? { script: "bench/bareServer.ts" } : {}),
  workers: 1,
  cpus: "1",
  nodeArgs: process.env.NOPROF ? [] : ["--cpu-prof", `--cpu-prof-dir=${dir}`],
  env: { LOG_LEVEL: process.env.SERVER_LOG_LEVEL ?? "warn" },
});
const cpuTicks = () => {
  const f = readFileSync(`/proc/${server.child.pid}/stat`, "utf8").split(" ");
  return Number(f[13]) + Number(f[14]);
};
const run = (seconds: number) => new Promise<autocannon.Result>((resolve, reject) => autocannon({ url: server.url, connections: 20, requests, duration: seconds }, (err, res) => (err ? reject(err) : resolve(res))));
if (process.env.DISTINCT) {
  const { facets } = (await (await fetch(`${server.url}/api/fiches`)).json()) as { facets: { cities: Record<string, number> } };
  fresh = new DistinctQuestions(Object.keys(facets.cities));
}
await run(2); // warm-up
const before = cpuTicks();
const res = await run(Number(secArg));
const ticks = cpuTicks() - before;
if (fresh) console.log(`questions asked once: ${fresh.given} (${fresh.repeats} repeated)`);
console.log(`${res.requests.total} requests, ${Math.round(res.requests.average)} req/s, p50 ${res.latency.p50} / p99 ${res.latency.p99} ms, server CPU ${Math.round((ticks * 10_000) / res.requests.total)} µs per request${hasTaskset ? "" : " (taskset unavailable: not pinned)"}`);
await server.stop();
