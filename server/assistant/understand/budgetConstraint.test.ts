import { describe, expect, it } from "vitest";
import type { Fiche } from "../../../ingest/types.ts";
import { getTestServices } from "../../../test/helpers/testServices.ts";
import { budgetBoundOf, sheetBudget, withinBudget } from "./budgetConstraint.ts";

const sheet = (fields: Record<string, string>): Fiche => ({ fields: Object.entries(fields).map(([name, value]) => ({ name, value })) }) as unknown as Fiche;

describe("budgetBoundOf", () => {
  it.each([
    ["Which actions ran with no dedicated budget?", { op: "none", paidBy: false }],
    ["Quelles actions sans budget ?", { op: "none", paidBy: false }],
    ["actions paid entirely by a partner", { op: "none", paidBy: true }],
    ["Which actions were run with no dedicated budget at all, or had their costs fully picked up by an outside body?", { op: "none", paidBy: true }],
    ["Quelles actions ont coûté moins de 1 000 € ?", { op: "<", amount: 1000 }],
    ["actions under €1,000", { op: "<", amount: 1000 }],
    ["projects of more than 10k€", { op: ">", amount: 10000 }],
    ["actions de plus de 5 000 euros", { op: ">", amount: 5000 }],
    ["Et lesquelles ont un budget chiffré ?", { op: ">", amount: 0 }],
    ["Which actions ran with zero budget or entirely paid for by a partner?", { op: "none", paidBy: true }],
    ["Which of those give a stated budget?", { op: ">", amount: 0 }],
    // paying nothing, in French and English phrasing
    ["Lesquelles n'ont rien déboursé pour ça ?", { op: "none", paidBy: true }],
    ["Which of them didn't spend a penny?", { op: "none", paidBy: true }],
  ])("reads « %s »", (question, bound) => {
    expect(budgetBoundOf(question)).toEqual(bound);
  });

  it("needs a currency: a count or a budget asked is no bound", () => {
    expect(budgetBoundOf("actions with more than 100 participants")).toBeUndefined();
    expect(budgetBoundOf("Quel est le budget des Pôles Ressources Santé ?")).toBeUndefined();
  });
});

describe("sheetBudget", () => {
  it("takes the first amount of the main budget field that gives one, and says which field", () => {
    expect(sheetBudget(sheet({ budget: "980 euros Ne sont pas comptabilisés : le bénévolat" }))).toEqual({ amount: 980, field: "budget" });
    expect(sheetBudget(sheet({ budget: "Valorisation temps de travail", budget_operating: "28 000 € pour 10 ménages" }))).toEqual({ amount: 28000, field: "budget_operating" });
  });

  it("reads no budget only where a field says so, and nothing where no figure is given", () => {
    expect(sheetBudget(sheet({ budget_operating: "0 E", budget_investment: "0 E" }))).toMatchObject({ none: true });
    expect(sheetBudget(sheet({ budget: "Pas de budget spécifique pour cette action" }))).toMatchObject({ none: true });
    expect(sheetBudget(sheet({ budget: "Coût de l'intervenante pris en charge par le CNRA-CLSM", budget_city_contribution: "Mise à disposition" }))).toMatchObject({ none: true });
    expect(sheetBudget(sheet({ budget: "Renfort de temps de psychologue et poste téléphonique" }))).toBeUndefined();
    expect(sheetBudget(sheet({ description: "Une action sans budget" }))).toBeUndefined();
  });

  it("compares an amount with the bound; an absent budget is not 'under €1,000'", () => {
    expect(withinBudget(sheet({ budget: "921 euros" }), { op: "<", amount: 1000 })).toBe("budget");
    expect(withinBudget(sheet({ budget: "1300 € par session" }), { op: "<", amount: 1000 })).toBeUndefined();
    expect(withinBudget(sheet({ budget: "Aucun" }), { op: "<", amount: 1000 })).toBeUndefined();
    expect(withinBudget(sheet({ budget: "Aucun" }), { op: "none", paidBy: false })).toBe("budget");
    // a cost a partner bore is none only to a question that counts it so
    const paid = sheet({ budget: "Coût de l'intervenante pris en charge par le CNRA-CLSM" });
    expect(withinBudget(paid, { op: "none", paidBy: false })).toBeUndefined();
    expect(withinBudget(paid, { op: "none", paidBy: true })).toBe("budget");
  });
});

describe("a list bounded by cost", () => {
  it("lists every sheet whose budget fields say it had none, citing the field", async () => {
    const services = await getTestServices();
    const answer = await services.ask({ question: "Which actions ran with no dedicated budget, costing the city nothing?" });
    expect(answer.citations.length).toBeGreaterThan(0);
    for (const c of answer.citations) expect(c.field).toMatch(/^budget/);
  });

  it("reads 'zero euros' as an amount, not a concept the sheets lack, and leaves out a cost a partner bore when only no budget is asked", async () => {
    const services = await getTestServices();
    const answer = await services.ask({ question: "Which actions ran with no budget at all, zero euros?" });
    expect(answer.citations.length).toBeGreaterThan(0);
    for (const c of answer.citations) {
      expect(c.field).toMatch(/^budget/);
      expect(c.excerpt).not.toMatch(/pris en charge par/i);
    }
  });
});
