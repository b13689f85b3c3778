// Per-term document frequencies over chunks and the set of words the corpus uses, computed
// once at load. They tell a question's specific terms from the corpus's everyday words, and a
// place or topic the corpus never mentions.
import { analyze } from "../../../ingest/text/index.ts";
import { fold } from "../../../ingest/text/index.ts";
import type { Chunk, Fiche } from "../../../ingest/types.ts";
import { TUNING } from "../tuning.ts";

export interface CorpusStats {
  chunkCount: number;
  df: Map<string, number>;
  /** analysed terms per fiche, to check which query terms a sheet holds */
  ficheTerms: Map<string, Set<string>>;
  /** folded surface words of every text, titles and cities included */
  words: Set<string>;
  /** their first four and five letters: a word sharing them is a variant the stemmer may have missed */
  prefixes: Set<string>;
  /** terms in over bm25SkipShare of the chunks ("santé", "mentale"): next to no weight, high cost in BM25 */
  common: Set<string>;
}

export function corpusStats(chunks: Chunk[], fiches: Fiche[]): CorpusStats {
  const df = new Map<string, number>();
  const ficheTerms = new Map<string, Set<string>>();
  const words = new Set<string>();
  for (const c of chunks) {
    const terms = new Set(analyze(`${c.title} ${c.text}`));
    for (const t of terms) df.set(t, (df.get(t) ?? 0) + 1);
    const set = ficheTerms.get(c.ficheId) ?? new Set<string>();
    for (const t of terms) set.add(t);
    ficheTerms.set(c.ficheId, set);
    const folded = fold(c.text);
    for (const w of folded.split(/[^a-z0-9]+/)) if (w) words.add(w);
    // "co-financement" is also written "cofinancement": keep the joined form of hyphenated words
    for (const m of folded.matchAll(/[a-z0-9]+(?:-[a-z0-9]+)+/g)) words.add(m[0].replace(/-/g, ""));
  }
  for (const f of fiches) for (const w of fold(`${f.city} ${f.title}`).split(/[^a-z0-9]+/)) if (w) words.add(w);
  const { unknownMinChars, variantPrefixChars } = TUNING.understand;
  const prefixes = new Set([...words].flatMap((w) => [w.slice(0, unknownMinChars), w.slice(0, variantPrefixChars)]));
  const common = new Set([...df].filter(([, n]) => n / chunks.length > TUNING.retrieve.bm25SkipShare).map(([t]) => t));
  return { chunkCount: chunks.length, df, ficheTerms, words, prefixes, common };
}

/** BM25's idf (Robertson–Spärck Jones, as Lucene and MiniSearch compute it) of a term held by `df` of the chunks. */
export function idf(stats: CorpusStats, df: number): number {
  return Math.log(1 + (stats.chunkCount - df + 0.5) / (df + 0.5));
}
