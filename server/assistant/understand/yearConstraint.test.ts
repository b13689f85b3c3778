import { describe, expect, it } from "vitest";
import { startYear, withinBound, yearBoundOf } from "./yearConstraint.ts";

describe("yearBoundOf", () => {
  it("reads a bound on when actions started, in French and English", () => {
    expect(yearBoundOf("actions started in 2016 or earlier")).toEqual({ op: "<=", year: 2016 });
    expect(yearBoundOf("Quelles actions ont démarré avant 2019 ?")).toEqual({ op: "<", year: 2019 });
    expect(yearBoundOf("actions lancées en 2020 ou après")).toEqual({ op: ">=", year: 2020 });
    expect(yearBoundOf("Combien de professionnels formés en 2022 ?")).toBeUndefined();
  });
});

describe("startYear and withinBound", () => {
  it("takes the first year a period gives and compares it", () => {
    expect(startYear("Octobre 2022 à janvier 2023")).toBe(2022);
    expect(startYear("Toute l'année")).toBeUndefined();
    expect(withinBound(2016, { op: "<=", year: 2016 })).toBe(true);
    expect(withinBound(2016, { op: "<", year: 2016 })).toBe(false);
  });
});
