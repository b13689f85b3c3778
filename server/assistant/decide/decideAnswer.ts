// Stage 3 of the pipeline: what kind of answer the ranked sheets support, and over which sheets.
// Abstention comes first; then the question's intent picks the selection.
import type { QueryContext } from "../understand/queryContext.ts";
import type { RankedFiche } from "../retrieve/rankFiches.ts";
import { TUNING } from "../tuning.ts";
import { fold } from "../../../ingest/text/index.ts";
import { abstention, type Abstention } from "./abstain.ts";
import { findValue, findValues, isPlaceholder, lookupCandidates, type ValuePassage } from "./findValue.ts";
import { titleMatch } from "./referenceFiche.ts";
import { selectFieldSheets, sheetsInScope } from "./selectFieldSheets.ts";
import { funderShareNotGiven } from "./funderShare.ts";
import { AMOUNT_FIELDS, valueTypeOf } from "../understand/valueType.ts";
import { detectIntent } from "../understand/detectIntent.ts";
import { RULED_OUT } from "../understand/understandQuestion.ts";
import { listConcepts, selectListSheets, type ListedSheet } from "./selectListSheets.ts";
import { similarSheets, type SimilarSheets } from "./similarSheets.ts";

export type Decision =
  | { kind: "abstain"; abstention: Abstention }
  | { kind: "similar"; similar: SimilarSheets }
  | { kind: "list"; sheets: ListedSheet[] }
  | { kind: "field" | "general"; sheets: RankedFiche[] }
  | { kind: "value"; sheets: RankedFiche[]; passages: ValuePassage[] };

const WHERE = /^\s*(?:où|ou|where)(?![\p{L}])/iu;
/** "Qui travaille avec les bailleurs sociaux… ?", "Who trains elected officials…?": who does something, asked of no place and
 * no action in particular, is who among the network does it (a list); "qui a animé…", "who is the contact…" stay lookups. */
const WHO_DOES = /^\s*(?:qui|who)\s+(?!(?:a|ont|est|sont|était|étaient|is|are|was|were|has|have|had|d['’]autre|else|contacter|to|should|can|could)(?![\p{L}]))[\p{L}'’]+/iu;

/** A request rather than a question: « je cherche… », "I'm looking for…", "show me…". */
const ASKS_FOR = /^\s*(?:je (?:cherche|recherche|voudrais|souhaite)|(?:i(?:'m| am) )?looking for|i(?:'d like| would like| want)|show me|list|montre|donne)/iu;

/** A general answer quotes the top sheets that score near the best one. */
function selectGeneralSheets(ctx: QueryContext, ranked: RankedFiche[]): RankedFiche[] {
  const top = ranked[0]?.score ?? 0;
  const near = ranked.slice(0, TUNING.decide.generalMaxSheets).filter((r) => r.score >= top * TUNING.decide.generalRelativeScore);
  // a workshop synthesis (notes of a metropolitan workshop, no city's action) answers beside actions only when it ranks
  // first, the question names its area ("la métropole lilloise") or states a bare subject ("supporting families who went
  // through traumatic migration journeys": what the sheets say of it, the synthesis's notes too): "anything reaching
  // families with a migrant background?", « je cherche des actions où… » ask what cities do (read sets 6 up, none down;
  // the clean blind71's city F1 0.839 -> 0.872)
  const isAction = (r: RankedFiche) => ctx.index.ficheById.get(r.ficheId)?.kind === "fiche";
  const ofNamedArea = (r: RankedFiche) => ctx.cities.some((city) => fold(ctx.index.ficheById.get(r.ficheId)?.city ?? "").includes(fold(city)));
  const asksActions = ctx.question.includes("?") || ASKS_FOR.test(ctx.question);
  const actions = asksActions && near.length > 0 && isAction(near[0]) ? near.filter((r) => isAction(r) || ofNamedArea(r)) : near;
  // "What has Caen done on housing?": a question naming its cities is answered from their sheets, where some rank near the
  // best (another city's sheet on the topic answers for that city, not for Caen); not one ruling a city out ("hors Lille")
  const named = ctx.cities.length > 0 && !RULED_OUT.test(ctx.question) ? actions.filter(ofNamedArea) : [];
  const sheets = named.length > 0 ? named : actions;
  return ctx.cities.length >= 2 ? inNamedOrder(ctx, sheets) : sheets;
}

/** "Compare Lille's PSSM training with Caen's": the sheets of the cities a question names, in the order it names them
 * (a stable sort: within a city, and for the others after them, the ranking's order), so that "the second one" is the
 * second the asker named. */
function inNamedOrder(ctx: QueryContext, sheets: RankedFiche[]): RankedFiche[] {
  const q = fold(ctx.question);
  const at = (r: RankedFiche) => {
    const city = ctx.index.ficheById.get(r.ficheId)?.city;
    const i = city ? q.indexOf(fold(city)) : -1;
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  return sheets.map((r, i) => ({ r, i, at: at(r) })).sort((a, b) => a.at - b.at || a.i - b.i).map((x) => x.r);
}

/** How well a sheet's passages state the values asked: its best passage's score. */
const best = (x: { passages: ValuePassage[] }) => Math.max(...x.passages.map((p) => p.score));

/**
 * A question that wants a value of some kind, answered by the sentences of its sheet that hold
 * one; a follow-up ("How many people were trained?") by those of every sheet in its scope.
 */
function valueDecision(ctx: QueryContext, ranked: RankedFiche[]): Decision | undefined {
  // "combien coûte le manuel et qui le paie ?": each value asked, looked up in the same sheet
  const types = askedParts(ctx.question).flatMap((part) => {
    const type = valueTypeOf(part);
    return type ? [{ type, part }] : [];
  });
  if (types.length === 0) return undefined;
  const candidates = ctx.scope ? sheetsInScope(ctx, ranked) : lookupCandidates(ctx, ranked);
  const found = candidates
    .map((sheet) => {
      // each value read with its own part of the question: "how many sessions…, and how many people came to each?"
      const passages = types.length > 1 ? findValues(ctx, sheet, types) : findValue(ctx, sheet, types[0].type);
      // a sentence found for both values is quoted once
      return { sheet, passages: passages.filter((p, i) => passages.findIndex((q) => q.chunk === p.chunk && q.start === p.start) === i) };
    })
    .filter((x) => x.passages.length > 0);
  // of two sheets one might be about, the one whose sentences state the values asked best (scope aside: every sheet of it)
  // (the best-ranked one unless the other's states them clearly better)
  const kept = ctx.scope || found.length < 2 ? found : [found.reduce((a, b) => (best(b) > best(a) * TUNING.decide.lookupRunnerUpMargin ? b : a))];
  return kept.length ? { kind: "value", sheets: kept.map((x) => x.sheet), passages: kept.flatMap((x) => x.passages) } : undefined;
}

/** The question quotes one sheet's title, as a lookup does ("Qui porte le projet logement social et santé mentale…"). */
const namesOneSheet = (ctx: QueryContext, ranked: RankedFiche[]) => (titleMatch(ctx, ranked)?.coverage ?? 0) >= TUNING.decide.valueTitleCoverage;

/** A question asking two values ("…, et qui le paie ?", "…, and who paid for it?", « combien de séances, combien de
 * familles ? »), as its two questions; else itself. */
/** (the second may open with a preposition, "…, et dans le cadre de quel événement ?", "…, and over how many days?"; not "pour/for", which asks the first's
 * extent: "How much was budgeted…, and for how many households?" is one value, "28 000 € … pour 10 ménages") */
const SECOND_QUESTION = /,?\s+(?:et|and)\s+(?:(?:roughly|approximately|about|environ|à peu près|en gros)\s+)?(?:(?:il|elle|ils|elles|ça|cela|on)\s+(?:[\p{L}'’-]+\s+){1,2})?(?=(?:(?:dans le cadre d[eu]|dans|avec|par|sur|pendant|durant|in|with|by|from|at|on|over|during)\s+)?(?:qui|combien|quel(?:le)?s?|quand|où|who|whom|how|what|which|when|where)(?![\p{L}]))/iu;
/** « combien de séances, combien de familles ? »: a bare comma before a question word no relative clause opens with. */
const COMMA_QUESTION = /,\s*(?=(?:combien|how (?:many|much|long|often))(?![\p{L}]))/iu;
/** « combien de séances, et pour combien de familles ? », « à quelles dates et pour quel budget ? »: after a value other than
 * an amount, "for how many", "pour quel…" asks another; after an amount it is the amount's extent (SECOND_QUESTION). */
const SECOND_FOR = /,?\s+(?:et|and)\s+(?=(?:pour|for)\s+(?:combien|how many|how much|quel(?:le)?s?|what|which)(?![\p{L}]))/iu;
function askedParts(question: string): string[] {
  const at = SECOND_QUESTION.exec(question);
  if (at) return [question.slice(0, at.index), question.slice(at.index + at[0].length)];
  const second = SECOND_FOR.exec(question);
  const first = second ? valueTypeOf(question.slice(0, second.index)) : undefined;
  if (second && first && first.kind !== "amount") return [question.slice(0, second.index), question.slice(second.index + second[0].length)];
  // (only after a part that asks a value itself: « Dans la recherche-action…, combien d'ateliers… » is one question)
  const comma = COMMA_QUESTION.exec(question);
  return comma && valueTypeOf(question.slice(0, comma.index)) ? [question.slice(0, comma.index), question.slice(comma.index + comma[0].length)] : [question];
}

/** Kinds of value a sheet may state outside the field the question names: a date, a length, a rhythm. */
const VALUE_WITHIN_FIELD = new Set(["date", "duration", "frequency"]);

/** "Any others?": the answer to the question asked before, less the sheets its answer gave; none left, nothing to add. */
function withoutGiven(decision: Decision, given: ReadonlySet<string>): Decision {
  const none: Decision = { kind: "abstain", abstention: { why: "noOthers" } };
  switch (decision.kind) {
    case "abstain":
      return decision.abstention.why === "nothing" ? none : decision;
    case "similar": {
      const near = decision.similar.near.filter((n) => !given.has(n.hit.fiche.id));
      return near.length ? { kind: "similar", similar: { reference: decision.similar.reference, near } } : none;
    }
    case "value": {
      const sheets = decision.sheets.filter((r) => !given.has(r.ficheId));
      const passages = decision.passages.filter((p) => !given.has(p.chunk.ficheId));
      return sheets.length && passages.length ? { kind: "value", sheets, passages } : none;
    }
    case "list": {
      const sheets = decision.sheets.filter((r) => !given.has(r.ficheId));
      return sheets.length ? { kind: "list", sheets } : none;
    }
    default: {
      const sheets = decision.sheets.filter((r) => !given.has(r.ficheId));
      return sheets.length ? { kind: decision.kind, sheets } : none;
    }
  }
}

export function decideAnswer(ctx: QueryContext, ranked: RankedFiche[]): Decision {
  const decision = decideFor(ctx, ranked);
  return ctx.exclude ? withoutGiven(decision, ctx.exclude) : decision;
}

function decideFor(ctx: QueryContext, ranked: RankedFiche[]): Decision {
  const refusal = abstention(ctx, ranked);
  if (refusal) return { kind: "abstain", abstention: refusal };
  switch (ctx.intent.kind) {
    case "similar": {
      const similar = similarSheets(ctx, ranked, TUNING.similar.count);
      return similar ? { kind: "similar", similar } : { kind: "abstain", abstention: { why: "nothing" } };
    }
    case "list": {
      // "Où se tenait le forum santé de Montreuil ?": where, about a city's own action, asks a place, not which cities; so
      // does "Where does it take place?" about the one sheet a follow-up is about
      if ((ctx.cities.length > 0 || ctx.scope?.size === 1) && WHERE.test(ctx.question)) {
        const place = valueDecision(ctx, ranked);
        if (place) return place;
      }
      const sheets = selectListSheets(ctx, ranked);
      return sheets.length ? { kind: "list", sheets } : { kind: "abstain", abstention: { why: "nothing" } };
    }
    case "field": {
      // "…called, and how long does it last?": two values asked, one of them in no field of the form, are each found where
      // the sheet states it ("…cost per year, and who paid for it?" has a field for each: budget, funders); so is a count,
      // which no field of the form holds, whatever words of a field it counts ("how many contact cards…": no contact asked)
      const parts = askedParts(ctx.question);
      if (parts.length > 1 && parts.some((part) => detectIntent(part).fields.length === 0 || valueTypeOf(part)?.fields.length === 0)) {
        const values = valueDecision(ctx, ranked);
        if (values) return values;
      }
      const sheets = selectFieldSheets(ctx, ranked);
      // the asked field is empty or missing: the value may still be written elsewhere in the sheet (in those sheets:
      // another's value is no answer about them)
      const filledIn = (fields: readonly string[]) => sheets.some((r) => (ctx.index.chunksByFiche.get(r.ficheId) ?? []).some((c) => fields.includes(c.field) && !isPlaceholder(c.text)));
      // an amount asked ("how much money…", which asks the funders' field too) that the sheets leave blank is not given: who
      // funds them is no amount
      const amountFields = ctx.intent.fields.filter((f) => AMOUNT_FIELDS.has(f));
      const type = valueTypeOf(ctx.question);
      const amountAsked = amountFields.length > 0 && (amountFields.length === ctx.intent.fields.length || type?.kind === "amount");
      if (!filledIn(ctx.intent.fields) || (amountAsked && !filledIn(amountFields))) {
        const found = valueDecision(ctx, sheets);
        if (found) return found;
        if (amountAsked) return { kind: "abstain", abstention: { why: "notGiven", ficheIds: sheets.map((r) => r.ficheId) } };
        return { kind: "field", sheets };
      }
      const funder = amountAsked ? funderShareNotGiven(ctx, sheets.map((r) => r.ficheId)) : undefined;
      if (funder) return { kind: "abstain", abstention: { why: "notGiven", ficheIds: sheets.map((r) => r.ficheId), funder } };
      // "Who picked up the bill for the facilitator?": a filled field that holds no value of the kind asked (« Mise à
      // disposition » names no body) leaves the value to the sentence that states it ("Coût de l'intervenante pris en charge par le CNRA-CLSM")
      const statesIt = (text: string) => !!type && new RegExp(type.shape.source, type.shape.flags.replace("g", "")).test(text);
      if (type?.kind === "organisation" && sheets.length === 1 && (!ctx.scope || ctx.scope.size === 1)) {
        const asked = (ctx.index.chunksByFiche.get(sheets[0].ficheId) ?? []).filter((c) => ctx.intent.fields.includes(c.field) && !isPlaceholder(c.text));
        if (!asked.some((c) => statesIt(c.text))) {
          const elsewhere = valueDecision(ctx, sheets);
          if (elsewhere?.kind === "value" && elsewhere.passages.some((p) => statesIt(p.chunk.text.slice(p.start, p.end)))) return elsewhere;
        }
      }
      // "quand a eu lieu le colloque…": the period field dates the action; an event within it is dated where the sheet tells of it
      // so is a session's length or how often partners meet ("À quel rythme les partenaires… se retrouvent-ils ?": the
      // partners are who meets, the rhythm what is asked)
      const kind = valueTypeOf(ctx.question)?.kind;
      const value = sheets.length === 1 && (!ctx.scope || ctx.scope.size === 1) && kind && VALUE_WITHIN_FIELD.has(kind) ? valueDecision(ctx, sheets) : undefined;
      if (value?.kind === "value" && !ctx.intent.fields.includes(value.passages[0].chunk.field)) return value;
      return { kind: "field", sheets };
    }
    default: {
      const whoDoes = WHO_DOES.test(ctx.question) && ctx.cities.length === 0 && !ctx.filter && !ctx.scope;
      // "Who does relationships and sex education work?": a question quoting a sheet's title asks who there does it first;
      // when that sheet names no one, who does it is who in the network does (a list), as for a question quoting no title
      const quotesTitle = whoDoes && namesOneSheet(ctx, ranked);
      if (whoDoes && !quotesTitle) {
        const sheets = selectListSheets(ctx, ranked);
        if (sheets.length > 0) return { kind: "list", sheets };
      }
      const value = valueDecision(ctx, ranked);
      // (an amount found where a funder's share was asked is the total: « Combien l'ARS a-t-elle apporté… ? »)
      const funder = value?.kind === "value" && valueTypeOf(ctx.question)?.kind === "amount" ? funderShareNotGiven(ctx, [value.sheets[0].ficheId]) : undefined;
      if (value?.kind === "value" && funder) return { kind: "abstain", abstention: { why: "notGiven", ficheIds: [value.sheets[0].ficheId], funder } };
      if (value) return value;
      if (quotesTitle) {
        const sheets = selectListSheets(ctx, ranked);
        if (sheets.length > 0) return { kind: "list", sheets };
      }
      // "Que fait Lille pour la santé mentale ?": a city and nothing specific asks for its actions, listed
      if (ctx.cities.length > 0 && !ctx.scope && listConcepts(ctx).length === 0) {
        const sheets = selectListSheets(ctx, ranked);
        if (sheets.length > 0) return { kind: "list", sheets };
      }
      return { kind: "general", sheets: selectGeneralSheets(ctx, ranked) };
    }
  }
}
