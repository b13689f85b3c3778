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
  /** corpus cities the question names */
  cities: string[];
  /** a follow-up's scope: the sheets the previous answer cited */
  scope?: ReadonlySet<string>;
  /** the most citations the caller wants (AskRequest.k) */
  k?: number;
}

/** Language and search text of a question; `added` are the glossary's French terms for an English one. */
export type ExpandQuery = (question: string, lang?: Lang) => { lang: Lang; expanded: string; added: string[]; concepts: string[][] };

/** What understanding a question needs, built once per index. */
export interface Corpus {
  index: LoadedIndex;
  stats: CorpusStats;
  expand: ExpandQuery;
}

export function citiesNamed(question: string, fiches: Fiche[]): string[] {
  const q = ` ${fold(question).replace(/[^a-z0-9]+/g, " ")} `;
  return [...new Set(fiches.map((f) => f.city))].filter((c) => q.includes(` ${fold(c).replace(/[^a-z0-9]+/g, " ")} `));
}

export function queryTerms(text: string): string[] {
  return [...new Set(analyze(text))];
}

export function createCorpus(index: LoadedIndex, expand: ExpandQuery): Corpus {
  return { index, stats: corpusStats(index.chunks, index.fiches, index.termStats), expand };
}
