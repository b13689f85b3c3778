// Writes a complete index as a new build and switches `current` to it (layout and why in
// currentIndex.ts), under the index's write lock so two ingests never interleave. Leftovers of
// killed builds are removed at the next build; the previous build is kept as the last good one
// a server falls back to when the current one is damaged.
import { mkdir, mkdtemp, open, rename, rm } from "node:fs/promises";
import { join } from "node:path";
import { BUILDING_PREFIX, BUILDS_DIR, buildDir, CURRENT_FILE, newBuildId } from "./currentIndex.ts";
import { cleanIndexLeftovers } from "./cleanIndex.ts";
import { acquireIndexLock, type LockOptions } from "./indexLock.ts";
import { IndexError, REBUILD_COMMAND } from "./indexError.ts";
import { encodeChunkTable } from "./chunkTable.ts";
import { HNSW_PARAMS, INDEX_FILES } from "./indexFiles.ts";
import type { Manifest } from "./manifest.ts";
import { pauseAt } from "./pauseAt.ts";
import type { GraphBuild } from "./graphBuild.ts";
import type { TermStats } from "./termStats.ts";
import { writeVectorFile } from "./vectorFile.ts";
import type { PostingFiles } from "./postingLists.ts";
import type { PassageTermFiles } from "./passageTerms.ts";
import type { Chunk, Fiche } from "../types.ts";

export interface IndexContents {
  fiches: Fiche[];
  chunks: Chunk[];
  /** the HNSW graph of the chunk vectors, built in a worker (graphBuild.ts), chunk i under label i */
  graph: GraphBuild;
  ficheVectors: Record<string, number[]>;
  /** the BM25 index as its posting lists (postingLists.ts), serialised */
  postings: PostingFiles;
  termStats: TermStats;
  /** each chunk's statements analysed (passageTerms.ts), serialised */
  passageTerms: PassageTermFiles;
  builtinModel?: unknown;
  manifest: Manifest;
}

export interface WriteOptions {
  lock?: LockOptions;
  log?: (line: string) => void;
}

/** Returns the folder of the new build, which `current` now names. */
export async function writeIndex(indexDir: string, contents: IndexContents, opts: WriteOptions = {}): Promise<string> {
  await named(indexDir, () => mkdir(join(indexDir, BUILDS_DIR), { recursive: true }));
  const lock = await acquireIndexLock(indexDir, { ...(opts.log ? { log: opts.log } : {}), ...opts.lock });
  try {
    await cleanIndexLeftovers(indexDir, opts.log);
    const tmp = await named(indexDir, () => mkdtemp(join(indexDir, BUILDS_DIR, BUILDING_PREFIX)));
    let id: string;
    try {
      await named(tmp, () => writeFiles(tmp, contents));
      await pauseAt("files-written");
      id = newBuildId();
      await named(buildDir(indexDir, id), () => rename(tmp, buildDir(indexDir, id)));
    } catch (err) {
      await rm(tmp, { recursive: true, force: true });
      throw err;
    }
    await pauseAt("build-renamed");
    await switchCurrent(indexDir, id);
    await pauseAt("current-switched");
    await cleanIndexLeftovers(indexDir, opts.log);
    return buildDir(indexDir, id);
  } finally {
    await lock.release();
  }
}

async function writeFiles(dir: string, contents: IndexContents): Promise<void> {
  await writeDense(join(dir, INDEX_FILES.dense), contents);
  await writeDurably(join(dir, INDEX_FILES.chunkTable), encodeChunkTable(contents.chunks, contents.fiches));
  await writeJson(join(dir, INDEX_FILES.postingTable), contents.postings.table);
  await writeDurably(join(dir, INDEX_FILES.postingArrays), contents.postings.arrays);
  await writeJson(join(dir, INDEX_FILES.fiches), contents.fiches);
  await writeVectorFile(join(dir, INDEX_FILES.ficheVectors), contents.ficheVectors, contents.manifest.embedder.dimension);
  await writeJson(join(dir, INDEX_FILES.termStats), contents.termStats);
  await writeJson(join(dir, INDEX_FILES.passageTable), contents.passageTerms.table);
  await writeDurably(join(dir, INDEX_FILES.passageArrays), contents.passageTerms.arrays);
  if (contents.builtinModel) await writeJson(join(dir, INDEX_FILES.builtinModel), contents.builtinModel);
  // the manifest is written last: a folder without one is never loaded
  await writeJson(join(dir, INDEX_FILES.manifest), contents.manifest);
}

/**
 * The HNSW graph (graphBuild.ts builds it with hnswlib-node directly, so M / efConstruction are
 * ours; LangChain's store would call initIndex with the library defaults). The loader queries it
 * through LangChain's HNSWLib store with the chunk table as its docstore (chunkDocstore.ts), so no
 * docstore.json is written: it held every chunk's text and metadata a second time.
 */
async function writeDense(dir: string, { graph }: IndexContents): Promise<void> {
  await mkdir(dir, { recursive: true });
  const file = join(dir, INDEX_FILES.denseGraph);
  await graph.writeTo(file);
  const handle = await open(file, "r+");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Written and flushed, so a power cut after the switch cannot leave a named but empty file. */
async function writeJson(path: string, value: unknown): Promise<void> {
  await writeDurably(path, JSON.stringify(value));
}

async function writeDurably(path: string, text: string | Uint8Array): Promise<void> {
  const handle = await open(path, "w");
  try {
    await handle.writeFile(text);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** rename(2) over the old pointer: readers see the old id or the new one, never neither. */
async function switchCurrent(indexDir: string, id: string): Promise<void> {
  const tmp = join(indexDir, `.${CURRENT_FILE}-${process.pid}`);
  await named(tmp, () => writeDurably(tmp, `${id}\n`));
  await pauseAt("pointer-written");
  await named(join(indexDir, CURRENT_FILE), () => rename(tmp, join(indexDir, CURRENT_FILE)));
}

/** File-system failures (ENOSPC, EACCES, EROFS…) become an IndexError naming the path. */
async function named<T>(path: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (err instanceof IndexError || typeof e.code !== "string" || !e.code.startsWith("E")) throw err;
    const where = e.path ?? path;
    const hint = e.code === "ENOSPC" ? "free some disk space" : e.code === "EACCES" || e.code === "EPERM" ? "check the folder's permissions" : "check the disk";
    throw new IndexError("INDEX_WRITE_FAILED", where, `cannot write the index: ${e.code} on ${where}; ${hint}, then run \`${REBUILD_COMMAND}\` again`, { cause: err });
  }
}
