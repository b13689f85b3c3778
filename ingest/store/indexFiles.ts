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
  /** each chunk's statements analysed at ingest (passageTerms.ts): the vocabulary and the flat arrays */
  passageTable: "passage-terms.json",
  passageArrays: "passage-terms.bin",
} as const;

/**
 * HNSW parameters, by measurement: recall@10 against an exhaustive search, queries = the 30 bench
 * questions and every 97th chunk text (`npx tsx bench/recall.ts INDEX_DIR [EFS] [M EFC]`; the scale
 * bench reports it per scale). 2026-11-28, the ×100 corpus of bench/generateCorpus.ts (2,603
 * sheets, 65,749 chunks), 2 shared cores at load 3–5, graph build time in brackets, recall at
 * search ef 64 / 128 / 256 / 384 / 512:
 *   M 16, efC 100 (15 s)   0.940 / 0.970 / 0.981 / 0.981 / 0.987
 *   M 16, efC 150 (17 s)   0.953 / 0.968 / 0.984 / 0.984 / 0.990
 *   M 16, efC 200 (29 s)   0.969 / 0.979 / 0.994 / 0.994 / 0.995
 *   M 16, efC 300 (31 s)   0.977 / 0.989 / 0.994 / 0.999 / 1.000
 *   M 24, efC 200 (24 s)   0.954 / 0.985 / 0.988 / 0.988 / 0.990
 *   M 32, efC 200 (26 s)   0.973 / 0.985 / 0.989 / 0.989 / 0.990
 * The synthetic corpora hold near-duplicate chunks (one field's text under many cities), which a
 * wider construction search links better; more links (M) do not.
 * Re-measured 2026-11-28 20:38–20:45 on today's ×100 corpus (2,603 sheets, 65,809 chunks; load 3–5),
 * the graph rebuilt from the index's vectors with seed 42 as the ingest does; recall at ef 256 / 384 / 512,
 * then the build's CPU time, one thread (bench/graphBuildTime.ts, two interleaved rounds; wall time in brackets where only bench/recall.ts ran):
 *   M 16, efC 300   0.990 / 0.995 / 0.995   32.1–33.7 s
 *   M 16, efC 250   0.990 / 0.995 / 0.995   (28.8 s wall)
 *   M 16, efC 200   0.984 / 0.995 / 0.995   22.4–22.7 s
 *   M 16, efC 150   0.979 / 0.994 / 0.995   15.3–16.8 s
 *   M 12, efC 200   0.983 / 0.994 / 0.994   (24.9 s wall)
 *   M 24, efC 150   0.994 / 0.994 / 0.995   (18.3 s wall)
 * efConstruction 200 with search ef 384: recall 0.995 today (and 0.994 on the earlier corpus above,
 * where efC 150 gave 0.984: 150 holds 0.99 on one corpus of two, so it is not taken), for ~70% of
 * efC 300's build. The graph is built in a worker while the main thread fits and embeds (graphBuild.ts),
 * and at efC 300 it was the ×100 ingest's critical path (4–5 s waited for after the embedding on an idle
 * machine, 20–29 s under load): ~10 s less CPU takes it off. Search ef 384 costs ~0.6 ms a query at ×100.
 * At ×10 efC 300 gave 1.000 from ef 64 (efC 100: 0.999 at ef 256); the seeds give 1.000 at any
 * setting. The search ef must stay above the 60 candidates retrieval takes, as hnswlib returns at most ef.
 */
export const HNSW_PARAMS = { space: "cosine", M: 16, efConstruction: 200, efSearch: 384 } as const;

/**
 * Chunks embedded at a time and handed to the graph worker (graphBuild.ts): the graph starts
 * within a second of the embedding and never waits long for the next batch, and 33 messages at
 * ×100 cost nothing. Untuned default. (An OpenAI-compatible embedder shows one progress bar per batch.)
 */
export const GRAPH_BATCH = 2_000;

/**
 * The key of the i-th chunk in the dense store's docstore, which is also its label in the
 * HNSW graph: LangChain's store looks a label up under this key (chunkDocstore.ts).
 */
export function docstoreKey(i: number): string {
  return String(i);
}
