// A month a list question bounds actions to: "which actions took place in April 2023?", "quelles
// actions en avril 2023 ?". Answered by the sheets whose text dates something in that month of
// that year ("du 25 au 28 avril 2023", "En 2023 du 3 au 16 avril"), whatever their period says.
import { fold } from "../../../ingest/text/index.ts";

export interface MonthBound {
  /** the months asked, as the sheets write them (French, folded): "en avril ou en mai 2023" asks two */
  months: string[];
  year: string;
}

const FRENCH = ["janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre", "octobre", "novembre", "decembre"];
const ENGLISH = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

const MONTH = `(?:${[...FRENCH, ...ENGLISH].join("|")})`;
// "in April 2023", "en avril 2023", "au mois d'avril 2023", "April of 2023", "en avril ou en mai 2023", "April, May or June 2023";
// English "may" only capitalised
const MONTH_YEAR = new RegExp(`(?<![\\p{L}])(${MONTH}(?:\\s*(?:,|\\s(?:ou|or|et|and))\\s*(?:(?:en|in)\\s+)?${MONTH})*)(?:\\s+(?:of|de|d'))?\\s+((?:19|20)\\d{2})\\b`, "iu");
const ONE_MONTH = new RegExp(`(?<![\\p{L}])${MONTH}(?![\\p{L}])`, "giu");

export function monthBoundOf(question: string): MonthBound | undefined {
  const m = MONTH_YEAR.exec(fold(question).replace(/’/g, "'"));
  if (!m) return undefined;
  // "may 2023" as a modal is not a date: the month is written with its capital in an English question
  const words = [...m[1].matchAll(ONE_MONTH)].map((w) => w[0].toLowerCase()).filter((w) => w !== "may" || /\bMay\b/.test(question));
  if (words.length === 0) return undefined;
  const months = words.map((w) => (ENGLISH.includes(w) ? FRENCH[ENGLISH.indexOf(w)] : w));
  return { months: [...new Set(months)], year: m[2] };
}

/** Whether a passage dates something in one of the months: the month and the year both written in it. */
export function datesMonth(text: string, bound: MonthBound): boolean {
  const t = fold(text);
  return bound.months.some((month) => new RegExp(`(?<![\\p{L}])${month}(?![\\p{L}])`, "u").test(t)) && new RegExp(`\\b${bound.year}\\b`).test(t);
}
