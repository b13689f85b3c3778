// Closest sheets for an abstention: offered apart from the answer, never as its citations.
// Outside the filters, they are the sheets the same question would cite without them.
import type { Corpus } from "../understand/queryContext.ts";
import { understandQuestion, type QuestionInput } from "../understand/understandQuestion.ts";
import { rankForQuestion } from "../retrieve/rankForQuestion.ts";
import type { RankedFiche } from "../retrieve/rankFiches.ts";
import { TUNING } from "../tuning.ts";
import type { Abstention } from "./abstain.ts";
import { decideAnswer } from "./decideAnswer.ts";

const { suggestions: MAX } = TUNING.decide;

export async function suggestSheets(corpus: Corpus, input: QuestionInput, abstention: Abstention, ranked: RankedFiche[]): Promise<string[]> {
  // (nor when the sheets already given are all there is: they are the closest)
  if (abstention.why === "unknownPlace" || abstention.why === "noneInScope" || abstention.why === "noOthers") return [];
  // an amount the sheets asked about leave blank: they are the closest sheets, offered apart from the answer
  if (abstention.why === "notGiven") return abstention.ficheIds.slice(0, MAX);
  // not in the cities named: the closest sheets are those of other cities
  if (abstention.why === "notInCity") return ranked.filter((r) => !abstention.cities.includes(corpus.index.ficheById.get(r.ficheId)?.city ?? "")).slice(0, MAX).map((r) => r.ficheId);
  if (abstention.why !== "noneInFilters") return ranked.slice(0, MAX).map((r) => r.ficheId);
  const { filters: _dropped, ...unfiltered } = input;
  const question = understandQuestion(corpus, unfiltered);
  const decision = decideAnswer(question, await rankForQuestion(question));
  if (decision.kind === "abstain") return [];
  const ids =
    decision.kind === "similar" ? decision.similar.near.map((n) => n.hit.fiche.id) : decision.kind === "value" ? decision.sheets.map((r) => r.ficheId) : decision.sheets.map((r) => r.ficheId);
  return ids.slice(0, MAX);
}
