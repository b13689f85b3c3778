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
