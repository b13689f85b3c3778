// HNSW recall@10 against an exhaustive search over the same vectors, for several search ef:
// queries are the bench questions and chunk texts (every 97th), embedded as the server embeds.
import hnswlib from "hnswlib-node";
import { loadIndex } from "../ingest/store/index.ts";
import { QUERIES } from "./queries.ts";

/** cosine gap under which a returned point counts as tied with the exact 10th (HNSW_RECALL_EPS). */
const TIE_EPS = Number(process.env.HNSW_RECALL_EPS ?? 1e-6);

export interface RecallRow {
  ef: number;
  recallAt10: number;
  strictRecallAt10: number;
  msPerQuery: number;
}

/** With `rebuild`, the index's vectors are put in a new graph of those parameters first (its build time is returned). */
export async function hnswRecall(
  indexDir: string,
  efs = [64, 128, 256, 384, 512],
  rebuild?: { M: number; efConstruction: number },
): Promise<{ M: number; efConstruction: number; buildS?: number; rows: RecallRow[] }> {
  const index = await loadIndex({ indexDir, embedder: "builtin" });
  let hnsw = index.dense.index;
  const n = hnsw.getCurrentCount();
  let buildS: number | undefined;
  if (rebuild) {
    const graph = new hnswlib.HierarchicalNSW("cosine", index.manifest.embedder.dimension);
    graph.initIndex(n, rebuild.M, rebuild.efConstruction, 42);
    const t0 = performance.now();
    for (let i = 0; i < n; i++) graph.addPoint(hnsw.getPoint(i), i);
    buildS = (performance.now() - t0) / 1000;
    hnsw = graph;
  }
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
  // The synthetic corpora hold near-duplicate chunks (the same field text under another city),
  // so the 10th neighbour often ties with the 11th: a returned point as near as the exact 10th
  // counts as found (tie-aware recall); `strict` counts only the exact top 10's ids.
  const exact = queries.map((q) => {
    const scores = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < d; j++) s += q[j] * all[i * d + j];
      scores[i] = s;
    }
    const top = Array.from(scores.keys()).sort((a, b) => scores[b] - scores[a]).slice(0, 10);
    return { ids: new Set(top), tenth: scores[top[top.length - 1]], scores };
  });
  const rows = efs.map((ef) => {
    hnsw.setEf(ef);
    let found = 0;
    const t0 = performance.now();
    const results = queries.map((q) => hnsw.searchKnn(q, Math.min(10, n)).neighbors);
    const ms = (performance.now() - t0) / queries.length;
    let strict = 0;
    results.forEach((r, i) => {
      strict += r.filter((id) => exact[i].ids.has(id)).length;
      found += r.filter((id) => exact[i].scores[id] >= exact[i].tenth - TIE_EPS).length;
    });
    const total = queries.length * Math.min(10, n);
    return { ef, recallAt10: found / total, strictRecallAt10: strict / total, msPerQuery: ms };
  });
  return { ...(rebuild ?? { M: index.manifest.hnsw.M, efConstruction: index.manifest.hnsw.efConstruction }), ...(buildS !== undefined ? { buildS } : {}), rows };
}
