// What the pipeline knows about one question once it is understood (understandQuestion.ts):
// every later stage reads it, none recomputes it.
import { analyze } from "../../../ingest/text/index.ts";
import { fold } from "../../../ingest/text/index.ts";
import type { Fiche } from "../../../ingest/types.ts";
import type { Lang } from "../types.ts";
import { corpusStats, type CorpusStats } from "../retrieve/corpusStats.ts";
import type { LoadedIndex } from "../../../ingest/store/index.ts";
import type { Concept } from "./concepts.ts";
import type { DetectedIntent } from "./detectIntent.ts";

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
  intent: DetectedIntent;
  filter?: (f: Fiche) => boolean;
  /** the caller's filters are on (a follow-up's scope aside) */
  filtered: boolean;
  /** English text the glossary translates into terms the corpus holds (a name given in English) */
  translates: (text: string) => boolean;
  /** corpus cities the question names */
  cities: string[];
  /** a follow-up's scope: the sheets the previous answer cited */
  scope?: ReadonlySet<string>;
  /** the most citations the caller wants (AskRequest.k) */
  k?: number;
  /** set by retrieval when the question could not be embedded: why the ranking is BM25's alone */
  denseFallback?: string;
}

/** Language and search text of a question; `added` are the glossary's French terms for an English one. */
export type ExpandQuery = (
  question: string,
  lang?: Lang,
) => {
  lang: Lang;
  expanded: string;
  added: string[];
  concepts: string[][];
  /** English words outside the glossary, each with its dictionary translations: a concept only when the corpus holds none of them */
  dictionaryWords?: string[][];
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
const DEMONYM_SUFFIX = "(?:ois|oise|ais|aise|ien|ienne|in|ine|ain|aine)s?";

function demonym(city: string): RegExp | undefined {
  const folded = fold(city);
  if (!/^[a-z]+$/.test(folded)) return undefined;
  const stem = folded.replace(/(es|e|s)$/, "");
  if (stem.length < 4) return undefined;
  return new RegExp(` ${stem}${stem.at(-1)}?${DEMONYM_SUFFIX} `);
}

/** The corpus's distinct cities, folded, with their demonym patterns: once per sheet list, not per question. */
const cityMatchers = new WeakMap<readonly Fiche[], { city: string; spaced: string; demonym?: RegExp }[]>();

/** Corpus cities the question names, by name or by demonym ("actions lilloises"). */
export function citiesNamed(question: string, fiches: readonly Fiche[]): string[] {
  let matchers = cityMatchers.get(fiches);
  if (!matchers) {
    matchers = [...new Set(fiches.map((f) => f.city))].map((city) => ({ city, spaced: ` ${fold(city).replace(/[^a-z0-9]+/g, " ")} `, demonym: demonym(city) }));
    cityMatchers.set(fiches, matchers);
  }
  const q = ` ${fold(question).replace(/[^a-z0-9]+/g, " ")} `;
  return matchers.filter((m) => q.includes(m.spaced) || m.demonym?.test(q)).map((m) => m.city);
}

export function queryTerms(text: string): string[] {
  return [...new Set(analyze(text))];
}

export function createCorpus(index: LoadedIndex, expand: ExpandQuery): Corpus {
  return { index, stats: corpusStats(index.chunks, index.fiches, index.termStats), expand };
}
