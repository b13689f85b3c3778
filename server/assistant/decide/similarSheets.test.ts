import { beforeAll, describe, expect, it } from "vitest";
import { getTestCorpus } from "../../../test/helpers/testServices.ts";
import { rankForQuestion } from "../retrieve/rankForQuestion.ts";
import { similarFiches } from "../retrieve/similarFiches.ts";
import type { Corpus } from "../understand/queryContext.ts";
import { understandQuestion } from "../understand/understandQuestion.ts";
import { similarSheets } from "./similarSheets.ts";
import { conceptCoverage, covers, isSpecific } from "../understand/concepts.ts";

let corpus: Corpus;
beforeAll(async () => {
  corpus = await getTestCorpus();
});

async function similar(question: string) {
  const q = understandQuestion(corpus, { question });
  const ranked = await rankForQuestion(q);
  return { q, ranked, answer: similarSheets(q, ranked, 5) };
}

describe("similar sheets for a question that says what it wants", () => {
  it.each([
    "Comme l'Espace Santé Jeunes de Boulogne-Billancourt, d'autres villes proposent-elles aux étudiants des ateliers de relaxation et de gestion du stress ?",
    "Like Lorient's talks with a psychologist, are there other actions that bring improv theatre to university canteens?",
  ])("lists the sheet its description fits best, which the named sheet's nearest alone leave out: « %s »", async (question) => {
    const { q, ranked, answer } = await similar(question);
    expect(q.intent.kind).toBe("similar");
    expect(answer).toBeDefined();
    const reference = answer!.reference;
    // the sheet the question's own words rank first, outside the named sheet's city
    const described = ranked.map((r) => corpus.index.ficheById.get(r.ficheId)!).find((f) => f.kind === "fiche" && f.city !== reference.city)!;
    const nearest = similarFiches(corpus.index, corpus.stats, reference.id, 5).map((h) => h.fiche.id);
    expect(nearest).not.toContain(described.id);
    expect(answer!.near.map((n) => n.hit.fiche.id)).toContain(described.id);
  });

  it("lists the sheet its words rank first when it describes the named sheet at length in words other than its title's", async () => {
    const { q, ranked, answer } = await similar(
      "Anything comparable to Boulogne-Billancourt's youth health centre, a municipal service whose nurses and psychologists go into secondary schools to talk with pupils about relationships and consent?",
    );
    expect(q.intent.kind).toBe("similar");
    const reference = answer!.reference;
    const described = ranked.map((r) => corpus.index.ficheById.get(r.ficheId)!).find((f) => f.kind === "fiche" && f.city !== reference.city)!;
    // the description is the question: the sheet it fits best is answered, not only the named sheet's nearest
    expect(answer!.near.map((n) => n.hit.fiche.id)).toContain(described.id);
  });

  it("takes for the reference the one sheet writing an acronym the question names ('Caen's RCP Psy'), not the best-ranked sheet of the city", async () => {
    const { answer } = await similar("Anything comparable to Caen's RCP Psy, where professionals regularly work through hard mental health cases as a group?");
    expect(answer?.reference.id).toBe("caen--accompagner-des-situations-complexes-preoccupantes");
  });

  it("reads a city's demonym in a title (« des jeunes caennais(se)s ») as where, not which action: « le projet caennais » names its action by its other words", async () => {
    const { answer } = await similar("Des actions proches du projet caennais qui outille les acteurs de quartier en santé mentale ?");
    expect(answer?.reference.id).toBe("caen--developper-les-competences-sur-sante");
  });

  it("keeps the named sheet's nearest when the question only names it, its own city's other sheets one place down", async () => {
    const { answer } = await similar("Actions similaires aux Balades vertes de Poitiers ?");
    const city = answer!.reference.city;
    const nearest = similarFiches(corpus.index, corpus.stats, answer!.reference.id, 15);
    const moved = nearest.map((h, i) => ({ id: h.fiche.id, at: h.fiche.city === city ? i + 1.5 : i })).sort((a, b) => a.at - b.at).map((x) => x.id);
    expect(answer!.near.map((n) => n.hit.fiche.id)).toEqual(moved.slice(0, 5));
  });

  it("reads 'quelque chose d'approchant', 'dans l'esprit de' and 'along the lines of' around a named sheet as similar, with other cities first", async () => {
    const { q, answer } = await similar("On aimerait monter une instance comme les RCP Psy de Caen, où les partenaires se réunissent pour débloquer des situations psy complexes. Qui fait quelque chose d'approchant ?");
    expect(q.intent.kind).toBe("similar");
    expect(answer!.near[0].hit.fiche.city).not.toBe("Caen");
    expect((await similar("Je cherche des actions dans l'esprit du séminaire santé mentale de Poitiers.")).q.intent.kind).toBe("similar");
    expect((await similar("Who else works with students, along the lines of Caen's youth mental health working group?")).q.intent.kind).toBe("similar");
  });

  it("reads '…, like X', 'the way X does', 'other cities' and 'en dehors de X' around a named sheet", async () => {
    expect((await similar("Other examples of support for students, like Poitiers' green walks?")).q.intent.kind).toBe("similar");
    expect((await similar("Which other cities work with students, the way Poitiers' green walks do?")).q.intent.kind).toBe("similar");
    const { answer } = await similar("En dehors de Lille, des actions ressemblent-elles aux Espaces Écoute Santé ?");
    expect(answer!.near.length).toBeGreaterThan(0);
    for (const n of answer!.near) expect(n.hit.fiche.city).not.toBe("Lille");
  });

  it("moves up, among the named sheet's near sheets, those holding what the question says of it ('where councillors hear from people living with psychiatric disorders')", async () => {
    const { q, answer } = await similar("Anything like Poitiers' seminar where councillors and department heads hear directly from people living with psychiatric disorders?");
    const reference = answer!.reference;
    expect(reference.id).toBe("poitiers--seminaire-sante-mentale");
    const refTerms = corpus.stats.ficheTerms.get(reference.id);
    const described = q.concepts.filter((c) => !c.unknown && isSpecific(c, corpus.stats) && covers(c, refTerms) && c.label !== "Poitiers'");
    const holds = (id: string) => conceptCoverage(described, corpus.stats.ficheTerms.get(id), corpus.stats);
    const nearest = similarFiches(corpus.index, corpus.stats, reference.id, 5).map((h) => h.fiche.id);
    const first = answer!.near[0].hit.fiche.id;
    // the nearest by what the sheets do holds less of the description than the sheet put first, which is among the near ones
    expect(first).not.toBe(nearest[0]);
    expect(nearest).toContain(first);
    expect(holds(first)).toBeGreaterThan(holds(nearest[0]));
  });

  it("compares the sheets within a filter with the sheet the question names outside it", async () => {
    const q = understandQuestion(corpus, { question: "Quelque chose de comparable à la Bibliothèque vivante de Montreuil, où des personnes vivant avec des troubles psychiques témoignent ?", filters: { city: "Poitiers" } });
    const answer = similarSheets(q, await rankForQuestion(q), 5);
    expect(answer!.reference.id).toBe("montreuil--bibliotheque-vivante");
    expect(answer!.near.length).toBeGreaterThan(0);
    for (const n of answer!.near) expect(n.hit.fiche.city).toBe("Poitiers");
  });

  it.each([
    "Has any other city done something like the 24/7 psychological support phone line Lille opened during Covid?",
    "Une autre ville a-t-elle monté une ligne d'écoute psy comme celle de Lille pendant le Covid ?",
  ])("leaves the reference's city out when the question asks of 'any other city' or « une autre ville », in the singular: « %s »", async (question) => {
    const { answer } = await similar(question);
    expect(answer!.reference.city).toBe("Lille");
    expect(answer!.near.length).toBeGreaterThan(0);
    for (const n of answer!.near) expect(n.hit.fiche.city).not.toBe("Lille");
  });
});
