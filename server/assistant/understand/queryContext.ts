// Everything the answer builders need about one question, computed once.
import { analyze } from "../../../ingest/analyzeFrench.ts";
import { fold } from "../../../ingest/fold.ts";
import type { Fiche } from "../../../ingest/types.ts";
import type { Lang } from "../types.ts";
import type { CorpusStats } from "../retrieve/corpusStats.ts";
import type { LoadedIndex } from "../../services/loadIndex.ts";
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
  /** the most citations the caller wants (AskRequest.k) */
  k?: number;
}

export function citiesNamed(question: string, fiches: Fiche[]): string[] {
  const q = ` ${fold(question).replace(/[^a-z0-9]+/g, " ")} `;
  return [...new Set(fiches.map((f) => f.city))].filter((c) => q.includes(` ${fold(c).replace(/[^a-z0-9]+/g, " ")} `));
}

export function queryTerms(text: string): string[] {
  return [...new Set(analyze(text))];
}
