import { describe, expect, it } from "vitest";
import { startYear, withinBound, yearBoundOf } from "./yearConstraint.ts";

describe("yearBoundOf", () => {
  it("reads a bound on when actions started, in French and English", () => {
    expect(yearBoundOf("actions started in 2016 or earlier")).toEqual({ op: "<=", year: 2016 });
    expect(yearBoundOf("Quelles actions ont démarré avant 2019 ?")).toEqual({ op: "<", year: 2019 });
    expect(yearBoundOf("actions lancées en 2020 ou après")).toEqual({ op: ">=", year: 2020 });
    expect(yearBoundOf("Combien de professionnels formés en 2022 ?")).toBeUndefined();
    // the year itself, after a verb of starting
    expect(yearBoundOf("Which actions got under way in 2022, going by the period given on their sheet?")).toEqual({ op: "=", year: 2022 });
    expect(yearBoundOf("Quelles actions ont été lancées en 2021 ?")).toEqual({ op: "=", year: 2021 });
    expect(yearBoundOf("Which actions started in 2016 or earlier?")).toEqual({ op: "<=", year: 2016 });
    expect(yearBoundOf("Which actions started in April 2023?")).toBeUndefined();
    expect(withinBound(2022, { op: "=", year: 2022 })).toBe(true);
    expect(withinBound(2023, { op: "=", year: 2022 })).toBe(false);
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
