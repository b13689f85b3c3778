// Stage 3 of the pipeline: what kind of answer the ranked sheets support, and over which sheets.
// Abstention comes first; then the question's intent picks the selection.
import type { QueryContext } from "../understand/queryContext.ts";
import type { RankedFiche } from "../retrieve/rankFiches.ts";
import { TUNING } from "../tuning.ts";
import { abstention, type Abstention } from "./abstain.ts";
import { selectFieldSheets } from "./selectFieldSheets.ts";
import { selectListSheets, type ListedSheet } from "./selectListSheets.ts";
import { similarSheets, type SimilarSheets } from "./similarSheets.ts";

export type Decision =
  | { kind: "abstain"; abstention: Abstention }
  | { kind: "similar"; similar: SimilarSheets }
  | { kind: "list"; sheets: ListedSheet[] }
  | { kind: "field" | "general"; sheets: RankedFiche[] };

/** A general answer quotes the top sheets that score near the best one. */
function selectGeneralSheets(ranked: RankedFiche[]): RankedFiche[] {
  const top = ranked[0]?.score ?? 0;
  return ranked.slice(0, TUNING.decide.generalMaxSheets).filter((r) => r.score >= top * TUNING.decide.generalRelativeScore);
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
    case "field":
      return { kind: "field", sheets: selectFieldSheets(ctx, ranked) };
    default:
      return { kind: "general", sheets: selectGeneralSheets(ranked) };
  }
}
