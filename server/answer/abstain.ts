// When the corpus cannot support an answer, the assistant says so and cites nothing:
// - the question names a place (a capitalised name after "ville de", "à", "in"…) that no
//   sheet mentions anywhere;
// - the question's specific terms (rare in the corpus, or absent from it) are mostly absent
//   from the best sheet: the topic is not in the collection.
import { fold } from "../../ingest/fold.ts";
import type { CorpusStats } from "../retrieval/corpusStats.ts";
import { idf } from "../retrieval/corpusStats.ts";

const PLACE = /\b(?:ville de|commune de|métropole de|city of|town of|à|au|in|at|from|de|d['’])\s*(\p{Lu}[\p{Ll}\p{Lu}-]{2,})/gu;
const POSSESSIVE = /\b(\p{Lu}[\p{Ll}-]{2,})['’]s\b/gu;

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

/** Share of the question's specific terms present in a sheet, idf-weighted (1 when none is specific). */
export function specificCoverage(
  terms: string[],
  ficheTerms: Set<string> | undefined,
  stats: CorpusStats,
  opts: { includeUnknown?: boolean } = {},
): { coverage: number; missing: string[] } {
  const specific = terms.filter((t) => t.length >= 3 && (stats.df.get(t) ?? 0) / stats.chunkCount < 0.12 && (opts.includeUnknown || stats.df.has(t)));
  if (specific.length === 0) return { coverage: 1, missing: [] };
  let total = 0;
  let found = 0;
  const missing: string[] = [];
  for (const t of new Set(specific)) {
    const w = idf(stats, t);
    total += w;
    if (ficheTerms?.has(t)) found += w;
    else missing.push(t);
  }
  return { coverage: found / total, missing };
}

/**
 * A term no sheet uses, not even as a variant the stemmer missed ("forment" beside "former"):
 * no word of the corpus starts with its first five letters.
 */
function trulyUnknown(term: string, stats: CorpusStats): boolean {
  if (term.length < 4 || stats.df.has(term)) return false;
  const prefix = term.slice(0, 5);
  for (const w of stats.words) if (w.startsWith(prefix)) return false;
  return true;
}

/** The topic is absent when some specific term is unknown to the corpus and the best sheet covers little of the rest. */
export function topicAbsent(terms: string[], topFicheTerms: Set<string> | undefined, stats: CorpusStats): boolean {
  if (!terms.some((t) => trulyUnknown(t, stats))) return false;
  return specificCoverage(terms, topFicheTerms, stats, { includeUnknown: true }).coverage < 0.5;
}
