// Per-term document frequencies over chunks and the set of words the corpus uses, computed
// once at load. They tell a question's specific terms from the corpus's everyday words, and a
// place or topic the corpus never mentions.
import { termStatsOf, type TermStats } from "../../../ingest/store/index.ts";
import { analyze, fold } from "../../../ingest/text/index.ts";
import { textHoldsPhrase } from "../understand/sideBySide.ts";
import type { Chunk, Fiche } from "../../../ingest/types.ts";
import { TUNING } from "../tuning.ts";

/** A sheet's analysed terms: asked whether it holds one, or read in full. */
export interface SheetTerms extends Iterable<string> {
  has(term: string): boolean;
}

/** Whether a chunk numbered in [from, to) holds the term in its text (the index's text postings). */
export type TextHolds = (term: string, from: number, to: number) => boolean;

export interface CorpusStats {
  chunkCount: number;
  df: Map<string, number>;
  /** analysed terms per fiche, to check which query terms a sheet holds */
  ficheTerms: { get(ficheId: string): SheetTerms | undefined };
  /** folded surface words of every text, titles and cities included */
  words: Set<string>;
  /** their first four and five letters: a word sharing them is a variant the stemmer may have missed */
  prefixes: Set<string>;
  /** terms in over bm25SkipShare of the chunks ("santé", "mentale"): next to no weight, high cost in BM25 */
  common: Set<string>;
  /** whether one text holds these terms side by side (a several-word term is present only as a phrase) */
  heldTogether(terms: readonly string[]): boolean;
  /** the sheets that hold all these terms */
  sheetsHolding(terms: readonly string[]): string[];
  /** whether the texts holding this word (plain letters, any case) write it in capitals only: "unafam" is the UNAFAM */
  writtenInCapitals(word: string, term: string): boolean;
}

/** A sheet's space-separated term list holds the term. The lists are read in place (no copy of the corpus's terms). */
const holds = (list: string, t: string) => list === t || list.startsWith(`${t} `) || list.endsWith(` ${t}`) || list.includes(` ${t} `);

/**
 * Each term's sheets (positions in the lists' order) are found by one read of every sheet's list the first time
 * the term is asked, and remembered: reading the 2,603 lists at ×100 for every name a question gives was ~0.7 ms
 * of an ask's CPU on average, ~10 ms for a question naming something; questions reuse few terms.
 */
function sheetsHolding(lists: Readonly<Record<string, string>>): CorpusStats["sheetsHolding"] {
  const ids = Object.keys(lists);
  const memo = new Map<string, Int32Array>();
  const sheetsOf = (t: string): Int32Array => {
    let at = memo.get(t);
    if (!at) {
      if (memo.size >= TUNING.scale.sheetTermEntries) memo.clear();
      const found: number[] = [];
      for (let i = 0; i < ids.length; i++) if (holds(lists[ids[i]], t)) found.push(i);
      memo.set(t, (at = Int32Array.from(found)));
    }
    return at;
  };
  return (terms) => {
    if (terms.length === 0) return [...ids];
    let both: ArrayLike<number> = sheetsOf(terms[0]);
    for (let k = 1; k < terms.length && both.length > 0; k++) both = intersect(both, sheetsOf(terms[k]));
    return Array.from(both, (i) => ids[i]);
  };
}

/** The numbers both ascending lists hold, ascending. */
function intersect(a: ArrayLike<number>, b: ArrayLike<number>): number[] {
  const out: number[] = [];
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] < b[j]) i++;
    else if (a[i] > b[j]) j++;
    else {
      out.push(a[i]);
      i++;
      j++;
    }
  }
  return out;
}

/**
 * Whether some chunk (its title or its text) holds the terms as a phrase. Only the chunks holding
 * the rarest term are read (`chunksWith`, from the index's postings; every chunk without it).
 * Answers are remembered per term list: the lists asked are glossary terms and question words, a bounded set.
 */
function togetherChecker(chunks: readonly Chunk[], df: ReadonlyMap<string, number>, chunksWith?: (term: string) => Iterable<number> | undefined): CorpusStats["heldTogether"] {
  const memo = new Map<string, boolean>();
  return (terms) => {
    const key = terms.join(" ");
    let yes = memo.get(key);
    if (yes === undefined) {
      const wanted = new Set(terms);
      const rarest = [...wanted].reduce((a, t) => ((df.get(t) ?? 0) < (df.get(a) ?? 0) ? t : a));
      const docs = chunksWith?.(rarest) ?? chunks.keys();
      yes = false;
      let read = 0;
      for (const d of docs) {
        // past the bound, a phrase of common words counts as present: never called absent unread
        if (++read > TUNING.scale.phraseScanChunks) {
          yes = true;
          break;
        }
        const c = chunks[d];
        if (c && textHoldsPhrase(c, wanted)) {
          yes = true;
          break;
        }
      }
      if (memo.size < 50_000) memo.set(key, yes);
    }
    return yes;
  };
}

/** The sheets whose term sets were last asked for: a few hundred sets, not one per sheet of the corpus. */
const FICHE_TERM_SETS = 512;

/** Sheet id -> its terms as a Set, built from the index's space-separated list when first asked for and kept in a small LRU. */
function ficheTermSets(lists: Readonly<Record<string, string>>): CorpusStats["ficheTerms"] {
  const lru = new Map<string, Set<string>>();
  return {
    get(id: string) {
      let set = lru.get(id);
      if (set) {
        lru.delete(id);
      } else {
        const list = Object.hasOwn(lists, id) ? lists[id] : undefined;
        if (list === undefined) return undefined;
        set = new Set(list ? list.split(" ") : []);
        if (lru.size >= FICHE_TERM_SETS) lru.delete(lru.keys().next().value!);
      }
      lru.set(id, set);
      return set;
    },
  };
}

/** A title's analysed terms, each once. */
const titleTerms = (title: string): readonly string[] => [...new Set(analyze(title))];

/**
 * Sheet id -> its terms read from the postings, where each sheet's chunks are numbered side by side: a term is the
 * sheet's when its title holds it or a chunk of the sheet's range holds it in its text (one binary search). Building
 * the set of a sheet's ~600 terms at its first question cost a third of a list question asked once at ×100 (its 20
 * candidates' sets; the LRU above could not hold the 2,603 sheets), and these hold nothing per sheet but its range
 * and its title's few terms. Undefined when a sheet's chunks are not numbered side by side (then the sets above).
 */
function sheetTermsFromPostings(chunks: readonly Chunk[], lists: Readonly<Record<string, string>>, textHolds: TextHolds): CorpusStats["ficheTerms"] | undefined {
  const ranges = new Map<string, { from: number; to: number; title: readonly string[] }>();
  for (let i = 0; i < chunks.length; i++) {
    const c = chunks[i];
    const range = ranges.get(c.ficheId);
    if (!range) ranges.set(c.ficheId, { from: i, to: i + 1, title: titleTerms(c.title) });
    else if (range.to !== i || c.title !== chunks[range.from].title) return undefined;
    else range.to = i + 1;
  }
  return {
    get(id: string) {
      const range = ranges.get(id);
      if (!range) return Object.hasOwn(lists, id) ? new Set(lists[id] ? lists[id].split(" ") : []) : undefined;
      const { from, to, title } = range;
      return {
        has: (t: string) => title.includes(t) || textHolds(t, from, to),
        [Symbol.iterator]: () => (lists[id] ? lists[id].split(" ") : [])[Symbol.iterator](),
      };
    },
  };
}

/** Statistics from the index's saved term statistics (computed at ingest: ingest/store/termStats.ts); from the chunks when there are none. */
export function corpusStats(chunks: Chunk[], fiches: Fiche[], saved?: TermStats, chunksWith?: (term: string) => Iterable<number> | undefined, textHolds?: TextHolds): CorpusStats {
  const t = saved ?? termStatsOf(chunks, fiches);
  const df = new Map(Object.entries(t.df));
  // the field labels the sheets write are their words ("porteur", "financeurs"), though no chunk text repeats them
  const labels = new Set(fiches.flatMap((f) => f.fields.map((x) => x.label)));
  const words = new Set([...t.words, ...[...labels].flatMap((label) => fold(label).split(/[^a-z0-9]+/).filter(Boolean))]);
  const { unknownMinChars, variantPrefixChars } = TUNING.understand;
  const prefixes = new Set([...words].flatMap((w) => [w.slice(0, unknownMinChars), w.slice(0, variantPrefixChars)]));
  const common = new Set([...df].filter(([, n]) => n / t.chunkCount > TUNING.retrieve.bm25SkipShare).map(([term]) => term));
  return {
    chunkCount: t.chunkCount,
    df,
    ficheTerms: (textHolds && sheetTermsFromPostings(chunks, t.ficheTerms, textHolds)) || ficheTermSets(t.ficheTerms),
    words,
    prefixes,
    common,
    heldTogether: togetherChecker(chunks, df, chunksWith),
    sheetsHolding: sheetsHolding(t.ficheTerms),
    writtenInCapitals: capitalsChecker(chunks, chunksWith),
  };
}

function capitalsChecker(chunks: readonly Chunk[], chunksWith?: (term: string) => Iterable<number> | undefined): CorpusStats["writtenInCapitals"] {
  const memo = new Map<string, boolean>();
  return (word, term) => {
    if (!/^[a-z]{2,12}$/i.test(word)) return false;
    const key = word.toLowerCase();
    const known = memo.get(key);
    if (known !== undefined) return known;
    const pattern = new RegExp(`(?<![\\p{L}\\d])${key}(?![\\p{L}\\d])`, "giu");
    let seen = 0;
    let capitals = true;
    const read = (text: string) => {
      for (const m of text.matchAll(pattern)) {
        seen++;
        if (m[0] !== m[0].toUpperCase()) capitals = false;
      }
    };
    let n = 0;
    const docs = chunksWith?.(term);
    if (docs) {
      for (const i of docs) {
        read(chunks[i].text);
        if (!capitals || ++n >= TUNING.scale.capitalsSampleChunks) break;
      }
    } else {
      for (const c of chunks) {
        read(c.text);
        if (!capitals || (seen > 0 && ++n >= TUNING.scale.capitalsSampleChunks)) break;
      }
    }
    const yes = capitals && seen > 0;
    if (memo.size < 50_000) memo.set(key, yes);
    return yes;
  };
}

/** BM25's idf (Robertson–Spärck Jones, as Lucene and MiniSearch compute it) of a term held by `df` of the chunks. */
export function idf(stats: CorpusStats, df: number): number {
  return Math.log(1 + (stats.chunkCount - df + 0.5) / (df + 0.5));
}
