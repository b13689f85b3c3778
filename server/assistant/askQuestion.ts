// POST /api/ask's verb, as its four stages: understand the question once, retrieve and rank
// sheets, decide what kind of answer they support, compose it with citations.
import { composeAnswer, keepFirstCitations } from "./compose/composeAnswer.ts";
import { toCard } from "./compose/passage.ts";
import { MESSAGES } from "./compose/messages.ts";
import { decideAnswer } from "./decide/decideAnswer.ts";
import { suggestSheets } from "./decide/suggestSheets.ts";
import { DENSE_FALLBACK_NOTICE } from "./retrieve/embedQuery.ts";
import { rankForQuestion } from "./retrieve/rankForQuestion.ts";
import { rerankByEvidence } from "./decide/rerankByEvidence.ts";
import type { Corpus } from "./understand/queryContext.ts";
import { understandQuestion } from "./understand/understandQuestion.ts";
import type { AskRequest, AskResult } from "./types.ts";
import { CHOOSING_AMONG, withTopicCandidates } from "./followUpCandidates.ts";

export async function askQuestion(corpus: Corpus, req: AskRequest): Promise<AskResult> {
  const started = performance.now();
  let question = understandQuestion(corpus, req);
  // « Parmi elles, lesquelles… »: among what the last question was about, not only what its answer found of it
  const among = await withTopicCandidates(corpus, req, question);
  if (among) question = understandQuestion(corpus, among);
  let ranked = rerankByEvidence(question, await rankForQuestion(question), true);
  let decision = decideAnswer(question, ranked);
  // "Et la soirée d'info pour les médecins libéraux, elle a réuni combien de monde ?": a follow-up none of the last
  // answer's sheets deals with, and which does not choose among them, is asked of every sheet, the answer saying so first
  let widened = false;
  if (decision.kind === "abstain" && decision.abstention.why === "noneInScope" && question.intent.kind !== "list" && !CHOOSING_AMONG.test(req.question)) {
    const { history: _, ...fresh } = req;
    const everySheet = understandQuestion(corpus, fresh);
    const everyRanked = rerankByEvidence(everySheet, await rankForQuestion(everySheet));
    const everyDecision = decideAnswer(everySheet, everyRanked);
    if (everyDecision.kind !== "abstain") [question, ranked, decision, widened] = [everySheet, everyRanked, everyDecision, true];
  }
  const composed = composeAnswer(question, decision);
  const { answer, citations } = keepFirstCitations(widened ? { answer: `${MESSAGES[question.lang].outsideScope}\n${composed.answer}`, citations: composed.citations } : composed, req.k);
  const citedIds = [...new Set(citations.map((c) => c.ficheId))];
  const suggested = decision.kind === "abstain" ? await suggestSheets(corpus, req, decision.abstention, ranked) : [];
  const suggestions = suggested.map((id) => corpus.index.ficheById.get(id)!).map((f) => ({ ficheId: f.id, city: f.city, title: f.title }));
  const result: AskResult = {
    answer: suggestions.length ? `${answer}\n${MESSAGES[question.lang].suggestionsNote}` : answer,
    // "Que fait Lille… ?" is answered as a list: the answer's shape, which the chat page renders by
    intent: citations.length ? (decision.kind === "list" ? "list" : question.intent.kind) : "none",
    lang: question.lang,
    citations,
    fiches: citedIds.map((id) => toCard(corpus.index.ficheById.get(id)!)),
    embedder: corpus.index.manifest.embedder.id,
    tookMs: Math.round(performance.now() - started),
  };
  // added after, not spread in (`...(cond ? { x } : {})`): V8's copies of spread objects kept what they point to
  // alive through young-generation collections (compose/passage.ts); the keys come in the same order
  if (suggestions.length) result.suggestions = suggestions;
  if (question.denseFallback) result.notice = DENSE_FALLBACK_NOTICE[question.lang];
  return result;
}
