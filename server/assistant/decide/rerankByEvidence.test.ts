import { beforeAll, describe, expect, it } from "vitest";
import { getTestCorpus } from "../../../test/helpers/testServices.ts";
import type { RankedFiche } from "../retrieve/rankFiches.ts";
import type { Corpus } from "../understand/queryContext.ts";
import { understandQuestion } from "../understand/understandQuestion.ts";
import { rerankByEvidence } from "./rerankByEvidence.ts";

let corpus: Corpus;
beforeAll(async () => {
  corpus = await getTestCorpus();
});

// two sheets at the same retrieval score: one says "psychologues de rue" in one line, the other
// offers time with a psychologist and mentions no street
const STATES = "metropole-europeenne-de-lille--ateliers-pour-ecriture-contrat-ville";
const SCATTERS = "lorient--temps-echanges-avec-psychologue-pour";
const tie = (): RankedFiche[] => [SCATTERS, STATES].map((ficheId) => ({ ficheId, score: 1, chunks: [] }));

describe("rerankByEvidence", () => {
  it("puts first the sheet whose one passage states the question's concepts together", () => {
    const q = understandQuestion(corpus, { question: "le recours à un psychologue de rue" });
    const order = rerankByEvidence(q, tie()).map((r) => r.ficheId);
    expect(order).toEqual([STATES, SCATTERS]);
  });

  it("leaves list and similar questions to their own selection", () => {
    const q = understandQuestion(corpus, { question: "Quelles villes ont recours à un psychologue de rue ?" });
    expect(q.intent.kind).toBe("list");
    expect(rerankByEvidence(q, tie()).map((r) => r.ficheId)).toEqual([SCATTERS, STATES]);
  });
});
