// The corpus cities a question sets aside: « hors Lille et Caen », "apart from Caen and Lille", "other than Lille",
// « en dehors de Poitiers ». A list asked that way is about every other city: the cities named after the marker bound
// nothing, their sheets are left out, and the words setting them aside are no topic (general French and English).
import type { Fiche } from "../../../ingest/types.ts";
import { citiesNamed } from "./queryContext.ts";

/** What sets the following cities aside, in either language, whatever its case. */
const MARKER = /(?<![\p{L}])(?:hors|en dehors|sauf|except[ée]?|à part|autres? qu[e'’]|outside(?: of)?|except(?: for)?|other than|besides|apart from|aside from|not in|excluding)(?![\p{L}])/giu;

/** What may join or open the names set aside: articles, prepositions, coordination (« hors de Lille et de Caen », "apart from Caen and Lille"). */
const LINK = /^(?:de|d['’]|du|des|la|le|les|l['’]|à|a|au|of|the|in|et|and|ou|or|ni|nor|,)$/iu;

export interface SetAside {
  /** the corpus cities set aside, in the order named */
  cities: string[];
  /** the question without the markers and the names they set aside */
  rest: string;
}

export function setAsideCities(question: string, fiches: readonly Fiche[]): SetAside {
  const cities: string[] = [];
  let rest = question;
  for (const m of [...question.matchAll(MARKER)].reverse()) {
    const start = m.index;
    const after = question.slice(start + m[0].length);
    // the words after the marker while they are names (capitalised) or link them; a word in small letters ends them
    // ("hors Lille forment…": "forment")
    let end = 0;
    let named = "";
    for (const token of after.matchAll(/\s*(,|[^\s,'’]+['’]?)/gu)) {
      const word = token[1];
      if (!(LINK.test(word) || /^\p{Lu}/u.test(word))) break;
      end = token.index + token[0].length;
      named += ` ${word}`;
    }
    const found = citiesNamed(named, fiches);
    if (found.length === 0) continue;
    for (const city of found) if (!cities.includes(city)) cities.unshift(city);
    rest = `${rest.slice(0, start)} ${rest.slice(start + m[0].length + end)}`;
  }
  // the commas the clause stood between, and a sentence opening on what is left of it
  rest = rest.replace(/\s+/g, " ").replace(/(?:\s*,)+\s*(?=[,?.!])/g, "").replace(/,\s*,/g, ",").replace(/^[\s,;:]+/, "").trim();
  return { cities, rest: rest.charAt(0).toUpperCase() + rest.slice(1) };
}
