import { describe, expect, it } from "vitest";
import { cityFacet, mergeFacetVariants, normalizeFacetValue } from "./normalizeFacetValue.ts";

describe("normalizeFacetValue", () => {
  it("drops unfilled and free-text « Autre : précisez » entries", () => {
    expect(normalizeFacetValue("themes", "Autre : précisez.....")).toBeUndefined();
    expect(normalizeFacetValue("themes", "Autre : précisez.....monter une action de com° avec les usagers.....")).toBeUndefined();
    expect(normalizeFacetValue("determinants", "Autre(s), précisez : Impact de l'environnement sur la santé.....")).toBeUndefined();
    expect(normalizeFacetValue("themes", "  ")).toBeUndefined();
  });

  it("cleans bullets, spacing, apostrophes and trailing filler, keeping « etc. »", () => {
    expect(normalizeFacetValue("determinants", "- Soutien social :  pair-aidance, écoute, etc ....")).toBe("Soutien social : pair-aidance, écoute, etc.");
    expect(normalizeFacetValue("themes", "informer sur l’offre locale en santé mentale ;")).toBe("Informer sur l'offre locale en santé mentale");
    expect(normalizeFacetValue("determinants", "Lieux de vie (écoles, etc.)")).toBe("Lieux de vie (écoles, etc.)");
  });
});

describe("mergeFacetVariants", () => {
  const soutien = "Soutien social : pair-aidance, écoute, etc.";
  const lieux = "Lieux de vie, promoteurs de santé (écoles, établissements hospitaliers, milieu professionnel, lieux 'apaisés', etc.)";
  const values = [
    ...Array(11).fill(soutien),
    "Soutien social : pair-aideance, écoute, etc.",
    "Soutien social : paire-aidance, écoute, etc.",
    ...Array(5).fill(lieux),
    "Lieux de vie, promoteurs de santé (écoles, établissements)",
    "Logement", "Logement", "Urbanisme", "Education", "Éducation",
  ];
  const merged = mergeFacetVariants(values);

  it("maps typos to the spelling most sheets use", () => {
    expect(merged.get("Soutien social : pair-aideance, écoute, etc.")).toBe(soutien);
    expect(merged.get("Soutien social : paire-aidance, écoute, etc.")).toBe(soutien);
    expect(merged.get(soutien)).toBe(soutien);
  });

  it("maps a label cut short to the complete one", () => {
    expect(merged.get("Lieux de vie, promoteurs de santé (écoles, établissements)")).toBe(lieux);
  });

  it("merges case and accent variants but never two different short labels", () => {
    expect(merged.get("Éducation")).toBe(merged.get("Education"));
    expect(merged.get("Logement")).toBe("Logement");
    expect(merged.get("Urbanisme")).toBe("Urbanisme");
    expect(new Set(merged.values()).size).toBe(5);
  });
});

describe("cityFacet", () => {
  it("keeps a métropole apart from its city, labelled next to it", () => {
    expect(cityFacet("Métropole européenne de Lille")).toEqual({
      value: "Métropole européenne de Lille", kind: "metropolis", label: "Lille — Métropole européenne", seat: "Lille" });
    expect(cityFacet("Communauté urbaine du Grand  Reims")).toMatchObject({ kind: "metropolis", seat: "Grand Reims" });
    expect(cityFacet(" Bourg-en-Bresse ")).toEqual({ value: "Bourg-en-Bresse", kind: "city", label: "Bourg-en-Bresse" });
  });
});
