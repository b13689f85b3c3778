// HNSW parameters by measurement: rebuilds the graph of an existing index's vectors with each
// M / efConstruction, and reports build time and recall@10 against exact search at each search
// ef. `npx tsx bench/hnswParams.ts INDEX_DIR` (an index built by `npm run ingest`).
import hnswlib from "hnswlib-node";
import { join } from "node:path";
import { readFileSync } from "node:fs";

const [, , indexDir = "index"] = process.argv;
// the manifest read as plain JSON: any format version's vectors will do here
const d = (JSON.parse(readFileSync(join(indexDir, "manifest.json"), "utf8")) as { embedder: { dimension: number } }).embedder.dimension;
const source = new hnswlib.HierarchicalNSW("cosine", d);
source.readIndexSync(join(indexDir, "dense", "hnswlib.index"));
const n = source.getCurrentCount();
const vectors = Array.from({ length: n }, (_, i) => source.getPoint(i));
const unit = new Float32Array(n * d);
vectors.forEach((v, i) => {
  const inv = 1 / (Math.hypot(...v) || 1);
  for (let j = 0; j < d; j++) unit[i * d + j] = v[j] * inv;
});
// queries: every 50th stored vector, slightly perturbed so it is not its own exact match
const queries = vectors.filter((_, i) => i % Math.max(1, Math.floor(n / 200)) === 0).slice(0, 200).map((v, q) => v.map((x, j) => x + 0.01 * Math.sin(q * 31 + j)));
const exact = queries.map((q) => {
  const s = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let dot = 0;
    for (let j = 0; j < d; j++) dot += q[j] * unit[i * d + j];
    s[i] = dot;
  }
  return new Set(Array.from(s.keys()).sort((a, b) => s[b] - s[a]).slice(0, 10));
});
const rows: Record<string, Record<string, string>> = {};
for (const M of [8, 16]) {
  for (const efConstruction of [50, 100, 200]) {
    const index = new hnswlib.HierarchicalNSW("cosine", d);
    index.initIndex(n, M, efConstruction, 42);
    const t0 = performance.now();
    vectors.forEach((v, i) => index.addPoint(v, i));
    const buildS = (performance.now() - t0) / 1000;
    const row: Record<string, string> = { build_s: buildS.toFixed(1) };
    for (const ef of [32, 64, 128]) {
      index.setEf(ef);
      let found = 0;
      const t1 = performance.now();
      queries.forEach((q, i) => (found += index.searchKnn(q, 10).neighbors.filter((id) => exact[i].has(id)).length));
      row[`ef ${ef}`] = `${(found / (queries.length * 10)).toFixed(3)} (${((performance.now() - t1) / queries.length).toFixed(2)} ms)`;
    }
    rows[`M ${M}, efC ${efConstruction}`] = row;
  }
}
console.log(`HNSW on ${n} vectors × ${d}: recall@10 vs exact (ms per query)`);
console.table(rows);
