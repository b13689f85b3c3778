// Sparse TF-IDF features of the builtin embedder: analysed word terms (the same terms as BM25)
// plus character n-grams of folded words. The n-grams are what let an English query reach
// French text without a dictionary: prevention/prévention share every n-gram once folded,
// psychologist/psychologue share "<psy", "chol", "ologu"…
import { analyze, foldText, tokenize } from "../../text/analyzeFrench.ts";
import { STOP_WORDS } from "../../text/stopwords.ts";

export interface FeatureOptions {
  /** smallest and largest character n-gram, boundary markers included */
  ngramMin: number;
  ngramMax: number;
  /** weight of each block once L2-normalised; their squares should sum to 1 */
  wordWeight: number;
  gramWeight: number;
}

/** What the embedder keeps of the fit to weight new texts the same way. */
export interface FeatureSpace extends FeatureOptions {
  words: string[];
  wordIdf: number[];
  grams: string[];
  gramIdf: number[];
}

export interface TermCounts {
  words: Map<string, number>;
  grams: Map<string, number>;
}

export interface SparseVector {
  indices: number[];
  values: number[];
}

function count(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

/** Word terms and n-grams of one text, with raw counts. */
export function countTerms(text: string, opts: FeatureOptions): TermCounts {
  const words = new Map<string, number>();
  for (const term of analyze(text)) count(words, term);
  const grams = new Map<string, number>();
  for (const token of tokenize(text)) for (const g of gramsOf(token, opts)) count(grams, g);
  return { words, grams };
}

// Same reason as the term memo in analyzeFrench: tokens repeat, slicing them does not need to.
const GRAM_CACHE_SIZE = 100_000;
const gramCache = new Map<string, readonly string[]>();

export function gramsOf(token: string, opts: FeatureOptions): readonly string[] {
  const key = `${opts.ngramMin}-${opts.ngramMax}|${token}`;
  let grams = gramCache.get(key);
  if (grams !== undefined) return grams;
  const out: string[] = [];
  const folded = foldText(token);
  // Compounds are tokenized whole and as parts: the parts carry the n-grams.
  if (!token.includes("-") && folded.length >= 2 && !STOP_WORDS.has(folded) && !/^\p{N}+$/u.test(folded)) {
    const padded = `<${folded}>`;
    for (let n = opts.ngramMin; n <= opts.ngramMax; n++) {
      for (let i = 0; i + n <= padded.length; i++) out.push(padded.slice(i, i + n));
    }
  }
  if (gramCache.size >= GRAM_CACHE_SIZE) gramCache.clear();
  grams = Object.freeze(out);
  gramCache.set(key, grams);
  return grams;
}

/** Smoothed idf, as scikit-learn's: never zero, so a term in every document still counts. */
export function idf(df: number, docCount: number): number {
  return Math.log((1 + docCount) / (1 + df)) + 1;
}

function byDfThenTerm(df: Map<string, number>) {
  return (a: string, b: string) => df.get(b)! - df.get(a)! || (a < b ? -1 : a > b ? 1 : 0);
}

/**
 * Chooses the features: every word term (they carry the precise matches: names, acronyms),
 * then n-grams seen in at least `minGramDf` texts, most frequent first, up to `maxFeatures`.
 * Features are then sorted by term so the same corpus always gives the same order.
 */
export function fitFeatureSpace(
  counts: Iterable<TermCounts>,
  opts: FeatureOptions & { maxFeatures: number; minGramDf: number },
): FeatureSpace {
  const wordDf = new Map<string, number>();
  const gramDf = new Map<string, number>();
  let n = 0;
  // one text's counts at a time: a generator keeps only the document frequencies in memory
  for (const c of counts) {
    n++;
    for (const w of c.words.keys()) count(wordDf, w);
    for (const g of c.grams.keys()) count(gramDf, g);
  }
  const words = [...wordDf.keys()].sort(byDfThenTerm(wordDf)).slice(0, opts.maxFeatures).sort();
  const grams = [...gramDf.keys()]
    .filter((g) => gramDf.get(g)! >= opts.minGramDf)
    .sort(byDfThenTerm(gramDf))
    .slice(0, Math.max(0, opts.maxFeatures - words.length))
    .sort();
  return {
    ngramMin: opts.ngramMin,
    ngramMax: opts.ngramMax,
    wordWeight: opts.wordWeight,
    gramWeight: opts.gramWeight,
    words,
    wordIdf: words.map((w) => idf(wordDf.get(w)!, n)),
    grams,
    gramIdf: grams.map((g) => idf(gramDf.get(g)!, n)),
  };
}

/** Term -> feature index lookups, built once per feature space. */
export interface FeatureLookup {
  word: Map<string, number>;
  gram: Map<string, number>;
}

export function buildLookup(space: FeatureSpace): FeatureLookup {
  return {
    word: new Map(space.words.map((w, i) => [w, i])),
    gram: new Map(space.grams.map((g, i) => [g, space.words.length + i])),
  };
}

// Sublinear tf (1 + ln tf) x idf, L2-normalised per block, scaled by the block weight.
function weighBlock(
  counts: Map<string, number>,
  lookup: Map<string, number>,
  idfs: number[],
  offset: number,
  weight: number,
  out: SparseVector,
): void {
  const start = out.indices.length;
  let norm = 0;
  for (const [term, tf] of counts) {
    const index = lookup.get(term);
    if (index === undefined) continue;
    const value = (1 + Math.log(tf)) * idfs[index - offset];
    out.indices.push(index);
    out.values.push(value);
    norm += value * value;
  }
  if (norm === 0) return;
  const scale = weight / Math.sqrt(norm);
  for (let i = start; i < out.values.length; i++) out.values[i] *= scale;
}

/** TF-IDF vector of one text in the feature space; terms unknown to the fit are ignored. */
export function vectorize(space: FeatureSpace, lookup: FeatureLookup, counts: TermCounts): SparseVector {
  const out: SparseVector = { indices: [], values: [] };
  weighBlock(counts.words, lookup.word, space.wordIdf, 0, space.wordWeight, out);
  weighBlock(counts.grams, lookup.gram, space.gramIdf, space.words.length, space.gramWeight, out);
  return out;
}
