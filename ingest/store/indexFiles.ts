// Names of the files inside an index folder, in one place for the writer and the loader.
export const INDEX_FILES = {
  manifest: "manifest.json",
  /** LangChain HNSWLib store: args.json, docstore.json, hnswlib.index */
  dense: "dense",
  lexical: "lexical.json",
  fiches: "fiches.json",
  ficheVectors: "fiche-vectors.json",
  builtinModel: "builtin-model.json",
  /** per-term chunk counts, each sheet's terms, the corpus's words (termStats.ts) */
  termStats: "term-stats.json",
} as const;

/** HNSW parameters, chosen for ~10^3 chunks: see README "Index" for the reasoning. */
export const HNSW_PARAMS = { space: "cosine", M: 16, efConstruction: 200, efSearch: 128 } as const;

/**
 * The key of the i-th chunk in the dense store's docstore, which is also its label in the
 * HNSW graph: the writer stores chunk i under it and the loader reads chunks 0..n-1 back.
 */
export function docstoreKey(i: number): string {
  return String(i);
}
