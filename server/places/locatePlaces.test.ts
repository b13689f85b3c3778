import { describe, expect, it } from "vitest";
import { locatePlaces, placeKey } from "./locatePlaces.ts";

describe("locatePlaces", () => {
  const places = locatePlaces(["Bourg-en-Bresse", "Montreuil", "Métropole européenne de Lille", "Atlantide"]);

  it("finds a commune by name whatever its accents, case and hyphens", () => {
    expect(places.find((p) => p.name === "Bourg-en-Bresse")).toMatchObject({ kind: "commune", departement: "01", departementName: "Ain" });
  });

  it("prefers the most populous of homonymous communes", () => {
    expect(places.find((p) => p.name === "Montreuil")?.departement).toBe("93");
  });

  it("places an intercommunality in the département of its largest member", () => {
    expect(places.find((p) => p.name === "Métropole européenne de Lille")).toMatchObject({ kind: "epci", departement: "59" });
  });

  it("leaves out a name no official list knows", () => {
    expect(places.map((p) => p.name)).not.toContain("Atlantide");
    expect(placeKey("L’Haÿ-les-Roses")).toBe("l hay les roses");
  });
});
