// The scale bench (issue 11): for each corpus scale (BENCH_SCALES, default "1,10"; "1,10,100"
// for the national-corpus table, which takes minutes), a synthetic corpus (generateCorpus.ts),
// its ingest in its own process (time, peak RSS), the index size, the server's start time and
// memory, /api/search and /api/ask latency with one client and with 20 connections, a bare
// Fastify route measured the same way in the same run, and HNSW recall@10 against exact search.
// Each latency is measured on two mixes: the 30 bench questions repeated (queries.ts; after their
// first round, served from the response cache, server/responseCache.ts), and questions asked
// once each (distinctQuestions.ts), which the caches cannot serve.
//
// Placement, on this 2-core machine: the ingest runs on every core; with one client, the server runs one worker pinned to
// CPU 1 and autocannon (this process) is pinned to CPU 0 (taskset), so they never share a core.
// With 20 connections the server runs its default workers (one per core) unpinned, and the
// load generator necessarily shares the cores with them: that table measures the whole machine, and
// each of its rows says how much CPU the serving processes and the load generator used, and the load
// average (other work on the machine shows there as load beyond ours).
import autocannon from "autocannon";
import { spawnSync } from "node:child_process";
import { mkdtemp, readdir, rm, stat } from "node:fs/promises";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadIndexConfig } from "../ingest/config.ts";
import { generateCorpus } from "./generateCorpus.ts";
import { hnswRecall } from "./hnswRecall.ts";
import { DistinctQuestions } from "./distinctQuestions.ts";
import { QUERIES } from "./queries.ts";
import { hasTaskset, startServerProcess, type ServerProcess } from "./serverProcess.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
// pin this process (the load generator) to CPU 0, once
if (hasTaskset && !process.env.BENCH_PINNED) {
  const run = spawnSync("taskset", ["-c", "0", process.execPath, ...process.execArgv, ...process.argv.slice(1)], { stdio: "inherit", env: { ...process.env, BENCH_PINNED: "1" } });
  process.exit(run.status ?? 1);
}

const SCALES = (process.env.BENCH_SCALES ?? "1,10").split(",").map(Number);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ONE_CLIENT_REQUESTS = Number(process.env.BENCH_ONE_CLIENT_REQUESTS ?? 300);
// one client, questions asked once: with the repeated ones above, 1,000 questions before the memory is read
const ONE_CLIENT_DISTINCT = Math.max(0, (1000 - 2 * ONE_CLIENT_REQUESTS) / 2);
// the server's default, one per core (this process is pinned to one, so not availableParallelism())
const WORKERS = Number(process.env.BENCH_WORKERS ?? cpus().length);

const searchReq = QUERIES.map((q) => ({ method: "GET" as const, path: `/api/search?q=${encodeURIComponent(q)}&k=10` }));
const askReq = QUERIES.map((q) => ({ method: "POST" as const, path: "/api/ask", headers: { "content-type": "application/json" }, body: JSON.stringify({ question: q }) }));
const bareReq = [{ method: "GET" as const, path: "/bare" }];

/** One request template whose every sending asks the next question nobody asked (shared by all connections). */
function distinctRequests(questions: DistinctQuestions, verb: "search" | "ask"): autocannon.Request[] {
  if (verb === "search") return [{ method: "GET", setupRequest: (req) => ({ ...req, path: `/api/search?q=${encodeURIComponent(questions.next())}&k=10` }) }];
  return [{ method: "POST", headers: { "content-type": "application/json" }, setupRequest: (req) => ({ ...req, path: "/api/ask", body: JSON.stringify({ question: questions.next() }) }) }];
}

async function corpusCities(url: string): Promise<string[]> {
  const res = await fetch(`${url}/api/fiches`);
  return Object.keys(((await res.json()) as { facets: { cities: Record<string, number> } }).facets.cities);
}

interface Load {
  p50: number;
  p95: number;
  p99: number;
  rps: number;
  errors: number;
  /** with a server given: the cores its processes and this one (the load generator) kept busy, and the 1-minute load average after */
  cpu?: string;
}

async function load(url: string, requests: autocannon.Request[], connections: number, limit: { seconds?: number; amount?: number }, server?: ServerProcess): Promise<Load> {
  const times: number[] = [];
  const [serverCpu0, ownCpu0, t0] = [await server?.cpuSeconds(), process.cpuUsage(), performance.now()];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const inst = autocannon(
      { url, connections, requests, ...(limit.amount ? { amount: limit.amount } : { duration: limit.seconds }) },
      (err, res) => (err ? reject(err) : resolve(res)),
    );
    inst.on("response", (_c, _s, _b, ms) => times.push(ms));
  });
  const seconds = (performance.now() - t0) / 1000;
  const own = process.cpuUsage(ownCpu0);
  const serverCores = server && serverCpu0 !== undefined ? ((await server.cpuSeconds()) - serverCpu0) / seconds : undefined;
  const cpu = serverCores === undefined ? undefined : `server ${serverCores.toFixed(2)} cores, load generator ${((own.user + own.system) / 1e6 / seconds).toFixed(2)}, load average ${loadavg()[0]!.toFixed(1)}`;
  times.sort((a, b) => a - b);
  const pct = (p: number) => Math.round(10 * (times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? NaN)) / 10;
  return { p50: pct(0.5), p95: pct(0.95), p99: pct(0.99), rps: Math.round(result.requests.average), errors: result.errors + result.timeouts + result.non2xx, ...(cpu ? { cpu } : {}) };
}

async function dirSizeMb(dir: string): Promise<number> {
  let bytes = 0;
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) if (e.isFile()) bytes += (await stat(join(e.parentPath, e.name))).size;
  return bytes / 2 ** 20;
}

const mb = (x: number) => Math.round(x);
for (const scale of SCALES) {
  const dir = await mkdtemp(join(tmpdir(), `bench-scale-${scale}-`));
  try {
    const seeds = scale === 1 ? loadIndexConfig().seedsDir : join(dir, "seeds");
    if (scale !== 1) await generateCorpus(loadIndexConfig().seedsDir, seeds, scale);
    const indexDir = join(dir, "index");
    // the ingest uses both cores (its HNSW graph is built in a worker thread): not this process's CPU 0 alone
    const ingestCmd = [process.execPath, "--import", "tsx", "bench/ingestChild.ts", seeds, indexDir];
    const [cmd, ...args] = hasTaskset ? ["taskset", "-c", `0-${cpus().length - 1}`, ...ingestCmd] : ingestCmd;
    const ingest = spawnSync(cmd, args, { cwd: root, encoding: "utf8", maxBuffer: 1 << 24, stdio: ["ignore", "pipe", "inherit"] });
    if (ingest.status !== 0) throw new Error(`ingest failed at ×${scale}`);
    const built = JSON.parse(ingest.stdout.trim().split("\n").pop()!) as { ms: number; peakRssMb: number; stages: Record<string, number>; counts: { fiches: number; chunks: number } };
    const rows: Record<string, Record<string, number | string>> = {};
    rows.ingest = { value: `${(built.ms / 1000).toFixed(1)} s, peak RSS ${mb(built.peakRssMb)} MB`, detail: Object.entries(built.stages).map(([k, v]) => `${k} ${(v / 1000).toFixed(1)}`).join(", ") };
    rows["index size"] = { value: `${(await dirSizeMb(indexDir)).toFixed(1)} MB`, detail: "" };

    // one client: one worker on CPU 1, autocannon on CPU 0
    let server: ServerProcess = await startServerProcess(indexDir, { seedsDir: seeds, workers: 1, cpus: "1" });
    rows["server start"] = { value: `${(server.startMs / 1000).toFixed(1)} s`, detail: "spawn to /ready, one worker" };
    const idle = await server.rssMb();
    const cities = await corpusCities(server.url);
    // the repeated questions, then questions asked once (search and ask draw from one sequence: no ask repeats a search's question)
    let fresh = new DistinctQuestions(cities);
    const one = {
      search: await load(server.url, searchReq, 1, { amount: ONE_CLIENT_REQUESTS }),
      ask: await load(server.url, askReq, 1, { amount: ONE_CLIENT_REQUESTS }),
      "search (distinct questions)": await load(server.url, distinctRequests(fresh, "search"), 1, { amount: ONE_CLIENT_DISTINCT }),
      "ask (distinct questions)": await load(server.url, distinctRequests(fresh, "ask"), 1, { amount: ONE_CLIENT_DISTINCT }),
    };
    // 1,000 questions in all, then the memory
    const loaded = await server.rssMb();
    rows["server RSS"] = { value: `${mb(idle.max)} MB idle, ${mb(loaded.max)} MB after 1,000 questions`, detail: "one worker" };
    await server.stop();
    const bare = await startServerProcess(indexDir, { script: "bench/bareServer.ts", cpus: "1" });
    const bareOne = await load(bare.url, bareReq, 1, { amount: 2000 });
    const bare20 = await load(bare.url, bareReq, 20, { seconds: SECONDS });
    await bare.stop();
    for (const [name, r] of Object.entries(one)) rows[`/api/${name}, 1 client`] = { value: `p50 ${r.p50} / p95 ${r.p95} / p99 ${r.p99} ms`, detail: `${r.rps} req/s (bare route ${bareOne.rps}: ×${(r.rps / bareOne.rps).toFixed(3)}), ${r.errors} errors` };

    // 20 connections: default workers, unpinned
    server = await startServerProcess(indexDir, { seedsDir: seeds, workers: WORKERS });
    fresh = new DistinctQuestions(cities);
    const many = {
      search: await load(server.url, searchReq, 20, { seconds: SECONDS }, server),
      ask: await load(server.url, askReq, 20, { seconds: SECONDS }, server),
      "search (distinct questions)": await load(server.url, distinctRequests(fresh, "search"), 20, { seconds: SECONDS }, server),
      "ask (distinct questions)": await load(server.url, distinctRequests(fresh, "ask"), 20, { seconds: SECONDS }, server),
    };
    const loaded20 = await server.rssMb();
    await server.stop();
    for (const [name, r] of Object.entries(many)) rows[`/api/${name}, 20 conn., ${WORKERS} workers`] = { value: `p50 ${r.p50} / p95 ${r.p95} / p99 ${r.p99} ms`, detail: `${r.rps} req/s (bare route, 1 worker, 20 conn. ${bare20.rps}: ×${(r.rps / bare20.rps).toFixed(3)}), ${r.errors} errors; ${r.cpu}` };
    rows["distinct questions"] = { value: `${fresh.given} sent, ${fresh.repeats} repeated`, detail: `of those asked once (${cities.length} cities); the rows without "distinct" repeat the 30 bench questions` };
    rows[`RSS, ${WORKERS} workers`] = { value: `${mb(loaded20.total)} MB in all`, detail: `largest worker ${mb(loaded20.max)} MB` };

    const recall = await hnswRecall(indexDir);
    rows["HNSW recall@10"] = {
      value: recall.rows.map((r) => `ef ${r.ef}: ${r.recallAt10.toFixed(3)} (strict ${r.strictRecallAt10.toFixed(3)})`).join(", "),
      detail: `M ${recall.M}, efConstruction ${recall.efConstruction}; ms/query ${recall.rows.map((r) => r.msPerQuery.toFixed(2)).join(", ")}`,
    };
    console.log(`\n×${scale}: ${built.counts.fiches} sheets, ${built.counts.chunks} chunks (taskset ${hasTaskset ? "on" : "unavailable"})`);
    console.table(rows);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
