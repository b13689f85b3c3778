import { describe, expect, it } from "vitest";
import type { Fiche } from "../../../ingest/types.ts";
import { publicsOf } from "./publics.ts";

const fiche = (title: string, description: string): Fiche => ({
  id: "x--y",
  kind: "fiche",
  city: "X",
  title,
  source: "t.txt",
  startLine: 1,
  fields: [{ name: "description", label: "Description", value: description }],
});

describe("publicsOf", () => {
  it("takes a public named in the title at once", () => {
    expect(publicsOf(fiche("Balades vertes pour les étudiants", "Une balade."))).toContain("étudiants");
  });

  it("needs a public to come back twice in the text, so one passing mention is not a public", () => {
    expect(publicsOf(fiche("Atelier", "Les parents sont invités."))).not.toContain("parents et familles");
    expect(publicsOf(fiche("Atelier", "Les parents sont invités. Chaque famille repart avec un livret."))).toContain("parents et familles");
  });

  it("matches at word starts only ('elu' is not found inside 'évaluation')", () => {
    expect(publicsOf(fiche("Évaluation", "Une évaluation, puis une réévaluation."))).not.toContain("élus");
  });
});
