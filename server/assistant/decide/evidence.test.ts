import { beforeAll, describe, expect, it } from "vitest";
import { getTestCorpus } from "../../../test/helpers/testServices.ts";
import type { Concept } from "../understand/concepts.ts";
import type { Corpus } from "../understand/queryContext.ts";
import type { Chunk } from "../../../ingest/types.ts";
import { bagCovers, bestEvidence, passagesOf, termBag } from "./evidence.ts";
import { sheetChunks } from "./sheetChunks.ts";

let corpus: Corpus;
beforeAll(async () => {
  corpus = await getTestCorpus();
});

const concept = (...terms: string[]): Concept => ({ phrases: [terms], df: 3, unknown: false });

describe("termBag and bagCovers", () => {
  it("meets a derived form of a stem but never stretches an acronym", () => {
    const bag = termBag("Une formation PSSM permet de former 16 secouristes.");
    expect(bagCovers(concept("formateur"), bag, new Set())).toBe(true); // "forma" ~ "formation"
    expect(bagCovers(concept("pssm"), bag, new Set(["pssm"]))).toBe(true);
    expect(bagCovers(concept("pss"), bag, new Set(["pss"]))).toBe(false);
    expect(bagCovers(concept("budget"), bag, new Set())).toBe(false);
  });

  it("meets a derived form only through the question stem's first six letters: « collèges » is no « collectivité »", () => {
    const bag = termBag("Les services de la collectivité et les étudiantes du campus.");
    expect(bagCovers(concept("colleg"), bag, new Set())).toBe(false);
    expect(bagCovers(concept("collect"), bag, new Set())).toBe(true);
    expect(bagCovers(concept("etudi"), bag, new Set())).toBe(true); // "étudiants" ~ "étudiantes"
  });

  it("reads a chunk's title and field label by the same rule (a label « Rôle de la collectivité » states no school)", () => {
    const role = sheetChunks(corpus.index, "lille--petits-dejeuners-interconnaissance-habitat-sante").filter((c) => c.field === "role");
    expect(role.length).toBe(1);
    expect(bestEvidence(role, { concepts: [concept("colleg")], stats: corpus.stats, exact: new Set(), askedFields: [] })?.coverage ?? 0).toBe(0);
    expect(bestEvidence(role, { concepts: [concept("collect")], stats: corpus.stats, exact: new Set(), askedFields: [] })?.coverage).toBe(1);
  });
});

describe("bestEvidence", () => {
  const query = (concepts: Concept[], askedFields: string[] = []) => ({ concepts, stats: corpus.stats, exact: new Set(["pssm"]), askedFields });

  it("finds the passage that states the concepts together, never in an administrative field unless asked", () => {
    const chunks = sheetChunks(corpus.index, "lille--formations-premiers-secours-sante-mentale");
    const ev = bestEvidence(chunks, query([concept("pssm"), concept("form")]))!;
    expect(ev.coverage).toBe(1);
    expect(["funders", "budget", "contact", "date"]).not.toContain(ev.chunk.field);
    const quote = ev.chunk.text.slice(ev.start, ev.end);
    expect(quote).toMatch(/PSSM|Premiers secours/i);
    expect(quote.length).toBeLessThan(ev.chunk.text.length);
  });

  it("lets an asked administrative field be the evidence", () => {
    const chunks = sheetChunks(corpus.index, "lille--formations-premiers-secours-sante-mentale").filter((c) => c.field === "funders");
    expect(bestEvidence(chunks, query([concept("ars")]))).toBeUndefined();
    expect(bestEvidence(chunks, query([concept("ars")], ["funders"]))?.coverage).toBe(1);
  });

  it("reads a checkbox list one ticked box per line, never two boxes together nor half a box", () => {
    const chunk = {
      ...sheetChunks(corpus.index, "lille--formations-premiers-secours-sante-mentale")[0],
      field: "determinants",
      text: "Transports et mobilité\nLieux de vie, promoteurs de santé (écoles, milieu professionnel, etc.)\nLogement",
    } as Chunk;
    const quotes = passagesOf(chunk).map((p) => chunk.text.slice(p.start, p.end));
    expect(quotes).toEqual(["Transports et mobilité", "Lieux de vie, promoteurs de santé (écoles, milieu professionnel, etc.)", "Logement"]);
    const ev = bestEvidence([chunk], { ...query([concept("lieux"), concept("ecol")], ["determinants"]), onlyFields: ["determinants"] })!;
    expect(chunk.text.slice(ev.start, ev.end)).toBe(quotes[1]);
    // "mobilité" and "logement" are two boxes, not one statement
    const apart = bestEvidence([chunk], { ...query([concept("transport"), concept("logement")], ["determinants"]), onlyFields: ["determinants"] })!;
    expect(apart.own).toBeGreaterThan(0);
    expect(apart.own).toBeLessThan(1);
  });
});
