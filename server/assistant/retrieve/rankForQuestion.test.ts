import { beforeAll, describe, expect, it } from "vitest";
import { getTestCorpus } from "../../../test/helpers/testServices.ts";
import { understandQuestion } from "../understand/understandQuestion.ts";
import type { Corpus } from "../understand/queryContext.ts";
import { fieldWeight } from "./fieldWeights.ts";
import { fuseByReciprocalRank } from "./fuseByReciprocalRank.ts";
import { rankFiches } from "./rankFiches.ts";
import { rankForQuestion, targetFields } from "./rankForQuestion.ts";

let corpus: Corpus;
beforeAll(async () => {
  corpus = await getTestCorpus();
});
const understand = (question: string) => understandQuestion(corpus, { question });

describe("fuseByReciprocalRank", () => {
  it("scores weight / (60 + rank) summed over lists, so agreement beats one first place", () => {
    const fused = fuseByReciprocalRank([
      { ids: ["a", "b"], weight: 1 },
      { ids: ["b", "c"], weight: 1 },
    ]);
    expect(fused.get("a")).toBeCloseTo(1 / 61);
    expect(fused.get("b")).toBeCloseTo(1 / 62 + 1 / 61);
    expect(fused.get("b")!).toBeGreaterThan(fused.get("a")!);
  });
});

describe("rankFiches", () => {
  it("adds a decaying share of a sheet's next chunks to its best one", () => {
    const chunk = (ficheId: string) => corpus.index.chunks.find((c) => c.ficheId === ficheId)!;
    const [a, b] = corpus.index.fiches.map((f) => f.id);
    const ranked = rankFiches([
      { chunk: chunk(a), score: 1 },
      { chunk: chunk(b), score: 0.9 },
      { chunk: chunk(b), score: 0.9 },
    ]);
    expect(ranked.map((r) => r.ficheId)).toEqual([b, a]);
    expect(ranked[0].score).toBeCloseTo(0.9 * 1.35);
  });
});

describe("fieldWeight", () => {
  it("weights an asked field up and administrative fields down", () => {
    expect(fieldWeight("budget", ["budget"])).toBeGreaterThan(fieldWeight("description"));
    expect(fieldWeight("contact")).toBeLessThan(fieldWeight("description"));
  });
});

describe("rankForQuestion", () => {
  it("ranks the two PSSM sheets first for « Quelles villes forment aux PSSM ? »", async () => {
    const ranked = await rankForQuestion(understand("Quelles villes forment aux PSSM ?"));
    expect(ranked.slice(0, 2).map((r) => r.ficheId).sort()).toEqual(["caen--former-aux-premiers-secours-sante", "lille--formations-premiers-secours-sante-mentale"]);
  });

  it("brings the sheets of a city the question names forward", async () => {
    const ranked = await rankForQuestion(understand("What does Lyon do for mental health?"));
    expect(corpus.index.ficheById.get(ranked[0].ficheId)?.city).toBe("Lyon");
  });

  it("puts the asked field first for a field question", async () => {
    const ranked = await rankForQuestion(understand("Quel est le budget des Pôles Ressources Santé ?"));
    expect(ranked[0].chunks[0].chunk.field).toMatch(/^budget/);
  });

  it("weights a list question's relational fields, and no field for a word that only describes the thing asked", () => {
    expect(targetFields(understand("Quelles actions sont financées par la CAF ?"))).toContain("funders");
    expect(targetFields(understand("Quelles villes ont édité des cartes contacts ?"))).toBeUndefined();
    expect(targetFields(understand("santé mentale des jeunes"))).toBeUndefined();
  });

  it("weighs the Budget field up for a funding question, where sheets often say what pays for the action", async () => {
    const q = understandQuestion(corpus, { question: "Les formations aux premiers secours en santé mentale pour les agents, elles sont financées sur quelle ligne ?", filters: { city: "Caen" } });
    expect(targetFields(q)).toEqual(expect.arrayContaining(["funders", "budget"]));
    // « Coût des formations (inscrit dans le plan de formation de la collectivité) »: Caen's PSSM sheet, which has no funders field
    expect((await rankForQuestion(q))[0].ficheId).toBe("caen--former-aux-premiers-secours-sante");
  });

  it("keeps to the sheets the filter allows", async () => {
    const ranked = await rankForQuestion(understandQuestion(corpus, { question: "santé mentale des jeunes", filters: { city: "Caen" } }));
    expect(ranked.length).toBeGreaterThan(0);
    expect(ranked.every((r) => corpus.index.ficheById.get(r.ficheId)?.city === "Caen")).toBe(true);
  });
});

describe("rankForQuestion with a rare acronym", () => {
  it("brings in the sheets writing a rare acronym the question names, though their chunks share few of its other words", async () => {
    const question = "Is the local crime prevention council (CLSPD) involved in any of these mental health actions? In which cities?";
    const ctx = understand(question);
    expect(ctx.entities).toContain("clspd");
    const writing = corpus.index.fiches.filter((f) => corpus.stats.ficheTerms.get(f.id)?.has("clspd")).map((f) => f.id);
    expect(writing.length).toBeGreaterThanOrEqual(2);
    const ranked = (await rankForQuestion(ctx)).map((r) => r.ficheId);
    for (const id of writing) expect(ranked).toContain(id);
  });
});
