import { cp, mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { HNSWLib } from "@langchain/community/vectorstores/hnswlib";
import { beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "./config.ts";
import { buildIndex } from "./buildIndex.ts";
import { chunkFields } from "./chunk/chunkFields.ts";
import { parseSeeds } from "./parse/parseSeeds.ts";
import { ensureIndex } from "./ensureIndex.ts";
import { docstoreKey, INDEX_FILES, IndexError, loadIndex, readManifest, resolveIndexDir, type Manifest } from "./store/index.ts";

const quiet = () => {};
const SEEDS_DIR = join(REPO_ROOT, "seeds");

async function seedsCopy(): Promise<string> {
  const dir = join(await mkdtemp(join(tmpdir(), "seeds-")), "seeds");
  await cp(SEEDS_DIR, dir, { recursive: true });
  return dir;
}

describe("buildIndex on the seeds", () => {
  let indexDir: string;
  let manifest: Manifest;
  const lines: string[] = [];

  beforeAll(async () => {
    indexDir = join(await mkdtemp(join(tmpdir(), "index-")), "index");
    manifest = await buildIndex({ seedsDir: SEEDS_DIR, indexDir, embedder: "builtin", log: (l) => lines.push(l) });
  });

  it("records counts, embedder and HNSW settings in the manifest", async () => {
    expect(manifest.counts).toMatchObject({ documents: 5, fiches: 29, syntheses: 1 });
    expect(manifest.counts.chunks).toBeGreaterThanOrEqual(manifest.counts.fields);
    expect(manifest.embedder).toMatchObject({ kind: "builtin" });
    expect(manifest.hnsw.efSearch).toBeGreaterThan(10);
    expect(await readManifest(indexDir)).toEqual(manifest);
  });

  it("prints which embedder runs and why, then per-stage counts and timings", () => {
    expect(lines[0]).toMatch(/^embedder: builtin \(EMBEDDER=builtin\)/);
    for (const stage of ["parse", "chunk", "fit", "embed", "sheets", "lexical", "graph", "write"]) expect(lines.some((l) => l.startsWith(`✓ ${stage}`) && / ms$/.test(l))).toBe(true);
  });

  it("serves the HNSW graph through LangChain's HNSWLib store, which finds a chunk from its own vector", async () => {
    const index = await loadIndex({ indexDir, embedder: "builtin" });
    expect(index.dense).toBeInstanceOf(HNSWLib);
    const first = index.dense.docstore.search(docstoreKey(0));
    const header = `${first.metadata.city} — ${first.metadata.title} — ${first.metadata.fieldLabel}\n${first.pageContent}`;
    const [[doc]] = await index.dense.similaritySearchVectorWithScore(await index.embedder.embeddings.embedQuery(header), 1);
    expect(doc.metadata.id).toBe(first.metadata.id);
  });

  it("loads back every chunk as the chunker made it, each under its docstore key, with no docstore.json", async () => {
    const index = await loadIndex({ indexDir, embedder: "builtin" });
    const made = chunkFields(await parseSeeds(SEEDS_DIR));
    expect(index.chunks).toEqual(made);
    expect(index.fiches).toHaveLength(manifest.counts.fiches + manifest.counts.syntheses);
    made.forEach((c, i) => {
      const { text, ...metadata } = c;
      expect(index.dense.docstore.search(docstoreKey(i))).toMatchObject({ pageContent: text, metadata });
    });
    expect(await readdir(join(await resolveIndexDir(indexDir), INDEX_FILES.dense))).toEqual([INDEX_FILES.denseGraph]);
  });

  it("refuses an index of another format version with INDEX_FORMAT and the command that rebuilds", async () => {
    const copy = join(await mkdtemp(join(tmpdir(), "index-")), "index");
    await cp(indexDir, copy, { recursive: true });
    await writeFile(join(await resolveIndexDir(copy), INDEX_FILES.manifest), JSON.stringify({ ...manifest, formatVersion: manifest.formatVersion - 1 }));
    const err = await loadIndex({ indexDir: copy, embedder: "builtin" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IndexError);
    expect(err).toMatchObject({ code: "INDEX_FORMAT" });
    expect((err as Error).message).toMatch(/npm run ingest.*manifest\.json/);
  });

  it("refuses a missing index with INDEX_MISSING and an index of another embedder with INDEX_EMBEDDER_MISMATCH", async () => {
    const empty = join(await mkdtemp(join(tmpdir(), "index-")), "index");
    await expect(readManifest(empty)).rejects.toMatchObject({ code: "INDEX_MISSING" });
    await expect(loadIndex({ indexDir, embedder: "transformers", modelDir: empty })).rejects.toMatchObject({ code: "INDEX_EMBEDDER_MISMATCH" });
  });
});

describe("buildIndex on bad input", () => {
  it("fails naming the file and line, and leaves the previous index untouched", async () => {
    const seeds = await seedsCopy();
    const indexDir = join(await mkdtemp(join(tmpdir(), "index-")), "index");
    const good = await buildIndex({ seedsDir: seeds, indexDir, embedder: "builtin", log: quiet });
    const before = await readFile(join(await resolveIndexDir(indexDir), INDEX_FILES.fiches), "utf8");

    await writeFile(join(seeds, "005_broken.txt"), Buffer.concat([Buffer.from("Titre\n\nVille Santé\tNancy\n"), Buffer.from([0xff, 0xfe, 0x00, 0x41])]));
    await expect(buildIndex({ seedsDir: seeds, indexDir, embedder: "builtin", log: quiet })).rejects.toThrow(/005_broken\.txt:4/);

    expect(await readManifest(indexDir)).toEqual(good);
    expect(await readFile(join(await resolveIndexDir(indexDir), INDEX_FILES.fiches), "utf8")).toBe(before);
  });
});

describe("ensureIndex", () => {
  it("builds a missing index, keeps an up-to-date one, and rebuilds when the seeds change", async () => {
    const seeds = await seedsCopy();
    const indexDir = join(await mkdtemp(join(tmpdir(), "index-")), "index");
    const log: string[] = [];
    const opts = { seedsDir: seeds, indexDir, embedder: "builtin" as const, log: (l: string) => log.push(l) };
    await ensureIndex(opts);
    const first = await readManifest(indexDir);
    await ensureIndex(opts);
    expect(log.filter((l) => l.startsWith("index: up to date"))).toHaveLength(1);
    expect((await readManifest(indexDir))?.builtAt).toBe(first?.builtAt);

    await writeFile(join(seeds, "000_30462b69bc52c4d6.txt"), (await readFile(join(seeds, "000_30462b69bc52c4d6.txt"), "utf8")) + "\n");
    await ensureIndex(opts);
    expect(log.some((l) => l.includes("the seeds changed"))).toBe(true);
    expect((await readManifest(indexDir))?.corpusHash).not.toBe(first?.corpusHash);
  });
});
