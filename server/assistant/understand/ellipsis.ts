// "Et à Poitiers ?", "What about Caen?" after "Quelles actions de Lille portent sur le logement ?": a follow-up made of
// a city alone asks the previous question again of that city (ellipsis: the rest is understood from what was asked),
// not for every sheet of that city, nor about the previous answer's sheets.
import { fold } from "../../../ingest/text/index.ts";
import type { Fiche } from "../../../ingest/types.ts";
import { citiesNamed } from "./queryContext.ts";
import { detectIntent } from "./detectIntent.ts";

/** Words an elliptical follow-up frames its city with (folded): "et", "à", "what about", « du côté de »… */
const FRAME_WORDS = new Set(["et", "a", "au", "aux", "en", "pour", "chez", "du", "de", "d", "cote", "la", "le", "l", "ville", "alors", "aussi", "idem", "and", "what", "how", "about", "in", "for", "at", "the", "city", "of", "then", "same", "also"]);

const words = (s: string) => fold(s).split(/[^a-z0-9]+/).filter(Boolean);

/** The one city a question names when it says nothing else; undefined otherwise. */
export function ellipticalCity(question: string, fiches: readonly Fiche[]): string | undefined {
  const cities = citiesNamed(question, fiches);
  if (cities.length !== 1) return undefined;
  const own = new Set(words(cities[0]));
  return words(question).every((w) => own.has(w) || FRAME_WORDS.has(w)) ? cities[0] : undefined;
}

/** The question a follow-up's ellipsis stands for: the last one asked that was not itself a city alone ("Et à Caen ?"
 * after "Et à Poitiers ?" asks what was asked before them both). */
export function lastTopicQuestion(asked: readonly string[], fiches: readonly Fiche[]): string | undefined {
  for (let i = asked.length - 1; i >= 0; i--) if (!ellipticalCity(asked[i], fiches)) return asked[i];
  return undefined;
}

/**
 * The previous question asked of the city an elliptical follow-up names: its own city replaced where it names one
 * ("…de Lille…" -> "…de Poitiers…"), else the city added ("Quelles villes forment aux PSSM ?" -> "… à Poitiers ?").
 * Undefined when the question is no such follow-up, or the previous one was itself a follow-up (what it asked is not
 * in its words).
 */
export function resolveEllipsis(question: string, previousQuestion: string | undefined, fiches: readonly Fiche[], lang: "fr" | "en"): string | undefined {
  if (!previousQuestion || detectIntent(previousQuestion).followUp) return undefined;
  const city = ellipticalCity(question, fiches);
  if (!city) return undefined;
  const named = citiesNamed(previousQuestion, fiches);
  let rewritten = previousQuestion;
  for (const old of named) rewritten = rewritten.replace(new RegExp(`(?<![\\p{L}])${old.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\p{L}])`, "giu"), city);
  if (rewritten !== previousQuestion) return rewritten;
  // a city the previous question names otherwise ("lilloises") is not replaced by adding another
  if (named.length > 0) return undefined;
  const where = lang === "fr" ? `à ${city}` : `in ${city}`;
  return /\s*\?\s*$/.test(previousQuestion) ? previousQuestion.replace(/\s*\?\s*$/, ` ${where} ?`) : `${previousQuestion} ${where}`;
}
