import { beforeAll, describe, expect, it } from "vitest";
import { getTestCorpus } from "../../../test/helpers/testServices.ts";
import type { Corpus } from "../understand/queryContext.ts";
import { understandQuestion } from "../understand/understandQuestion.ts";
import { listConcepts } from "./selectListSheets.ts";
import { analyze } from "../../../ingest/text/index.ts";

let corpus: Corpus;
beforeAll(async () => {
  corpus = await getTestCorpus();
});

const concepts = (question: string) => listConcepts(understandQuestion(corpus, { question })).map((c) => ({ label: c.label, phrases: c.phrases, phrase: !!c.phrase }));

describe("listConcepts", () => {
  it("reads a word qualified by a common word as the pair when the word alone mostly means something else", () => {
    // "centres" alone is also "centres de santé", "centre hospitalier": the sheets write "centres sociaux" in few of its chunks
    expect(concepts("Quelles villes s'appuient sur les centres sociaux pour leurs actions ?")).toContainEqual({ label: "centres sociaux", phrases: [["centr", "social"]], phrase: true });
  });

  it("keeps the word alone when most of its chunks write the pair, which the sheets shorten", () => {
    // "les bailleurs": most chunks writing "bailleurs" write "bailleurs sociaux"
    const found = concepts("Quelles villes travaillent avec les bailleurs sociaux ?");
    expect(found.find((c) => c.label?.startsWith("bailleurs"))).toEqual({ label: "bailleurs", phrases: [["bailleur"]], phrase: false });
  });
});

describe("relating verbs", () => {
  it("reads 'involve' as how the question relates the actions to a body, not as residents' participation", () => {
    // "Which actions involve the hospital?" asks for the hospital as a partner; the glossary's participation entry
    // keeps "involvement", the noun, which names it
    const labels = concepts("Which actions involve the psychiatric hospital?").map((c) => c.label);
    expect(labels).toContain("psychiatric hospital");
    expect(labels).not.toContain("involve");
    expect(concepts("Which cities encourage resident involvement?").map((c) => c.label)).toContain("involvement");
  });
});

describe("French verbs in a list question", () => {
  it("reads « venir » of « faire venir » (to bring someone in) as how the question is put, not a topic", () => {
    const labels = concepts("Quelles villes ont fait venir une troupe de théâtre dans leurs quartiers ?").map((c) => c.label);
    expect(labels).not.toContain("venir");
    expect(labels.some((l) => l && /troupe|théâtre/.test(l))).toBe(true);
  });

  it("reads a modal's subjunctive and a conjugated verb as how the question is put ('puissent', 'agissent')", () => {
    const labels = concepts("Quelles villes agissent pour que les personnes avec des troubles psychiques accèdent à un logement ou puissent y rester ?").map((c) => c.label);
    expect(labels).toContain("logement");
    expect(labels).not.toContain("puissent");
    expect(labels).not.toContain("agissent");
  });
});

describe("glossary terms", () => {
  it("translates 'cases' of social or health work as « situations », the sheets' word for them", () => {
    const cases = concepts("Which cities bring professionals together on the cases they are stuck on?").find((c) => c.label === "cases");
    expect(cases?.phrases).toEqual([["situat"]]);
  });

  it("translates 'stuck' as a translator would for a situation that goes nowhere (impasse, blocage, « mettent en échec »)", () => {
    const stuck = concepts("Which actions give frontline staff somewhere to bring what they are stuck on?").find((c) => c.label === "stuck");
    expect(stuck?.phrases).toContainEqual(["impass"]);
    expect(stuck?.phrases).toContainEqual(analyze("mettent en échec"));
  });

  it("translates 'survey' as a translator would (enquête, questionnaire, sondage), not as research or data", () => {
    const survey = concepts("Which actions ran a survey of participants?").find((c) => c.label === "survey");
    expect(survey?.phrases).toContainEqual(["enquet"]);
    expect(survey?.phrases).not.toContainEqual(["recherch"]);
    expect(survey?.phrases).not.toContainEqual(["don"]);
  });

  it("grounds « hebdomadaire », which no sheet writes, by the same meaning the sheets write (« par semaine »)", () => {
    const weekly = understandQuestion(corpus, { question: "Quelles actions ont un rythme hebdomadaire ?" }).concepts.find((c) => c.label === "hebdomadaire");
    expect(weekly?.unknown).toBe(false);
    expect(weekly?.phrases).toContainEqual(analyze("par semaine"));
  });

  it("grounds « stagiaires », which no sheet writes, by « personnes formées », one meaning", () => {
    const trainees = understandQuestion(corpus, { question: "Combien de stagiaires par session ?" }).concepts.find((c) => c.label === "stagiaires");
    expect(trainees?.unknown).toBe(false);
    expect(trainees?.phrases).toContainEqual(analyze("personnes formées"));
  });

  it("reads 'uni students' as university students, as British English says it, not as a rare word 'uni' the sheets barely write", () => {
    const understood = understandQuestion(corpus, { question: "Anything aimed at uni students?" }).concepts;
    expect(understood.map((c) => c.label)).not.toContain("uni");
    expect(understood.some((c) => c.phrases.some((p) => p.join(" ") === analyze("étudiants").join(" ")))).toBe(true);
  });
});

describe("quantity nouns", () => {
  it("reads 'a handful of', « une poignée de » as how many, no topic", () => {
    for (const question of ["free counselling limited to a handful of appointments", "une poignée de séances gratuites"]) {
      const labels = understandQuestion(corpus, { question }).concepts.map((c) => c.label?.toLowerCase());
      expect(labels).not.toContain("handful");
      expect(labels).not.toContain("poignée");
    }
  });
});

describe("French locutions ending on an elided preposition", () => {
  it("reads « dans le cadre d'une action » and « au sein d'un » as how the question is put, not as « cadre » or « sein »", () => {
    const labels = concepts("Des villes ont-elles des ateliers d'écriture dans le cadre d'une action, au sein d'un quartier ?").map((c) => c.label);
    expect(labels).toContain("écriture");
    expect(labels).not.toContain("cadre");
    expect(labels).not.toContain("sein");
  });
});

describe("a synonym whose stem the sheets write only as another word", () => {
  it("drops « aînés » from the seniors' synonyms: its stem is the département of the AIN in the sheets, no word of its family", () => {
    for (const question of ["Quelles actions s'adressent aux seniors ?", "Which actions are for seniors?"]) {
      const seniors = listConcepts(understandQuestion(corpus, { question })).find((c) => c.phrases.some((p) => p.includes("senior")));
      expect(seniors).toBeDefined();
      expect(seniors!.phrases).not.toContainEqual(analyze("aînés"));
      // the synonyms the sheets write as themselves stay
      expect(seniors!.phrases).toContainEqual(analyze("retraités"));
    }
  });
});
