// French text analysis shared by the BM25 index and the builtin embedder, so that both see
// the same terms for a document and for a query.
//
// Pipeline: tokenize (original case kept) -> analyzeTerm per token (fold, stop words,
// acronym or stem). Case survives tokenization on purpose: acronym detection needs it, and
// MiniSearch calls `tokenize` on raw text and `processTerm` on each token.
import { createRequire } from "node:module";
import { fold } from "./fold.ts";
import { KNOWN_ACRONYMS, STOP_WORDS } from "./stopwords.ts";

// snowball-stemmers ships CommonJS without type declarations.
interface Stemmer {
  stem(word: string): string;
}
const require = createRequire(import.meta.url);
const snowball = require("snowball-stemmers") as { newStemmer(lang: string): Stemmer };
const stemmer = snowball.newStemmer("french");

const APOSTROPHES = /[\u2019\u2018\u02bc\u00b4`\u2032]/g;
/** "3\u202fème": a number and its superscript (htmlToText) are one word */
const SUPERSCRIPT_JOIN = /(\p{N})\u202f(?=\p{L})/gu;

/** Case, accents, ligatures and apostrophe styles folded (one implementation: ./fold.ts). */
export const foldText = fold;

// Letters/digits, joined by inner apostrophes or hyphens (aujourd'hui, bien-être, 12-25).
const WORD = /[\p{L}\p{N}]+(?:['-][\p{L}\p{N}]+)*/gu;
const ELISIONS = new Set(["l", "d", "qu", "j", "n", "s", "c", "m", "t", "jusqu", "lorsqu", "puisqu"]);
// "MDA14", "CD14": also index the letters and the number apart.
const LETTERS_THEN_DIGITS = /^(\p{L}{2,})(\p{N}+)$/u;
const MAX_TOKEN = 40;

/** Word tokens in their original case: elisions removed, compounds also split into parts. */
export function tokenize(s: string): string[] {
  const out: string[] = [];
  // the join's Unicode-class pattern is tried at every character: skipped for a text without a narrow space
  const straight = s.replace(APOSTROPHES, "'");
  const text = straight.includes("\u202f") ? straight.replace(SUPERSCRIPT_JOIN, "$1") : straight;
  // one match() with the global flag returns the words alone: no match array with its index and input per word
  // (as WORD.exec makes) and no iterator (as matchAll); questions and every chunk pass here
  const words = text.match(WORD);
  if (words === null) return out;
  for (let w = 0; w < words.length; w++) {
    let word = words[w];
    // Drop a leading elision (l'école, qu'il, jusqu'à); other apostrophes split the word.
    const apos = word.indexOf("'");
    if (apos < 0) {
      pushPiece(word, out);
      continue;
    }
    if (apos > 0 && ELISIONS.has(word.slice(0, apos).toLowerCase())) word = word.slice(apos + 1);
    if (word.includes("'")) for (const piece of word.split("'")) pushPiece(piece, out);
    else pushPiece(word, out);
  }
  return out;
}

function pushPiece(piece: string, out: string[]): void {
  if (piece.length === 0 || piece.length > MAX_TOKEN) return;
  out.push(piece);
  if (piece.includes("-")) out.push(...piece.split("-").filter(Boolean));
  // "MDA14": only a piece ending in a digit can be letters then digits (an ASCII letter or sign cannot end one)
  const last = piece.charCodeAt(piece.length - 1);
  if (last < 0x80 && (last < 0x30 || last > 0x39)) return;
  const mixed = LETTERS_THEN_DIGITS.exec(piece);
  if (mixed) out.push(mixed[1], mixed[2]);
}

// Known acronyms are matched in any case. Other all-caps words of 2-6 letters are treated as
// acronyms too, but since the same shape is used by headings in capitals ("RENNES : Arts et
// Soins"), they are indexed both whole and stemmed: "RENNES" -> ["rennes", "ren"], so a
// query "Rennes" (-> "ren") still finds the heading, while "SASPDD" (stem = itself) stays whole.
const ALL_CAPS = /^\p{Lu}{2,6}$/u;

// Measured on the seeds: of 1,139 accented word forms, 252 stem differently when typed
// without accents. Restoring the three most frequent lost accents (-ité, -ée, -ière) before
// stemming cuts that to 32, with 4 changes to genuinely unaccented words (all harmless).
function restoreAccents(lower: string): string {
  if (/[^\x00-\x7f]/.test(lower)) return lower;
  return lower.replace(/ite(s?)$/, "ité$1").replace(/ee(s?)$/, "ée$1").replace(/iere(s?)$/, "ière$1");
}

/** Stem of one lowercase word, folded. Snowball French expects accents, so fold after. */
export function stemWord(lowerWord: string): string {
  if (/^\p{N}+$/u.test(lowerWord)) return lowerWord;
  let stem = foldText(stemmer.stem(restoreAccents(lowerWord)));
  // Snowball keeps a final s when the word is short ("élus" -> "elus" but "élu" -> "elu").
  if (stem.length >= 4 && stem.endsWith("s") && !stem.endsWith("ss")) stem = stem.slice(0, -1);
  return stem;
}

function analyzeSimple(token: string): string[] {
  const folded = foldText(token);
  if (folded.length === 0 || STOP_WORDS.has(folded)) return [];
  if (folded.length === 1 && !/\p{N}/u.test(folded)) return [];
  if (KNOWN_ACRONYMS.has(folded)) return [folded];
  let stem = stemWord(token.toLowerCase());
  // an ordinary word must not stem onto an acronym ("café" -> "caf" would match the CAF)
  if (KNOWN_ACRONYMS.has(stem)) stem = folded.replace(/s$/, "");
  if (ALL_CAPS.test(token) && stem !== folded) return [folded, stem];
  return [stem];
}

/**
 * Index terms of one token from `tokenize`: [] for a stop word, one term usually, two for an
 * unknown all-caps word (whole and stemmed). A compound ("Villes-Santé") becomes the stems of
 * its non-stop-word parts joined by "-" ("vill-sant"), so it matches its singular/plural
 * variants too; its parts are separate tokens already.
 */
export function analyzeTerm(token: string): readonly string[] {
  let terms = termCache.get(token);
  if (terms === undefined) {
    if (termCache.size >= TERM_CACHE_SIZE) termCache.clear();
    terms = Object.freeze(token.includes("-") ? analyzeCompound(token) : analyzeSimple(token));
    termCache.set(token, terms);
  }
  return terms;
}

// Snowball and NFD folding cost ~12 µs a token, and text repeats the same few thousand tokens:
// with this memo a second pass over the seeds takes 62 ms instead of ~520 ms. Cleared when
// full, so memory stays bounded.
const TERM_CACHE_SIZE = 200_000;
const termCache = new Map<string, readonly string[]>();

function analyzeCompound(token: string): string[] {
  const kept = token.split("-").filter((p) => p.length > 0 && !STOP_WORDS.has(foldText(p)));
  // "Bourg-en-Bresse" -> "bourg-bress"; "c'est-à-dire" leaves one part: no compound term.
  if (kept.length < 2) return [];
  const stems = kept.map((p) => {
    const folded = foldText(p);
    return KNOWN_ACRONYMS.has(folded) || /^\p{N}+$/u.test(folded) ? folded : stemWord(p.toLowerCase());
  });
  return [stems.join("-")];
}

/** Full pipeline: text -> index terms, in text order (duplicates kept, for term counts). */
export function analyze(text: string): string[] {
  const terms: string[] = [];
  for (const token of tokenize(text)) for (const term of analyzeTerm(token)) terms.push(term);
  return terms;
}

/**
 * MiniSearch options that apply exactly this analysis to documents and queries:
 * `new MiniSearch({ fields, ...miniSearchAnalysis })`. MiniSearch reuses them for search.
 */
export const miniSearchAnalysis = {
  tokenize: (text: string): string[] => tokenize(text),
  processTerm: (term: string): string[] | null => {
    const terms = analyzeTerm(term);
    return terms.length > 0 ? [...terms] : null;
  },
};

/** Same as `miniSearchAnalysis.processTerm`, exported on its own for convenience. */
export const processTerm = miniSearchAnalysis.processTerm;
