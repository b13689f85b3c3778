// What the pipeline knows about one question once it is understood (understandQuestion.ts):
// every later stage reads it, none recomputes it.
import { analyze } from "../../../ingest/text/index.ts";
import { fold } from "../../../ingest/text/index.ts";
import type { Fiche } from "../../../ingest/types.ts";
import type { Lang } from "../types.ts";
import { corpusStats, type CorpusStats, type TextHolds } from "../retrieve/corpusStats.ts";
import type { LoadedIndex, PostingLists } from "../../../ingest/store/index.ts";
import type { Concept } from "./concepts.ts";
import type { RankedFiche } from "../retrieve/rankFiches.ts";
import type { DetectedIntent } from "./detectIntent.ts";
import { TUNING } from "../tuning.ts";

export interface QueryContext {
  index: LoadedIndex;
  stats: CorpusStats;
  question: string;
  lang: Lang;
  /** the question with its glossary expansion: what retrieval searches with */
  text: string;
  terms: string[];
  termSet: ReadonlySet<string>;
  /** what the question is about, concept by concept (see concepts.ts) */
  concepts: Concept[];
  /** acronyms the question names, which list answers must mention (see answerList.ts) */
  entities: string[];
  /** French terms of several words the question writes, from the glossary, each with its
   * alternatives: grounded whole ("demandeurs d'emploi"), they serve abstention only */
  terminology: Concept[];
  intent: DetectedIntent;
  filter?: (f: Fiche) => boolean;
  /** the caller's filters are on (a follow-up's scope aside) */
  filtered: boolean;
  /** English text the glossary translates into terms the corpus holds (a name given in English) */
  translates: (text: string) => boolean;
  /** …and one chunk holds all its translated concepts together: what grounds a name of several words translated word by word */
  translatesTogether: (text: string) => boolean;
  /** whether a general lexicon (Hunspell French, WordNet, FreeDict eng-fra) knows the word at all; with none loaded, yes */
  knowsWord: (word: string) => boolean;
  /** whether an English word is a general one, of many uses (wordClasses.ts manyUses); with no lexicon, no */
  generalWord: (word: string) => boolean;
  /** whether a word is a given name (wordClasses.ts givenName); undefined with no lexicon to tell */
  givenName: (word: string) => boolean | undefined;
  /** corpus cities the question names */
  cities: string[];
  /** a follow-up's scope: the sheets the previous answer cited */
  scope?: ReadonlySet<string>;
  /** a similar question asked after an answer, naming no sheet ("D'autres villes font-elles des choses comparables ?"):
   * the sheet that answer put first, the one it is similar to */
  similarTo?: string;
  /** the most citations the caller wants (AskRequest.k) */
  k?: number;
  /** set by retrieval when the question could not be embedded: why the ranking is BM25's alone */
  denseFallback?: string;
  /** set by the evidence re-rank: the sheets in retrieval's order, before it. Whether the corpus covers the question at
   * all is judged on these (decide/abstain.ts): a re-rank ordering the answer's sheets must not decide abstention
   * (at weight 2 it had answered blind3 f-29's and the probes' a-20's unanswerable questions). */
  retrieved?: readonly RankedFiche[];
  /** sheets the answer leaves out, once decided ("Any others?": those the last answer gave) */
  exclude?: ReadonlySet<string>;
}

/** Language and search text of a question; `added` are the glossary's French terms for an English one.
 * `language`, where given, is the language alone (the same as `expand(question).lang`, without the expansion). */
export type ExpandQuery = ((
  question: string,
  lang?: Lang,
) => {
  lang: Lang;
  expanded: string;
  added: string[];
  concepts: string[][];
  /** per concept, the question's words it comes from (English) */
  labels?: string[];
  /** English words outside the glossary, each with its dictionary translations: a concept only when the corpus holds none of them */
  dictionaryWords?: string[][];
  /** English acronyms outside the glossary ("CUMP", "IPS"), as written: names, whether a dictionary translates them or not */
  acronyms?: string[];
  /** French glossary terms of several words the question writes, each with its entry's alternatives (grounding only) */
  frenchTerms?: string[][];
  /** French glossary terms of one word the question writes, each then its entry's other French terms (synonyms) */
  frenchSynonyms?: string[][];
  /** those of `frenchSynonyms` whose glossary entry says its terms are one meaning (a word of it no sheet writes is grounded by the others) */
  sameMeaning?: string[][];
}) & {
  language?: (question: string) => Lang;
  /** whether a word the corpus never writes says how the question is put (a verb, an adverb) rather than what about: wordClasses.ts */
  asksHow?: (word: string, lang: Lang) => boolean;
  /** whether a word has a verb use at all (wordClasses.ts canBeVerb) */
  canBeVerb?: (word: string, lang: Lang) => boolean;
  /** whether a general lexicon knows the word: an accent put back must give a word ("remis", not "remîs") */
  isWord?: (word: string, lang: Lang) => boolean;
  /** whether any general lexicon knows the word, in either language (a name is a word none of them knows) */
  knowsWord?: (word: string) => boolean;
  /** whether a word has many uses in its language's lexicon (wordClasses.ts): a general word, not the name of one thing */
  manyUses?: (word: string, lang: Lang) => boolean;
  /** whether a word is a given name (wordClasses.ts givenName): "Henri" of "Henri Laborit" */
  givenName?: (word: string) => boolean;
  /** reads now what the first question would otherwise read (the general lexicons, ~0.3 s): a server does it before it is ready */
  prepare?: () => void;
};

/** What understanding a question needs, built once per index. */
export interface Corpus {
  index: LoadedIndex;
  stats: CorpusStats;
  expand: ExpandQuery;
}

/**
 * French demonyms by their regular suffixes: Lille → lillois(es), Nantes → nantais, Caen →
 * caennais(es), Grenoble → grenoblois. Irregular ones (Metz → messin) are not recognised.
 */
const DEMONYM_SUFFIXES = ["ois", "oise", "ais", "aise", "ien", "ienne", "in", "ine", "ain", "aine"];

/** The stem a city's demonyms start with, if its name is one plain word of four letters or more once its ending is dropped. */
function demonymStem(city: string): string | undefined {
  const folded = fold(city);
  if (!/^[a-z]+$/.test(folded)) return undefined;
  const stem = folded.replace(/(es|e|s)$/, "");
  return stem.length < 4 ? undefined : stem;
}

/** A city's folded words, the way a question's are split: ` saint denis ` in ` … saint denis … `. */
const spacedWords = (s: string) => ` ${fold(s).replace(/[^a-z0-9]+/g, " ")} `;

/**
 * The corpus's distinct cities, once per sheet list: looked up by a question's words (a name by
 * its first word, a demonym by its stem) instead of tested one by one, since a national corpus
 * has thousands of cities (the ×100 profile: 17% of a question's CPU in the scan).
 */
interface CityIndex {
  cities: string[];
  /** city positions by the first word of their name */
  byFirstWord: Map<string, { at: number; words: string[] }[]>;
  /** city positions by their demonym stem */
  byStem: Map<string, number[]>;
  /** a hyphenated town's short first part ("Bourg" of Bourg-en-Bresse), a common noun too: the town only capitalised inside a sentence */
  capitalisedHeads: { at: number; head: RegExp }[];
  /** names whose folded form is not plain words between single spaces, tested as a whole */
  irregular: { at: number; spaced: string }[];
}
const cityIndexes = new WeakMap<readonly Fiche[], CityIndex>();

function cityIndexOf(fiches: readonly Fiche[]): CityIndex {
  const known = cityIndexes.get(fiches);
  if (known) return known;
  const index: CityIndex = { cities: [...new Set(fiches.map((f) => f.city))], byFirstWord: new Map(), byStem: new Map(), capitalisedHeads: [], irregular: [] };
  index.cities.forEach((city, at) => {
    const spaced = spacedWords(city);
    if (/^ (?:[a-z0-9]+ )+$/.test(spaced)) {
      const words = spaced.trim().split(" ");
      index.byFirstWord.get(words[0])?.push({ at, words }) ?? index.byFirstWord.set(words[0], [{ at, words }]);
      // a hyphenated town is often called by its first part ("Boulogne" for Boulogne-Billancourt), when
      // that part is a name of its own length, not a common word ("Bourg" of Bourg-en-Bresse)
      const head = fold(city).split("-")[0];
      if (city.includes("-") && head.length >= TUNING.understand.cityHeadMinChars && head === words[0]) index.byFirstWord.get(head)!.push({ at, words: [head] });
      else if (city.includes("-") && head === words[0] && head.length >= 3) {
        const written = city.split("-")[0];
        index.capitalisedHeads.push({ at, head: new RegExp(`(?<=[\\p{L}\\p{N},;:'’]\\s+)${written.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\p{L}\\p{N}-])`, "u") });
      }
    } else index.irregular.push({ at, spaced });
    const stem = demonymStem(city);
    if (stem) index.byStem.get(stem)?.push(at) ?? index.byStem.set(stem, [at]);
  });
  cityIndexes.set(fiches, index);
  return index;
}

/** The stems a word would have as a demonym: the word less a suffix, and less a doubled last letter ("caenn-aises"). */
function demonymStems(word: string): string[] {
  const out: string[] = [];
  for (const suffix of DEMONYM_SUFFIXES) {
    for (const ending of [suffix, `${suffix}s`]) {
      if (!word.endsWith(ending)) continue;
      const rest = word.slice(0, -ending.length);
      out.push(rest);
      if (rest.length >= 2 && rest.at(-1) === rest.at(-2)) out.push(rest.slice(0, -1));
    }
  }
  return out;
}

/** Corpus cities the question names, by name or by demonym ("actions lilloises"), in the corpus's order. */
export function citiesNamed(question: string, fiches: readonly Fiche[]): string[] {
  const index = cityIndexOf(fiches);
  const q = spacedWords(question);
  const words = q.split(" ").filter(Boolean);
  const found = new Set<number>();
  // where each city is named, by its name or its demonym: "la métropole lilloise" may be a metropolitan body of the corpus
  const namedAt: { at: number; i: number }[] = [];
  words.forEach((word, i) => {
    for (const { at, words: name } of index.byFirstWord.get(word) ?? []) if (name.every((w, j) => words[i + j] === w)) (found.add(at), namedAt.push({ at, i }));
    for (const stem of demonymStems(word)) for (const at of index.byStem.get(stem) ?? []) (found.add(at), namedAt.push({ at, i }));
  });
  for (const { at, spaced } of index.irregular) if (q.includes(spaced)) found.add(at);
  // "à Bourg", "Bourg's": the short name as a name, capitalised after another word (a sentence may open on "Bourg…")
  for (const { at, head } of index.capitalisedHeads) if (head.test(question)) found.add(at);
  // « la métropole lilloise », "the Lille metropolitan area": a city named beside the word for a metropolis is the
  // metropolitan body whose name holds both (« Métropole Européenne de Lille »), when the corpus has one
  for (const { at, i } of namedAt) {
    const before = words[i - 1] === "de" || words[i - 1] === "of" ? words[i - 2] : words[i - 1];
    if (![before, words[i + 1]].some((w) => w !== undefined && METROPOLIS.test(w))) continue;
    const city = spacedWords(index.cities[at]);
    const body = index.cities.findIndex((c, j) => j !== at && spacedWords(c).includes(city) && spacedWords(c).split(" ").some((w) => METROPOLIS.test(w)));
    if (body >= 0) (found.delete(at), found.add(body));
  }
  return [...found].sort((a, b) => a - b).map((at) => index.cities[at]);
}
/** A metropolis, folded (general French and English). */
const METROPOLIS = /^(?:metropole|metropolitaine?|metropolis|metropolitan)$/;

export function queryTerms(text: string): string[] {
  return [...new Set(analyze(text))];
}

/** Whether a chunk numbered in [from, to) holds a term in its text: a binary search in the term's text postings. */
function textHoldsOf(postings: PostingLists): TextHolds | undefined {
  const text = postings.fields.indexOf("text");
  if (text < 0) return undefined;
  return (term, from, to) => {
    const docs = postings.terms.get(term)?.[text]?.docs;
    if (!docs) return false;
    // the first document numbered from `from` or past it
    let lo = 0;
    let hi = docs.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (docs[mid] < from) lo = mid + 1;
      else hi = mid;
    }
    return lo < docs.length && docs[lo] < to;
  };
}

export function createCorpus(index: LoadedIndex, expand: ExpandQuery): Corpus {
  // the chunks holding a term, from either field of the postings (text, header)
  const chunksWith = (term: string) => index.postings.terms.get(term)?.flatMap((field) => (field ? [...field.docs] : []));
  return { index, stats: corpusStats(index.chunks, index.fiches, index.termStats, chunksWith, textHoldsOf(index.postings)), expand };
}
