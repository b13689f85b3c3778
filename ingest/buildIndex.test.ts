import { cp, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { HNSWLib } from "@langchain/community/vectorstores/hnswlib";
import { beforeAll, describe, expect, it } from "vitest";
import { SEEDS_DIR } from "../test/helpers/buildTestIndex.ts";
import { buildServices } from "../server/services/buildServices.ts";
import { buildIndex } from "./buildIndex.ts";
import { BuiltinEmbeddings, loadBuiltinModel } from "./embed/builtin/builtinEmbedder.ts";
import { ensureIndex } from "./ensureIndex.ts";
import { INDEX_FILES } from "./store/indexFiles.ts";
import { readManifest, type Manifest } from "./store/manifest.ts";

const quiet = () => {};

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
    for (const stage of ["parse", "chunk", "embed", "bm25", "write"]) expect(lines.some((l) => l.startsWith(`✓ ${stage}`) && / ms$/.test(l))).toBe(true);
  });

  it("writes an HNSW store that LangChain loads and that finds a chunk from its own vector", async () => {
    const model = await loadBuiltinModel(join(indexDir, INDEX_FILES.builtinModel));
    const embeddings = new BuiltinEmbeddings(model);
    const store = await HNSWLib.load(join(indexDir, INDEX_FILES.dense), embeddings);
    store.index.setEf(manifest.hnsw.efSearch);
    const first = store.docstore.search("0");
    const header = `${first.metadata.city} — ${first.metadata.title} — ${first.metadata.fieldLabel}\n${first.pageContent}`;
    const [[doc]] = await store.similaritySearchVectorWithScore(await embeddings.embedQuery(header), 1);
    expect(doc.metadata.id).toBe(first.metadata.id);
  });
});

describe("buildIndex on bad input", () => {
  it("fails naming the file and line, and leaves the previous index untouched", async () => {
    const seeds = await seedsCopy();
    const indexDir = join(await mkdtemp(join(tmpdir(), "index-")), "index");
    const good = await buildIndex({ seedsDir: seeds, indexDir, embedder: "builtin", log: quiet });
    const before = await readFile(join(indexDir, INDEX_FILES.fiches), "utf8");

    await writeFile(join(seeds, "005_broken.txt"), Buffer.concat([Buffer.from("Titre\n\nVille Santé\tNancy\n"), Buffer.from([0xff, 0xfe, 0x00, 0x41])]));
    await expect(buildIndex({ seedsDir: seeds, indexDir, embedder: "builtin", log: quiet })).rejects.toThrow(/005_broken\.txt:4/);

    expect(await readManifest(indexDir)).toEqual(good);
    expect(await readFile(join(indexDir, INDEX_FILES.fiches), "utf8")).toBe(before);
  });
});

describe("a new document dropped in the seeds folder", () => {
  it("is ingested with no code change and found by search", async () => {
    const seeds = await seedsCopy();
    await writeFile(
      join(seeds, "005_grenoble.txt"),
      [
        "",
        "Jardins partagés thérapeutiques au pied des immeubles",
        "",
        "Ville Santé\tGrenoble",
        "Date de rédaction de la fiche-action\t3 mars 2024",
        "Période\tDepuis 2022",
        "Porteur/pilote principal\tVille de Grenoble, service santé",
        "Partenaires\tCMP du secteur, bailleur Actis, association Cultivons",
        "Budget :\t",
        "- Budget de fonctionnement annuel (réel ou estimé)\t12 500€",
        "<p>Description de l'action (objectifs, déroulé...)</p>\t<p>Des ateliers de jardinage hebdomadaires réunissent des habitants suivis par le CMP et leurs voisins dans des potagers partagés.</p>",
        "",
      ].join("\n"),
    );
    const indexDir = join(await mkdtemp(join(tmpdir(), "index-")), "index");
    const manifest = await buildIndex({ seedsDir: seeds, indexDir, embedder: "builtin", log: quiet });
    expect(manifest.counts).toMatchObject({ documents: 6, fiches: 30 });

    const services = await buildServices({ indexDir, embedder: "builtin" });
    const card = services.listFiches().fiches.find((f) => f.city === "Grenoble");
    expect(card?.title).toBe("Jardins partagés thérapeutiques au pied des immeubles");
    expect(card?.fields.budget_operating).toBe("12 500€");
    const hits = await services.search("potagers partagés jardinage avec des patients du CMP", { k: 5, filters: {} });
    expect(hits[0]?.city).toBe("Grenoble");
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
