import { describe, expect, it } from "vitest";
import { namesIn } from "./grounding.ts";

describe("namesIn", () => {
  it("finds a name of several words, cut before a trailing city of the corpus", () => {
    expect(namesIn("Quel est le budget de la Maison des adolescents de Bordeaux ?", "fr", ["Bordeaux"])).toEqual(["Maison des adolescents"]);
    // a pronoun and a short verb after a place are no part of a name
    expect(namesIn("quelle équipe de l'hôpital de Jury les a repérés ?", "fr", [])).toEqual([]);
    expect(namesIn("Does the Hearing Voices Network meet in Lille?", "en", ["Lille"])).toEqual(["Hearing Voices Network"]);
  });

  it("takes no name from the lower-case words that follow a city ('de Nantes les séances de sensibilisation')", () => {
    expect(namesIn("Dans quels quartiers de Nantes les séances de sensibilisation ont-elles eu lieu ?", "fr", ["Nantes"])).toEqual([]);
  });
});
