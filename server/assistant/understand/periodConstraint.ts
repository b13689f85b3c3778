// How long actions last, when a list question asks it: "one-off events lasting a few days",
// "sur un temps très court", or "ongoing", "dans la durée". Read from a sheet's period field: a
// single day or a run of days within a month ("24 mai 2023", "25 au 28 avril 2023", "Semaine du 21
// au 23 février 2023", "Action ponctuelle") is short; "depuis 2019", "Toute l'année", "Annuel",
// "Action récurrente", "Pas de date de fin prévue" is ongoing; anything else (a run of months, one
// month) is neither.
import { fold } from "../../../ingest/text/index.ts";

export type PeriodKind = "short" | "ongoing";

const MONTH = "(?:janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre)";
// not "une journée" or "une semaine" alone: "greffées sur une semaine nationale" names an event, not a duration
const SHORT_ASKED = /\b(?:one[- ]off|ponctuel\w*|(?:a|one) few days|quelques jours|(?:temps|duree) (?:tres )?courte?|courte duree|short[- ]term|short(?:[- ]lived)? events?|single[- ]day|lasting (?:a|one) (?:day|week))\b/;
const ONGOING_ASKED = /\b(?:ongoing|dans la duree|perennes?|permanente?s?|long[- ]term|year[- ]round|all year|toute l'annee|sur plusieurs annees|recurrente?s?)\b/;

/** The duration a list question asks for, if any; short first ("one-off events, rather than ongoing programmes"). */
export function periodAsked(question: string): PeriodKind | undefined {
  const q = fold(question);
  if (SHORT_ASKED.test(q)) return "short";
  if (ONGOING_ASKED.test(q)) return "ongoing";
  return undefined;
}

const ONGOING = /\b(?:depuis|toute l'annee|annuel\w*|recurrent\w*|permanent\w*|pas de date de fin|toujours en cours|tous les|par an|\d+ ans)\b/;
const SHORT = [
  /\bponctuel\w*\b/,
  new RegExp(`^\\s*(?:le\\s+)?\\d{1,2}(?:er)?\\s+${MONTH}\\s+\\d{4}\\s*$`),
  new RegExp(`\\b\\d{1,2}(?:er)?\\s*(?:au|-|–)\\s*\\d{1,2}(?:er)?\\s+${MONTH}\\b`),
];

/** What a sheet's period says of how long the action lasts, if it says. */
export function periodKind(period: string): PeriodKind | undefined {
  const p = fold(period);
  if (ONGOING.test(p)) return "ongoing";
  // "initiée en 2019 … En 2021 … En 2023 du 3 au 16 avril": a run of days within a démarche of several years is one
  // stage of it, not a one-off action
  if (new Set(p.match(/\b(?:19|20)\d{2}\b/g) ?? []).size >= 2) return undefined;
  if (SHORT.some((re) => re.test(p))) return "short";
  return undefined;
}
