// English questions reach the French sheets through a bilingual glossary (glossary.json):
// with the builtin embedder nothing else maps "housing" to "logement". The glossary is data,
// validated on load; this file only detects the language and applies it.
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { TUNING } from "../tuning.ts";
import { foldText } from "../../../ingest/text/index.ts";
import { CANONICAL_FIELDS } from "../../../ingest/types.ts";
import type { Lang } from "../types.ts";
import { WordMemo } from "../wordMemo.ts";

const text = z.string().trim().min(1);
const glossarySchema = z.object({
  version: z.literal(1),
  description: z.string().optional(),
  /** function words that give a question's language away (folded) */
  languageMarkers: z.object({ en: z.array(text).min(1), fr: z.array(text).min(1) }),
  entries: z
    .array(
      z.object({
        en: z.array(text).min(1),
        fr: z.array(text).min(1),
        /** the sheet field the entry names ("budget", "partners"…), if it names one */
        field: z.enum(CANONICAL_FIELDS).optional(),
        /** the French terms are one meaning written differently (« pandémie » is the COVID crisis): a word of the entry
         * no sheet writes is grounded by the others, as an abbreviation is by its full form; without it the entry groups
         * related terms ("salariés", "agents"; « ordonnance », « prescription », whose "sport sur ordonnance" no sheet
         * does), which widen a search but ground nothing */
        sameMeaning: z.literal(true).optional(),
        /** where the terms come from ("general terminology (translator)", "WHO terminology"…): general domain terminology, never a sheet's own title */
        source: text,
      }),
    )
    .min(1),
});

export type Glossary = z.infer<typeof glossarySchema>;

export interface Expansion {
  lang: Lang;
  /** the question, followed for English by the French terms added */
  expanded: string;
  added: string[];
  /** per matched glossary entry, its French alternatives: one concept of the question each */
  concepts: string[][];
  /** per matched entry, the question's words it matched ("schizophrenia"): how to name the concept back */
  labels: string[];
  /** English words no glossary term covered, singular (for a general dictionary, if any) */
  leftover: string[];
  /** sheet fields named by the matched entries (English questions only) */
  fields: string[];
  /** French questions: per glossary entry one of whose French terms of several words the question
   * writes ("demandeurs d'emploi"), its French alternatives — to ground the term whole, not word by word */
  frenchTerms: string[][];
  /** French questions: per glossary entry one of whose French terms of one word the question writes ("nutrition"),
   * that term then the entry's other French terms ("alimentation", "diététique"): the word's synonyms */
  frenchSynonyms?: string[][];
  /** those of `frenchSynonyms` (the same arrays) whose entry says its terms are one meaning */
  sameMeaning?: string[][];
}

export const DEFAULT_GLOSSARY_PATH = fileURLToPath(new URL("./glossary.json", import.meta.url));

/** Validates glossary data; `source` names it in the error (a path, usually). */
export function parseGlossary(data: unknown, source: string): Glossary {
  const parsed = glossarySchema.safeParse(data);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`);
  throw new Error(`expandQuery: the glossary ${source} is invalid (${issues.join("; ")}); fix the JSON file.`);
}

export async function loadGlossary(path: string = DEFAULT_GLOSSARY_PATH): Promise<Glossary> {
  let data: unknown;
  try {
    data = JSON.parse(await readFile(path, "utf8"));
  } catch (err) {
    throw new Error(`expandQuery: cannot read the glossary ${path}: ${err instanceof Error ? err.message : String(err)}`);
  }
  return parseGlossary(data, path);
}

function words(s: string): string[] {
  return foldText(s).match(/[a-z0-9]+/g) ?? [];
}

/**
 * English singular of a folded word, rough but applied to both the glossary and the question,
 * so "trainings"/"training", "cities"/"city", "neighbourhoods"/"neighbourhood" meet.
 */
function key(word: string): string {
  if (word.length <= 3 || /(ss|us|is)$/.test(word)) return word;
  if (word.endsWith("ies") && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(sses|ches|shes|xes)$/.test(word)) return word.slice(0, -2);
  return word.endsWith("s") ? word.slice(0, -1) : word;
}

interface Term {
  keys: string[];
  entry: number;
  /** has a word that is not French: evidence that the question is English */
  englishOnly: boolean;
  /** one word whose entry gives no verb form of it ("book": no "booked", "booking"): a noun only (see findEnglish) */
  nounOnly: boolean;
}

interface Compiled {
  en: Set<string>;
  fr: Set<string>;
  /** longest first, so multi-word terms win over the words they contain */
  terms: Term[];
  /** the same terms by their first word */
  byFirst: Map<string, Term[]>;
  /** every word of the English terms, for typo correction */
  vocabulary: Set<string>;
  /** the same words by first letter and length (a misspelling keeps the first, and one edit changes the length by
   * one at most): a question word is compared with three of these lists only */
  vocabularyByFirst: Map<string, string[]>;
  /** French terms of several words, folded and space-joined, with their entry */
  frenchPhrases: { phrase: string; term: string; entry: number }[];
  /** the same phrases' positions in that list, by first word, and their words: a question is compared with
   * the phrases starting with one of its words only (a French question was compared with all 446, twice) */
  frenchPhrasesByFirst: Map<string, { at: number; words: string[] }[]>;
  /** the entries (not naming a field) with a French term of one word, by that folded word */
  frenchWordEntries: Map<string, { term: string; entry: number }[]>;
  /** each entry's French terms as folded words, as an English question's expansion compares them */
  foldedFrench: string[][];
  /** corrected()'s answers, by the dictionary check they were made with (one per expander), and without one */
  corrections: WeakMap<(word: string) => boolean, WordMemo<string>>;
  plainCorrections: WordMemo<string>;
}

const compiled = new WeakMap<Glossary, Compiled>();

function compile(glossary: Glossary): Compiled {
  const done = compiled.get(glossary);
  if (done) return done;
  const frenchWords = new Set(glossary.languageMarkers.fr.map(foldText));
  for (const e of glossary.entries) for (const t of e.fr) for (const w of words(t)) frenchWords.add(key(w));
  const terms: Term[] = [];
  // "suicide prevention": English words French also writes, in an order no French term of the glossary has (French says
  // « prévention du suicide »): the term is English all the same
  const frenchOrder = new Set(glossary.entries.flatMap((e) => e.fr.map((t) => words(t).map(key).join(" "))));
  glossary.entries.forEach((e, entry) => {
    const forms = new Set(e.en.flatMap((t) => words(t)));
    for (const t of e.en) {
      const keys = words(t).map(key);
      const stem = keys.length === 1 ? keys[0].replace(/e$/, "") : "";
      // (a word in -ing or -ed is a verb's form itself: "burying")
      const nounOnly = keys.length === 1 && !/(?:ing|ed)$/.test(keys[0]) && ![`${stem}ed`, `${stem}ing`, `${keys[0]}ed`, `${keys[0]}ing`].some((f) => forms.has(f));
      if (keys.length > 0) terms.push({ keys, entry, englishOnly: keys.some((k) => !frenchWords.has(k)) || (keys.length >= 2 && !frenchOrder.has(keys.join(" "))), nounOnly });
    }
  });
  terms.sort((a, b) => b.keys.length - a.keys.length || a.entry - b.entry); // stable: entry order on ties
  const byFirst = new Map<string, Term[]>();
  for (const t of terms) byFirst.set(t.keys[0], [...(byFirst.get(t.keys[0]) ?? []), t]);
  const vocabulary = new Set(terms.flatMap((t) => t.keys));
  const vocabularyByFirst = new Map<string, string[]>();
  for (const w of vocabulary) vocabularyByFirst.set(w[0] + w.length, [...(vocabularyByFirst.get(w[0] + w.length) ?? []), w]);
  const foldedFrench = glossary.entries.map((e) => e.fr.map((fr) => words(fr).join(" ")));
  // an entry naming a form field ("rôle de la collectivité") is a label, not a term a text writes
  const frenchPhrases = glossary.entries.flatMap((e, entry) => (e.field ? [] : e.fr.filter((t) => words(t).length >= 2).map((term) => ({ phrase: words(term).join(" "), term, entry }))));
  const frenchPhrasesByFirst = new Map<string, { at: number; words: string[] }[]>();
  frenchPhrases.forEach(({ phrase }, at) => {
    const w = phrase.split(" ");
    frenchPhrasesByFirst.get(w[0])?.push({ at, words: w }) ?? frenchPhrasesByFirst.set(w[0], [{ at, words: w }]);
  });
  const frenchWordEntries = new Map<string, { term: string; entry: number }[]>();
  glossary.entries.forEach((e, entry) => {
    if (e.field) return;
    for (const term of e.fr) {
      const w = words(term);
      if (w.length === 1) frenchWordEntries.get(w[0])?.push({ term, entry }) ?? frenchWordEntries.set(w[0], [{ term, entry }]);
    }
  });
  const c = { en: new Set(glossary.languageMarkers.en.map(foldText)), fr: new Set(glossary.languageMarkers.fr.map(foldText)), terms, byFirst, vocabulary, vocabularyByFirst, foldedFrench, frenchPhrases, frenchPhrasesByFirst, frenchWordEntries, corrections: new WeakMap(), plainCorrections: new WordMemo<string>() };
  compiled.set(glossary, c);
  return c;
}

/**
 * Glossary terms found in the question, each token in at most one term: longer terms first
 * ("mental health first aid" before "mental health"), then leftmost among terms of the same
 * length ("green walks in" -> "green walks", not "walks in").
 */
function findTerms(keys: string[], c: Compiled): { term: Term; start: number }[] {
  // only the terms that start with a word of the question can match: look them up by it
  const candidates: { term: Term; start: number }[] = [];
  keys.forEach((k, start) => {
    for (const term of c.byFirst.get(k) ?? []) {
      if (start + term.keys.length <= keys.length && term.keys.every((kk, j) => keys[start + j] === kk)) candidates.push({ term, start });
    }
  });
  // longer terms first, then leftmost, then entry order; a word belongs to one term only
  candidates.sort((a, b) => b.term.keys.length - a.term.keys.length || a.start - b.start || a.term.entry - b.term.entry);
  const used = new Array<boolean>(keys.length).fill(false);
  const found: { term: Term; start: number }[] = [];
  for (const m of candidates) {
    const span = m.term.keys.length;
    if (used.slice(m.start, m.start + span).some(Boolean)) continue;
    used.fill(true, m.start, m.start + span);
    found.push(m);
  }
  return found.sort((a, b) => a.start - b.start);
}

const FRENCH_LETTERS = /[àâäçéèêëîïôöùûüÿœæ]/i;

/**
 * Language by evidence counts. English: its function words ("the", "which"…) plus glossary
 * terms with a non-French word ("health", "training"). French: its function words and elided
 * articles ("des", "l'", "qu'"…) plus words with French accents. English only if it has
 * strictly more evidence, since the corpus is French and a bare name ("Lille", "PSSM") is
 * searched the same either way.
 */
/** An English question's opening words, which no French question opens with: "Which mental health actions draw on
 * politique de la ville money?" is English however many French names it quotes. */
const ENGLISH_OPENING = /^\s*(?:which|what|how|who|whom|whose|where|when|why|is there|are there|does|do|did|has|have|had|can|could|should|would|will|any|anyone|anything|tell me|show me|list|looking for)\b/i;

function detect(question: string, tokens: string[], found: { term: Term }[], c: Compiled): Lang {
  if (ENGLISH_OPENING.test(question)) return "en";
  const en = tokens.filter((t) => c.en.has(t)).length + found.filter((f) => f.term.englishOnly).length;
  const accented = (question.match(/\p{L}+/gu) ?? []).filter((w) => FRENCH_LETTERS.test(w)).length;
  const fr = tokens.filter((t) => c.fr.has(t)).length + accented;
  return en > fr ? "en" : "fr";
}

export function detectLanguage(question: string, glossary: Glossary): Lang {
  const c = compile(glossary);
  const tokens = words(question);
  return detect(question, tokens, findTerms(tokens.map(key), c), c);
}

/** French questions come back unchanged; English ones get the French terms they match. */
/** `lang` forces the language, for a fragment of a question whose language is already known. */
/** Optimal string alignment distance, at most 1: one letter added, dropped, changed, or two swapped. */
function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return (
    sameFrom(a, i + 1, b, i + 1) || // changed
    sameFrom(a, i + 1, b, i) || // added in a
    sameFrom(a, i, b, i + 1) || // dropped from a
    (a[i] === b[i + 1] && a[i + 1] === b[i] && sameFrom(a, i + 2, b, i + 2)) // swapped
  );
}

/** `a.slice(p) === b.slice(q)` without the two strings: this runs for every glossary word a question word might be a typo of. */
function sameFrom(a: string, p: number, b: string, q: number): boolean {
  const n = Math.max(0, a.length - p);
  if (n !== Math.max(0, b.length - q)) return false;
  for (let k = 0; k < n; k++) if (a.charCodeAt(p + k) !== b.charCodeAt(q + k)) return false;
  return true;
}

/**
 * A misspelt English word ("univeristy") read as the glossary word one edit away, when exactly
 * one is; short words are left alone (one edit turns them into other words), and so are words a
 * dictionary knows ("hosted" is not a misspelt "hostel").
 */
function corrected(k: string, c: Compiled, isWord?: (word: string) => boolean): string {
  // every word of every question passes here, twice for an English one (its language, then its expansion): a
  // French word went through the dictionary's eight inflections each time
  let memo = isWord ? c.corrections.get(isWord) : c.plainCorrections;
  if (!memo) c.corrections.set(isWord!, (memo = new WordMemo<string>()));
  return memo.get(k) ?? memo.set(k, correctedAfresh(k, c, isWord));
}

function correctedAfresh(k: string, c: Compiled, isWord?: (word: string) => boolean): string {
  if (k.length < TUNING.understand.typoMinChars || c.vocabulary.has(k) || c.en.has(k) || isWord?.(k)) return k;
  let near: string | undefined;
  let found = 0;
  for (let n = k.length - 1; n <= k.length + 1; n++) {
    for (const w of c.vocabularyByFirst.get(k[0] + n) ?? []) {
      if (withinOneEdit(k, w)) {
        near = w;
        found++;
      }
    }
  }
  return found === 1 ? near! : k;
}

/** Compiled patterns of asWritten by their folded words, bounded (the words come from questions): compiling one
 * cost more than the rest of an English question's expansion. */
const writtenPatterns = new Map<string, RegExp>();
const WRITTEN_PATTERNS_MAX = 2_000;

/** The question's own spelling of these folded words ("PSSM", not "pssm"), where it can be found. */
function asWritten(question: string, folded: string[]): string {
  const joined = folded.join(" ");
  let pattern = writtenPatterns.get(joined);
  if (!pattern) {
    const escaped = folded.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
    pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escaped.join("[^\\p{L}\\p{N}]+")}(?![\\p{L}\\p{N}])`, "iu");
    if (writtenPatterns.size >= WRITTEN_PATTERNS_MAX) writtenPatterns.clear();
    writtenPatterns.set(joined, pattern);
  }
  return question.match(pattern)?.[0] ?? joined;
}

/** The language expandQuery detects, without the expansion: what a question's first reading needs. */
export function questionLanguage(question: string, glossary: Glossary, isWord?: (word: string) => boolean): Lang {
  const c = compile(glossary);
  const tokens = words(question);
  return detect(question, tokens, findTerms(tokens.map((t) => corrected(key(t), c, isWord)), c), c);
}

/** The English glossary terms a question's words make, typos corrected. (A function of its own, not a closure made
 * per question: tsx names every closure it makes, a defineProperty each.) */
function findEnglish(tokens: string[], c: Compiled, isWord?: (word: string) => boolean): { term: Term; start: number }[] {
  const found = findTerms(tokens.map((t) => corrected(key(t), c, isWord)), c);
  // "so they book a first appointment": right after a subject pronoun or a modal, a word is a verb (English word order),
  // and an entry naming only the noun ("book": library, livres) is another word ("to" is as often a preposition: "access
  // to housing")
  // (a modal opening the question, or after its question word, is inverted: "Where can residents talk…?", "Can schools…?"
  // have the subject after it, not a verb)
  const verbAt = (f: { term: Term; start: number }) => f.term.nounOnly && f.start > 0 && VERB_BEFORE.has(tokens[f.start - 1]) && !(MODALS.has(tokens[f.start - 1]) && (f.start === 1 || QUESTION_WORDS.has(tokens[f.start - 2])));
  return found.some(verbAt) ? found.filter((f) => !verbAt(f)) : found;
}

const MODALS = new Set(["can", "could", "will", "would", "should", "must", "may", "might", "cannot"]);
const QUESTION_WORDS = new Set(["where", "how", "what", "which", "who", "when", "why"]);

/** Words after which an English word is a verb: subject pronouns, modals. */
const VERB_BEFORE = new Set(["i", "we", "you", "they", "he", "she", "can", "could", "will", "would", "should", "must", "may", "might", "cannot"]);

/** `isWord`: whether a general dictionary knows an English word (then it is not corrected). */
export function expandQuery(question: string, glossary: Glossary, lang?: Lang, isWord?: (word: string) => boolean): Expansion {
  const c = compile(glossary);
  const tokens = words(question);
  // the English terms found: what an English question expands with, and evidence of its language; a question
  // already known to be French needs neither
  let found = lang === undefined ? findEnglish(tokens, c, isWord) : undefined;
  lang ??= detect(question, tokens, found!, c);
  if (lang === "fr") {
    // the phrases the question writes word for word (` ${phrase} ` in ` ${tokens.join(" ")} `), in the glossary's order
    const held: number[] = [];
    tokens.forEach((t, i) => {
      for (const { at, words: w } of c.frenchPhrasesByFirst.get(t) ?? []) if (i + w.length <= tokens.length && w.every((x, j) => tokens[i + j] === x)) held.push(at);
    });
    held.sort((a, b) => a - b);
    // the term as the question writes it first: it names what is missing
    const written = new Map<number, string>();
    for (const at of held) {
      const p = c.frenchPhrases[at];
      if (!written.has(p.entry)) written.set(p.entry, p.term);
    }
    const frenchTerms = [...written].map(([e, term]) => [term, ...glossary.entries[e].fr.filter((t) => t !== term)]);
    // a plural the glossary writes singular (« ordonnances »: « ordonnance »; « hôpitaux »: « hôpital ») is the same word
    const entriesOf = (t: string) =>
      c.frenchWordEntries.get(t) ?? (t.length > 4 && /[sx]$/.test(t) ? c.frenchWordEntries.get(t.slice(0, -1)) : undefined) ?? (t.length > 5 && t.endsWith("aux") ? c.frenchWordEntries.get(`${t.slice(0, -3)}al`) : undefined) ?? [];
    const synonymEntries = tokens.flatMap((t) => entriesOf(t).map(({ term, entry }) => ({ entry, terms: [term, ...glossary.entries[entry].fr.filter((x) => x !== term)] })));
    const frenchSynonyms = synonymEntries.map((s) => s.terms);
    const sameMeaning = synonymEntries.filter((s) => glossary.entries[s.entry].sameMeaning).map((s) => s.terms);
    return { lang, expanded: question, added: [], concepts: [], labels: [], fields: [], leftover: [], frenchTerms, frenchSynonyms, sameMeaning };
  }
  found ??= findEnglish(tokens, c, isWord);
  const present = ` ${tokens.join(" ")} `;
  const seen = new Set<string>();
  const added: string[] = [];
  const fields: string[] = [];
  const concepts: string[][] = [];
  const labels: string[] = [];
  for (const { term, start } of found) {
    const entry = glossary.entries[term.entry];
    concepts.push([...entry.fr]);
    labels.push(asWritten(question, tokens.slice(start, start + term.keys.length)));
    if (entry.field && !fields.includes(entry.field)) fields.push(entry.field);
    for (const [i, fr] of entry.fr.entries()) {
      const folded = c.foldedFrench[term.entry][i];
      if (seen.has(folded) || present.includes(` ${folded} `)) continue;
      seen.add(folded);
      added.push(fr);
    }
  }
  const covered = new Set(found.flatMap(({ term, start }) => term.keys.map((_, j) => start + j)));
  const leftover = tokens.map(key).filter((k, i) => !covered.has(i) && !c.en.has(tokens[i]));
  return { lang, expanded: added.length > 0 ? `${question} ${added.join(" ")}` : question, added, concepts, labels, fields, leftover, frenchTerms: [] };
}
