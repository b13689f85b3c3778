import { beforeAll, describe, expect, it } from "vitest";
import { getTestCorpus } from "../../../test/helpers/testServices.ts";
import type { RankedFiche } from "../retrieve/rankFiches.ts";
import { rankForQuestion } from "../retrieve/rankForQuestion.ts";
import type { Corpus } from "../understand/queryContext.ts";
import { understandQuestion } from "../understand/understandQuestion.ts";
import { rerankByEvidence } from "./rerankByEvidence.ts";
import { decideAnswer } from "./decideAnswer.ts";

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

describe("rerankByEvidence on a list question's answer", () => {
  const question = "Quelles villes proposent des ateliers d'écriture ?";
  const writes = (id: string) => (corpus.index.chunksByFiche.get(id) ?? []).some((c) => /[ée]criture/iu.test(c.text));
  const listed = async (lists: boolean) => {
    const q = understandQuestion(corpus, { question });
    const d = decideAnswer(q, rerankByEvidence(q, await rankForQuestion(q), lists));
    return "sheets" in d ? d.sheets.map((r) => r.ficheId) : [];
  };

  it("anchors the list on a sheet whose passage states what is asked, not one that ranked first on the commoner word", async () => {
    // « ateliers » is in half the sheets, « écriture » in few: every listed sheet must write it
    const ids = await listed(true);
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(writes(id)).toBe(true);
  });

  it("keeps retrieval's order and scores for a search", async () => {
    const q = understandQuestion(corpus, { question });
    const ranked = await rankForQuestion(q);
    expect(rerankByEvidence(q, ranked)).toEqual(ranked);
  });
});
