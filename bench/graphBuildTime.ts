// HNSW graph build time for several efConstruction on one built index, interleaved (the order
// reverses each round) so that other work on the machine weighs on each alike; CPU time is printed
// beside wall time. `taskset -c 1 npx tsx bench/graphBuildTime.ts INDEX_DIR [EFC,EFC…] [ROUNDS]`
// (M 16, seed 42, as the ingest builds it; recall for each: bench/recall.ts INDEX_DIR EFS 16 EFC).
import { loadavg } from "node:os";
import hnswlib from "hnswlib-node";
import { loadIndex } from "../ingest/store/index.ts";

const [, , dir = "index", list = "300,200,150", roundsArg = "2"] = process.argv;
const index = await loadIndex({ indexDir: dir, embedder: "builtin" });
const built = index.dense.index;
const n = built.getCurrentCount();
const points = Array.from({ length: n }, (_, i) => built.getPoint(i));
const efcs = list.split(",").map(Number);
for (let round = 0; round < Number(roundsArg); round++) {
  for (const efc of round % 2 ? [...efcs].reverse() : efcs) {
    const graph = new hnswlib.HierarchicalNSW("cosine", index.manifest.embedder.dimension);
    graph.initIndex(n, 16, efc, 42);
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    for (let i = 0; i < n; i++) graph.addPoint(points[i]!, i);
    const cpu = process.cpuUsage(cpu0);
    console.log(`round ${round} efC ${efc}: wall ${((performance.now() - t0) / 1000).toFixed(1)} s, CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s, load ${loadavg()[0]!.toFixed(1)}`);
  }
}
