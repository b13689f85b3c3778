// A time bound a list question puts on when actions started: "started in 2016 or earlier",
// "lancées avant 2020", "depuis 2019 ou après". Compared with the first year a sheet's period
// gives ("Depuis 2011", "Démarrage en 2016", "Octobre 2022 à janvier 2023").
import { fold } from "../../../ingest/text/index.ts";

export interface YearBound {
  op: "<=" | "<" | ">=" | ">" | "=";
  year: number;
}

const YEAR = "((?:19|20)\\d{2})";
const BOUNDS: [RegExp, YearBound["op"]][] = [
  [new RegExp(`${YEAR}\\s*(?:or earlier|or before|ou avant|ou plus tot|au plus tard)`), "<="],
  [new RegExp(`(?:before|avant|prior to)\\s+${YEAR}`), "<"],
  [new RegExp(`${YEAR}\\s*(?:or later|or after|ou apres|ou plus tard|and after|et apres)`), ">="],
  [new RegExp(`(?:after|apres)\\s+${YEAR}`), ">"],
  // "got under way in 2022", "lancées en 2022": a verb of starting, then the year itself (a month between would bound the month)
  [new RegExp(`\\b(?:start\\w*|began|begun|begin\\w*|launch\\w*|under ?way|kick\\w* off|initiat\\w*|demarr\\w*|lance\\w*|commenc\\w*|debut\\w*|initie\\w*)\\b[^.?!]{0,40}?\\b(?:in|en)\\s+${YEAR}\\b`), "="],
];

export function yearBoundOf(question: string): YearBound | undefined {
  const q = fold(question);
  for (const [re, op] of BOUNDS) {
    const m = re.exec(q);
    if (m) return { op, year: Number(m[1]) };
  }
  return undefined;
}

/** The first year a period text gives, if any. */
export function startYear(period: string): number | undefined {
  const m = /\b((?:19|20)\d{2})\b/.exec(period);
  return m ? Number(m[1]) : undefined;
}

export function withinBound(year: number, bound: YearBound): boolean {
  switch (bound.op) {
    case "<=":
      return year <= bound.year;
    case "<":
      return year < bound.year;
    case ">=":
      return year >= bound.year;
    case ">":
      return year > bound.year;
    case "=":
      return year === bound.year;
  }
}
