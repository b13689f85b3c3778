import { describe, expect, it } from "vitest";
import { datesMonth, monthBoundOf } from "./monthConstraint.ts";

describe("monthBoundOf", () => {
  it("reads a month and its year in either language, as the sheets write the month", () => {
    expect(monthBoundOf("Which actions took place in April 2023?")).toEqual({ month: "avril", year: "2023" });
    expect(monthBoundOf("Quelles actions se sont tenues en février 2022 ?")).toEqual({ month: "fevrier", year: "2022" });
    expect(monthBoundOf("Quelles actions au mois d’août 2021 ?")).toEqual({ month: "aout", year: "2021" });
  });

  it("reads no bound from a year alone, a month alone, or the English modal 'may'", () => {
    expect(monthBoundOf("Quelles actions ont démarré en 2019 ?")).toBeUndefined();
    expect(monthBoundOf("Which actions happen in April?")).toBeUndefined();
    expect(monthBoundOf("which sheets may 2023 budgets cover?")).toBeUndefined();
  });
});

describe("datesMonth", () => {
  it("needs the month and the year in the passage, in any order", () => {
    const april = { month: "avril", year: "2023" };
    expect(datesMonth("En 2023 du 3 au 16 avril : un temps fort", april)).toBe(true);
    expect(datesMonth("du 25 au 28 avril 2023 dans les QPV", april)).toBe(true);
    expect(datesMonth("Le mercredi 7 avril 2021", april)).toBe(false);
    expect(datesMonth("les avrilles de 2023", april)).toBe(false);
  });
});
