// A question as a set of concepts, each a set of alternative phrases: a French content word
// is one concept; an English glossary entry is one concept whose alternatives are its French
// terms. A sheet covers a concept when it holds every term of one alternative. Coverage by
// concept, not by term, keeps a glossary's many synonyms from diluting the one idea they share.
import { analyze, fold, FRENCH_STOP_WORDS } from "../../../ingest/text/index.ts";
import { idf, type CorpusStats } from "../retrieve/corpusStats.ts";
import { TUNING } from "../tuning.ts";
import { WordMemo, WordMemos } from "../wordMemo.ts";

export interface Concept {
  phrases: string[][];
  /** chunks that can hold it (upper bound: the best alternative's rarest term) */
  df: number;
  /** no alternative of it exists in the corpus, even as a variant the stemmer missed */
  unknown: boolean;
  /** how the question says it, for an answer that names what the corpus lacks */
  label?: string;
  /** a term of several words: a sheet holds it where its words stand side by side (sideBySide.ts) */
  phrase?: boolean;
  /** the question's word is mostly a verb or an adverb ("toujours", "existe"): it may say how the question asks rather than what about */
  how?: boolean;
  /** asked as a person ("psychiatre", "éducateurs"): the folded forms a sheet writes when that person is there (personForms) */
  person?: string[];
  /** a glossary term one of whose forms is an acronym ("Mental Health First Aid": PSSM): it designates one programme or
   * body, as an acronym the question writes does */
  acronym?: boolean;
}

const { conceptGenericShare, unknownMinChars, variantPrefixChars, variantPrefixShare } = TUNING.understand;

/** The first position of a sorted list whose string is not before `prefix` (where strings starting with it begin). */
function lowerBound(sorted: readonly string[], prefix: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < prefix) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The corpus's words in order, to ask whether any starts with a given prefix. */
const sortedWords = new WeakMap<CorpusStats, string[]>();
function someWordStartsWith(prefix: string, stats: CorpusStats): boolean {
  let words = sortedWords.get(stats);
  if (!words) sortedWords.set(stats, (words = [...stats.words].sort()));
  const at = lowerBound(words, prefix);
  return at < words.length && words[at].startsWith(prefix);
}

/** The corpus's terms in order, to find those a clipped word opens. */
const sortedTerms = new WeakMap<CorpusStats, string[]>();
/** The corpus's terms that go on from `prefix`, up to `max + 1` of them (more than `max` says the prefix is ambiguous). */
function termsStartingWith(prefix: string, stats: CorpusStats, max: number): string[] {
  let terms = sortedTerms.get(stats);
  if (!terms) sortedTerms.set(stats, (terms = [...stats.df.keys()].sort()));
  const out: string[] = [];
  // (a clipping drops a syllable or more: "deja" is no "déj…")
  const shortest = prefix.length + TUNING.understand.clippedDropsMinLetters;
  for (let i = lowerBound(terms, prefix); i < terms.length && terms[i].startsWith(prefix) && out.length <= max; i++) if (terms[i].length >= shortest) out.push(terms[i]);
  return out;
}

/**
 * "petit-déj", "un resto", "l'appart": a French word the sheets never write, whose last part is a clipping (three or four
 * letters), is the few corpus terms it opens ("pet-dejeun" for "pet-dej"); none when it opens none or too many to say which.
 */
function clippedCompletions(t: string, written: string, stats: CorpusStats): string[] {
  const last = t.split("-").pop() ?? t;
  if (last.length < TUNING.understand.clippedMinLetters || last.length > TUNING.decide.clippedMaxLetters) return [];
  // a clipping has no ending for the stemmer to cut ("déj", "psy", "ados"): "pâte", stemmed "pat", is a whole word
  if ((fold(written).split("-").pop() ?? "").replace(/s$/, "") !== last) return [];
  const found = termsStartingWith(t, stats, TUNING.understand.clippedCompletionsMax);
  return found.length <= TUNING.understand.clippedCompletionsMax ? found : [];
}

/**
 * A term the corpus holds, or a variant the stemmer missed: a corpus word sharing its first
 * letters — five for a short word, most of a long one, so "télépsychiatrie" does not pass for
 * "téléphone". Whether a word is too short to judge is read on the word as written: the stemmer
 * cuts "pères" to "per", which is not a short word. An acronym ("TCA") is known only as itself.
 */
function variantKnown(term: string, stats: CorpusStats, written?: string, lemma = false): boolean {
  if (stats.df.has(term)) return !(lemma && collides(term, stats, written));
  if (written && /^\p{Lu}{2,}$/u.test(written)) return false;
  // "VigilanS", "PsyCom": a capital inside a word spells a name, there as written, not as a word sharing its first
  // letters ("vigilance")
  if (written && /^\p{L}+\p{Lu}/u.test(written.trim())) return false;
  const length = written ? fold(written).replace(/[^a-z0-9]/g, "").length : term.length;
  if (length < unknownMinChars) return true; // too short to call unknown
  // a dictionary's or glossary's lemma is there as a word of its family, one going on from its whole stem
  // ("psychotraumat…": psychotraumatique), not as one sharing its first letters ("paysan": paysage)
  // (a stem shorter than a prefix, "per" of "pères", is judged by its prefix as before)
  if (lemma && term.length >= variantPrefixChars) return someWordStartsWith(term, stats);
  const n = Math.max(variantPrefixChars, Math.ceil(term.length * variantPrefixShare));
  return n <= variantPrefixChars ? stats.prefixes.has(term.slice(0, variantPrefixChars)) : someWordStartsWith(term.slice(0, n), stats);
}

/**
 * A stem few chunks hold, that a glossary's word shares only with another word: "détention" and the
 * corpus's one "détente" stem alike, but no corpus word goes on as "détenti…". A word of the family
 * goes on as the written word does past the stem ("formati…": formations, "accompagne…": accompagner).
 */
function collides(term: string, stats: CorpusStats, written?: string): boolean {
  if (!written || (stats.df.get(term) ?? 0) > TUNING.understand.stemCollisionMaxChunks) return false;
  const word = fold(written);
  if (!/^[a-z]+$/.test(word) || word.length <= term.length || !word.startsWith(term)) return false;
  return !someWordStartsWith(word.slice(0, term.length + 1), stats);
}

/** A word's single stem that the sheets write only as another word ("aînés": "ain", which the sheets write only as a place name). */
export function strayStem(analysed: readonly string[], stats: CorpusStats, written: string): boolean {
  return analysed.length === 1 && stats.df.has(analysed[0]) && collides(analysed[0], stats, written);
}

/**
 * One word is present as itself or a variant; several words (a glossary term such as
 * "entendeurs de voix") are present only as a phrase, their words side by side in one text,
 * never merely each somewhere in a sheet ("troubles" here and "alimentaire" there).
 */
function present(phrase: string[], stats: CorpusStats, written?: string, lemma = false): boolean {
  if (phrase.length === 1) return variantKnown(phrase[0], stats, written && surfaceOf(phrase[0], analysedWords(written)), lemma);
  return phrase.every((t) => stats.df.has(t)) && stats.heldTogether(phrase);
}

/**
 * French agent nouns name a person by their ending ("psychiatre", "psychologue", "éducateur", "pharmacien",
 * "artiste"), while the stemmer gives the discipline and its adjective the same stem ("psychiatrie",
 * "psychiatrique"; "éducation"). General French morphology, not words of the sheets. Only the endings that
 * name persons: "-eur" alone also makes "secteur" and "levier" shows "-ier" does not (dev2 b-26, blind6 k-40).
 */
const AGENT_NOUN = /^(?:[a-z]{3,}(?:iatre|logue|iste|ateur|atrice|[ai]cien|[ai]cienne)|infirmier|infirmiere)s?$/;

/** The folded forms of an agent noun, singular and plural, masculine and feminine; none for another word. */
export function personForms(written: string): string[] | undefined {
  const word = fold(written);
  if (!AGENT_NOUN.test(word)) return undefined;
  const base = word.endsWith("s") && AGENT_NOUN.test(word.slice(0, -1)) ? word.slice(0, -1) : word;
  const genders = [base];
  const swap = (from: string, ...to: string[]) => base.endsWith(from) && genders.push(...to.map((t) => base.slice(0, -from.length) + t));
  swap("ateur", "atrice") || swap("atrice", "ateur") || swap("cienne", "cien") || swap("cien", "cienne");
  return genders.flatMap((g) => [g, `${g}s`]);
}

/** Every alternative is one agent noun, or opens on one ("infirmier en psychiatrie"): the sheets must write the person,
 * not only the discipline. */
function personOf(kept: readonly { p: string[]; w?: string }[]): string[] | undefined {
  const forms = kept.map(({ p, w }) => (p.length === 1 && w && !/\s/.test(w.trim()) ? personForms(w) : w && p.length > 1 ? personForms(w.trim().split(/\s+/)[0]) : undefined));
  return forms.every((f) => f !== undefined) ? [...new Set(forms.flatMap((f) => f!))] : undefined;
}

/** `written`: how each alternative is written, where known (a glossary term, the question's word). */
/** `lemmas`: the written forms are a translator's dictionary words (the glossary's), not the question's inflected ones. */
function concept(phrases: string[][], stats: CorpusStats, label?: string, written?: (string | undefined)[], lemmas = false): Concept | undefined {
  const all = phrases.map((p, i) => ({ p, w: written?.[i] })).filter(({ p }) => p.length > 0);
  // a glossary word whose stem the sheets write only as another word (« aînés » and a place name the sheets write: "ain")
  // is no alternative to look for: it would find the other word (the word itself stays, judged by `present`)
  const apart = lemmas ? all.filter(({ p, w }) => !(w && strayStem(p, stats, w))) : all;
  const kept = apart.length > 0 ? apart : all;
  if (kept.length === 0) return undefined;
  const df = Math.max(...kept.map(({ p }) => Math.min(...p.map((t) => stats.df.get(t) ?? 0))));
  const unknown = !kept.some(({ p, w }) => present(p, stats, w, lemmas));
  const ps = kept.map(({ p }) => p);
  const out: Concept = label ? { phrases: ps, df, unknown, label } : { phrases: ps, df, unknown };
  const person = personOf(kept);
  if (person) out.person = person;
  return out;
}

/** "quelques centaines d'euros", "dozens of stands": a number said in words counts, it names nothing ("quarantaine" may be a quarantine). */
const NUMERAL_NOUN = /^(?:zeros?|handfuls?|poignees?|dizaines?|douzaines?|quinzaines?|vingtaines?|trentaines?|cinquantaines?|centaines?|milliers?|millions?|milliards?|dozens?|hundreds?|thousands?|millions?|billions?)$/;

/** "au printemps 2023", "in the autumn": a season the sheets do not write says when (they date by months), not what about. */
const SEASON = /^(?:printemps|automnes?|hivers?|springs?|summers?|autumns?|winters?)$/;

/** "logements neufs", "a massive interchange": an adjective of age or size qualifies what it follows, it names no topic
 * (general French and English; a word the sheets write stays a concept, as "petite enfance" does). */
/** A verb made on a word ending in a consonant by doubling it ("slam" → "slammer", "slammé", "slammeurs"): the word. */
const DOUBLED_CONSONANT_VERB = /^([a-z]{2,}?([bdgklmnprtz]))\2(?:er|ers|e|ee|es|ees|ant|eur|eurs|euse|euses)$/;

/**
 * « quinquagénaires », "people in their fifties": an age said by its decade is that number of years, as the sheets write
 * ages ("plus de 50 ans"). General French and English; the English decade only after "their" or "early", "mid", "late",
 * since "the sixties" is also a time.
 */
const DECADE_AGE = /(?<![\p{L}])(?:(trent|quadrag[eé]n|quinquag[eé]n|sexag[eé]n|septuag[eé]n|octog[eé]n|nonag[eé]n)aires?|(?:their|early|mid-?|late)\s+(twent|thirt|fort|fift|sixt|sevent|eight|ninet)ies)(?![\p{L}])/giu;
const DECADE_YEARS: Record<string, string> = { trent: "30", quadragen: "40", quinquagen: "50", sexagen: "60", septuagen: "70", octogen: "80", nonagen: "90", twent: "20", thirt: "30", fort: "40", fift: "50", sixt: "60", sevent: "70", eight: "80", ninet: "90" };

/** The ages a question says by their decade, as concepts of the years the sheets write; and the words saying them. */
function decadeAges(question: string, stats: CorpusStats): { concepts: Concept[]; words: Set<string> } {
  const concepts: Concept[] = [];
  const words = new Set<string>();
  for (const m of question.matchAll(DECADE_AGE)) {
    const years = DECADE_YEARS[fold(m[1] ?? m[2])];
    // (the years side by side, "50 ans": a 50 alone counts people or euros)
    const c = years && stats.df.has(years) ? concept([analyze(`${years} ans`)], stats, m[0].trim().split(/\s+/).pop()) : undefined;
    if (!c) continue;
    concepts.push(c);
    words.add(fold(m[0].trim().split(/\s+/).pop()!));
  }
  return { concepts, words };
}

const AGE_OR_SIZE = /^(?:neu[fv]e?s?|nouveaux?|nouvel(?:le)?s?|recente?s?|ancien(?:ne)?s?|grande?s?|gros(?:se)?s?|petite?s?|enormes?|immenses?|vastes?|new|brand-new|recent|old|older|big|bigger|large|larger|huge|massive|small|smaller|tiny|little|giant)$/;

/** French modal verbs' present ("je veux", "on peut", "doit", "peuvent") and subjunctive ("puissent", "doive"), and
 * conditionals ("voudrais", "aimerait"): how the question is put. General French grammar. */
const MODAL_OR_CONDITIONAL = /^(?:veu[xt]|peu[xt]|doi[st]|sai[st]|vais|voulue?s?|peuvent|veulent|doivent|savent|puiss(?:e|es|ent|ions|iez)|veuill(?:e|es|ent)|doiv(?:e|es|ent)|sach(?:e|es|ent))$|^[a-z]{2,}(?:er|dr)(?:ais|ait|aient)$/;

/** A French verb followed by its subject pronoun: "misent-elles", "retrouve-t-on". */
const INVERTED_SUBJECT = /-(?:t-)?(?:il|elle|on|ils|elles|je|tu|nous|vous)$/iu;

/** An imperative followed by its pronoun: "Parle-moi", "dites-nous", "montrez-les". */
const IMPERATIVE_PRONOUN = /^\p{L}{3,}-(?:moi|nous|vous|les|leur|lui|en|y)$/iu;
/** The French nouns shaped as a verb and its pronoun ("un rendez-vous", "un chez-soi"): things, not how a question is put. */
const PRONOUN_SHAPED_NOUN = /^(?:rendez-vous|chez-(?:moi|soi|nous|vous))$/iu;

/**
 * French adverbial and prepositional locutions: their noun says how, not what about ("financées en partie par…" is
 * no "partie", which would meet "partenaires" by its first letters; "mis en place", "au sein de", "en lien avec").
 * General French (any grammar lists them), not words of the sheets.
 */
const FRENCH_LOCUTIONS = /(?<![\p{L}'’-])(?:en partie|en particulier|en général|en effet|en fait|en outre|en tout|au moins|au total|par exemple|à la fois|de plus|(?:mis|mise|mises|mettre|met|mettent|mettons) en (?:place|œuvre|oeuvre)|au sein d(?:e|u|es|['’])|en lien (?:avec|entre)|grâce (?:à|au|aux)|quelque chose|c['’]est-à-dire|du (?:style|genre)|sous l['’]angle d(?:e|u|es|['’])|autour d(?:e|u|es|['’])|à intervalles? réguliers?|de façon régulière|de manière régulière|au cas par cas|(?:lié|liée|liés|liées) (?:à|au|aux)|(?:fai(?:re|s|t|tes|sons|sant)|font|ont fait|a fait) appel (?:à|aux?)|à l['’]échelle d(?:e|u|es|['’])|dans le cadre d(?:e|u|es|['’])|dans la boucle|sur le papier|d['’]habitude|comme d['’]habitude|en moyenne|à peu près|en gros)(?:(?<=['’])|(?![\p{L}'’-]))/giu;

/** "on a regular basis", "on a voluntary basis": the adjective says how, "basis" nothing (the index reads it as the French "bas"). */
const ON_A_BASIS = /(?<![\p{L}])(on an? [\p{L}-]+) basis(?![\p{L}])/giu;

/** "À quel âge s'adresse l'action ?", "où se déroulent…": the reflexive pronoun precedes a verb only, how the question asks
 * ("adresse" would be an address). General French grammar. */
const REFLEXIVE_VERB = /(?<![\p{L}])(?:s['’]|se\s+)\p{L}+/giu;

/** "Qu'est-ce qui a été fait…", "ont-elles été formées": "été" after avoir is être's participle, not the summer. General French grammar. */
const PARTICIPLE_ETE = /(?<![\p{L}])(?:a|as|ai|ont|avons|avez|avait|avaient|aura|auront|aurait|auraient|ait|aient|avoir|ayant)(?:-t-(?:il|elle|on)|-(?:ils|elles))?\s+été(?![\p{L}])/giu;

/** "Quelles villes font de la sensibilisation ?", "actions menées avec un CHU": a light verb says how the question asks,
 * not what about ("mener une action" is doing it). */
const LIGHT_VERBS = new Set(["fais", "fait", "font", "faisons", "faites", "faire", "mener", "mene", "menes", "menent", "menons", "menez", "menee", "menees", "travaille", "travaillent", "travaillons", "travaillez", "travailler", "intervenir", "interviens", "intervient", "interviennent", "intervenons", "intervenez", "intervenu", "intervenue", "intervenus", "intervenues", "venir", "viens", "vient", "viennent", "venons", "venez", "venu", "venue", "venus", "venues"]);

/** "des choses comparables", "des trucs pour les jeunes": a noun that stands for anything names no topic (general French,
 * as English "things", which the dictionary's stop words already drop); nor does one that sorts them ("quels types
 * d'actions", "un espace type supervision", "ce genre"… no sheet writes "type", which made such questions unanswerable). */
const PLACEHOLDER_NOUNS = new Set(["chose", "choses", "truc", "trucs", "machin", "machins", "type", "types", "sorte", "sortes"]);
/** "un volet alimentation", "un volet santé mentale": a part of an action, the word after it the topic (general French). */
const COMPONENT_NOUNS = new Set(["volet", "volets"]);
/** "parce que", "lorsque", "puisque": conjunctions the index keeps (its stop words are Snowball's) name no topic, and
 * « parce » stems as « parc » (general French grammar). */
const CONJUNCTIONS = new Set(["parce", "lorsque", "lorsqu", "puisque", "puisqu", "quoique"]);
/** "la fiche lilloise de 2021", "la fiche-action de Lorient": the document the question is about, no topic of it. */
const DOCUMENT_NOUNS = new Set(["fiche", "fiches", "fiche-action", "fiches-actions", "fiches-action"]);

/** The question's words, each with its analysed terms: read once for all the terms whose surface is asked. */
function analysedWords(question: string): { word: string; terms: string[] }[] {
  return (question.match(/[\p{L}\p{N}'’-]+/gu) ?? []).map((word) => ({ word, terms: analyze(word) }));
}

const ELISION = /^[dlqsnmtjc]['’]/i;

/** The question's word an analysed term comes from. */
function surfaceOf(term: string, words: readonly { word: string; terms: string[] }[]): string | undefined {
  // without its elision: « éco-anxiété », not « d'éco-anxiété »
  return words.find((w) => w.terms.includes(term))?.word.replace(ELISION, "");
}

/** The question's word a term comes from is one a general English dictionary knows. (Not a closure made per question:
 * tsx names every closure it makes, a defineProperty each.) */
function isEnglishWord(t: string, words: readonly { word: string; terms: string[] }[], englishWords: ReadonlySet<string> | undefined): boolean {
  const w = fold(surfaceOf(t, words) ?? t);
  return !!englishWords && (englishWords.has(w) || englishWords.has(w.replace(/s$/, "")));
}

/**
 * French: one concept per content term of the question. English: one per glossary entry it
 * matched, plus any of its own words the corpus uses (acronyms such as PSSM, CCOMS, names).
 */
/** `labels`: per glossary entry, the question's words it matched, to name the concept back in the question's words. */
/** `englishWords`: the question's words a general English dictionary knows (FreeDict), singular. */
/** `asksHow`: whether a word is a verb or an adverb (wordClasses.ts): unknown to the corpus, such a word is no concept. */
/** `canBeVerb`: whether a word has a verb use (wordClasses.ts): after "pour", such a word the corpus never writes is an infinitive. */
export function questionConcepts(asked: string, glossaryTerms: string[][], lang: "fr" | "en", stats: CorpusStats, labels?: readonly string[], englishWords?: ReadonlySet<string>, asksHow?: (word: string, lang: "fr" | "en") => boolean, canBeVerb?: (word: string, lang: "fr" | "en") => boolean): Concept[] {
  const question = lang === "fr" ? asked.replace(FRENCH_LOCUTIONS, " ").replace(REFLEXIVE_VERB, " ").replace(PARTICIPLE_ETE, " ") : asked.replace(ON_A_BASIS, "$1");
  const out: Concept[] = [];
  const own = [...new Set(analyze(question))];
  const words = own.length > 0 ? analysedWords(question) : [];
  // an English word a glossary term matched ("aid" of "mental health first aid") is that term's, not a concept of its own
  const inTerms = new Set(lang === "en" ? (labels ?? []).flatMap((l) => analyze(l)) : []);
  // an English word that is only a French stem's lookalike ("took place", "organise") is not one either: an
  // English question's own words count for names and acronyms (PSSM, Montreuil), which no dictionary knows
  const decades = decadeAges(question, stats);
  out.push(...decades.concepts);
  for (const t of own) {
    if (lang === "en" && (!stats.df.has(t) || inTerms.has(t) || isEnglishWord(t, words, englishWords))) continue;
    const surface = surfaceOf(t, words);
    if (surface && decades.words.has(fold(surface))) continue;
    if (lang === "en" && surface && CONTRACTION.test(surface)) continue;
    // "co-animées", "co-running": the short prefix of a compound is no concept ("co" is in co-financement as in co-animation)
    if (t.length <= 2 && surface && fold(surface).startsWith(`${t}-`)) continue;
    const memo = termConceptMemo(stats, asksHow);
    const key = `${lang}\u0000${t}\u0000${surface ?? "\u0001"}`;
    let c = memo.get(key);
    if (c === undefined) c = memo.set(key, termConcept(t, surface, lang, stats, asksHow));
    // "pour plancher ensemble": an infinitive after "pour", "afin de" or "sans" says what is done, how the question is put;
    // so does a known one after the main clause has named what is asked (« s'appuient sur les centres sociaux pour déployer
    // leurs actions »: the purpose restates the domain, and the anchor sheet writing « déploiement » listed every sheet that
    // does). With nothing specific before it, the purpose is the topic (« Quelles villes agissent pour former les habitants ? »)
    const purpose = c && (c.unknown || out.some((o) => !o.unknown && isSpecific(o, stats)));
    if (purpose && lang === "fr" && surface && canBeVerb?.(surface, lang) && /(?:er|ir|re)$/.test(fold(surface)) && new RegExp(`(?<![\\p{L}])(?:pour|afin d['’e]\\s*|sans)\\s+${surface}(?![\\p{L}'’-])`, "iu").test(question)) continue;
    if (c) out.push(c);
    else if (lang === "fr" && surface && qualifiesNoun(surface, question, asksHow)) {
      // "personnes endeuillées": a participle right after a noun qualifies it as an adjective does, and names a public
      // or a condition the sheets may not cover (after an auxiliary, "se sont greffées", it stays how the question is put)
      const qualifier = concept([[t]], stats, surface, [surface]);
      if (qualifier?.unknown) out.push(qualifier);
    }
  }
  return [...out, ...glossaryConcepts(glossaryTerms, stats, labels)];
}

/** A French past participle ("endeuillées", "touchés") written right after a word that is neither a function word, an
 * auxiliary, a name nor mostly a verb or an adverb, and with no agent ("par …") after it: a noun it qualifies, as an
 * adjective would (general French grammar). */
const PARTICIPLE_FR = /(?:é|ée|és|ées|ie|ies|ue|ues)$/u;
function qualifiesNoun(surface: string, question: string, asksHow?: (word: string, lang: "fr" | "en") => boolean): boolean {
  if (!PARTICIPLE_FR.test(surface.toLowerCase())) return false;
  const escaped = surface.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const at = new RegExp(`(?:^|[^\\p{L}'’-])(\\p{L}+)\\s+${escaped}(?![\\p{L}'’-])(\\s+par\\b)?`, "iu").exec(question);
  const before = at?.[1];
  // "la formation Psycom payée par la collectivité": with its agent, the participle is a verb in the passive, what was
  // done (how the question is put); after a name, it qualifies the noun before the name
  if (!before || at[2] || /^\p{Lu}/u.test(before)) return false;
  const folded = fold(before);
  // "des actions calées sur les SISM": after the noun for what the question lists, it says what was done with the
  // actions, how the question is put, not a public or a condition they address
  return !FRENCH_STOP_WORDS.has(folded) && folded !== "ete" && !LISTED_NOUNS.has(folded) && !DOCUMENT_NOUNS.has(folded) && !asksHow?.(before, "fr");
}
/** The nouns a question lists the sheets by (general French: what a fiche-action describes). */
const LISTED_NOUNS = new Set(["action", "actions", "projet", "projets", "dispositif", "dispositifs", "initiative", "initiatives", "demarche", "demarches"]);

/** The concept a question's term makes, written `surface` in it; null for none. A function of the term, its word, the
 * language, the index and the word classes only: remembered (termConceptMemo), and handed out shared, since nothing
 * changes a concept once made (withConcept makes another). */
function termConcept(t: string, surface: string | undefined, lang: "fr" | "en", stats: CorpusStats, asksHow?: (word: string, lang: "fr" | "en") => boolean): Concept | null {
  // the English article "an" is the French "an" (year) to the index, which keeps it for "3 ans"
  if (lang === "en" && /^an?$/i.test(surface ?? "")) return null;
  if (lang === "fr" && (LIGHT_VERBS.has(fold(surface ?? t)) || PLACEHOLDER_NOUNS.has(fold(surface ?? t)) || COMPONENT_NOUNS.has(fold(surface ?? t)) || DOCUMENT_NOUNS.has(fold(surface ?? t)) || CONJUNCTIONS.has(fold(surface ?? t)))) return null;
  // "ateliers parents-enfants": a compound the sheets write another way ("parents et enfants") is
  // present as its parts side by side ("éco-anxiété", whose parts no text writes together, is not)
  const asWritten = concept([[t]], stats, surface, [surface]);
  const parts = asWritten?.unknown && t.includes("-") ? t.split("-").filter(Boolean) : [];
  const apart = parts.length >= 2 ? concept([parts], stats, surface) : undefined;
  // "relogement", "réinsertion": a French word the sheets never write, made of the iterative prefix and a word they
  // write, is that word again (general French morphology: re-, ré-)
  const again = lang === "fr" && asWritten?.unknown && !apart && surface ? /^r[eé](?!-)(\p{L}{5,})$/u.exec(surface.toLowerCase()) : null;
  const base = again ? concept([analyze(again[1])].filter((p) => p.length === 1), stats, surface, [surface]) : undefined;
  // "slammer", "rapper": a French verb (or its participle, or agent noun) the sheets never write, made on a word they write by
  // doubling its last consonant, is that word ("slam", "rap"); general French morphology of borrowed words
  const doubled = lang === "fr" && asWritten?.unknown && !apart && !(base && !base.unknown) && surface ? DOUBLED_CONSONANT_VERB.exec(fold(surface)) : null;
  // (the word itself, not one sharing its first letters: "zap" is too short to be judged so)
  const undoubled = doubled ? concept([analyze(doubled[1])].filter((p) => p.length === 1 && stats.df.has(p[0])), stats, surface, [surface]) : undefined;
  const completed = lang === "fr" && asWritten?.unknown && !(apart && !apart.unknown) && !(base && !base.unknown) && !(undoubled && !undoubled.unknown) ? clippedCompletions(t, surface ?? t, stats) : [];
  const clipped = completed.length > 0 ? concept(completed.map((w) => [w]), stats, surface) : undefined;
  const c = apart && !apart.unknown ? withConcept(apart, apart.phrases, apart.label, true) : base && !base.unknown ? base : undoubled && !undoubled.unknown ? undoubled : clipped && !clipped.unknown ? clipped : asWritten;
  // "se sont greffées sur…": a verb the sheets never write says how the question is put, not what it is about;
  // a verb before its subject ("misent-elles", "existe-t-il") always does, whether the sheets write it or not
  if (lang === "fr" && surface && !PRONOUN_SHAPED_NOUN.test(surface) && (INVERTED_SUBJECT.test(surface) || IMPERATIVE_PRONOUN.test(surface) || MODAL_OR_CONDITIONAL.test(fold(surface)))) return null;
  const how = !!surface && !!asksHow?.(surface, lang);
  if (c && !(c.unknown && surface && (how || NUMERAL_NOUN.test(fold(surface)) || SEASON.test(fold(surface)) || AGE_OR_SIZE.test(fold(surface))))) return how ? withConcept(c, c.phrases, c.label, c.phrase, true) : c;
  return null;
}

/** termConcept's answers per index and word-class check (one per expander), and without one. */
const termConcepts = new WordMemos<CorpusStats, (word: string, lang: "fr" | "en") => boolean, Concept | null>();
function termConceptMemo(stats: CorpusStats, asksHow?: (word: string, lang: "fr" | "en") => boolean): WordMemo<Concept | null> {
  return termConcepts.of(stats, asksHow);
}

/** One concept per glossary entry, its French terms the alternatives, named by `labels` where given. */
export function glossaryConcepts(entries: readonly string[][], stats: CorpusStats, labels?: readonly string[]): Concept[] {
  // an entry's French terms analysed and looked for (a phrase side by side in some text) at every question naming it:
  // remembered by label and terms, per index, and handed out shared as termConcept's are
  let memo = glossaryConceptMemos.get(stats);
  if (!memo) glossaryConceptMemos.set(stats, (memo = new WordMemo()));
  return entries.flatMap((alternatives, i) => {
    const label = labels?.[i] ?? alternatives[0];
    const key = `${label}\u0000${alternatives.join("\u0000")}`;
    let c = memo.get(key);
    if (c === undefined) {
      const made = concept(alternatives.map((a) => [...new Set(analyze(a))]), stats, label, alternatives, true);
      if (made && alternatives.some((a) => ACRONYM.test(a))) made.acronym = true;
      c = memo.set(key, made ?? null);
    }
    return c ?? [];
  });
}
const glossaryConceptMemos = new WeakMap<CorpusStats, WordMemo<Concept | null>>();
/** A form written as an acronym ("PSSM", "EPSM", "CLSPD"). */
const ACRONYM = /^\p{Lu}[\p{Lu}\d]{1,7}$/u;

/** English words outside the glossary that neither the corpus nor any of their dictionary translations meet: concepts the sheets do not cover. */
/** "turn down any help", "set up", "carry out": a phrasal verb's particle says how, not what (general English grammar). */
const PARTICLE = /^(?:up|down|out|off|away|back|over|along|around|about|through)$/i;
/** "a single day", "several weeks", "the whole year": how many or how much, no topic (general English grammar). */
const QUANTIFIER = /^(?:single|multiple|several|various|numerous|entire|whole)$/i;
/** "a food angle", "a cooking component": a noun naming a part or a side of an action, the word before it the topic (general
 * English, as the French « volet » of COMPONENT_NOUNS) */
const COMPONENT_NOUN_EN = /^(?:angle|angles|aspect|aspects|component|components|dimension|dimensions|element|elements|strand|strands|slant)$/i;
/** "the partnership behind their action", "within a year", "among the partners": a preposition relates the words around it
 * and names no topic (general English grammar; the short stop-word list keeps only the most frequent ones) */
const PREPOSITION_EN = /^(?:behind|between|within|without|among|amongst|across|towards?|upon|beneath|beside|besides|beyond|despite|during|against|throughout|underneath|onto|per|amid|alongside|inside|outside|near|until|since|before|after|under|below|above|via)$/i;
/** "they're", "don't", "we've": a pronoun or an auxiliary with its contraction, no topic. */
const CONTRACTION = /^[a-z]+['’](?:re|ve|ll|d|t|m|s)$/i;

export function absentWordConcepts(words: readonly string[][] | undefined, stats: CorpusStats, asksHow?: (word: string, lang: "fr" | "en") => boolean): Concept[] {
  return (words ?? []).flatMap((alternatives) => {
    // "Which sheets admit…", "how noise weighs on…": mostly a verb or an adverb, the word says how, not what
    if (asksHow?.(alternatives[0], "en") || NUMERAL_NOUN.test(fold(alternatives[0])) || SEASON.test(fold(alternatives[0])) || PARTICLE.test(alternatives[0]) || CONTRACTION.test(alternatives[0]) || PREPOSITION_EN.test(alternatives[0]) || QUANTIFIER.test(alternatives[0]) || COMPONENT_NOUN_EN.test(alternatives[0]) || AGE_OR_SIZE.test(fold(alternatives[0]))) return [];
    const analysed = alternatives.map((a) => [...new Set(analyze(a))]);
    // a word that translates to French function words ("during": "pendant") says how, not what
    if (analysed.slice(1).some((terms) => terms.length === 0)) return [];
    // the English word is there only as itself ("burn-out"), not by its first letters ("journalist": "journal");
    // its translations are lemmas, there as a word of their family, not as a stem another word shares ("journaliste")
    // (an acronym, "CUMP", comes alone: it is there as itself or not at all)
    if (analysed[0].length > 0 && analysed[0].every((t) => stats.df.has(t))) return [];
    const c = alternatives.length === 1 ? concept(analysed, stats, alternatives[0], alternatives) : concept(analysed.slice(1), stats, alternatives[0], alternatives.slice(1), true);
    return c?.unknown ? [withConcept(c, analysed.filter((p) => p.length > 0))] : [];
  });
}

/** Rare enough to tell sheets apart; a variant the stemmer missed (df 0 but not unknown) cannot be measured, so it is not. */
export const isSpecific = (c: Concept, stats: CorpusStats) => c.unknown || (c.df > 0 && c.df / stats.chunkCount < conceptGenericShare);

export function covers(c: Concept, ficheTerms: { has(term: string): boolean } | undefined): boolean {
  return !!ficheTerms && c.phrases.some((p) => p.every((t) => ficheTerms.has(t)));
}


/** idf-weighted share of the given concepts a sheet covers; 1 when there is none. */
/** `holds`: whether the sheet holds a concept, when that is more than holding its words (a phrase). */
export function conceptCoverage(
  concepts: Concept[],
  ficheTerms: { has(term: string): boolean } | undefined,
  stats: CorpusStats,
  holds?: (c: Concept) => boolean,
  dfOf: (c: Concept) => number = (c) => c.df,
): number {
  let total = 0;
  let found = 0;
  for (const c of concepts) {
    // idf of the concept's best alternative; an unknown concept weighs as a term no chunk holds
    const w = idf(stats, dfOf(c));
    total += w;
    if (holds ? holds(c) : covers(c, ficheTerms)) found += w;
  }
  return total === 0 ? 1 : found / total;
}

const EXAMPLES = /\(([^)]*)\)|\b(?:e\.g\.|eg|such as|for example|for instance|par exemple|notamment)\s*:?\s*([^?.;]*)|(?<=\p{L})\s+:\s+((?:[^?.;:,()]+,)+[^?.;:,()]+?)\s*\??\s*$/giu;

/**
 * "(art exhibitions, slam workshops, improv theatre)", "e.g. …", "par exemple …": examples
 * of one idea, any of which answers. They are taken out of the question to become one concept.
 */
/** "incurie / syndrome de Diogène": words on either side of a slash name one idea two ways. A side's further word is
 * none that relates or coordinates ("nutrition / alimentation en plus du travail": the side is "alimentation"). */
const SIDE_WORD = "(?!(?:en|à|a|au|aux|pour|par|sur|avec|dans|chez|sans|entre|vers|et|ou|plus|in|on|at|to|for|with|by|from|and|or|as)(?![\\p{L}'’-]))[\\p{L}'’-]+";
const SLASH_SIDE = `[\\p{L}'’-]+(?:\\s+(?:de|du|des|d['’]|of)?\\s*${SIDE_WORD}){0,2}`;
const SLASHED = new RegExp(`(${SLASH_SIDE})\\s+\\/\\s+(${SLASH_SIDE})`, "gu");

/** The last article of a phrase before its last words ("… des mandataires"): where a noun phrase starts. */
/** (not an article after "de", which belongs to the complement of a compound noun: "politique de la ville / contrat de ville") */
const ARTICLE_ENDING_BEFORE = /(?<![\p{L}'’-])(?<!(?<![\p{L}'’-])de\s)(?:des|les|la|le|un|une|du|aux|au|the|a|an)\s(?!.*(?<![\p{L}'’-])(?<!(?<![\p{L}'’-])de\s)(?:des|les|la|le|un|une|du|aux|au|the|a|an)\s)/iu;

/** Alternatives of one idea, each its words together ("situations d'incurie" or "syndrome de Diogène"); sides with no content word are left out. */
export function alternativeConcept(sides: readonly string[], stats: CorpusStats): Concept | undefined {
  // a clipped word among them ("petit-déj, repas partagé ou cocktail") is the corpus terms it opens, as alone
  const phrases = sides.flatMap((side) => {
    const terms = [...new Set(analyze(side))];
    const completed = !/\s/.test(side.trim()) && terms.length > 0 && !stats.df.has(terms[0]) ? clippedCompletions(terms[0], side.trim(), stats) : [];
    return completed.length > 0 ? completed.map((t) => [t]) : [terms];
  });
  return concept(phrases, stats, sides.join(", "));
}

/** Marks where a bracketed example was taken out (a control character no question holds). */
const BRACKETS = "\u0001";

/** "cooking, nutrition or diet", "théâtre, slam ou danse": three or more single words coordinated with commas name one idea by its kinds
 * (the last may be "a time around" one: "cuisine, diététique ou un temps autour de l'alimentation"). */
const COORDINATED = /(?<![\p{L}'’-])(\p{L}[\p{L}-]*)((?:\s*,\s*\p{L}[\p{L}-]*(?:\s+\p{L}[\p{L}-]*)?)+)\s*,?\s+(?:or|ou)\s+(?:(?:un|une|a|an)\s+\p{L}[\p{L}-]*\s+(?:autour|around|about|sur|on)\s+(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+|de\s+|the\s+)?)?(\p{L}[\p{L}-]*)(?![\p{L}'’-])/gu;

/** A preposition or a relating word opening a phrase: what follows relates, it names no kind (general grammar). */
const RELATING_LEAD = /^(?:comme|avec|pour|par|sans|sur|dans|chez|entre|vers|as|with|for|by|like|from|in|on|at|to|into)\s/iu;

/** Brackets that open on "ou"/"or" offer another choice rather than examples: "(ou avec l'Éducation nationale)". */
const BRACKETED_ALTERNATIVE = /^(?:ou|or)\s+/iu;

/** The words that ask (general French and English interrogatives). */
const ASKS = /(?<![\p{L}])(?:quel(?:le)?s?|qui|que|quoi|combien|comment|pourquoi|où|lesquel(?:le)?s|y a-t-il|which|what|who|whom|how|where|why|any)(?![\p{L}])/iu;

const EXAMPLE_MARKER = /^(?:(?:de\s+)?(?:type|genre|style)|comme|like)\s+(?:(?:the|les?|la|l['’]|des|du)\s*)?/iu;

/** `asked`: the question as the user wrote it, when `question` is its searched text (list frames such as "Quelles actions"
 * taken out): whether the words before a closing colon ask is read there. */
export function splitExamples(question: string, asked = question): { main: string; examples: string[] } {
  const colon = asked.lastIndexOf(" :");
  const opensOnAsking = colon > 0 && ASKS.test(asked.slice(0, colon));
  const examples: string[] = [];
  const withoutExamples = question.replace(EXAMPLES, (m: string, inParens: string | undefined, after: string | undefined, listed: string | undefined) => {
    // "Quelles actions ciblent les jeunes : ados, 16-25 ans, étudiants ?": a list of kinds closing a question, after a colon;
    // not the questions a colon introduces ("Une voix(e) autrement : combien de séances, et combien de familles ?"), nor a
    // heading's themes ("troubles psychiques et tranquillité publique : conflits de voisinage, police municipale…")
    if (listed !== undefined && (!opensOnAsking || ASKS.test(listed) || listed.split(",").some((k) => k.trim().split(/\s+/).length > TUNING.understand.colonKindMaxWords))) return m;
    // "(type UNAFAM)", "(genre GEM)", "(like the UNAFAM)": the word saying it is an example is no part of it
    const text = (inParens ?? after ?? listed ?? "").trim().replace(EXAMPLE_MARKER, "");
    if (!text) return " ";
    examples.push(text);
    // where brackets were, marked: alternatives just before them name the same idea (below)
    return inParens === undefined ? " " : ` ${BRACKETS}${examples.length - 1}${BRACKETS} `;
  });
  // SLASHED tries up to three words at every letter before failing: only a slash can start a match
  const main = withoutExamples.includes("/")
    ? withoutExamples.replace(SLASHED, (m: string, a: string, b: string, offset: number, all: string) => {
        // "retrouve-t-on des mandataires / associations": the left side starts after its article, what comes before stays
        const at = a.search(ARTICLE_ENDING_BEFORE);
        const kept = at < 0 ? "" : a.slice(0, at + a.slice(at).indexOf(" ") + 1);
        const sides = `${a.slice(kept.length)}, ${b}`;
        // "mandataires / associations tutélaires (UDAF, protection des majeurs)": the bracketed examples are of the same idea
        const bracketed = new RegExp(`^\\s*${BRACKETS}(\\d+)${BRACKETS}`).exec(all.slice(offset + m.length));
        // (a single item in brackets glosses or names: "(IPS model)" is a programme the sides do not ground)
        if (bracketed && /,|\s(?:ou|or)\s/u.test(examples[Number(bracketed[1])])) examples[Number(bracketed[1])] = `${sides}, ${examples[Number(bracketed[1])]}`;
        else examples.push(sides);
        return ` ${kept} `;
      })
    : withoutExamples;
  const alternativesTaken = new Set<number>();
  const uncoordinated = main.includes(",") ? main.replace(COORDINATED, (m: string, first: string, middle: string, last: string, offset: number, all: string) => {
    const kinds = [first, ...middle.split(",").map((x) => x.trim()).filter(Boolean), last];
    // a kind of two words is a noun and its qualifier ("repas partagé"), not a relation ("comme partenaire ou comme financeur")
    if (kinds.some((k) => RELATING_LEAD.test(k))) return m;
    // "écoles, collèges ou lycées (ou avec l'Éducation nationale)": brackets opening on "ou"/"or" add one more choice
    const bracketed = new RegExp(`^\\s*${BRACKETS}(\\d+)${BRACKETS}`).exec(all.slice(offset + m.length));
    const alternative = bracketed && BRACKETED_ALTERNATIVE.exec(examples[Number(bracketed[1])]);
    if (bracketed && alternative) {
      kinds.push(examples[Number(bracketed[1])].slice(alternative[0].length));
      alternativesTaken.add(Number(bracketed[1]));
    }
    examples.push(kinds.join(", "));
    return " ";
  }) : main;
  return {
    main: uncoordinated.replaceAll(new RegExp(`${BRACKETS}\\d+${BRACKETS}`, "g"), " ").replace(/\s+/g, " ").trim(),
    examples: examples.filter((_, i) => !alternativesTaken.has(i)),
  };
}

/**
 * A concept with its alternatives, label or phrase flag changed, written out rather than spread
 * (`{ ...c, phrases }`): V8's copies of spread objects kept what they point to alive through
 * young-generation collections (compose/passage.ts). Its parts keep their order.
 */
export function withConcept(c: Concept, phrases: string[][], label = c.label, phrase = c.phrase, how = c.how): Concept {
  const out: Concept = { phrases, df: c.df, unknown: c.unknown };
  if (label !== undefined) out.label = label;
  if (phrase !== undefined) out.phrase = phrase;
  if (how !== undefined) out.how = how;
  if (c.person !== undefined) out.person = c.person;
  if (c.acronym !== undefined) out.acronym = c.acronym;
  return out;
}

/** Several concepts as one whose alternatives are all of theirs. */
export function mergeConcepts(concepts: Concept[]): Concept | undefined {
  if (concepts.length === 0) return undefined;
  const phrases = concepts.flatMap((c) => c.phrases);
  const df = Math.max(...concepts.map((c) => c.df));
  const unknown = concepts.every((c) => c.unknown);
  // "politique de la ville ou contrat de ville": alternatives each written as a phrase stay phrases
  const phrase = concepts.every((c) => c.phrase);
  const label = concepts[0].label ? concepts.map((c) => c.label).filter(Boolean).join(", ") : undefined;
  return label ? (phrase ? { phrases, df, unknown, label, phrase } : { phrases, df, unknown, label }) : phrase ? { phrases, df, unknown, phrase } : { phrases, df, unknown };
}

/** Acronyms the question names outside its examples (PSSM, CAF, CCOMS), as index terms the corpus knows. */
export function namedEntities(main: string, stats: CorpusStats): string[] {
  const out = new Set<string>();
  for (const m of main.matchAll(/\b\p{Lu}{2,6}\b/gu)) {
    const term = analyze(m[0])[0];
    if (term && stats.df.has(term)) out.add(term);
  }
  // "unafam partenaire ?": a rare word the question writes in small letters is a name when the sheets write it in capitals only
  for (const m of main.matchAll(/(?<![\p{L}\d])\p{Ll}{3,8}(?![\p{L}\d])/gu)) {
    const term = analyze(m[0])[0];
    const df = term ? (stats.df.get(term) ?? 0) : 0;
    if (df > 0 && df / stats.chunkCount < TUNING.understand.capitalsNameShare && stats.writtenInCapitals(m[0], term!)) out.add(term!);
  }
  return [...out];
}

/**
 * Acronyms the question spells out, the words' initials giving the letters: "un GEM (groupe
 * d'entraide mutuelle)", "premiers secours en santé mentale (PSSM)". A sheet that writes the
 * words out names the acronym too. A translation in brackets ("CAF (family allowance fund)") is
 * not a spelling: the glossary handles it.
 */
/** Words a spelled-out acronym leaves out of its initials, folded (no accents). General French and English. */
export const SPELLING_CONNECTORS = /^(?:de|du|des|d|en|la|le|les|l|of|the|and|et|a|au|aux|for|sur|dans|par|pour|on|in|to|at|by|with|from)$/;

export function initialsMatch(acronym: string, words: string[]): boolean {
  const initials = (ws: string[]) => ws.map((w) => w.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/^[dl]['’]/, "")).filter((w) => w && !SPELLING_CONNECTORS.test(w)).map((w) => w[0]).join("");
  // a compound gives an initial per part or one for the whole: "médico-psychologique" is M P of CMP, "Centre-Val de Loire" one C
  return initials(words) === acronym.toLowerCase() || initials(words.flatMap((w) => w.split("-"))) === acronym.toLowerCase();
}

/**
 * "CSMP": where a text spells an acronym out ("une infirmière Carrefour Santé Mentale Précarité"), its words, from a
 * capitalised one whose initials (connectors aside) are the acronym's, else nothing.
 */
export function spelledOutIn(acronym: string, text: string): string | undefined {
  const words = [...text.matchAll(/[\p{L}'’-]+/gu)];
  const wanted = acronym.length;
  for (let i = 0; i < words.length; i++) {
    if (!/^\p{Lu}/u.test(words[i][0]) || words[i][0] === acronym) continue;
    let counted = 0;
    for (let j = i; j < words.length && j < i + 2 * wanted; j++) {
      const w = words[j][0].replace(/^[dlDL]['’]/, "");
      if (w.toUpperCase() === acronym) break;
      if (!SPELLING_CONNECTORS.test(w.toLowerCase())) counted++;
      if (counted > wanted) break;
      if (counted === wanted && initialsMatch(acronym, words.slice(i, j + 1).map((m) => m[0]))) {
        return text.slice(words[i].index!, words[j].index! + words[j][0].length);
      }
    }
  }
  return undefined;
}

export function acronymExpansions(question: string): Map<string, { terms: string[]; text: string }> {
  const out = new Map<string, { terms: string[]; text: string }>();
  // both forms are written with brackets; without one, the 4–120-letter runs would be tried at every position for nothing
  if (!question.includes("(")) return out;
  const add = (acronym: string, words: string) => {
    const key = analyze(acronym)[0];
    // its compounds' parts, as sheets may write them apart or hyphenated ("Centre Médico Psychologique")
    const terms = [...new Set(analyze(words.replace(/(?<=\p{L})-(?=\p{L})/gu, " ")))];
    if (key && terms.length > 1) out.set(key, { terms, text: words.trim() });
  };
  for (const m of question.matchAll(/\b(\p{Lu}{2,6})\s*\(([^()]{4,80})\)/gu)) {
    if (initialsMatch(m[1], m[2].trim().split(/[\s'’]+/))) add(m[1], m[2]);
  }
  for (const m of question.matchAll(/([\p{L}'’ -]{4,120})\s*\((\p{Lu}{2,6})\)/gu)) {
    const words = m[1].trim().split(/\s+/);
    // the shortest run of words just before the brackets whose initials spell the acronym
    for (let n = m[2].length; n <= words.length && n <= m[2].length * 2 + 2; n++) {
      const run = words.slice(-n);
      if (initialsMatch(m[2], run.flatMap((w) => w.split(/['’]/)))) {
        add(m[2], run.join(" "));
        break;
      }
    }
  }
  return out;
}
