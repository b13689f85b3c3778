import { beforeAll, describe, expect, it } from "vitest";
import { getTestCorpus } from "../../test/helpers/testServices.ts";
import { askQuestion } from "./askQuestion.ts";
import { rankForQuestion } from "./retrieve/rankForQuestion.ts";
import type { Corpus } from "./understand/queryContext.ts";
import { understandQuestion } from "./understand/understandQuestion.ts";
import { TUNING } from "./tuning.ts";

let corpus: Corpus;
beforeAll(async () => {
  corpus = await getTestCorpus();
});

const HOUSING = "Quelles villes travaillent avec les bailleurs sociaux autour de locataires en souffrance psychique ?";
const SESSIONS = "Dans quelles villes le CCOMS a-t-il animé des séances de sensibilisation dans les quartiers ?";
const cited = (r: { citations: { ficheId: string }[] }) => [...new Set(r.citations.map((c) => c.ficheId))];
/** The sheets retrieval ranks best for a question, as the follow-up reads them. */
async function bestRanked(question: string): Promise<string[]> {
  const ranked = (await rankForQuestion(understandQuestion(corpus, { question }))).filter((r) => corpus.index.ficheById.get(r.ficheId)?.kind === "fiche");
  return ranked.filter((r) => r.score >= ranked[0].score * TUNING.understand.topicRelativeScore).slice(0, TUNING.understand.topicCandidates).map((r) => r.ficheId);
}

describe("a follow-up choosing among the last answer's sheets", () => {
  it("chooses among what the last question was about, beyond the one sheet its answer found", async () => {
    const first = await askQuestion(corpus, { question: SESSIONS });
    const given = cited(first);
    const history = [
      { role: "user" as const, content: SESSIONS },
      { role: "assistant" as const, content: first.answer, ficheIds: given },
    ];
    const r = await askQuestion(corpus, { question: "Et dans lesquelles des pairs-aidants ont participé ?", history });
    const candidates = new Set([...given, ...(await bestRanked(SESSIONS))]);
    const listed = cited(r);
    // a sheet the first answer left out, where peer helpers took part
    expect(listed.filter((id) => !given.includes(id)).length).toBeGreaterThan(0);
    for (const id of listed) expect(candidates.has(id), id).toBe(true);
  });

  it("keeps to the last answer's sheets when it chooses by an administrative field most sheets state", async () => {
    const given = ["metz--logement-social-sante-mentale-favoriser"];
    const history = [
      { role: "user" as const, content: HOUSING },
      { role: "assistant" as const, content: "…", ficheIds: given },
    ];
    const r = await askQuestion(corpus, { question: "Et parmi elles, lesquelles ont un budget chiffré ?", history });
    expect(cited(r)).toEqual(given);
  });
});
