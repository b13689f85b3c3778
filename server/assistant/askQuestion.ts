// POST /api/ask's verb, as its four stages: understand the question once, retrieve and rank
// sheets, decide what kind of answer they support, compose it with citations.
import { composeAnswer, keepFirstCitations } from "./compose/composeAnswer.ts";
import { toCard } from "./compose/passage.ts";
import { decideAnswer } from "./decide/decideAnswer.ts";
import { DENSE_FALLBACK_NOTICE } from "./retrieve/embedQuery.ts";
import { rankForQuestion } from "./retrieve/rankForQuestion.ts";
import type { Corpus } from "./understand/queryContext.ts";
import { understandQuestion } from "./understand/understandQuestion.ts";
import type { AskRequest, AskResult } from "./types.ts";

export async function askQuestion(corpus: Corpus, req: AskRequest): Promise<AskResult> {
  const started = performance.now();
  const question = understandQuestion(corpus, req);
  const ranked = await rankForQuestion(question, "ask");
  const decision = decideAnswer(question, ranked);
  const { answer, citations } = keepFirstCitations(composeAnswer(question, decision), req.k);
  const citedIds = [...new Set(citations.map((c) => c.ficheId))];
  return {
    answer,
    intent: citations.length ? question.intent.kind : "none",
    lang: question.lang,
    citations,
    fiches: citedIds.map((id) => toCard(corpus.index.ficheById.get(id)!)),
    embedder: corpus.index.manifest.embedder.id,
    tookMs: Math.round(performance.now() - started),
    ...(question.denseFallback ? { notice: DENSE_FALLBACK_NOTICE[question.lang] } : {}),
  };
}
