// Stage 4 of the pipeline: the decision written out as an answer whose every line ends with
// its [n] citations, in the question's language.
import type { Decision } from "../decide/decideAnswer.ts";
import type { Abstention } from "../decide/abstain.ts";
import type { QueryContext } from "../understand/queryContext.ts";
import type { Lang } from "../types.ts";
import { answerField } from "./answerField.ts";
import { answerGeneral } from "./answerGeneral.ts";
import { answerList } from "./answerList.ts";
import { answerSimilar } from "./answerSimilar.ts";
import { answerValue } from "./answerValue.ts";
import type { BuiltAnswer } from "./builtAnswer.ts";
import { MESSAGES } from "./messages.ts";

export function abstentionMessage(a: Abstention, lang: Lang, titleOf: (ficheId: string) => string): string {
  const m = MESSAGES[lang];
  if (a.why === "notGiven") return a.ficheIds.map((id) => (a.funder ? m.shareNotGiven(titleOf(id), a.funder) : m.amountNotGiven(titleOf(id)))).join("\n");
  if (a.why === "unknownPlace") return m.unknownPlace(a.place);
  if (a.why === "notCovered") return m.notCovered(a.missing);
  if (a.why === "notInCity") return m.notInCity(a.cities, a.missing);
  return m[a.why];
}

/** At most k citations: answer lines citing a later one go with it, so every [n] stays valid. */
export function keepFirstCitations(built: BuiltAnswer, k: number | undefined): BuiltAnswer {
  if (k === undefined || built.citations.length <= k) return built;
  const lines = built.answer.split("\n").filter((line) => [...line.matchAll(/\[(\d+)\]/g)].every((m) => Number(m[1]) <= k));
  return { answer: lines.join("\n"), citations: built.citations.slice(0, k) };
}

export function composeAnswer(ctx: QueryContext, decision: Decision): BuiltAnswer {
  switch (decision.kind) {
    case "abstain":
      return { answer: abstentionMessage(decision.abstention, ctx.lang, (id) => ctx.index.ficheById.get(id)?.title ?? id), citations: [] };
    case "similar":
      return answerSimilar(ctx, decision.similar);
    case "list":
      return answerList(ctx, decision.sheets);
    case "field":
      return answerField(ctx, decision.sheets);
    case "general":
      return answerGeneral(ctx, decision.sheets);
    case "value":
      return answerValue(ctx, decision.passages);
  }
}
