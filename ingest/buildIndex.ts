// The ingest pipeline: parse -> chunk -> embed -> index, one stage per step, with counts
// and timings printed as it goes. Composes the stage functions; holds no logic of its own.
import { chunkFields, embeddingText } from "./chunk/chunkFields.ts";
import { ficheSummary } from "./chunk/ficheSummary.ts";
import type { OpenAIEmbedderConfig } from "./config.ts";
import { chooseEmbedder, embeddingsForIngest, type EmbedderSetting } from "./embed/index.ts";
import { ATTACHMENTS_FIELD } from "./parse/fieldLabels.ts";
import { parseSeeds } from "./parse/parseSeeds.ts";
import { stageTimer, type LogLine } from "./stageLog.ts";
import { corpusHash, GRAPH_BATCH, HNSW_PARAMS, INDEX_FORMAT_VERSION, startGraphBuild, startLexicalBuild, writeIndex, type Manifest } from "./store/index.ts";

export interface BuildOptions {
  seedsDir: string;
  indexDir: string;
  embedder: EmbedderSetting;
  modelDir?: string;
  /** the embeddings service, for EMBEDDER=openai */
  openai?: OpenAIEmbedderConfig;
  log?: LogLine;
}

export async function buildIndex(opts: BuildOptions): Promise<Manifest> {
  const log = opts.log ?? ((line: string) => console.log(line));
  const stages = stageTimer(log);
  const choice = chooseEmbedder(opts.embedder, opts.modelDir, opts.openai);
  log(`embedder: ${choice.kind} (${choice.reason})`);

  const { hash, files } = await corpusHash(opts.seedsDir);
  const fiches = await stages.run("parse", () => parseSeeds(opts.seedsDir), (f) =>
    `${files.length} files → ${f.filter((x) => x.kind === "fiche").length} sheets, ${f.filter((x) => x.kind === "synthese").length} synthesis, ${f.reduce((n, x) => n + x.fields.length, 0)} fields`,
  );
  const chunks = await stages.run("chunk", () => chunkFields(fiches), (c) => `${c.length} chunks`);
  // BM25 and the term statistics need only the chunks: a worker builds them during the fit and embedding
  const lexicalBuild = startLexicalBuild(chunks, fiches);
  const graph = startGraphBuild(chunks.length);
  try {
    const texts = chunks.map(embeddingText);
    // the builtin basis is fitted on what the sheets say about their actions; posters and
    // documents attached under the form's prompt are embedded with it but do not shape it
    const fitTexts = chunks.filter((c) => c.field !== ATTACHMENTS_FIELD).map(embeddingText);
    const ready = await stages.run("fit", () => embeddingsForIngest(choice, fitTexts, opts.modelDir), (r) => r.id);
    await stages.run(
      "embed",
      async () => {
        // in batches, each handed to the graph worker, which inserts it while the next is embedded
        for (let at = 0; at < texts.length; at += GRAPH_BATCH) graph.add(await ready.embeddings.embedDocuments(texts.slice(at, at + GRAPH_BATCH)));
      },
      () => `${graph.size} vectors × ${graph.dimension}, into the HNSW graph in a worker`,
    );
    const ficheVectors = await stages.run(
      "sheets",
      async () => {
        const v = await ready.embeddings.embedDocuments(fiches.map(ficheSummary));
        return Object.fromEntries(fiches.map((f, i) => [f.id, v[i]]));
      },
      (v) => `${Object.keys(v).length} sheet vectors`,
    );
    const lexical = await stages.run(
      "lexical",
      () => lexicalBuild.result,
      (l) => `BM25 ${l.documentCount} chunks, ${l.termCount} terms (${Math.round(l.bm25Ms)} ms); term statistics (${Math.round(l.statsMs)} ms); passage terms (${Math.round(l.passagesMs)} ms); waited for the worker`,
    );
    await stages.run("graph", () => graph.flush(), () => `HNSW M ${HNSW_PARAMS.M}, efConstruction ${HNSW_PARAMS.efConstruction} (waited for the worker)`);

    const manifest: Manifest = {
      formatVersion: INDEX_FORMAT_VERSION,
      corpusHash: hash,
      seedFiles: files,
      embedder: { id: ready.id, kind: ready.kind, dimension: graph.dimension, provider: ready.provider, model: ready.model },
      hnsw: { space: HNSW_PARAMS.space, M: HNSW_PARAMS.M, efConstruction: HNSW_PARAMS.efConstruction, efSearch: HNSW_PARAMS.efSearch },
      counts: {
        documents: files.length,
        fiches: fiches.filter((f) => f.kind === "fiche").length,
        syntheses: fiches.filter((f) => f.kind === "synthese").length,
        fields: fiches.reduce((n, f) => n + f.fields.length, 0),
        chunks: chunks.length,
      },
      builtAt: new Date().toISOString(),
      buildMs: 0,
    };
    await stages.run(
      "write",
      async () => {
        manifest.buildMs = stages.elapsedMs();
        await writeIndex(opts.indexDir, { fiches, chunks, graph, ficheVectors, postings: lexical.postings, passageTerms: lexical.passageTerms, termStats: lexical.termStats, builtinModel: ready.builtinModel, manifest }, { log });
      },
      () => opts.indexDir,
    );
    log(`index built in ${stages.elapsedMs()} ms: ${manifest.counts.fiches} sheets, ${manifest.counts.syntheses} synthesis, ${manifest.counts.fields} fields, ${manifest.counts.chunks} chunks`);
    return manifest;
  } finally {
    // the workers stop with the ingest, whether it wrote the index or failed before
    await graph.close();
    await lexicalBuild.close();
  }
}
