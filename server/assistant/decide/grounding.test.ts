import { describe, expect, it } from "vitest";
import { namesIn } from "./grounding.ts";

describe("namesIn", () => {
  it("finds a name of several words, cut before a trailing city of the corpus", () => {
    expect(namesIn("Quel est le budget de la Maison des adolescents de Bordeaux ?", "fr", ["Bordeaux"])).toEqual(["Maison des adolescents"]);
    // a pronoun and a short verb after a place are no part of a name
    expect(namesIn("quelle équipe de l'hôpital de Jury les a repérés ?", "fr", [])).toEqual([]);
    expect(namesIn("Does the Hearing Voices Network meet in Lille?", "en", ["Lille"])).toEqual(["Hearing Voices Network"]);
  });

  it("takes no name from an acronym followed by lower-case words ('PSSM la ville de Lille'), and keeps one in capitals", () => {
    expect(namesIn("Combien de formateurs PSSM la ville de Lille a-t-elle formés ?", "fr", ["Lille"])).toEqual([]);
    expect(namesIn("Quelles villes proposent les PSSM Jeunes ?", "fr", [])).toEqual(["PSSM Jeunes"]);
  });

  it("takes no name from an acronym and an elided lower-case word (the month of 'CCOMS d'avril'), and keeps a capital after the elision", () => {
    expect(namesIn("Nantes, sensibilisations CCOMS d'avril 2023 : quels quartiers ?", "fr", ["Nantes"])).toEqual([]);
    expect(namesIn("Que fait le CLSM d'Angers Loire Métropole ?", "fr", [])).toEqual(["CLSM d'Angers Loire Métropole"]);
  });

  it("takes no name from the lower-case words that follow a city ('de Nantes les séances de sensibilisation')", () => {
    expect(namesIn("Dans quels quartiers de Nantes les séances de sensibilisation ont-elles eu lieu ?", "fr", ["Nantes"])).toEqual([]);
  });
});

describe("ungrounded", () => {
  it("names a programme written in capitals longer than an acronym that no sheet writes, not one a sheet writes nor an emphasis", async () => {
    const { getTestCorpus } = await import("../../../test/helpers/testServices.ts");
    const { understandQuestion } = await import("../understand/understandQuestion.ts");
    const { ungrounded } = await import("./grounding.ts");
    const corpus = await getTestCorpus();
    const missing = (question: string) => ungrounded(understandQuestion(corpus, { question }));
    expect(missing("volunteer befriending visits for isolated older people at home (MONALISA teams)")).toContain("MONALISA");
    expect(missing("Quelles actions sont IMPORTANTES pour les jeunes ?")).toEqual([]);
  });

  it("grounds a word of a glossary term the question writes by the term's other forms (« restos » of « restos U »)", async () => {
    const { getTestCorpus } = await import("../../../test/helpers/testServices.ts");
    const { understandQuestion } = await import("../understand/understandQuestion.ts");
    const { ungrounded } = await import("./grounding.ts");
    const corpus = await getTestCorpus();
    expect(ungrounded(understandQuestion(corpus, { question: "Quelle ville a fait du théâtre d'impro dans les restos U ?" }))).toEqual([]);
    // "peer workers" are « pairs-aidants », as the sheets write them
    expect(ungrounded(understandQuestion(corpus, { question: "Which cities bring in peer workers from the psychiatric hospital?" }))).toEqual([]);
  });
});

/** What a question leaves ungrounded, over the real corpus (imported on first use: the namesIn tests need no index). */
async function ungroundedOf(question: string): Promise<string[]> {
  const { getTestCorpus } = await import("../../../test/helpers/testServices.ts");
  const { understandQuestion } = await import("../understand/understandQuestion.ts");
  const { ungrounded } = await import("./grounding.ts");
  return ungrounded(understandQuestion(await getTestCorpus(), { question }));
}

describe("ungrounded, names and choices in other forms", () => {
  it("grounds a name that is a glossary term by the form the sheets write (the CAF), not a name no sheet writes", async () => {
    expect(await ungroundedOf("Quels projets la Caisse d'allocations familiales a-t-elle soutenus ?")).toEqual([]);
    expect(await ungroundedOf("Quel est le budget de la Maison des adolescents de Bordeaux ?")).toContain("Maison des adolescents");
  });

  it("grounds a word offered as a choice beside one the corpus writes in another form (« migration ou exil »: « migratoire »)", async () => {
    expect(await ungroundedOf("Des actions pour les familles marquées par la migration ou l'exil ?")).toEqual([]);
    expect(await ungroundedOf("Des actions pour les familles marquées par l'exil ?")).toContain("exil");
    // the other side may open with a preposition and an article (« ou dans le supérieur »)
    expect(await ungroundedOf("Quelles villes aident les jeunes inscrits à l'université ou dans le supérieur ?")).toEqual([]);
    expect((await ungroundedOf("Quelles villes aident les jeunes inscrits dans le supérieur ?")).join(" ")).toMatch(/supérieur/);
  });
});

describe("ungrounded, English names translated word by word", () => {
  it("grounds an English name only where a passage writes its translated words together", async () => {
    // « européen » is in "Semaines Européennes…", « social » and « financement » elsewhere: no sheet names the fund
    expect(await ungroundedOf("Which cities pay for their mental health actions with European Social Fund money?")).toContain("European Social Fund");
    // one glossary term, however many words; acronyms the corpus writes and hyphenated modifiers are grounded as themselves
    expect(await ungroundedOf("Which cities run Mental Health First Aid courses?")).toEqual([]);
    expect(await ungroundedOf("How many people did the ARS-funded PSSM courses in Lille cover in 2022?")).toEqual([]);
  });
});
