// /api/search under load: 20 concurrent connections for 30 s on loopback, then the server's
// resident memory. Targets (DESIGN.md): p95 < 50 ms, no error, RSS < 300 MB with builtin.
import autocannon from "autocannon";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildIndex } from "../ingest/buildIndex.ts";
import { loadIndexConfig } from "../ingest/config.ts";
import { startServerProcess } from "./serverProcess.ts";

/** the seeds the commands use: SEEDS_DIR, else seeds/ */
const SEEDS_DIR = loadIndexConfig().seedsDir;

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 30);
// Varied questions, French and English, none repeated back to back: no cache is measured.
const QUERIES = [
  "formation premiers secours en santé mentale",
  "which cities support students' mental health",
  "budget des permanences de psychologues",
  "logement et troubles psychiques bailleurs",
  "art et culture pour la santé mentale",
  "prévention du suicide",
  "quartiers prioritaires sensibilisation",
  "who funds the listening points",
  "conseil local de santé mentale coordination",
  "jeunes adultes et isolement après la crise sanitaire",
  "urbanisme favorable à la santé espaces verts",
  "petite enfance compétences psychosociales",
  "élus séminaire santé mentale",
  "bibliothèque vivante stigmatisation",
  "théâtre slam expression",
  "mental health first aid training for housing staff",
  "ligne d'écoute pendant le confinement",
  "partenaires financiers ARS CAF",
  "precarious people over fifty",
  "accès aux soins psychologue gratuit mairie de quartier",
  "green walks nature students",
  "réunions pluriprofessionnelles situations complexes",
  "vie affective et sexuelle collégiens",
  "how much did the campaign cost",
  "contact de la coordinatrice CLSM",
];


const dir = await mkdtemp(join(tmpdir(), "bench-search-"));
await buildIndex({ seedsDir: SEEDS_DIR, indexDir: join(dir, "index"), embedder: "builtin", log: () => {} });
const server = await startServerProcess(join(dir, "index"));
try {
  const rssIdle = await server.rssMb();
  // autocannon reports p90 and p97.5, not p95: every response time is kept to compute it
  const times: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: server.url,
        connections: 20,
        duration: DURATION_S,
        requests: QUERIES.map((q) => ({ method: "GET", path: `/api/search?q=${encodeURIComponent(q)}&k=10` })),
      },
      (err, res) => (err ? reject(err) : resolve(res)),
    );
    instance.on("response", (_client, _status, _bytes, ms) => times.push(ms));
  });
  times.sort((a, b) => a - b);
  const pct = (p: number) => Math.round(times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))] ?? NaN);
  const rssLoaded = await server.rssMb();
  console.log(`GET /api/search, 20 connections, ${DURATION_S} s, loopback`);
  console.table({
    latency: {
      requests: result.requests.total,
      rps: Math.round(result.requests.average),
      p50_ms: result.latency.p50,
      p90_ms: result.latency.p90,
      p95_ms: pct(95),
      p97_5_ms: result.latency.p97_5,
      p99_ms: result.latency.p99,
      errors: result.errors + result.timeouts,
      non2xx: result.non2xx,
    },
  });
  console.table({ memory: { rss_idle_mb: Math.round(rssIdle), rss_after_load_mb: Math.round(rssLoaded) } });
} finally {
  await server.stop();
  await rm(dir, { recursive: true, force: true });
}
