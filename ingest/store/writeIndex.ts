// Writes a complete index into a temporary sibling folder, then swaps it into place, so a
// failing ingest never leaves a half-written index and never replaces a good one.
import hnswlib from "hnswlib-node";
import { HNSWLib } from "@langchain/community/vectorstores/hnswlib";
import { Document } from "@langchain/core/documents";
import type { Embeddings } from "@langchain/core/embeddings";
import { mkdir, mkdtemp, rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { docstoreKey, HNSW_PARAMS, INDEX_FILES } from "./indexFiles.ts";
import type { Manifest } from "./manifest.ts";
import { termStatsOf } from "./termStats.ts";
import { writeVectorFile } from "./vectorFile.ts";
import type MiniSearch from "minisearch";
import { postingListsOf, serializePostings } from "./postingLists.ts";
import type { Chunk, Fiche } from "../types.ts";

export interface IndexContents {
  fiches: Fiche[];
  chunks: Chunk[];
  vectors: number[][];
  ficheVectors: Record<string, number[]>;
  /** the BM25 index, written as its posting lists (postingLists.ts) */
  lexical: MiniSearch;
  builtinModel?: unknown;
  manifest: Manifest;
  embeddings: Embeddings;
}

export async function writeIndex(indexDir: string, contents: IndexContents): Promise<void> {
  const parent = dirname(indexDir);
  await mkdir(parent, { recursive: true });
  const tmp = await mkdtemp(join(parent, `.${basename(indexDir)}.building-`));
  try {
    await writeDense(join(tmp, INDEX_FILES.dense), contents);
    const postings = serializePostings(postingListsOf(contents.lexical, contents.chunks.map((c) => c.id)));
    await writeJson(join(tmp, INDEX_FILES.postingTable), postings.table);
    await writeFile(join(tmp, INDEX_FILES.postingArrays), postings.arrays);
    await writeJson(join(tmp, INDEX_FILES.fiches), contents.fiches);
    await writeVectorFile(join(tmp, INDEX_FILES.ficheVectors), contents.ficheVectors, contents.manifest.embedder.dimension);
    await writeJson(join(tmp, INDEX_FILES.termStats), termStatsOf(contents.chunks, contents.fiches));
    if (contents.builtinModel) await writeJson(join(tmp, INDEX_FILES.builtinModel), contents.builtinModel);
    // the manifest is written last: an index folder without one is never loaded
    await writeJson(join(tmp, INDEX_FILES.manifest), contents.manifest);
    await swapInto(tmp, indexDir);
  } catch (err) {
    await rm(tmp, { recursive: true, force: true });
    throw err;
  }
}

/**
 * The HNSW graph is built with hnswlib-node directly so M / efConstruction are ours (LangChain's
 * store would call initIndex with the library defaults), then saved through LangChain's HNSWLib
 * store, which is how the server loads and queries it.
 */
async function writeDense(dir: string, { chunks, vectors, embeddings, manifest }: IndexContents): Promise<void> {
  const dimension = manifest.embedder.dimension;
  const index = new hnswlib.HierarchicalNSW(HNSW_PARAMS.space, dimension);
  index.initIndex(vectors.length, HNSW_PARAMS.M, HNSW_PARAMS.efConstruction, 42);
  vectors.forEach((v, i) => index.addPoint(v, i));
  const store = new HNSWLib(embeddings, { space: HNSW_PARAMS.space, numDimensions: dimension, index });
  const docs: Record<string, Document> = {};
  chunks.forEach((c, i) => {
    const { text, ...metadata } = c;
    docs[docstoreKey(i)] = new Document({ pageContent: text, metadata });
  });
  store.docstore.add(docs);
  await store.save(dir);
}

async function writeJson(path: string, value: unknown): Promise<void> {
  await writeFile(path, JSON.stringify(value));
}

async function swapInto(tmp: string, indexDir: string): Promise<void> {
  const old = `${indexDir}.old-${process.pid}-${Date.now()}`;
  let hadOld = false;
  try {
    await rename(indexDir, old);
    hadOld = true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
  }
  await rename(tmp, indexDir);
  if (hadOld) await rm(old, { recursive: true, force: true });
}
