import { describe, expect, it } from "vitest";
import { getTestServices } from "../../../test/helpers/testServices.ts";
import { withoutGivenNames } from "./surnames.ts";

// a small lexicon of given names, as hunspell-fr's "po:prn" entries give them
const given = (word: string) => ["henri", "jacques", "jean", "marc"].includes(word.toLowerCase());

describe("withoutGivenNames", () => {
  it("leaves out a given name opening a name, written with a space or a hyphen", () => {
    expect(withoutGivenNames("Which actions work with the Henri Laborit hospital?", given)).toBe("Which actions work with the Laborit hospital?");
    expect(withoutGivenNames("l'hôpital Henri-Laborit ?", given)).toBe("l'hôpital Laborit ?");
    expect(withoutGivenNames("Jean-Marc Dupont", given)).toBe("Dupont");
  });

  it("keeps a given name inside a name, before a lower-case word, or without a lexicon", () => {
    // the event's name is written whole by the sheets: leaving "Jacques" out would make "Entretiens Cartier", which none writes
    expect(withoutGivenNames("le colloque des Entretiens Jacques Cartier", given)).toBe("le colloque des Entretiens Jacques Cartier");
    expect(withoutGivenNames("Henri a dit", given)).toBe("Henri a dit");
    expect(withoutGivenNames("the Henri Laborit hospital", undefined)).toBe("the Henri Laborit hospital");
  });

  it("lists a sheet naming the hospital by its surname only ('CH Laborit'), as those writing it whole", async () => {
    const services = await getTestServices();
    for (const question of ["Which actions work with the Henri Laborit psychiatric hospital?", "Quelles actions se font avec l'hôpital psychiatrique Henri-Laborit ?"]) {
      const { citations } = await services.ask({ question, filters: { city: "Poitiers" } });
      expect(new Set(citations.map((c) => c.ficheId))).toEqual(new Set(["poitiers--balades-vertes-pour-les-etudiants", "poitiers--competences-psychosociales-formation-autour-petite", "poitiers--seminaire-sante-mentale"]));
    }
  });
});
