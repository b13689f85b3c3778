// Loads a built index folder for querying, after checking it was built with the embedder this
// server runs: vectors from another embedder would compare as noise, so that is refused with
// the command that rebuilds.
import { HNSWLib } from "@langchain/community/vectorstores/hnswlib";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import { loadLexicalIndex } from "../../ingest/buildLexicalIndex.ts";
import { chooseEmbedder, type EmbedderSetting } from "../../ingest/embedders/chooseEmbedder.ts";
import { embeddingsForIndex, type ReadyEmbeddings } from "../../ingest/embedders/createEmbeddings.ts";
import { HNSW_PARAMS, INDEX_FILES } from "../../ingest/indexFiles.ts";
import { readManifest, type Manifest } from "../../ingest/manifest.ts";
import type { Chunk, Fiche } from "../../ingest/types.ts";
import type MiniSearch from "minisearch";

export interface LoadedIndex {
  manifest: Manifest;
  fiches: Fiche[];
  ficheById: Map<string, Fiche>;
  chunks: Chunk[];
  chunkById: Map<string, Chunk>;
  dense: HNSWLib;
  lexical: MiniSearch;
  ficheVectors: Map<string, number[]>;
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
});
const ChunkMetaSchema = z.object({
  id: z.string(),
  ficheId: z.string(),
  city: z.string(),
  title: z.string(),
  field: z.string(),
  fieldLabel: z.string(),
  start: z.number().int(),
  end: z.number().int(),
});
const VectorsSchema = z.record(z.string(), z.array(z.number()));

export interface LoadOptions {
  indexDir: string;
  embedder: EmbedderSetting;
  modelDir?: string;
  log?: (line: string) => void;
}

export async function loadIndex(opts: LoadOptions): Promise<LoadedIndex> {
  const log = opts.log ?? (() => {});
  const manifest = await readManifest(opts.indexDir);
  if (!manifest) {
    throw new Error(`loadIndex: no readable index in ${opts.indexDir}; build it with \`npm run ingest\``);
  }
  const choice = chooseEmbedder(opts.embedder, opts.modelDir);
  log(`embedder: ${choice.kind} (${choice.reason})`);
  if (choice.kind !== manifest.embedder.kind) {
    throw new Error(`loadIndex: the index in ${opts.indexDir} was built with ${manifest.embedder.id} but this server runs ${choice.kind}; rebuild with \`npm run ingest -- --embedder ${choice.kind}\``);
  }
  const embedder = await embeddingsForIndex(choice, opts.indexDir, opts.modelDir);
  if (embedder.id !== manifest.embedder.id) {
    throw new Error(`loadIndex: the index was built with ${manifest.embedder.id}, this server embeds with ${embedder.id}; rebuild with \`npm run ingest\``);
  }
  const readJson = async (name: string) => JSON.parse(await readFile(join(opts.indexDir, name), "utf8"));
  const fiches = z.array(FicheSchema).parse(await readJson(INDEX_FILES.fiches)) as Fiche[];
  const dense = await HNSWLib.load(join(opts.indexDir, INDEX_FILES.dense), embedder.embeddings);
  // LangChain leaves hnswlib's search ef at 10, which caps what a k=50 search can return.
  dense.index.setEf(HNSW_PARAMS.efSearch);
  const chunks: Chunk[] = [];
  for (let i = 0; i < manifest.counts.chunks; i++) {
    const doc = dense.docstore.search(String(i));
    chunks.push({ ...ChunkMetaSchema.parse(doc.metadata), text: doc.pageContent });
  }
  const lexical = loadLexicalIndex(await readFile(join(opts.indexDir, INDEX_FILES.lexical), "utf8"));
  const ficheVectors = new Map(Object.entries(VectorsSchema.parse(await readJson(INDEX_FILES.ficheVectors))));
  return {
    manifest,
    fiches,
    ficheById: new Map(fiches.map((f) => [f.id, f])),
    chunks,
    chunkById: new Map(chunks.map((c) => [c.id, c])),
    dense,
    lexical,
    ficheVectors,
    embedder,
  };
}
