// Exact nearest chunks for a small index. The HNSW search ef is set for a national corpus
// (ingest/store/indexFiles.ts), and on a few thousand chunks a search at that ef visits most
// of the graph: hnswlib's brute-force index then scans every vector faster, and its answer is
// exact. Built once per index (createAssistant.ts), from the graph's own vectors.
// In a cosine space it is scanned in WebAssembly SIMD (simdScan.ts: the same figures, ~half the time
// per question); hnswlib's brute-force index otherwise.
import hnswlib from "hnswlib-node";
import type { LoadedIndex } from "../../../ingest/store/index.ts";
import { TUNING } from "../tuning.ts";
import { simdCosineScan, type ExactScan } from "./simdScan.ts";

type ExactIndex = ExactScan;

const built = new WeakMap<LoadedIndex, ExactIndex | null>();

/** The index's vectors as a brute-force index, or undefined above TUNING.scale.exactDenseMaxChunks. */
export function exactDenseIndex(index: LoadedIndex): ExactIndex | undefined {
  let exact = built.get(index);
  if (exact === undefined) {
    const graph = index.dense.index;
    const n = graph.getCurrentCount();
    exact = null;
    if (n > 0 && n <= TUNING.scale.exactDenseMaxChunks) {
      const points = Array.from({ length: n }, (_, i) => graph.getPoint(i));
      // row / label i is chunk i, as in the graph
      exact = index.manifest.hnsw.space === "cosine" ? simdCosineScan(points, index.manifest.embedder.dimension) ?? null : null;
      if (!exact) {
        const brute = new hnswlib.BruteforceSearch(index.manifest.hnsw.space, index.manifest.embedder.dimension);
        brute.initIndex(n);
        points.forEach((p, i) => brute.addPoint(p, i));
        exact = brute;
      }
    }
    built.set(index, exact);
  }
  return exact ?? undefined;
}
