import { describe, expect, it } from "vitest";
import type { FacetCounts } from "./contracts.ts";
import { AppError } from "./errors.ts";
import { resolveFilters } from "./filters.ts";

const facets: FacetCounts = {
  cities: { Besançon: 1, "Saint-Étienne": 2 },
  axes: { "Gouvernance et coordination": 3 },
  themes: { "Santé mentale": 4 },
  determinants: { "Accès aux soins": 2 },
  qpv: 1,
};

describe("resolveFilters", () => {
  it("returns each value in its canonical spelling, ignoring case, accents and spacing", () => {
    expect(resolveFilters({ city: "besancon", theme: " SANTE  mentale ", qpv: true }, facets)).toEqual({
      city: "Besançon",
      theme: "Santé mentale",
      qpv: true,
    });
  });

  it("ignores empty values", () => {
    expect(resolveFilters({ city: "", axis: " " }, facets)).toEqual({});
  });

  it("throws UNKNOWN_FILTER_VALUE naming the filter with the given prefix", () => {
    try {
      resolveFilters({ determinant: "Météo" }, facets, "filters.");
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe("UNKNOWN_FILTER_VALUE");
      expect((err as AppError).details.field).toBe("filters.determinant");
      expect((err as AppError).message).toContain('"Météo"');
    }
  });
});
