// Stage 3 of the pipeline: what kind of answer the ranked sheets support, and over which sheets.
// Abstention comes first; then the question's intent picks the selection.
import type { QueryContext } from "../understand/queryContext.ts";
import type { RankedFiche } from "../retrieve/rankFiches.ts";
import { TUNING } from "../tuning.ts";
import { abstention, type Abstention } from "./abstain.ts";
import { selectFieldSheets } from "./selectFieldSheets.ts";
import { selectListSheets } from "./selectListSheets.ts";
import { similarSheets, type SimilarSheets } from "./similarSheets.ts";

export type Decision =
  | { kind: "abstain"; abstention: Abstention }
  | { kind: "similar"; similar: SimilarSheets }
  | { kind: "list" | "field" | "general"; sheets: RankedFiche[] };

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
    case "list":
      return { kind: "list", sheets: selectListSheets(ctx, ranked) };
    case "field":
      return { kind: "field", sheets: selectFieldSheets(ctx, ranked) };
    default:
      return { kind: "general", sheets: selectGeneralSheets(ranked) };
  }
}
