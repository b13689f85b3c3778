// Exact nearest chunks for a small index. The HNSW search ef is set for a national corpus
// (ingest/store/indexFiles.ts), and on a few thousand chunks a search at that ef visits most
// of the graph: hnswlib's brute-force index then scans every vector faster, and its answer is
// exact. Built once per index (createAssistant.ts), from the graph's own vectors.
import hnswlib from "hnswlib-node";
import type { LoadedIndex } from "../../../ingest/store/index.ts";
import { TUNING } from "../tuning.ts";

type ExactIndex = InstanceType<typeof hnswlib.BruteforceSearch>;

const built = new WeakMap<LoadedIndex, ExactIndex | null>();

/** The index's vectors as a brute-force index, or undefined above TUNING.scale.exactDenseMaxChunks. */
export function exactDenseIndex(index: LoadedIndex): ExactIndex | undefined {
  let exact = built.get(index);
  if (exact === undefined) {
    const graph = index.dense.index;
    const n = graph.getCurrentCount();
    exact = null;
    if (n > 0 && n <= TUNING.scale.exactDenseMaxChunks) {
      exact = new hnswlib.BruteforceSearch(index.manifest.hnsw.space, index.manifest.embedder.dimension);
      exact.initIndex(n);
      // label i is chunk i, as in the graph
      for (let i = 0; i < n; i++) exact.addPoint(graph.getPoint(i), i);
    }
    built.set(index, exact);
  }
  return exact ?? undefined;
}
