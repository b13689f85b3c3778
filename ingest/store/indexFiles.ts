// Names of the files inside an index folder, in one place for the writer and the loader.
export const INDEX_FILES = {
  manifest: "manifest.json",
  /** LangChain HNSWLib store: args.json, docstore.json, hnswlib.index */
  dense: "dense",
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
 * HNSW parameters, by measurement (`npx tsx bench/hnswParams.ts INDEX_DIR`: recall@10 against an
 * exhaustive search, 200 queries). On the ×10 corpus (7,548 vectors × 256): M 16 with
 * efConstruction 100 gives recall@10 0.997 / 0.998 / 0.999 at search ef 32 / 64 / 128 and builds in
 * half the time of efConstruction 200 (1.0 s vs 2.0 s; 200 gives 1.000); M 8 is no cheaper to
 * search and slower to build at the same recall. The search ef stays 128: retrieval takes 60
 * candidates, and hnswlib returns at most ef. `npm run bench` reports recall@10 at each scale.
 */
export const HNSW_PARAMS = { space: "cosine", M: 16, efConstruction: 100, efSearch: 128 } as const;

/**
 * The key of the i-th chunk in the dense store's docstore, which is also its label in the
 * HNSW graph: the writer stores chunk i under it and the loader reads chunks 0..n-1 back.
 */
export function docstoreKey(i: number): string {
  return String(i);
}
