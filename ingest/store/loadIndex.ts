// Loads a built index folder for querying, after checking its format and that it was built
// with the embedder that will query it: vectors from another embedder would compare as noise,
// so that is refused with the command that rebuilds.
import { HNSWLib } from "@langchain/community/vectorstores/hnswlib";
import hnswlib from "hnswlib-node";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import { chooseEmbedder, embeddingsForIndex, type EmbedderSetting, type ReadyEmbeddings } from "../embed/index.ts";
import type { OpenAIEmbedderConfig } from "../config.ts";
import type { Chunk, Fiche } from "../types.ts";
import { resolveIndexDir } from "./currentIndex.ts";
import { IndexError, REBUILD_COMMAND } from "./indexError.ts";
import { ChunkDocstore } from "./chunkDocstore.ts";
import { decodeChunkTable } from "./chunkTable.ts";
import { HNSW_PARAMS, INDEX_FILES } from "./indexFiles.ts";
import { deserializePostings, type PostingLists } from "./postingLists.ts";
import { deserializePassageTerms, type PassageTerms } from "./passageTerms.ts";
import type { TermStats } from "./termStats.ts";
import { readVectorFile } from "./vectorFile.ts";
import { readManifest, type Manifest } from "./manifest.ts";

export interface LoadedIndex {
  manifest: Manifest;
  fiches: Fiche[];
  ficheById: Map<string, Fiche>;
  chunks: Chunk[];
  chunkById: Map<string, Chunk>;
  /** each sheet's chunks, in index order: a sheet's fields without scanning every chunk */
  chunksByFiche: Map<string, Chunk[]>;
  dense: HNSWLib;
  /** term statistics computed at ingest (termStats.ts) */
  termStats: TermStats;
  /** BM25 posting lists (postingLists.ts), read from flat arrays */
  postings: PostingLists;
  /** each chunk's statements analysed at ingest (passageTerms.ts) */
  passageTerms: PassageTerms;
  ficheVectors: Map<string, Float32Array>;
  embedder: ReadyEmbeddings;
}

const FieldSchema = z.object({ name: z.string(), label: z.string(), value: z.string() });
const FicheSchema = z.object({
  id: z.string(),
  kind: z.enum(["fiche", "synthese"]),
  city: z.string(),
  title: z.string(),
  source: z.string(),
  startLine: z.number().int(),
  axis: z.string().optional(),
  fields: z.array(FieldSchema),
  facets: z.partialRecord(z.enum(["themes", "determinants", "territory_specifics"]), z.array(z.string())).optional(),
});
export interface LoadOptions {
  indexDir: string;
  embedder: EmbedderSetting;
  modelDir?: string;
  openai?: OpenAIEmbedderConfig;
  log?: (line: string) => void;
}

/** Throws an IndexError (INDEX_MISSING, INDEX_FORMAT, INDEX_EMBEDDER_MISMATCH, INDEX_DAMAGED). */
export async function loadIndex(given: LoadOptions): Promise<LoadedIndex> {
  // INDEX_DIR or one of its builds: read the build `current` names (currentIndex.ts)
  const opts = { ...given, indexDir: await resolveIndexDir(given.indexDir) };
  const log = opts.log ?? (() => {});
  const manifest = await readManifest(opts.indexDir);
  const manifestFile = join(opts.indexDir, INDEX_FILES.manifest);
  const choice = chooseEmbedder(opts.embedder, opts.modelDir, opts.openai);
  log(`embedder: ${choice.kind} (${choice.reason})`);
  if (choice.kind !== manifest.embedder.kind) {
    throw new IndexError(
      "INDEX_EMBEDDER_MISMATCH",
      manifestFile,
      `the index in ${opts.indexDir} was built with ${manifest.embedder.id} but this server runs ${choice.kind}; rebuild with \`${REBUILD_COMMAND} -- --embedder ${choice.kind}\``,
    );
  }
  const embedder =
    choice.kind === "builtin"
      ? await damagedUnless(join(opts.indexDir, INDEX_FILES.builtinModel), () => embeddingsForIndex(choice, opts.indexDir))
      : await embeddingsForIndex(choice, opts.indexDir, opts.modelDir, log);
  if (embedder.id !== manifest.embedder.id) {
    throw new IndexError(
      "INDEX_EMBEDDER_MISMATCH",
      manifestFile,
      `the index was built with ${manifest.embedder.id}, this server embeds with ${embedder.id}; rebuild with \`${REBUILD_COMMAND}\``,
    );
  }
  const file = (name: string) => join(opts.indexDir, name);
  const readJson = async (name: string) => JSON.parse(await readFile(file(name), "utf8"));
  const fiches = await damagedUnless(file(INDEX_FILES.fiches), async () => shareFieldNames(z.array(FicheSchema).parse(await readJson(INDEX_FILES.fiches)) as Fiche[]));
  const chunks = await damagedUnless(file(INDEX_FILES.chunkTable), async () => decodeChunkTable(await readFile(file(INDEX_FILES.chunkTable)), fiches, manifest.counts.chunks));
  const graphFile = join(file(INDEX_FILES.dense), INDEX_FILES.denseGraph);
  const dense = await damagedUnless(graphFile, async () => {
    const graph = new hnswlib.HierarchicalNSW(manifest.hnsw.space, manifest.embedder.dimension);
    await graph.readIndex(graphFile);
    if (graph.getCurrentCount() !== chunks.length) throw new Error(`the graph holds ${graph.getCurrentCount()} vectors for ${chunks.length} chunks`);
    // LangChain leaves hnswlib's search ef at 10, which caps what a k=50 search can return.
    graph.setEf(HNSW_PARAMS.efSearch);
    return new HNSWLib(embedder.embeddings, { space: manifest.hnsw.space, numDimensions: manifest.embedder.dimension, index: graph, docstore: new ChunkDocstore(chunks) });
  });
  const postings = await damagedUnless(
    file(INDEX_FILES.postingArrays),
    async () => deserializePostings({ table: await readJson(INDEX_FILES.postingTable), arrays: await readFile(file(INDEX_FILES.postingArrays)) }, chunks.map((c) => c.id)),
    () => whichOfPair(file(INDEX_FILES.postingTable), file(INDEX_FILES.postingArrays)),
  );
  const passageTerms = await damagedUnless(
    file(INDEX_FILES.passageArrays),
    async () => deserializePassageTerms({ table: await readJson(INDEX_FILES.passageTable), arrays: await readFile(file(INDEX_FILES.passageArrays)) }, chunks.length),
    () => whichOfPair(file(INDEX_FILES.passageTable), file(INDEX_FILES.passageArrays)),
  );
  const termStats = await damagedUnless(file(INDEX_FILES.termStats), async () => (await readJson(INDEX_FILES.termStats)) as TermStats);
  const chunksByFiche = new Map<string, Chunk[]>();
  for (const c of chunks) {
    const list = chunksByFiche.get(c.ficheId);
    if (list) list.push(c);
    else chunksByFiche.set(c.ficheId, [c]);
  }
  const ficheVectors = await damagedUnless(
    file(`${INDEX_FILES.ficheVectors}.bin`),
    async () => readVectorFile(file(INDEX_FILES.ficheVectors)),
    () => whichOfPair(file(`${INDEX_FILES.ficheVectors}.json`), file(`${INDEX_FILES.ficheVectors}.bin`)),
  );
  return {
    manifest,
    fiches,
    ficheById: new Map(fiches.map((f) => [f.id, f])),
    chunks,
    chunkById: new Map(chunks.map((c) => [c.id, c])),
    chunksByFiche,
    termStats,
    dense,
    postings,
    passageTerms,
    ficheVectors,
    embedder,
  };
}

/**
 * The sheets' field names and labels, one string each: JSON.parse gives every occurrence a string of its own,
 * and each sheet repeats the form's ~20 labels ("Thématique(s) de l'action"), 51,293 of them at ×100.
 */
function shareFieldNames(fiches: Fiche[]): Fiche[] {
  const shared = new Map<string, string>();
  const one = (s: string) => {
    const known = shared.get(s);
    if (known !== undefined) return known;
    shared.set(s, s);
    return s;
  };
  for (const f of fiches) {
    for (const field of f.fields) {
      field.name = one(field.name);
      field.label = one(field.label);
    }
  }
  return fiches;
}

/** Runs a read of one index file (or folder: `locate` then finds the file); any failure becomes INDEX_DAMAGED naming it. */
/** Of a JSON table and the binary block it describes, the one that is damaged: the table if it does not parse. */
async function whichOfPair(json: string, bin: string): Promise<string> {
  try {
    JSON.parse(await readFile(json, "utf8"));
    return bin;
  } catch {
    return json;
  }
}

async function damagedUnless<T>(file: string, read: () => Promise<T>, locate?: () => Promise<string>): Promise<T> {
  try {
    return await read();
  } catch (err) {
    if (err instanceof IndexError) throw err;
    const reason = err instanceof Error ? err.message.split("\n")[0] : String(err);
    const damaged = locate ? await locate() : file;
    throw new IndexError("INDEX_DAMAGED", damaged, `the index file is unreadable (${reason}); rebuild with \`${REBUILD_COMMAND}\``);
  }
}
