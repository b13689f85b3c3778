// Which words say how a question is put rather than what it is about: a word the corpus never
// writes makes the answer abstain only when it names something (a public, a condition, a
// method, a place). Verbs and adverbs ("garder", "greffées", "admit", "weigh", "rather",
// "nowhere") do not: "Quelles actions se sont greffées sur une journée nationale ?" is about the
// national day. Nouns and adjectives stay ("violences conjugales", "unemployed people").
//
// The parts of speech come from general lexicons Debian ships, read at start and never copied
// into this project; without them nothing changes:
// - French: Dicollecte's dictionary for hunspell (`hunspell-fr-classical`, MPL-2.0), whose
//   entries carry their part of speech ("garder/a0p+() po:v1…", "bébé/S.() po:nom");
// - English: Princeton WordNet 3.0's index files (`wordnet-base`), with per part of speech the
//   number of senses and of senses seen in a tagged corpus (how the word is mostly used).
import { existsSync, readFileSync } from "node:fs";
import { WordMemo } from "../wordMemo.ts";
import { TUNING } from "../tuning.ts";

export const HUNSPELL_FR_PATH = "/usr/share/hunspell/fr.dic";
export const WORDNET_DIR = "/usr/share/wordnet";

/** Weights of one word's uses, by part of speech. */
interface Uses {
  noun: number;
  adjective: number;
  verb: number;
  adverb: number;
}

/**
 * A compact lexicon: 32-bit hashes of the headwords, sorted, with each one's uses packed in a
 * number (four 8-bit weights). A Map of ~200,000 strings would hold ~10 MB in every worker.
 */
export class PackedLexicon {
  private constructor(
    private readonly hashes: Uint32Array,
    private readonly packed: Uint32Array,
  ) {}

  /** `entries`: each headword's hash and its uses, already packed (a Map of objects was ~60 MB of garbage at start). */
  static from(entries: Map<number, number>): PackedLexicon {
    const keys = Uint32Array.from(entries.keys()).sort();
    const packed = Uint32Array.from(keys, (k) => entries.get(k)!);
    return new PackedLexicon(keys, packed);
  }

  get size() {
    return this.hashes.length;
  }

  uses(word: string): Uses | undefined {
    const h = hash(word);
    let lo = 0;
    let hi = this.hashes.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.hashes[mid] < h) lo = mid + 1;
      else hi = mid;
    }
    return lo < this.hashes.length && this.hashes[lo] === h ? unpack(this.packed[lo]) : undefined;
  }
}

const unpack = (n: number): Uses => ({ noun: n & 255, adjective: (n >>> 8) & 255, verb: (n >>> 16) & 255, adverb: n >>> 24 });

/** FNV-1a, 32 bits: ~200,000 headwords leave a collision chance of a few in a million per lookup. */
function hash(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) {
    h ^= word.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const SHIFT: Record<keyof Uses, number> = { noun: 0, adjective: 8, verb: 16, adverb: 24 };

/** Adds `weight` to one part of speech of a headword's packed uses (each saturating at 255). */
function add(entries: Map<number, number>, word: string, pos: keyof Uses, weight: number) {
  const h = hash(word);
  const packed = entries.get(h) ?? 0;
  // a headword of another part of speech (a preposition, a pronoun) is known, with no weight
  if (weight <= 0) return void entries.set(h, packed);
  const now = (packed >>> SHIFT[pos]) & 255;
  const next = Math.min(255, now + weight);
  entries.set(h, ((packed & ~(255 << SHIFT[pos])) | (next << SHIFT[pos])) >>> 0);
}

/** The French lexicon: each headword's uses, and the given names apart ("Henri/L'D'Q' po:prn is:mas"). */
export interface FrenchLexicon {
  lexicon: PackedLexicon;
  givenNames: PackedLexicon;
}

/** Hunspell-fr's `.dic`: "lemma/flags po:nom is:mas", a part of speech per entry, 1 for each entry of it. */
export function parseHunspellFr(dic: string): FrenchLexicon {
  const entries = new Map<number, number>();
  const givenNames = new Map<number, number>();
  let start = 0;
  while (start < dic.length) {
    let end = dic.indexOf("\n", start);
    if (end < 0) end = dic.length;
    const line = dic.slice(start, end);
    start = end + 1;
    const at = line.indexOf(" po:");
    if (at < 0) continue;
    const cut = line.search(/[/\s]/);
    const word = line.slice(0, cut < 0 ? line.length : cut).toLowerCase();
    const tags = line.slice(at);
    // a proper name ("Rémi") is a word, but no use of a lower-case word of the question
    if (tags.includes("po:nom")) add(entries, word, "noun", 1);
    if (tags.includes("po:adj")) add(entries, word, "adjective", 1);
    if (tags.includes("po:v1") || tags.includes("po:v2") || tags.includes("po:v3") || tags.includes("po:v0")) add(entries, word, "verb", 1);
    if (tags.includes("po:adv")) add(entries, word, "adverb", 1);
    add(entries, word, "noun", 0);
    if (tags.includes("po:prn")) add(givenNames, word, "noun", 1);
  }
  return { lexicon: PackedLexicon.from(entries), givenNames: PackedLexicon.from(givenNames) };
}

/** WordNet's `index.<pos>` lines: "lemma pos synset_cnt p_cnt [ptr…] sense_cnt tagsense_cnt offsets…"; a use weighs 1 + 2 × its tagged senses. */
function parseWordNetIndex(entries: Map<number, number>, index: string, pos: keyof Uses) {
  for (const line of index.split("\n")) {
    if (line.startsWith(" ") || !line) continue; // the licence header
    const f = line.split(" ");
    if (f[0].includes("_")) continue; // several words: questions are read a word at a time
    const pointers = Number(f[3]);
    const tagged = Number(f[5 + pointers]);
    if (!Number.isFinite(tagged)) continue;
    add(entries, f[0].toLowerCase(), pos, 1 + 2 * tagged);
  }
}

/** WordNet's exception lists ("went go", "children child"): irregular forms and their lemmas. */
function parseExceptions(text: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const line of text.split("\n")) {
    const [form, ...lemmas] = line.trim().split(" ");
    if (form && lemmas.length) out.set(form, lemmas);
  }
  return out;
}

/** WordNet's "morphy" detachment rules: the lemmas an inflected English form may come from. */
const DETACH: Record<"noun" | "verb" | "adjective", [string, string][]> = {
  noun: [["s", ""], ["ses", "s"], ["xes", "x"], ["zes", "z"], ["ches", "ch"], ["shes", "sh"], ["men", "man"], ["ies", "y"]],
  verb: [["s", ""], ["ies", "y"], ["es", "e"], ["es", ""], ["ed", "e"], ["ed", ""], ["ing", "e"], ["ing", ""]],
  adjective: [["er", ""], ["est", ""], ["er", "e"], ["est", "e"]],
};

export interface WordClasses {
  /** Whether a word of the question is mostly a verb or an adverb in its language's lexicon (unknown words: no). */
  asksHow(word: string, lang: "fr" | "en"): boolean;
  /** Whether the lexicon gives the word a verb use at all ("clock" of "clock up", "plancher" of "pour plancher"): where the
   * question's grammar wants a verb, such a word is one (unknown words and missing lexicons: no). */
  canBeVerb(word: string, lang: "fr" | "en"): boolean;
  /** Whether a word has many uses in the lexicon (WordNet's senses, weighted by how often each was seen in its tagged corpus,
   * summed over the parts of speech): a general word ("chance", "seat"), not the name of one thing; without a lexicon, no. */
  manyUses(word: string, lang: "fr" | "en"): boolean;
  /** Whether the language's lexicon knows the word (as written, or an inflection it reads); without a lexicon, yes. */
  isWord(word: string, lang: "fr" | "en"): boolean;
  /** Whether the French lexicon gives the word as a given name ("Henri", "Claire"; both languages' questions write them
   * alike); without a lexicon, no. */
  givenName(word: string): boolean;
  /** Headwords read, for the start-up log. */
  readonly sizes: { fr: number; en: number };
}

const mostlyHow = (u: Uses) => u.verb + u.adverb > u.noun + u.adjective;

/** The third group's participles and their infinitives' endings: "remis" remettre, "offert" offrir, "produit" produire. */
const IRREGULAR_PARTICIPLES: [string, string][] = [["mi", "mettre"], ["pri", "prendre"], ["fert", "frir"], ["vert", "vrir"], ["crit", "crire"], ["duit", "duire"], ["struit", "struire"], ["fait", "faire"], ["dit", "dire"], ["tenu", "tenir"], ["venu", "venir"], ["voulu", "vouloir"], ["pu", "pouvoir"], ["vu", "voir"], ["reçu", "recevoir"], ["rendu", "rendre"], ["vendu", "vendre"], ["joint", "joindre"], ["peint", "peindre"], ["atteint", "atteindre"], ["ouvert", "ouvrir"]];

const THIRD_GROUP_PLURALS: [string, string][] = [["iennent", "enir"], ["ennent", "endre"], ["ettent", "ettre"], ["oivent", "evoir"]];

/** French: the word as written, its singular, masculine, the infinitive of a regular participle, then of an irregular one. */
function frenchUses(lexicon: PackedLexicon, word: string): Uses | undefined {
  const w = word.toLowerCase().replace(/^[dlqsnmtjc]['’]/, "");
  const singular = w.replace(/[sx]$/, "");
  const masculine = singular.replace(/e$/, "");
  const candidates = [w, singular, masculine, ...IRREGULAR_PARTICIPLES.flatMap(([ending, infinitive]) => (masculine.endsWith(ending) && masculine.length > ending.length ? [masculine.slice(0, -ending.length) + infinitive] : []))];
  // "greffées" → "greffer", "établis" → "établir"
  if (/é$/.test(masculine)) candidates.push(masculine.replace(/é$/, "er"));
  if (/i$/.test(masculine)) candidates.push(`${masculine}r`);
  // a conjugated form of a regular verb: "déclarent", "déclare", "organisait" → the infinitive; "finissent" → "finir";
  // read as the verb only: "agissent" is "agir" conjugated, whatever the noun "l'agir" (counted from here on)
  const conjugatedFrom = candidates.length;
  const conjugated = /^(.{2,}?)(?:iss(?:ent|ons|ez|ait|aient))$/.exec(w);
  if (conjugated) candidates.push(`${conjugated[1]}ir`);
  // the third group's present plurals: "viennent" venir, "prennent" prendre, "mettent" mettre, "doivent" devoir
  for (const [ending, infinitive] of THIRD_GROUP_PLURALS) if (w.endsWith(ending) && w.length > ending.length) candidates.push(w.slice(0, -ending.length) + infinitive);
  const firstGroup = /^(.{3,}?)(?:ent|ons|ez|ait|aient|e|es)$/.exec(w);
  // (its stem's grave accent an "e" in the infinitive: "relèvent" relever, "achète" acheter)
  if (firstGroup) candidates.push(`${firstGroup[1]}er`, `${firstGroup[1].replace(/è(?=[^è]*$)/, "e")}er`);
  // the other present plurals in -ent, last and as verbs only: "vivent" vivre, "partent" partir, "écrivent" écrire, "lisent"
  // lire (a noun or adjective in -ent, "patient", was read as written; "aident" is not the noun "aire")
  const verbsOnlyFrom = candidates.length;
  const plural = /^(.{2,}?)ent$/.exec(w);
  if (plural) candidates.push(`${plural[1]}re`, `${plural[1]}ir`, `${plural[1].slice(0, -1)}re`);
  // the first reading with a use: a form that is only a proper name ("remi" of "remis": Rémi) is read on
  let known: Uses | undefined;
  for (const [i, c] of candidates.entries()) {
    const u = lexicon.uses(c);
    if (i >= verbsOnlyFrom && !(u && u.verb > 0)) continue;
    if (i >= conjugatedFrom && u && u.verb > 0) return { noun: 0, adjective: 0, verb: u.verb, adverb: 0 };
    if (u && u.noun + u.adjective + u.verb + u.adverb > 0) return u;
    known ??= u;
  }
  return known;
}

/**
 * English: the uses of the word as written and of the lemmas WordNet's exceptions and morphy
 * rules give for each part of speech ("weighs" → weigh; "connected" → connect, mostly a verb).
 */
function englishUses(lexicon: PackedLexicon, exceptions: Map<string, string[]>, word: string): Uses | undefined {
  const w = word.toLowerCase();
  const total: Uses = { noun: 0, adjective: 0, verb: 0, adverb: 0 };
  let found = false;
  const take = (lemma: string, pos: keyof Uses) => {
    const u = lexicon.uses(lemma);
    if (u && u[pos] > 0) {
      total[pos] = Math.max(total[pos], u[pos]);
      found = true;
    }
  };
  for (const pos of ["noun", "adjective", "verb", "adverb"] as const) {
    take(w, pos);
    for (const lemma of exceptions.get(`${pos}:${w}`) ?? []) take(lemma, pos);
    if (pos === "adverb") continue;
    for (const [suffix, ending] of DETACH[pos]) if (w.endsWith(suffix) && w.length > suffix.length + 1) take(w.slice(0, -suffix.length) + ending, pos);
  }
  return found ? total : undefined;
}

/** WordNet's lexicon from its index files' texts, and its exception lists' (by part of speech). */
export function parseWordNet(indexes: Record<keyof Uses, string>, exceptionLists: Partial<Record<keyof Uses, string>> = {}): EnglishLexicon {
  const entries = new Map<number, number>();
  const exceptions = new Map<string, string[]>();
  for (const pos of Object.keys(indexes) as (keyof Uses)[]) {
    parseWordNetIndex(entries, indexes[pos], pos);
    for (const [form, lemmas] of parseExceptions(exceptionLists[pos] ?? "")) exceptions.set(`${pos}:${form}`, lemmas);
  }
  return { lexicon: PackedLexicon.from(entries), exceptions };
}

export interface EnglishLexicon {
  lexicon: PackedLexicon;
  exceptions: Map<string, string[]>;
}

export function wordClassesFrom(french: FrenchLexicon | undefined, english: EnglishLexicon | undefined): WordClasses {
  // a word's uses are looked up under each of its candidate forms (frenchUses, englishUses): remembered per word,
  // since questions asked once still share most of their words
  const uses = { fr: new WordMemo<Uses | null>(), en: new WordMemo<Uses | null>() };
  const usesOf = (word: string, lang: "fr" | "en"): Uses | undefined => {
    const known = uses[lang].get(word);
    if (known !== undefined) return known ?? undefined;
    const u = lang === "fr" ? french && frenchUses(french.lexicon, word) : english && englishUses(english.lexicon, english.exceptions, word);
    return uses[lang].set(word, u ?? null) ?? undefined;
  };
  return {
    asksHow(word, lang) {
      const u = usesOf(word, lang);
      // "complètement": an adverb in -ment as often as a noun is the adverb in a question (how, not what)
      return !!u && (mostlyHow(u) || (lang === "fr" && u.adverb > 0 && /ment$/.test(word) && u.adverb >= u.noun + u.adjective));
    },
    canBeVerb(word, lang) {
      return (usesOf(word, lang)?.verb ?? 0) > 0;
    },
    manyUses(word, lang) {
      const u = lang === "en" ? usesOf(word, lang) : undefined;
      return !!u && u.noun + u.adjective + u.verb + u.adverb >= TUNING.understand.generalWordUses;
    },
    isWord(word, lang) {
      if (lang === "fr") return french ? usesOf(word, lang) !== undefined : true;
      return english ? usesOf(word, lang) !== undefined : true;
    },
    givenName(word) {
      return !!french && french.givenNames.uses(word.toLowerCase()) !== undefined;
    },
    sizes: { fr: french?.lexicon.size ?? 0, en: english?.lexicon.size ?? 0 },
  };
}

/** The lexicons installed on this machine (either may be missing: then its language keeps every word). */
export function loadWordClasses(frDic = HUNSPELL_FR_PATH, wordNetDir = WORDNET_DIR): WordClasses {
  const french = existsSync(frDic) ? parseHunspellFr(readFileSync(frDic, "utf8")) : undefined;
  const files = { noun: "noun", adjective: "adj", verb: "verb", adverb: "adv" } as const;
  const read = (path: string) => (existsSync(path) ? readFileSync(path, "utf8") : "");
  const installed = Object.values(files).every((f) => existsSync(`${wordNetDir}/index.${f}`));
  const english = installed
    ? parseWordNet(
        { noun: read(`${wordNetDir}/index.noun`), adjective: read(`${wordNetDir}/index.adj`), verb: read(`${wordNetDir}/index.verb`), adverb: read(`${wordNetDir}/index.adv`) },
        { noun: read(`${wordNetDir}/noun.exc`), adjective: read(`${wordNetDir}/adj.exc`), verb: read(`${wordNetDir}/verb.exc`), adverb: read(`${wordNetDir}/adv.exc`) },
      )
    : undefined;
  return wordClassesFrom(french, english);
}

/**
 * The installed lexicons, read when a question first has a word the corpus never writes (~0.4 s,
 * ~1.3 MB kept): most questions never need them, and a test's start-up does not pay for them.
 */
export function lazyWordClasses(log?: (line: string) => void): WordClasses {
  let loaded: WordClasses | undefined;
  const get = () => {
    if (!loaded) {
      loaded = loadWordClasses();
      const { fr, en } = loaded.sizes;
      log?.(`word classes: ${fr ? `hunspell-fr (${fr} headwords)` : "no French lexicon (hunspell-fr-classical not installed)"}, ${en ? `WordNet (${en} headwords)` : "no English lexicon (wordnet-base not installed)"}`);
    }
    return loaded;
  };
  return {
    asksHow: (word, lang) => get().asksHow(word, lang),
    canBeVerb: (word, lang) => get().canBeVerb(word, lang),
    isWord: (word, lang) => get().isWord(word, lang),
    manyUses: (word, lang) => get().manyUses(word, lang),
    givenName: (word) => get().givenName(word),
    get sizes() {
      return get().sizes;
    },
  };
}
