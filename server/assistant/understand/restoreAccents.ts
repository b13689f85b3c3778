// A French question typed without accents ("budget dedie", "hopital") reads as the sheets write
// it: the stemmer cuts "dedie" to "ded" but "dédié" to "dedi", so an accentless word can miss
// every sheet and even pass for a topic the corpus lacks. The analyser already restores the most
// frequent lost endings (-ité, -ée, -ière); here a word whose term no chunk holds is tried with
// accents put back one or two letters at a time, and the variant whose term the corpus holds most
// often replaces it. Only words the corpus does not know are touched.
import { analyzeTerm, tokenize } from "../../../ingest/text/index.ts";
import type { CorpusStats } from "../retrieve/corpusStats.ts";
import { TUNING } from "../tuning.ts";
import { WordMemo, WordMemos } from "../wordMemo.ts";

const ACCENTED: Record<string, readonly string[]> = { e: ["é", "è", "ê"], a: ["à", "â"], i: ["î", "ï"], o: ["ô"], u: ["û", "ù"], c: ["ç"] };

/** French accents, most frequent first: of spellings giving the same term, the likelier one is kept. */
const BY_FREQUENCY = "éèàêôîçûâïù";

/** Accented spellings of a word, one letter changed, then two; the likelier accents first. */
function variants(word: string): string[] {
  const at = [...word].flatMap((ch, i) => (ACCENTED[ch] ? [i] : []));
  const put = (w: string, i: number) => ACCENTED[w[i]].map((a) => w.slice(0, i) + a + w.slice(i + 1));
  const rank = (v: string) => [...v].reduce((r, ch) => r + Math.max(0, BY_FREQUENCY.indexOf(ch)), 0);
  const singles = at.flatMap((i) => put(word, i)).sort((a, b) => rank(a) - rank(b));
  const pairs: string[] = [];
  for (let x = 0; x < at.length; x++) for (let y = x + 1; y < at.length; y++) for (const w of put(word, at[x])) pairs.push(...put(w, at[y]));
  return [...singles, ...pairs.sort((a, b) => rank(a) - rank(b))];
}

/** `isWord`: a lexicon's check that a spelling is a French word ("remîs" shares "remise"'s stem, and is none). */
export function restoreAccents(text: string, stats: CorpusStats, isWord?: (word: string) => boolean): string {
  let out = text;
  const memo = spellingMemo(stats, isWord);
  for (const token of new Set(tokenize(text))) {
    let spelling = memo.get(token);
    if (spelling === undefined) spelling = memo.set(token, accentedSpelling(token, stats, isWord));
    if (spelling !== null) out = out.replace(new RegExp(`(?<![\\p{L}\\p{N}])${token}(?![\\p{L}\\p{N}])`, "gu"), spelling);
  }
  return out;
}

/** The spelling with accents put back that replaces this word, or null when it stays as typed. */
function accentedSpelling(token: string, stats: CorpusStats, isWord?: (word: string) => boolean): string | null {
  const { accentMinChars, accentMaxLetters } = TUNING.understand;
  const lower = token.toLowerCase();
  if (lower.length < accentMinChars || !/^[a-z]+$/.test(lower)) return null;
  const terms = analyzeTerm(token);
  if (terms.length !== 1 || stats.df.has(terms[0])) return null;
  // a long word has too many spellings to try; the analyser's endings and prefix variants cover it
  if ([...lower].filter((ch) => ACCENTED[ch]).length > accentMaxLetters) return null;
  let best: { word: string; df: number } | undefined;
  for (const v of variants(lower)) {
    const [term] = analyzeTerm(v);
    const df = term ? (stats.df.get(term) ?? 0) : 0;
    if (df > (best?.df ?? 0) && (!isWord || isWord(v))) best = { word: v, df };
  }
  return best ? best.word : null;
}

/** Each word's spelling, remembered per index and lexicon check: every word of a French question is read here, and an
 * unknown one tried with up to ~50 spellings (each analysed and looked up in the lexicon). */
const spellings = new WordMemos<CorpusStats, (word: string) => boolean, string | null>();
function spellingMemo(stats: CorpusStats, isWord?: (word: string) => boolean): WordMemo<string | null> {
  return spellings.of(stats, isWord);
}
