import { beforeAll, describe, expect, it } from "vitest";
import { getTestCorpus } from "../../../test/helpers/testServices.ts";
import type { Decision } from "../decide/decideAnswer.ts";
import { decideAnswer } from "../decide/decideAnswer.ts";
import { rankForQuestion } from "../retrieve/rankForQuestion.ts";
import type { Corpus } from "../understand/queryContext.ts";
import { understandQuestion } from "../understand/understandQuestion.ts";
import { composeAnswer, keepFirstCitations } from "./composeAnswer.ts";
import { roundScore, searchHitOf } from "./passage.ts";

let corpus: Corpus;
beforeAll(async () => {
  corpus = await getTestCorpus();
});

async function answer(question: string) {
  const q = understandQuestion(corpus, { question });
  return composeAnswer(q, decideAnswer(q, await rankForQuestion(q)));
}

/** Every line after the intro ends with [n] markers that exist. */
function expectEveryLineCited({ answer, citations }: { answer: string; citations: { n: number }[] }) {
  const ns = new Set(citations.map((c) => c.n));
  for (const line of answer.split("\n").slice(1).filter((l) => !l.trim().endsWith(":"))) {
    const markers = [...line.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
    expect(markers.length, line).toBeGreaterThan(0);
    for (const n of markers) expect(ns.has(n), line).toBe(true);
  }
}

describe("composeAnswer", () => {
  it("answers what a named action does from its description, not from lines that share only its name's words or its city", async () => {
    // the glossary gives "living library" as « bibliothèque humaine » too: a budget line's « ressources humaines » and the
    // partners line's « Montreuil » say nothing of what the action does
    for (const question of ["What does the Montreuil living library do?", "Que fait la bibliothèque vivante de Montreuil ?"]) {
      const built = await answer(question);
      expect(built.citations.length, question).toBeGreaterThan(0);
      expect(built.citations.map((c) => c.field), question).toEqual(built.citations.map(() => "description"));
    }
  });

  it("writes an abstention in the question's language, citing nothing", () => {
    const q = understandQuestion(corpus, { question: "Which cities run dolphin therapy?" });
    const built = composeAnswer(q, { kind: "abstain", abstention: { why: "nothing" } } satisfies Decision);
    expect(built).toEqual({ answer: "I found no action sheet in the collection that answers this question.", citations: [] });
  });

  it("lists one line per sheet grouped by city, each line cited", async () => {
    const built = await answer("Quelles villes forment aux PSSM ?");
    expect(built.answer.split("\n")[0]).toMatch(/^\d+ fiches? répond/);
    expect(built.answer).toMatch(/^- Caen — Former aux Premiers Secours/m);
    expectEveryLineCited(built);
  });

  it("quotes a field verbatim, whole when short, with its offsets", async () => {
    const built = await answer("Quel est le budget des Pôles Ressources Santé ?");
    const c = built.citations.find((x) => x.excerpt.includes("80 000€"))!;
    expect(c.field).toBe("budget_operating");
    const value = corpus.index.ficheById.get(c.ficheId)!.fields.find((f) => f.name === c.field)!.value;
    expect(value.slice(c.start, c.end)).toBe(c.excerpt);
    expectEveryLineCited(built);
  });

  it("quotes at most four passages for a general question, one per line", async () => {
    const built = await answer("développement des compétences psychosociales");
    expect(built.citations.length).toBeGreaterThan(0);
    expect(built.citations.length).toBeLessThanOrEqual(4);
    expectEveryLineCited(built);
  });

  it("says what a similar sheet shares with the reference", async () => {
    const built = await answer("actions similaires aux Balades vertes de Poitiers");
    expect(built.answer.split("\n")[0]).toMatch(/Balades vertes pour les étudiants/);
    expect(built.answer).toMatch(/\(en commun : [^)]+\) \[\d+\]/);
  });
});

describe("keepFirstCitations", () => {
  it("drops the citations over k and every line pointing at one of them", () => {
    const citation = (n: number) => ({ n, ficheId: "x", city: "X", title: "T", field: "f", fieldLabel: "F", excerpt: "e", score: 1, start: 0, end: 1 });
    const built = { answer: "intro :\n- a [1]\n- b [2]\n- c [1] [3]", citations: [1, 2, 3].map(citation) };
    expect(keepFirstCitations(built, 2)).toEqual({ answer: "intro :\n- a [1]\n- b [2]", citations: [citation(1), citation(2)] });
    expect(keepFirstCitations(built, undefined)).toBe(built);
  });
});

describe("passages", () => {
  it("rounds scores to four decimals, one way for hits, citations and similar sheets", () => {
    expect(roundScore(0.123456)).toBe(0.1235);
  });

  it("builds a search hit whose excerpt is a verbatim slice of its field", () => {
    const chunk = corpus.index.chunks.find((c) => c.text.length > 800)!;
    const hit = searchHitOf(chunk, new Set(["sante"]), 0.5);
    expect(hit.excerpt.length).toBeLessThanOrEqual(360 * 1.5);
    const value = corpus.index.ficheById.get(chunk.ficheId)!.fields.find((f) => f.name === chunk.field)!.value;
    expect(value.slice(hit.start, hit.end)).toBe(hit.excerpt);
    expect(hit).toMatchObject({ chunkId: chunk.id, ficheId: chunk.ficheId, score: 0.5 });
  });

  const PSSM_SHEETS = ["lille--formations-premiers-secours-sante-mentale", "caen--former-aux-premiers-secours-sante"];
  /** The answer to a follow-up asked after a first question whose answer cited the PSSM sheets. */
  async function followUp(first: string, question: string) {
    const history = [
      { role: "user" as const, content: first },
      { role: "assistant" as const, content: "…", ficheIds: PSSM_SHEETS },
    ];
    const q = understandQuestion(corpus, { question, history });
    return composeAnswer(q, decideAnswer(q, await rankForQuestion(q)));
  }

  it("accounts for every sheet of a follow-up, quoting what a sheet says of its money when it names no funder", async () => {
    const built = await followUp("Quelles villes forment aux PSSM ?", "et qui les finance ?");
    // Lille's sheet names its funders; Caen's has no funders field, says so, and quotes its budget line
    expect(built.answer).toMatch(/^Caen — .* : la fiche ne renseigne pas ce point ; elle indique :$/m);
    expect(built.citations.filter((c) => c.ficheId === PSSM_SHEETS[1]).map((c) => c.field)).toEqual(["budget"]);
    expect(built.citations.filter((c) => c.ficheId === PSSM_SHEETS[0]).map((c) => c.field)).toContain("funders");
  });

  it("says a sheet of a follow-up does not fill in the asked field when nothing related is there either", async () => {
    const built = await followUp("Quelles villes forment aux PSSM ?", "et leurs facteurs de réussite ?");
    for (const c of built.citations) expect(c.field).toBe("success_factors");
  });

  it("takes a short question the previous sheets cover as a follow-up, and looks its value up in each of them", async () => {
    // no "them" or "their": the question's one topic (training) is what the previous sheets hold
    const built = await followUp("Which cities run PSSM trainings?", "How many people were trained?");
    expect(new Set(built.citations.map((c) => c.ficheId))).toEqual(new Set(PSSM_SHEETS));
    // a question on a topic the previous sheets do not hold is a fresh one
    const fresh = await followUp("Which cities run PSSM trainings?", "art exhibitions for people on minimum income");
    expect(fresh.citations.some((c) => !PSSM_SHEETS.includes(c.ficheId))).toBe(true);
  });

  it("answers a follow-up that names a city from that city's sheet in scope only", async () => {
    const built = await followUp("Which cities run PSSM trainings?", "And in Caen, who leads it?");
    expect(built.citations.length).toBeGreaterThan(0);
    expect(new Set(built.citations.map((c) => c.ficheId))).toEqual(new Set([PSSM_SHEETS[1]]));
  });

  it("quotes first, in a general answer, the sheet's passage that states the question's concepts, beyond retrieval's", async () => {
    // retrieval's first passages are the role and budget lines sharing "animation"; the sentence of the workshops is elsewhere
    const built = await answer("À Poitiers, quels ateliers l'hôpital psychiatrique a-t-il animés pour les étudiants ?");
    expect(built.citations[0].excerpt).toContain("gestion du stress");
    expectEveryLineCited(built);
  });

  it("answers a value asked in the form's own words ('the city's own contribution'), which no sheet's text writes", async () => {
    const q = understandQuestion(corpus, { question: "How much did the 2019 arts and care event cost, and what was the city's own contribution?", filters: { city: "Rennes" } });
    const built = composeAnswer(q, decideAnswer(q, await rankForQuestion(q)));
    expect(built.answer).toContain("14 907 €");
    expect(built.answer).toContain("10 000 €");
  });

  it("quotes a passage up to a link the sheet writes as '<https://…>', a slice of the chunk still", async () => {
    const q = understandQuestion(corpus, { question: "Quelles actions reposent sur une convention signée entre partenaires ?" });
    const { citations } = composeAnswer(q, decideAnswer(q, await rankForQuestion(q)));
    expect(citations.length).toBeGreaterThan(0);
    for (const c of citations) {
      expect(c.excerpt).not.toMatch(/<https?:/);
      const chunk = corpus.index.chunks.find((x) => x.ficheId === c.ficheId && x.field === c.field && x.start <= c.start && c.end <= x.end)!;
      expect(chunk.text.slice(c.start - chunk.start, c.end - chunk.start)).toBe(c.excerpt);
    }
  });

  it("gives a value that is an acronym with the words its sheet spells it out in", async () => {
    const { answer: text } = await answer("In Bourg-en-Bresse's slam and writing workshops for families, which mental health service did the co-facilitating nurse come from?");
    expect(text).toContain("CSMP (Carrefour Santé Mentale Précarité)");
  });
});
