import { beforeAll, describe, expect, it } from "vitest";
import { getTestCorpus } from "../../test/helpers/testServices.ts";
import { askQuestion } from "./askQuestion.ts";
import { searchPassages } from "./searchPassages.ts";
import type { Corpus } from "./understand/queryContext.ts";

let corpus: Corpus;
beforeAll(async () => {
  corpus = await getTestCorpus();
});

describe("searchPassages", () => {
  it("shows first the sheets a list answer names", async () => {
    const question = "Quelles villes forment aux PSSM ?";
    const [hits, asked] = await Promise.all([searchPassages(corpus, question, { k: 10 }), askQuestion(corpus, { question })]);
    const cited = [...new Set(asked.citations.map((c) => c.ficheId))];
    const firstSheets = [...new Set(hits.map((h) => h.ficheId))].slice(0, cited.length);
    expect(firstSheets.sort()).toEqual(cited.sort());
  });

  it("gives at most two passages of a sheet and k in all", async () => {
    const hits = await searchPassages(corpus, "santé mentale des jeunes", { k: 7 });
    expect(hits).toHaveLength(7);
    const perSheet = new Map<string, number>();
    for (const h of hits) perSheet.set(h.ficheId, (perSheet.get(h.ficheId) ?? 0) + 1);
    expect(Math.max(...perSheet.values())).toBeLessThanOrEqual(2);
  });

  it("gives the sheets the similar answer cites, in its order", async () => {
    const question = "actions similaires aux Balades vertes de Poitiers";
    const [hits, asked] = await Promise.all([searchPassages(corpus, question, { k: 5 }), askQuestion(corpus, { question })]);
    expect(hits.map((h) => h.ficheId)).toEqual(asked.citations.map((c) => c.ficheId));
  });

  it("for a list, shows the other action sheets before a workshop's synthesis, which no list names", async () => {
    const kindOf = (id: string) => corpus.index.ficheById.get(id)!.kind;
    for (const question of ["Quelles villes travaillent avec les CMP ?", "Which cities involve a mobile psychiatry team?"]) {
      const sheets = [...new Set((await searchPassages(corpus, question, { k: 40 })).map((h) => h.ficheId))];
      const firstSynthesis = sheets.findIndex((id) => kindOf(id) !== "fiche");
      // (a synthesis is among the hits, after every action sheet found)
      expect(firstSynthesis, question).toBeGreaterThan(0);
      expect(sheets.slice(firstSynthesis).every((id) => kindOf(id) !== "fiche"), question).toBe(true);
    }
  });
});
