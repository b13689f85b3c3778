import { describe, expect, it } from "vitest";
import { getTestServices } from "../../../test/helpers/testServices.ts";
import { periodAsked, periodKind } from "./periodConstraint.ts";

describe("periodAsked", () => {
  it("reads a question asking for short or ongoing actions, short first", () => {
    expect(periodAsked("Which actions were one-off events lasting a few days at most, rather than ongoing programmes?")).toBe("short");
    expect(periodAsked("Quelles actions se sont tenues sur un temps très court ?")).toBe("short");
    expect(periodAsked("Quelles actions pérennes ?")).toBe("ongoing");
    // a national week is an event, and a drop-in "permanence" no duration
    expect(periodAsked("Quelles actions se sont greffées sur une semaine nationale de sensibilisation ?")).toBeUndefined();
    expect(periodAsked("Quelles villes tiennent une permanence d'écoute ?")).toBeUndefined();
  });
});

describe("periodKind", () => {
  it.each([
    ["24 mai 2023", "short"],
    ["25 au 28 avril 2023", "short"],
    ["Semaine du 21 au 23 février 2023", "short"],
    ["Action ponctuelle", "short"],
    ["Depuis 2019", "ongoing"],
    ["Toute l'année, au moins 4 fois par an", "ongoing"],
    ["Démarrage en 2016 – Pas de date de fin prévue", "ongoing"],
    ["2 jours de formations déployées dans les crèches depuis 2019", "ongoing"],
    ["Février – novembre 2022", undefined],
    ["Octobre 2023", undefined],
    // a run of days as one stage of a démarche of several years
    ["La démarche a été initiée en 2019 … En 2021, une journée … En 2023 du 3 au 16 avril : un temps fort", undefined],
  ])("reads « %s » as %s", (period, kind) => {
    expect(periodKind(period)).toBe(kind);
  });
});

describe("a list bounded by duration", () => {
  it("lists the sheets whose period is a day or a few days, citing it", async () => {
    const answer = await (await getTestServices()).ask({ question: "Which actions were one-off events lasting a few days at most?" });
    expect(answer.citations.length).toBeGreaterThan(0);
    for (const c of answer.citations) {
      expect(c.field).toBe("period");
      expect(periodKind(c.excerpt)).toBe("short");
    }
  });
});
