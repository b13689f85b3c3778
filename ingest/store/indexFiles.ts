// Names of the files inside an index folder, in one place for the writer and the loader.
export const INDEX_FILES = {
  manifest: "manifest.json",
  /** the HNSW graph (hnswlib-node's file), queried through LangChain's HNSWLib store */
  dense: "dense",
  denseGraph: "hnswlib.index",
  /** each chunk as a span of a sheet's field (chunkTable.ts); chunk i is the graph's label i */
  chunkTable: "chunks.bin",
  /** BM25 posting lists (postingLists.ts): the term table and the flat arrays */
  postingTable: "postings.json",
  postingArrays: "postings.bin",
  fiches: "fiches.json",
  /** sheet vectors (vectorFile.ts): fiche-vectors.json (ids) and fiche-vectors.bin (float32) */
  ficheVectors: "fiche-vectors",
  builtinModel: "builtin-model.json",
  /** per-term chunk counts, each sheet's terms, the corpus's words (termStats.ts) */
  termStats: "term-stats.json",
} as const;

/**
 * HNSW parameters, by measurement: recall@10 against an exhaustive search, queries = the 30 bench
 * questions and every 97th chunk text (`npx tsx bench/recall.ts INDEX_DIR [EFS] [M EFC]`; the scale
 * bench reports it per scale). M 16 / efConstruction 100, by search ef 64 / 128 / 256:
 *   ×1 (697 chunks)      1.000 / 1.000 / 1.000
 *   ×10 (6,653 chunks)   0.969 / 0.987 / 0.997
 *   ×100 (66,072 chunks) 0.924 / 0.960 / 0.986 (ef 512: 0.989, ef 768: 0.990; 0.2 / 0.3 / 0.8 ms a query)
 * At ×100 a better graph buys little: efConstruction 200 gives 0.981 / 0.989 at ef 128 / 256 for twice
 * the build (25 s vs 12 s), M 32 gives 0.969 / 0.988. efConstruction 100 builds in half the time of
 * 200 at ×10 (1.0 s vs 2.0 s). The search ef is 256: ≥ 0.99 up to ×10 and 0.986 at ×100 for ~0.1 ms
 * more than 128; it must stay above the 60 candidates retrieval takes, as hnswlib returns at most ef.
 */
export const HNSW_PARAMS = { space: "cosine", M: 16, efConstruction: 100, efSearch: 256 } as const;

/**
 * The key of the i-th chunk in the dense store's docstore, which is also its label in the
 * HNSW graph: LangChain's store looks a label up under this key (chunkDocstore.ts).
 */
export function docstoreKey(i: number): string {
  return String(i);
}
