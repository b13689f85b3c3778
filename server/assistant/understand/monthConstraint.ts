// A month a list question bounds actions to: "which actions took place in April 2023?", "quelles
// actions en avril 2023 ?". Answered by the sheets whose text dates something in that month of
// that year ("du 25 au 28 avril 2023", "En 2023 du 3 au 16 avril"), whatever their period says.
import { fold } from "../../../ingest/text/index.ts";

export interface MonthBound {
  /** the month as the sheets write it (French, folded) */
  month: string;
  year: string;
}

const FRENCH = ["janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre", "octobre", "novembre", "decembre"];
const ENGLISH = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

// "in April 2023", "en avril 2023", "au mois d'avril 2023", "April of 2023"; English "may" only capitalised
const MONTH_YEAR = new RegExp(`(?<![\\p{L}])(${[...FRENCH, ...ENGLISH].join("|")})(?:\\s+(?:of|de|d'))?\\s+((?:19|20)\\d{2})\\b`, "iu");

export function monthBoundOf(question: string): MonthBound | undefined {
  const m = MONTH_YEAR.exec(fold(question).replace(/’/g, "'"));
  if (!m) return undefined;
  const word = m[1].toLowerCase();
  // "may 2023" as a modal is not a date: the month is written with its capital in an English question
  if (word === "may" && !/\bMay\s/.test(question)) return undefined;
  const at = ENGLISH.indexOf(word);
  return { month: at >= 0 ? FRENCH[at] : word, year: m[2] };
}

/** Whether a passage dates something in the month: the month and the year both written in it. */
export function datesMonth(text: string, bound: MonthBound): boolean {
  const t = fold(text);
  return new RegExp(`(?<![\\p{L}])${bound.month}(?![\\p{L}])`, "u").test(t) && new RegExp(`\\b${bound.year}\\b`).test(t);
}
