// Stage 3 of the pipeline: what kind of answer the ranked sheets support, and over which sheets.
// Abstention comes first; then the question's intent picks the selection.
import type { QueryContext } from "../understand/queryContext.ts";
import type { RankedFiche } from "../retrieve/rankFiches.ts";
import { TUNING } from "../tuning.ts";
import { abstention, type Abstention } from "./abstain.ts";
import { findValue, isPlaceholder, lookupSheet, type ValuePassage } from "./findValue.ts";
import { selectFieldSheets } from "./selectFieldSheets.ts";
import { valueTypeOf } from "../understand/valueType.ts";
import { selectListSheets, type ListedSheet } from "./selectListSheets.ts";
import { similarSheets, type SimilarSheets } from "./similarSheets.ts";

export type Decision =
  | { kind: "abstain"; abstention: Abstention }
  | { kind: "similar"; similar: SimilarSheets }
  | { kind: "list"; sheets: ListedSheet[] }
  | { kind: "field" | "general"; sheets: RankedFiche[] }
  | { kind: "value"; sheet: RankedFiche; passages: ValuePassage[] };

/** A general answer quotes the top sheets that score near the best one. */
function selectGeneralSheets(ranked: RankedFiche[]): RankedFiche[] {
  const top = ranked[0]?.score ?? 0;
  return ranked.slice(0, TUNING.decide.generalMaxSheets).filter((r) => r.score >= top * TUNING.decide.generalRelativeScore);
}

/** A question that wants a value of some kind, answered by the sentences of its sheet that hold one. */
function valueDecision(ctx: QueryContext, ranked: RankedFiche[]): Decision | undefined {
  const type = valueTypeOf(ctx.question);
  const sheet = type && lookupSheet(ctx, ranked);
  if (!type || !sheet) return undefined;
  const passages = findValue(ctx, sheet, type);
  return passages.length ? { kind: "value", sheet, passages } : undefined;
}

export function decideAnswer(ctx: QueryContext, ranked: RankedFiche[]): Decision {
  const refusal = abstention(ctx, ranked);
  if (refusal) return { kind: "abstain", abstention: refusal };
  switch (ctx.intent.kind) {
    case "similar": {
      const similar = similarSheets(ctx, ranked, TUNING.similar.count);
      return similar ? { kind: "similar", similar } : { kind: "abstain", abstention: { why: "nothing" } };
    }
    case "list": {
      const sheets = selectListSheets(ctx, ranked);
      return sheets.length ? { kind: "list", sheets } : { kind: "abstain", abstention: { why: "nothing" } };
    }
    case "field": {
      const sheets = selectFieldSheets(ctx, ranked);
      // the asked field is empty or missing: the value may still be written elsewhere in the sheet
      const filled = sheets.some((r) => ctx.index.chunks.some((c) => c.ficheId === r.ficheId && ctx.intent.fields.includes(c.field) && !isPlaceholder(c.text)));
      return filled ? { kind: "field", sheets } : (valueDecision(ctx, ranked) ?? { kind: "field", sheets });
    }
    default:
      return valueDecision(ctx, ranked) ?? { kind: "general", sheets: selectGeneralSheets(ranked) };
  }
}
