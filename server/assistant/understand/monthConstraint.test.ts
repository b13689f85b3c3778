import { describe, expect, it } from "vitest";
import { datesMonth, monthBoundOf } from "./monthConstraint.ts";

describe("monthBoundOf", () => {
  it("reads a month and its year in either language, as the sheets write the month", () => {
    expect(monthBoundOf("Which actions took place in April 2023?")).toEqual({ months: ["avril"], year: "2023" });
    expect(monthBoundOf("Quelles actions se sont tenues en février 2022 ?")).toEqual({ months: ["fevrier"], year: "2022" });
    expect(monthBoundOf("Quelles actions au mois d’août 2021 ?")).toEqual({ months: ["aout"], year: "2021" });
  });

  it("reads several months of one year, joined by 'ou', 'or', 'and' or commas", () => {
    expect(monthBoundOf("Quelles actions se sont déroulées en avril ou en mai 2023 ?")).toEqual({ months: ["avril", "mai"], year: "2023" });
    expect(monthBoundOf("Which actions ran in April, May or June 2023?")).toEqual({ months: ["avril", "mai", "juin"], year: "2023" });
  });

  it("reads no bound from a year alone, a month alone, or the English modal 'may'", () => {
    expect(monthBoundOf("Quelles actions ont démarré en 2019 ?")).toBeUndefined();
    expect(monthBoundOf("Which actions happen in April?")).toBeUndefined();
    expect(monthBoundOf("which sheets may 2023 budgets cover?")).toBeUndefined();
  });
});

describe("datesMonth", () => {
  it("needs the month and the year in the passage, in any order", () => {
    const april = { months: ["avril"], year: "2023" };
    expect(datesMonth("En 2023 du 3 au 16 avril : un temps fort", april)).toBe(true);
    expect(datesMonth("du 25 au 28 avril 2023 dans les QPV", april)).toBe(true);
    expect(datesMonth("Le mercredi 7 avril 2021", april)).toBe(false);
    expect(datesMonth("les avrilles de 2023", april)).toBe(false);
    expect(datesMonth("Période/durée 24 mai 2023", { months: ["avril", "mai"], year: "2023" })).toBe(true);
  });
});
