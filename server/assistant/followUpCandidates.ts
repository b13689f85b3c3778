// « Parmi elles, lesquelles… », "Which of those…": a follow-up choosing among the last answer's sheets chooses among what
// the last question was about. That answer may have missed some of them (a list's recall is not 1), and the choice could
// never bring them back; so the sheets retrieval ranks best for the last question join the ones its answer cited, and
// the follow-up's own concepts decide among them all.
import { rankForQuestion } from "./retrieve/rankForQuestion.ts";
import { detectIntent } from "./understand/detectIntent.ts";
import type { Corpus, QueryContext } from "./understand/queryContext.ts";
import { understandQuestion } from "./understand/understandQuestion.ts";
import { TUNING } from "./tuning.ts";
import type { AskRequest } from "./types.ts";

/** "Which of those…", « Parmi elles, lesquelles… », « lesquelles… »: a follow-up choosing among the last answer's sheets. */
export const CHOOSING_AMONG = /\b(?:which of|of (?:those|them|these)|among (?:those|them|these)|lesquel(?:le)?s|laquelle|lequel|parmi)\b/iu;

const { topicCandidates, topicRelativeScore } = TUNING.understand;

/**
 * The request with its last cited turn holding also the last question's best-ranked sheets, or undefined when the
 * follow-up is no list choosing among them. Not for a choice by an administrative field ("lesquelles ont un budget
 * chiffré ?", "which were funded by the ARS?"): most sheets state one, so it would keep every sheet added whatever it is
 * about (tuning.ts understand.topicCandidates). Nor after a follow-up, whose words do not say what it was about.
 */
export async function withTopicCandidates(corpus: Corpus, req: AskRequest, question: QueryContext): Promise<AskRequest | undefined> {
  if (!question.scope || question.intent.kind !== "list" || question.intent.fields.length > 0 || !CHOOSING_AMONG.test(req.question)) return undefined;
  const history = req.history ?? [];
  const cited = history.findLastIndex((t) => t.role === "assistant" && !!t.ficheIds?.length);
  if (cited < 0) return undefined;
  const asked = history.slice(0, cited).findLast((t) => t.role === "user");
  if (!asked || detectIntent(asked.content).followUp) return undefined;
  const topic = understandQuestion(corpus, req.filters ? { question: asked.content, filters: req.filters } : { question: asked.content });
  const ranked = (await rankForQuestion(topic)).filter((r) => corpus.index.ficheById.get(r.ficheId)?.kind === "fiche");
  const best = ranked[0]?.score ?? 0;
  const added = ranked.filter((r) => r.score >= best * topicRelativeScore).slice(0, topicCandidates).map((r) => r.ficheId);
  const turns = history.map((t, i) => (i === cited ? { role: t.role, content: t.content, ficheIds: [...new Set([...t.ficheIds!, ...added])] } : t));
  return { ...req, history: turns };
}
