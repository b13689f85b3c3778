// HNSW recall@10 against an exhaustive search over the same vectors, for several search ef:
// queries are the bench questions and chunk texts (every 97th), embedded as the server embeds.
import { loadIndex } from "../ingest/store/index.ts";
import { QUERIES } from "./queries.ts";

export interface RecallRow {
  ef: number;
  recallAt10: number;
  msPerQuery: number;
}

export async function hnswRecall(indexDir: string, efs = [16, 32, 64, 128, 256]): Promise<{ M: number; efConstruction: number; rows: RecallRow[] }> {
  const index = await loadIndex({ indexDir, embedder: "builtin" });
  const hnsw = index.dense.index;
  const n = hnsw.getCurrentCount();
  const d = index.manifest.embedder.dimension;
  const all = new Float32Array(n * d);
  for (let i = 0; i < n; i++) {
    const v = hnsw.getPoint(i);
    let norm = 0;
    for (const x of v) norm += x * x;
    const inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let j = 0; j < d; j++) all[i * d + j] = v[j] * inv;
  }
  const texts = [...QUERIES, ...index.chunks.filter((_, i) => i % 97 === 0).slice(0, 170).map((c) => c.text)];
  const queries = (await index.embedder.embeddings.embedDocuments(texts)).filter((v) => v.some((x) => x !== 0));
  const exact = queries.map((q) => {
    const scores = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < d; j++) s += q[j] * all[i * d + j];
      scores[i] = s;
    }
    return new Set(Array.from(scores.keys()).sort((a, b) => scores[b] - scores[a]).slice(0, 10));
  });
  const rows = efs.map((ef) => {
    hnsw.setEf(ef);
    let found = 0;
    const t0 = performance.now();
    const results = queries.map((q) => hnsw.searchKnn(q, Math.min(10, n)).neighbors);
    const ms = (performance.now() - t0) / queries.length;
    results.forEach((r, i) => (found += r.filter((id) => exact[i].has(id)).length));
    return { ef, recallAt10: found / (queries.length * Math.min(10, n)), msPerQuery: ms };
  });
  return { M: index.manifest.hnsw.M, efConstruction: index.manifest.hnsw.efConstruction, rows };
}
