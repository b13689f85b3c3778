import { describe, expect, it } from "vitest";
import { deriveTitle } from "./deriveTitle.ts";

describe("deriveTitle", () => {
  it("names a sheet after its most frequent proper name, articles and the city left out", () => {
    const text = [
      "La Ville de Lille ouvre les Maisons du Projet.",
      "Les Maisons du Projet accueillent les habitants ; Ville de Lille et Ville de Lille encore.",
      "Bilan des Maisons du Projet et des Ateliers Santé.",
    ].join("\n");
    expect(deriveTitle(text, "Lille")).toBe("Maisons du Projet");
  });

  it("falls back to the first words when no name comes back twice", () => {
    expect(deriveTitle("un texte sans nom propre répété du tout ici même pas une fois", "Lille")).toBe("un texte sans nom propre répété du tout");
  });
});
