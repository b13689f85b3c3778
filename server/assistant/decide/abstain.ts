// When the corpus cannot support an answer, the assistant says so and cites nothing:
// - the question names a place (a capitalised name after "ville de", "à", "in"…) that no
//   sheet mentions anywhere;
// - one of the question's concepts exists nowhere in the corpus and the best sheet covers
//   less than half of the specific concepts the corpus does know (or there are none): the
//   topic is not in the collection. A question whose known part is well answered is answered
//   even if one of its words is unknown ("cofinancées par la CAF").
import { fold } from "../../../ingest/fold.ts";
import type { CorpusStats } from "../retrieve/corpusStats.ts";
import { conceptCoverage, isSpecific, type Concept } from "../understand/concepts.ts";

const PLACE = /\b(?:ville de|commune de|métropole de|city of|town of|à|au|in|at|from|de|d['’])\s+(\p{Lu}[\p{Ll}\p{Lu}-]{2,})/gu;
const POSSESSIVE = /\b(\p{Lu}[\p{Ll}-]{2,})['’]s\b/gu;
const MIN_COVERAGE = 0.5;

/** A place the question names that appears nowhere in the corpus, if any. */
export function unknownPlace(question: string, stats: CorpusStats): string | undefined {
  for (const re of [PLACE, POSSESSIVE]) {
    for (const m of question.matchAll(re)) {
      const parts = fold(m[1]).split("-").filter(Boolean);
      if (parts.length && parts.every((p) => !stats.words.has(p))) return m[1];
    }
  }
  return undefined;
}

export function topicAbsent(concepts: Concept[], topFicheTerms: Set<string> | undefined, stats: CorpusStats): boolean {
  if (!concepts.some((c) => c.unknown)) return false;
  const known = concepts.filter((c) => !c.unknown && isSpecific(c, stats));
  return known.length === 0 || conceptCoverage(known, topFicheTerms, stats) < MIN_COVERAGE;
}
