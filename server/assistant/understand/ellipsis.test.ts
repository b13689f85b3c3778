import { beforeAll, describe, expect, it } from "vitest";
import { getTestCorpus } from "../../../test/helpers/testServices.ts";
import type { Corpus } from "./queryContext.ts";
import { ellipticalCity, lastTopicQuestion, resolveEllipsis } from "./ellipsis.ts";
import { understandQuestion } from "./understandQuestion.ts";

let corpus: Corpus;
beforeAll(async () => {
  corpus = await getTestCorpus();
});

describe("ellipsis", () => {
  it("finds the one city a follow-up names with nothing else to ask", () => {
    const { fiches } = corpus.index;
    expect(ellipticalCity("Et à Poitiers ?", fiches)).toBe("Poitiers");
    expect(ellipticalCity("What about Caen?", fiches)).toBe("Caen");
    expect(ellipticalCity("Et du côté de Lille ?", fiches)).toBe("Lille");
    // a question of its own about the city
    expect(ellipticalCity("Et à Poitiers, qui finance ?", fiches)).toBeUndefined();
    expect(ellipticalCity("Quelles actions à Poitiers ?", fiches)).toBeUndefined();
  });

  it("asks the last topic again of the city: its own city replaced, or the city added", () => {
    const { fiches } = corpus.index;
    expect(resolveEllipsis("Et à Poitiers ?", "Quelles actions de Lille portent sur le logement ?", fiches, "fr")).toBe("Quelles actions de Poitiers portent sur le logement ?");
    expect(resolveEllipsis("What about Caen?", "Which cities run mental health first aid trainings?", fiches, "en")).toBe("Which cities run mental health first aid trainings in Caen ?");
    // the previous question a follow-up itself: what it asked is not in its words
    expect(resolveEllipsis("Et à Poitiers ?", "Et leur budget ?", fiches, "fr")).toBeUndefined();
    // "Et à Caen ?" after "Et à Poitiers ?" asks what was asked before them both
    expect(lastTopicQuestion(["Quelles actions de Lille portent sur le logement ?", "Et à Poitiers ?"], fiches)).toBe("Quelles actions de Lille portent sur le logement ?");
  });

  it("understands the follow-up as that question, afresh: no scope of the last answer's sheets", () => {
    const history = [
      { role: "user" as const, content: "Quelles actions de Lille portent sur le logement ?" },
      { role: "assistant" as const, content: "…", ficheIds: ["lille--petits-dejeuners-interconnaissance-habitat-sante"] },
    ];
    const q = understandQuestion(corpus, { question: "Et à Poitiers ?", history });
    expect(q.cities).toEqual(["Poitiers"]);
    expect(q.intent.kind).toBe("list");
    expect(q.concepts.some((c) => c.label === "logement")).toBe(true);
    expect(q.scope).toBeUndefined();
  });
});
