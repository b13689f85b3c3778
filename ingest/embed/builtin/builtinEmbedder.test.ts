import { mkdtemp, readFile, readdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { INDEX_FILES } from "../../store/indexFiles.ts";
import { chooseEmbedder } from "../chooseEmbedder.ts";
import { embeddingsForIndex, embeddingsForIngest } from "../createEmbeddings.ts";
import {
  BuiltinEmbeddings,
  embedWithModel,
  fitBuiltinModel,
  loadBuiltinModel,
  saveBuiltinModel,
} from "./builtinEmbedder.ts";

const corpus = [
  "Actions de prévention du risque suicidaire : les psychologues de la ville reçoivent les habitants.",
  "Balades vertes pour les étudiants dans les parcs et jardins de la ville, au contact de la nature.",
  "Le conseil local de santé mentale (CLSM) réunit les élus, l'hôpital et les associations.",
  "Formation aux premiers secours en santé mentale (PSSM) pour les agents municipaux.",
  "Logement social et santé mentale : maintien dans le logement des locataires fragiles.",
  "Ateliers d'art et de danse à l'hôpital de jour, avec des artistes du conservatoire.",
  "Budget de fonctionnement annuel : 4 000 euros, financé par l'ARS et la ville.",
  "Bibliothèque vivante contre les discriminations : des livres humains racontent leur parcours.",
];

const dot = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * b[i], 0);
const ranking = (model: ReturnType<typeof fitBuiltinModel>, query: string) => {
  const q = embedWithModel(model, query);
  return corpus.map((t, i) => ({ i, score: dot(q, embedWithModel(model, t)) })).sort((a, b) => b.score - a.score);
};

describe("fitBuiltinModel", () => {
  const model = fitBuiltinModel(corpus);

  it("names the model by version and dimension, capped at the number of texts - 1", () => {
    expect(model.dimension).toBe(corpus.length - 1);
    expect(model.id).toBe(`builtin-lsa-v1-d${corpus.length - 1}`);
  });

  it("is deterministic: fitting twice gives the same model and the same vectors", () => {
    const again = fitBuiltinModel(corpus);
    expect(JSON.stringify(again)).toBe(JSON.stringify(model));
    expect(embedWithModel(again, "santé mentale des jeunes")).toEqual(embedWithModel(model, "santé mentale des jeunes"));
  });

  it("refuses to fit on fewer than two texts", () => {
    expect(() => fitBuiltinModel(["seul"])).toThrow(/at least 2 texts/);
  });
});

describe("embedWithModel", () => {
  const model = fitBuiltinModel(corpus);

  it("returns unit vectors of the model's dimension", () => {
    for (const text of [...corpus, "psychologue", "green walks for students"]) {
      const v = embedWithModel(model, text);
      expect(v).toHaveLength(model.dimension);
      expect(Math.hypot(...v)).toBeCloseTo(1, 6);
    }
  });

  it("returns the zero vector for a text that shares nothing with the corpus", () => {
    expect(embedWithModel(model, "").every((x) => x === 0)).toBe(true);
    expect(embedWithModel(model, "zzz qqq").every((x) => x === 0)).toBe(true);
  });

  it("ranks the document sharing the query's words first", () => {
    expect(ranking(model, "balades dans les parcs pour étudiants")[0].i).toBe(1);
    expect(ranking(model, "premiers secours PSSM")[0].i).toBe(3);
  });

  it("reaches a French document from English cognates through character n-grams", () => {
    const ranked = ranking(model, "prevention psychologist");
    expect(ranked[0].i).toBe(0);
    const unrelated = ranked.find((r) => r.i === 4)!;
    expect(ranked[0].score).toBeGreaterThan(unrelated.score + 0.1);
  });

  it("matches psychologists/psychologues, which share no stem, on n-grams alone", () => {
    expect(ranking(model, "psychologists")[0].i).toBe(0);
    const wordsOnly = fitBuiltinModel(corpus, { wordWeight: 1, gramWeight: 0 });
    expect(embedWithModel(wordsOnly, "psychologists").every((x) => x === 0)).toBe(true);
  });
});

describe("BuiltinEmbeddings", () => {
  it("embeds documents and queries the same way, without prefixes", async () => {
    const model = fitBuiltinModel(corpus);
    const embeddings = new BuiltinEmbeddings(model);
    expect(embeddings.id).toBe(model.id);
    const [doc] = await embeddings.embedDocuments([corpus[2]]);
    expect(await embeddings.embedQuery(corpus[2])).toEqual(doc);
  });

  it("once it has embedded, keeps the model decoded, not the model's base64 projection (a server held both)", async () => {
    const model = fitBuiltinModel(corpus);
    const embeddings = new BuiltinEmbeddings(model);
    const first = await embeddings.embedQuery(corpus[3]);
    // what the embedder reaches through the own properties of every object met (arrays included, typed arrays skipped)
    const { values, scales } = model.projection;
    const seen = new Set<unknown>();
    const reaches = (x: unknown): boolean => {
      if (x === values || x === scales) return true;
      if (typeof x !== "object" || x === null || seen.has(x) || ArrayBuffer.isView(x)) return false;
      seen.add(x);
      return Reflect.ownKeys(x).some((k) => reaches((x as Record<PropertyKey, unknown>)[k]));
    };
    expect(reaches(embeddings)).toBe(false);
    expect(reaches({ model })).toBe(true); // the walk does find it where it is held
    expect(first).toEqual(embedWithModel(model, corpus[3]));
    expect(await embeddings.embedQuery(corpus[4])).toEqual(embedWithModel(model, corpus[4]));
  });
});

describe("saveBuiltinModel / loadBuiltinModel", () => {
  const model = fitBuiltinModel(corpus);

  it("round-trips: the loaded model embeds queries identically", async () => {
    const path = join(await mkdtemp(join(tmpdir(), "builtin-")), "model.json");
    await saveBuiltinModel(model, path);
    const loaded = await loadBuiltinModel(path);
    for (const q of ["prévention du suicide", "mental health first aid", corpus[5]]) {
      expect(embedWithModel(loaded, q)).toEqual(embedWithModel(model, q));
    }
  });

  it("is held as the model only where the ingest saves it: a server's loaded embedder lets the file's model go", async () => {
    const dir = await mkdtemp(join(tmpdir(), "builtin-"));
    await saveBuiltinModel(model, join(dir, INDEX_FILES.builtinModel));
    const served = await embeddingsForIndex(chooseEmbedder("builtin"), dir);
    expect(served.builtinModel).toBeUndefined();
    expect(await served.embeddings.embedQuery(corpus[5])).toEqual(embedWithModel(model, corpus[5]));
    expect(embeddingsForIngest(chooseEmbedder("builtin"), corpus).builtinModel?.id).toBe(model.id);
  });

  it("rejects a truncated file, naming its path and the rebuild command", async () => {
    const path = join(await mkdtemp(join(tmpdir(), "builtin-")), "model.json");
    await writeFile(path, JSON.stringify(model).slice(0, 500));
    await expect(loadBuiltinModel(path)).rejects.toThrow(path);
    await expect(loadBuiltinModel(path)).rejects.toThrow(/npm run ingest/);
  });

  it("rejects JSON that is not a model, and a projection whose size does not match", async () => {
    const dir = await mkdtemp(join(tmpdir(), "builtin-"));
    await writeFile(join(dir, "other.json"), JSON.stringify({ kind: "something-else" }));
    await expect(loadBuiltinModel(join(dir, "other.json"))).rejects.toThrow(/other\.json.*kind/);
    const broken = { ...model, projection: { ...model.projection, values: model.projection.values.slice(0, 64) } };
    await writeFile(join(dir, "short.json"), JSON.stringify(broken));
    await expect(loadBuiltinModel(join(dir, "short.json"))).rejects.toThrow(/short\.json.*projection size/);
  });

  it("rejects a missing file, naming its path", async () => {
    const path = join(tmpdir(), "no-such-dir-builtin", "model.json");
    await expect(loadBuiltinModel(path)).rejects.toThrow(path);
  });
});

describe("fitting on the seeds", () => {
  it("fits the seed paragraphs in seconds and finds a paragraph from its own words", async () => {
    const dir = new URL("../../../seeds/", import.meta.url);
    const files = (await readdir(dir)).filter((f) => f.endsWith(".txt")).sort();
    const text = (await Promise.all(files.map((f) => readFile(new URL(f, dir), "utf8")))).join("\n\n");
    const paragraphs = text.split(/\n\s*\n/).map((p) => p.trim()).filter((p) => p.length > 40);
    const started = performance.now();
    const model = fitBuiltinModel(paragraphs);
    const ms = performance.now() - started;
    console.log(
      `builtin fit on seeds: ${paragraphs.length} paragraphs, ${model.features.words.length} words + ` +
        `${model.features.grams.length} n-grams -> d=${model.dimension} in ${ms.toFixed(0)} ms`,
    );
    expect(model.dimension).toBe(256);
    const target = paragraphs.findIndex((p) => p.includes("Balades vertes"));
    const q = embedWithModel(model, "balades vertes étudiants Poitiers");
    const best = paragraphs
      .map((p, i) => ({ i, score: dot(q, embedWithModel(model, p)) }))
      .sort((a, b) => b.score - a.score)
      .slice(0, 5)
      .map((r) => paragraphs[r.i]);
    expect(target).toBeGreaterThanOrEqual(0);
    expect(best.some((p) => p.includes("Balades vertes"))).toBe(true);
  }, 60_000);
});
