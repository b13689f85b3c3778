// A bound a list question puts on what actions cost: "with no dedicated budget", "costing the
// city nothing", "paid entirely by a partner", "moins de 1 000 €", "over €10,000", "un budget chiffré" (any amount). Compared with
// what a sheet's budget fields state: the first amount of the first budget field that gives one
// ("Budget : 980 euros", else the operating budget, else the city's contribution), or no budget
// at all when every budget field says so ("Aucun", "0 E", "Pas de budget spécifique", "pris en
// charge par le CNRA").
import { fold } from "../../../ingest/text/index.ts";
import type { Fiche } from "../../../ingest/types.ts";

/** `paidBy`: the question counts a cost someone else bore as none ("costing the city nothing", "paid entirely by a partner");
 * "no budget at all" alone does not ask for a sheet whose cost a partner paid. */
export type BudgetBound = { op: "none"; paidBy: boolean } | { op: "<" | ">"; amount: number };

const AMOUNT = "(\\d{1,3}(?:[ \\u00a0\\u202f.,]\\d{3})+|\\d+)\\s*(k\\s*€|k€|€|euros?|eur\\b|k\\b)";
const NONE = /\b(?:sans (?:aucun )?budget|pas de budget|aucun budget|budget nul|zero budget|no (?:dedicated |specific |own |separate )?budget|without (?:a |any )?(?:dedicated |specific |own )?budget|sans cout)\b/;
const PAID_BY = /\b(?:cost(?:ing|s)? (?:the (?:city|town|council) )?nothing|(?:n'?ont|n'?a|n'?avaient|n'?avait) rien (?:debourse|paye|depense|verse|mis)|(?:paid|spent|put in) nothing|(?:didn't|did not|don't|do not) (?:pay|spend) (?:anything|a (?:cent|penny|thing))|(?:paid|covered|funded|picked up)(?: for)? (?:entirely|fully|wholly|in full) by|(?:fully|entirely|wholly) (?:paid|covered|funded|picked up)(?: for)? by|(?:costs?|cout\w*) (?:\w+ )?(?:picked up|paid|covered|borne) by|pris en charge (?:entierement|integralement|totalement) par|gratuite?s? pour la (?:ville|collectivite))\b/;
/** "un budget chiffré", "a costed budget", "put a figure on their budget": any amount stated, more than nothing. */
const STATED = /\b(?:budgets? (?:chiffres?|connus?|precises?|indiques?|renseignes?|detailles?)|(?:stated|costed|known|given|quantified|itemi[sz]ed) budgets?|budget (?:figures?|amounts?)|(?:put|give|state)s? (?:a )?(?:figures?|numbers?|amounts?|prices?) (?:on|for) (?:the |their |its )?(?:budget|costs?))\b/;
const BOUNDS: [RegExp, "<" | ">"][] = [
  [new RegExp(`(?:moins de|under|less than|below|inferieur(?:e|s|es)? a|au-dessous de|not more than|at most|no more than|jusqu'a|up to)\\s*(?:€\\s*)?${AMOUNT}`), "<"],
  [new RegExp(`(?:plus de|over|more than|above|superieur(?:e|s|es)? a|au-dessus de|at least|au moins)\\s*(?:€\\s*)?${AMOUNT}`), ">"],
];

function amountOf(digits: string, unit: string | undefined): number {
  const n = Number(digits.replace(/[ \u00a0\u202f.,]/g, ""));
  return /k/i.test(unit ?? "") ? n * 1000 : n;
}

/** The cost bound a question puts, if any. An amount needs a currency ("moins de 1 000 €", "under €1,000"). */
export function budgetBoundOf(question: string): BudgetBound | undefined {
  const q = fold(question);
  const paidBy = PAID_BY.test(q);
  if (paidBy || NONE.test(q)) return { op: "none", paidBy };
  if (STATED.test(q)) return { op: ">", amount: 0 };
  for (const [re, op] of BOUNDS) {
    // "€1,000": the currency after the amount, as French writes it
    const m = re.exec(q.replace(/€\s*(\d(?:[\d ,.]*\d)?)/g, "$1 €"));
    if (m) return { op, amount: amountOf(m[1], m[2]) };
  }
  return undefined;
}

/** The form's budget fields, the main one first. */
const BUDGET_FIELDS = ["budget", "budget_operating", "budget_city_contribution", "budget_investment"] as const;
const STATED_AMOUNT = new RegExp(AMOUNT, "iu");
/** A budget field that says there is none, or that someone else pays it all. */
const NO_BUDGET = /^\s*(?:[/\-–.…]+|0+\s*(?:€|e|euros?)?|aucun(?:e)?|non|neant|nc|sans objet)\s*$|\bpas de budget\b|\bpris en charge par\b|\baucun budget\b/iu;
/** …because someone else bore the cost: a cost there was, not none */
const PAID_BY_OTHER = /\bpris en charge par\b/iu;

/** What a sheet's budget fields state, and the field that states it: an amount, no budget, or nothing to compare (no budget field, no figure). */
export function sheetBudget(fiche: Fiche): ({ amount: number } | { none: true; paidBy: boolean }) & { field: string } | undefined {
  const fields = BUDGET_FIELDS.flatMap((name) => fiche.fields.filter((f) => f.name === name && f.value.trim()));
  if (fields.length === 0) return undefined;
  for (const f of fields) {
    const m = STATED_AMOUNT.exec(f.value);
    if (m && amountOf(m[1], m[2]) > 0) return { amount: amountOf(m[1], m[2]), field: f.name };
  }
  // no amount: none only where a field says so (the main one, or every one)
  const says = fields.filter((f) => NO_BUDGET.test(fold(f.value)));
  const paidBy = says.some((f) => PAID_BY_OTHER.test(fold(f.value)));
  return says.length > 0 && (says.length === fields.length || says[0] === fields[0]) ? { none: true, paidBy, field: says[0].name } : undefined;
}

/** The field that states the sheet's budget within the bound, if it is. */
export function withinBudget(fiche: Fiche, bound: BudgetBound): string | undefined {
  const budget = sheetBudget(fiche);
  if (!budget) return undefined;
  if (bound.op === "none") return "none" in budget && (!budget.paidBy || bound.paidBy) ? budget.field : undefined;
  // "a few hundred euros, under €1,000": an amount is asked, not its absence
  if (!("amount" in budget)) return undefined;
  return (bound.op === "<" ? budget.amount < bound.amount : budget.amount > bound.amount) ? budget.field : undefined;
}
