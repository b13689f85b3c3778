import { beforeAll, describe, expect, it } from "vitest";
import { getTestCorpus } from "../../../test/helpers/testServices.ts";
import type { RankedFiche } from "../retrieve/rankFiches.ts";
import { rankForQuestion } from "../retrieve/rankForQuestion.ts";
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
/** The two sheets as retrieval found them for the question (their passages), at the same score. */
async function tie(q: Parameters<typeof rankForQuestion>[0]): Promise<RankedFiche[]> {
  const ranked = await rankForQuestion(q);
  return [SCATTERS, STATES].map((id) => ({ ...ranked.find((r) => r.ficheId === id)!, score: 1 }));
}

describe("rerankByEvidence", () => {
  it("puts first the sheet whose one passage states the question's concepts together", async () => {
    const q = understandQuestion(corpus, { question: "le recours à un psychologue de rue" });
    const order = rerankByEvidence(q, await tie(q)).map((r) => r.ficheId);
    expect(order).toEqual([STATES, SCATTERS]);
  });

  it("lets the stating sheet overtake one retrieval put well ahead on the question's commoner words", async () => {
    const q = understandQuestion(corpus, { question: "le recours à un psychologue de rue" });
    const ahead = (await tie(q)).map((r) => ({ ...r, score: r.ficheId === SCATTERS ? 1.6 : 1 }));
    expect(rerankByEvidence(q, ahead).map((r) => r.ficheId)).toEqual([STATES, SCATTERS]);
  });

  it("leaves list and similar questions to their own selection", async () => {
    const q = understandQuestion(corpus, { question: "Quelles villes ont recours à un psychologue de rue ?" });
    expect(q.intent.kind).toBe("list");
    expect(rerankByEvidence(q, await tie(q)).map((r) => r.ficheId)).toEqual([SCATTERS, STATES]);
  });
});
