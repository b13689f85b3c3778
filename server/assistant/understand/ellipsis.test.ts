import { beforeAll, describe, expect, it } from "vitest";
import { getTestCorpus } from "../../../test/helpers/testServices.ts";
import type { Corpus } from "./queryContext.ts";
import { restatedFollowUp, additionOf, insteadOf, withFocus, asksForMore, ellipticalCity, lastTopicQuestion, ordinalOf, resolveEllipsis, resolveOrdinal, resolvePartitive, resolvePronounOf, resolveYear, withAddition, resolveAnotherSheet } from "./ellipsis.ts";
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

  it("reads a follow-up repeating the last question's verb with pronouns as the city alone (« Et Rennes, ils en ont formé aussi ? »)", () => {
    const previous = "Quelles villes ont formé des secouristes en santé mentale (PSSM) ?";
    expect(ellipticalCity("Et Rennes, ils en ont formé aussi ?", corpus.index.fiches, previous)).toBe("Rennes");
    expect(ellipticalCity("Et Rennes, ils en ont formé aussi ?", corpus.index.fiches)).toBeUndefined();
    expect(ellipticalCity("Et Rennes, ils ont des jardins ?", corpus.index.fiches, previous)).toBeUndefined();
  });

  it("asks the noun the last question asked of what a demonstrative pronoun's complement names", () => {
    expect(resolvePronounOf("Et celui de la campagne 3114 à Bordeaux ?", "Quel est le budget de la Bibliothèque vivante à Montreuil ?")).toBe("Quel est le budget de la campagne 3114 à Bordeaux ?");
    expect(resolvePronounOf("What about the one in Poitiers' seminar?", "What is the budget of the Montreuil human library?")).toBe("What is the budget in Poitiers' seminar ?");
    // no pronoun, or a previous question asking no noun with a complement
    expect(resolvePronounOf("Et à Bordeaux ?", "Quel est le budget de la Bibliothèque vivante ?")).toBeUndefined();
    expect(resolvePronounOf("Et celui de Caen ?", "Combien ça coûte ?")).toBeUndefined();
  });

  it("asks the value the last question asked of another sheet the follow-up names with its city ('And for Lille's listening points?')", () => {
    const { fiches } = corpus.index;
    expect(resolveAnotherSheet("And for Lille's listening points?", "What is the yearly budget of Montreuil's human library?", fiches, "en")).toBe("What is the yearly budget of Lille's listening points ?");
    expect(resolveAnotherSheet("Et pour les Pôles Ressources Santé de Lille ?", "Quel est le budget de la Bibliothèque vivante ?", fiches, "fr")).toBe("Quel est le budget de les Pôles Ressources Santé de Lille ?");
    // not after a question asking no value, nor of words naming no corpus city
    expect(resolveAnotherSheet("And for Lille's listening points?", "What is the story of Montreuil's human library?", fiches, "en")).toBeUndefined();
    expect(resolveAnotherSheet("And for the listening points?", "What is the yearly budget of Montreuil's human library?", fiches, "en")).toBeUndefined();
  });

  it("asks the last question of what an elliptical partitive names instead (« Et du sport ? »)", () => {
    expect(resolvePartitive("Et du sport ?", "Quelles actions proposent de la gestion du stress ou de la relaxation ?")).toBe("Quelles actions proposent du sport ?");
    // an addition (« Et pour les jeunes ? »), a pronoun, or a previous question with no partitive object: none
    expect(resolvePartitive("Et pour les jeunes ?", "Quelles actions proposent de la relaxation ?")).toBeUndefined();
    expect(resolvePartitive("Et de leur budget ?", "Quelles actions proposent de la relaxation ?")).toBeUndefined();
    expect(resolvePartitive("Et du sport ?", "Quelles villes forment aux PSSM ?")).toBeUndefined();
  });

  it("asks the last question again of the year a follow-up names, or counts from its own (« l'année suivante », 'the year before')", () => {
    const asked = "Combien de personnes ont participé aux ateliers de Lorient en 2021 ?";
    expect(resolveYear("Et l'année suivante ?", asked)).toBe("Combien de personnes ont participé aux ateliers de Lorient en 2022 ?");
    expect(resolveYear("Et en 2019 ?", asked)).toBe("Combien de personnes ont participé aux ateliers de Lorient en 2019 ?");
    expect(resolveYear("And how many the year before?", "How many people came to Lorient's talk groups in 2021?")).toBe("How many people came to Lorient's talk groups in 2020?");
    // a possessive within a question that names its city points within it: that question stands alone
    expect(resolveYear("And the year after?", "How many posters did Lorient use for its campaign in 2021?")).toBeUndefined();
    expect(resolveYear("And the year after?", "How many posters did Lorient use for its campaign in 2021?", true)).toBe("How many posters did Lorient use for its campaign in 2022?");
    // a follow-up saying more than its year asks something else; a previous question naming no single year has none to change
    expect(resolveYear("Et l'année suivante, qui a financé les ateliers ?", asked)).toBeUndefined();
    expect(resolveYear("Et l'année suivante ?", "Combien de personnes ont participé aux ateliers de Lorient ?")).toBeUndefined();
    expect(resolveYear("Et en 2021 ?", asked)).toBeUndefined();
  });

  it("asks the last topic again of the city: its own city replaced, or the city added", () => {
    const { fiches } = corpus.index;
    expect(resolveEllipsis("Et à Poitiers ?", "Quelles actions de Lille portent sur le logement ?", fiches, "fr")).toBe("Quelles actions de Poitiers portent sur le logement ?");
    expect(resolveEllipsis("What about Caen?", "Which cities run mental health first aid trainings?", fiches, "en")).toBe("Which cities run mental health first aid trainings in Caen ?");
    // the previous question a follow-up itself: what it asked is not in its words
    expect(resolveEllipsis("Et à Poitiers ?", "Et leur budget ?", fiches, "fr")).toBeUndefined();
    // « Et celle de Caen ? »: a pronoun and a city alone are the city alone
    expect(resolveEllipsis("Et celle de Caen ?", "Quelle est la durée de la formation PSSM à Lille ?", fiches, "fr")).toBe("Quelle est la durée de la formation PSSM à Caen ?");
    // the place's name with what it goes on with (« Caen la Mer »)
    expect(resolveEllipsis("Et Lille ?", "Que fait Caen la Mer exactement ?", fiches, "fr")).toBe("Que fait Lille exactement ?");
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

  it("reads 'the first one', « la deuxième », 'the last one' as the sheet at that place in the last answer, and no other first", () => {
    const [caen, lille] = ["caen--former-aux-premiers-secours-sante", "lille--formations-premiers-secours-sante-mentale"].map((id) => corpus.index.ficheById.get(id)!);
    expect(resolveOrdinal("Tell me more about the first one", [caen, lille])).toEqual({ question: "Tell me more about", sheet: caen });
    expect(resolveOrdinal("Combien a coûté la deuxième ?", [caen, lille])).toEqual({ question: "Combien a coûté?", sheet: lille });
    expect(ordinalOf("Who leads the last one?")?.at).toBe(-1);
    // a first that is no place in a list
    for (const question of ["Quelle est la première étape ?", "Which cities run mental health first aid?", "Qui forme aux premiers secours ?", "When is the first meeting?"]) expect(ordinalOf(question), question).toBeUndefined();
  });

  it("understands a question about 'the second one' as about that sheet", () => {
    const history = [
      { role: "user" as const, content: "Quelles villes forment aux premiers secours en santé mentale ?" },
      { role: "assistant" as const, content: "…", ficheIds: ["caen--former-aux-premiers-secours-sante", "lille--formations-premiers-secours-sante-mentale"] },
    ];
    const q = understandQuestion(corpus, { question: "Combien a coûté la deuxième ?", history });
    expect(q.scope).toEqual(new Set(["lille--formations-premiers-secours-sante-mentale"]));
    expect(q.intent.fields).toContain("budget");
  });

  it("reads « Et pour les jeunes ? » as the last topic with what it adds, and 'Any others?' as asking beyond the sheets given", () => {
    expect(additionOf("Et pour les jeunes ?")).toBe("pour les jeunes");
    expect(additionOf("And with schools?")).toBe("with schools");
    // who funds or carries it, what it is about: « par », « sur », "by", "on" add a phrase as « pour » does
    expect(additionOf("Et par la CAF ?")).toBe("par la CAF");
    expect(additionOf("And on housing?")).toBe("on housing");
    // a public alone is who the topic is asked for: « Et les ados ? », "What about toddlers, 0-3?"
    expect(additionOf("Et les ados ?")).toBe("pour les ados");
    expect(additionOf("What about toddlers, 0-3?")).toBe("for toddlers, 0-3");
    expect(additionOf("And the budget?")).toBeUndefined();
    expect(additionOf("What about the budget for teenagers?")).toBeUndefined();
    // a question of its own, or about the last answer's sheets, adds nothing to the topic
    for (const question of ["Et pour celle de Caen ?", "Et en 2023, ils ont mis combien de panneaux ?", "Et pour leur budget ?", "And for which of them?"]) expect(additionOf(question), question).toBeUndefined();
    expect(withAddition("Quelles villes font de la prévention du suicide ?", "pour les jeunes")).toBe("Quelles villes font de la prévention du suicide pour les jeunes ?");
    // a public named instead of the topic's replaces it, with the words that said it at more length
    expect(withAddition("Quelles actions pour les jeunes (ados, étudiants) portent sur le sport ?", "pour les seniors")).toBe("Quelles actions pour les seniors portent sur le sport ?");
    expect(withAddition("Which actions are aimed at teenagers or young adults?", "for older people")).toBe("Which actions are aimed for older people ?");
    expect(withAddition("Are there actions aimed at toddlers or young children?", "for teenagers")).toBe("Are there actions aimed for teenagers ?");
    // a public in the possessive qualifies another noun ("students' mental health"): the addition is added to it
    expect(withAddition("Which actions support students' mental health?", "for retirees")).toBe("Which actions support students' mental health for retirees ?");
    expect(withAddition("Quelles actions forment les parents ?", "avec les écoles")).toBe("Quelles actions forment les parents avec les écoles ?");
    for (const question of ["D'autres ?", "Any others?", "Il y en a d'autres ?", "et encore ?"]) expect(asksForMore(question), question).toBe(true);
    expect(asksForMore("D'autres villes font-elles ça ?")).toBe(false);
    const history = [
      { role: "user" as const, content: "Quelles villes font de la prévention du suicide ?" },
      { role: "assistant" as const, content: "…", ficheIds: ["bordeaux--prevention-risque-suicidaire"] },
    ];
    const more = understandQuestion(corpus, { question: "D'autres ?", history });
    expect(more.exclude).toEqual(new Set(["bordeaux--prevention-risque-suicidaire"]));
    expect(more.concepts.some((c) => c.label === "suicide")).toBe(true);
    expect(understandQuestion(corpus, { question: "Et pour les jeunes ?", history }).question).toBe("Quelles villes font de la prévention du suicide pour les jeunes ?");
  });
});

describe("restatedFollowUp", () => {
  it("restates « Ailleurs, y a-t-il des actions… ? » after one city's answer as that list beyond the city, without the word « ailleurs »", () => {
    const history = [
      { role: "user" as const, content: "Présente-moi l'action Regards sur l'Art à Poitiers." },
      { role: "assistant" as const, content: "…", ficheIds: ["poitiers--regards-sur-art"] },
    ];
    const restated = restatedFollowUp({ question: "Ailleurs, y a-t-il des actions qui passent par l'art ?", history }, corpus.index, () => "fr");
    expect(restated?.question).toBe("y a-t-il des actions qui passent par l'art ?");
    expect([...(restated?.exclude ?? [])].every((id) => corpus.index.ficheById.get(id)!.city === "Poitiers")).toBe(true);
    expect(restated?.exclude?.size).toBeGreaterThan(0);
  });
});

describe("a new focus", () => {
  it("reads « Et côté X ? », \"same question for X\", \"What about X?\" as X in place of what was asked, not a field asked of the last answer", () => {
    expect(insteadOf("Et côté lignes d'écoute téléphonique ?")).toBe("lignes d'écoute téléphonique");
    expect(insteadOf("same question for green and blue spaces")).toBe("green and blue spaces");
    expect(insteadOf("What about schools?")).toBe("schools");
    expect(insteadOf("Et côté budget ?")).toBeUndefined();
    expect(insteadOf("What about the partners?")).toBeUndefined();
    expect(insteadOf("What about the first one?")).toBeUndefined();
  });

  it("puts the new focus where the rarest concept the question writes stood", () => {
    const concepts = [{ label: "prévention", df: 40 }, { label: "suicide", df: 6 }];
    expect(withFocus("Qui travaille sur la prévention du suicide ?", "lignes d'écoute", concepts)).toBe("Qui travaille sur la prévention du lignes d'écoute ?");
    expect(withFocus("Qui travaille sur la prévention ?", "lignes d'écoute", [{ label: "absent", df: 1 }])).toBeUndefined();
  });

  it("asks a list question again with the new focus, over every sheet", () => {
    const history = [
      { role: "user" as const, content: "Which actions list noise among the mental health determinants they address?" },
      { role: "assistant" as const, content: "…", ficheIds: ["paris--replacer-sante-vivant-secteur-aride"] },
    ];
    // (not "list", an English word the sheets only share a stem with, nor "determinants", a field of the form)
    const q = understandQuestion(corpus, { question: "same question for green and blue spaces", history });
    expect(q.question).toBe("Which actions list green and blue spaces among the mental health determinants they address?");
    expect(q.scope).toBeUndefined();
  });
});
