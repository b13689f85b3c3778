// Stage 1 of the pipeline: a question understood once — its language, search text, intent,
// concepts, named entities and cities, its filters and, for a follow-up, the sheets in scope.
import type { Fiche } from "../../../ingest/types.ts";
import { analyze, fold, STOP_WORDS } from "../../../ingest/text/index.ts";
import { TUNING } from "../tuning.ts";
import type { Filters, HistoryTurn } from "../types.ts";
import { ficheFilter } from "../retrieve/ficheFilter.ts";
import { withoutGivenNames } from "./surnames.ts";
import { absentWordConcepts, acronymExpansions, covers, glossaryConcepts, alternativeConcept, initialsMatch, isSpecific, mergeConcepts, namedEntities, questionConcepts, splitExamples, strayStem, withConcept, type Concept } from "./concepts.ts";
import { restatedFollowUp } from "./ellipsis.ts";
import { bodySeats, withoutSeats } from "./bodySeat.ts";
import { detectIntent, stripQuestionFrame } from "./detectIntent.ts";
import { restoreAccents } from "./restoreAccents.ts";
import { askedAbout } from "./askedAbout.ts";
import { valueTypeOf } from "./valueType.ts";
import { textHoldsPhrase } from "./sideBySide.ts";
import { heldTogether } from "./heldTogether.ts";
import { setAsideCities } from "./ruledOut.ts";
import { citiesNamed, queryTerms, type Corpus, type ExpandQuery, type QueryContext } from "./queryContext.ts";
import type { DetectedIntent } from "./detectIntent.ts";
import type { LoadedIndex } from "../../../ingest/store/index.ts";
import type { CorpusStats } from "../retrieve/corpusStats.ts";
import type { RankedFiche } from "../retrieve/rankFiches.ts";
import type { Lang } from "../types.ts";

const QUOTED = /«[^»]*»|"[^"]*"|“[^”]*”/gu;

export interface QuestionInput {
  question: string;
  filters?: Filters;
  history?: HistoryTurn[];
  k?: number;
  /** sheets the answer leaves out ("Any others?": those the last answer gave) */
  exclude?: ReadonlySet<string>;
  /** the one sheet the question is about ("the second one" of the last answer, resolved) */
  about?: string;
}

/** A follow-up about one sheet: "its", "celle-ci", "cette action". */
/** "hors Lille", "outside Lille": a city named to be left out (general French and English). */
export const RULED_OUT = /(?<![\p{L}])(?:hors|en dehors|sauf|except[ée]?|autres? qu[e'’]|outside|except|other than|besides|apart from|not in)\s+(?:de\s+|d['’]|du\s+|la\s+|le\s+)?\p{Lu}/u;
/** "Where does it take place?", « Où ça se passe ? », « Où a-t-elle lieu ? »: where, of a pronoun standing for one action. */
const WHERE_OF_IT = /^\s*(?:(?:et|and)\s+)?(?:o[uù]|where)\b.*(?:\bit\b|\bça\b|\bcela\b|-t-(?:elle|il)\b|\b(?:elle|il)\s)|^\s*(?:(?:et|and)\s+)?(?:c['’]est|ça|cela|elle|il|it(?:['’]s)?)\b.*\b(?:o[uù]|where)\s*\??\s*$/iu;

const ONE_SHEET = /\b(?:its|this (?:action|project|scheme|one)|celle-ci|celui-ci|cette (?:action|fiche)|ce projet)\b|^(?:et\s+)?(?:elle|il(?!\s+(?:y\s+a|y\s+avait|existe|existait|faut|fallait|s['’]agit|reste|manque|semble|est\s+possible)))\s/iu;

/**
 * The sheets a follow-up ("et leur budget ?") is about: those the last answer cited, and, when
 * that answer was itself a follow-up's ("et qui les finance ?" cited only the sheets that name a
 * funder), those of the answers before it, back to the question that opened the topic or to a follow-up that picked
 * sheets by their city.
 */
function followUpScope(history: HistoryTurn[] | undefined, known: (id: string) => boolean, fiches: readonly Fiche[]): Set<string> | undefined {
  const turns = history ?? [];
  const ids = new Set<string>();
  for (let i = turns.length - 1; i >= 0; i--) {
    const turn = turns[i];
    if (turn.role !== "assistant" || !turn.ficheIds?.length) continue;
    // sheets that no longer exist (an older index) are dropped; with none left it is a fresh question
    for (const id of turn.ficheIds) if (known(id)) ids.add(id);
    const asked = turns.slice(0, i).reverse().find((t) => t.role === "user");
    // (a follow-up naming a city, "Tell me more about the Roanne one", « Et à Caen ? », picked its sheets: its answer is the topic now)
    if (!asked || !detectIntent(asked.content).followUp || citiesNamed(asked.content, fiches).length > 0) break;
  }
  return ids.size ? ids : undefined;
}

/** « ces villes », "those cities", « ces mêmes communes »: the cities of the last answer (general grammar of anaphora). */
const AMONG_CITIES = /(?<![\p{L}])(?:ces|these|those)\s+(?:m[êe]mes\s+|same\s+)?(?:villes|communes|collectivit[ée]s|cities|towns|municipalities)(?![\p{L}])/iu;

/** A demonstrative and the noun it determines ("ces dispositifs", "these schemes"); not "ce", which opens "ce que". */
export const DEMONSTRATIVE_NOUN = /(?<![\p{L}'’-])(?:ces|cette|cet|these|those|this)\s+(?:m[êe]mes\s+)?(\p{L}[\p{L}'’-]*)/giu;

/** The expander's French lexicon check, one function per expander: restoreAccents remembers its spellings by it. */
const frenchChecks = new WeakMap<ExpandQuery, (word: string) => boolean>();
function frenchWordCheck(expand: ExpandQuery): ((word: string) => boolean) | undefined {
  const isWord = expand.isWord;
  if (!isWord) return undefined;
  let check = frenchChecks.get(expand);
  if (!check) frenchChecks.set(expand, (check = (w) => isWord(w, "fr")));
  return check;
}

export function understandQuestion(corpus: Corpus, input: QuestionInput): QueryContext {
  const { index, stats, expand } = corpus;
  // "Et à Poitiers ?", "Any others?", "the second one": the question a follow-up stands for, asked afresh (ellipsis.ts)
  const restated = restatedFollowUp(input, index, (text) => (expand.language ? expand.language(text) : expand(text).lang), focusConcepts(corpus));
  if (restated) return understandQuestion(corpus, restated);
  // "l'hôpital Henri Laborit": the surname names it, as the sheets' "CH Laborit" does (surnames.ts)
  const asIs = withoutGivenNames(input.question, expand.givenName);
  // (« le CCOMS de Lille »: the seat of a body other cities' sheets name with it is no city the actions are in)
  const namedCities = citiesNamed(asIs, index.fiches);
  const seats = bodySeats(asIs, namedCities, index);
  const allCities = seats.size > 0 ? namedCities.filter((c) => !seats.has(c)) : namedCities;
  const previous = input.history?.length ? followUpScope(input.history, (id) => index.ficheById.has(id), index.fiches) : undefined;
  // "Et ailleurs, il existe des dispositifs du même genre ?": after an answer about one sheet, "others", "elsewhere" are
  // other than that sheet, as after a sheet the question names
  // (so does an answer whose sheets are all one city's: "Il y a d'autres projets ailleurs qui… ?" after an answer about
  // Poitiers' exhibitions that cited a second Poitiers sheet too is still about that action, and "ailleurs" beyond that city)
  const oneCity = !!previous && new Set([...previous].map((id) => index.ficheById.get(id)?.city)).size === 1;
  const quoted = /«[^»]*»|"[^"]*"|“[^”]*”/u.test(asIs);
  const asked = detectIntent(asIs, allCities.length > 0 || quoted || oneCity);
  // « Quelles villes, hors Lille et Caen, forment aux PSSM ? », "Which cities other than Lille run PSSM training?": a list
  // of the other cities, the ones set aside bounding nothing and their sheets left out (it had listed Lille alone, or
  // read "other than Lille" as actions similar to Lille's); a question that asks no list ("En dehors de Lille, y a-t-il des
  // démarches proches des Pôles Ressources Santé… ?") stays as it was read, similar to the sheet it names
  const aside = setAsideCities(asIs, index.fiches);
  const ruledOut = aside.cities.filter((c) => allCities.includes(c));
  const kept = allCities.filter((c) => !ruledOut.includes(c));
  const asOthers = ruledOut.length > 0 ? detectIntent(aside.rest, kept.length > 0 || quoted || oneCity) : asked;
  const setAside = ruledOut.length > 0 && asOthers.kind === "list";
  const intent = setAside ? asOthers : asked;
  const cities = setAside ? kept : allCities;
  const question = setAside ? aside.rest : asIs;
  // "Et parmi ces dispositifs, lesquels…", "Which of those programmes…": in a follow-up list, a noun after a demonstrative
  // names the sheets of the previous answer, no topic the sheets must write (general grammar of anaphora); in a lookup
  // it is what the value is of ("How long does each of those sessions last?")
  const unframed = stripQuestionFrame(question) || question;
  const framed = intent.followUp && intent.kind === "list" && input.history?.length ? unframed.replace(DEMONSTRATIVE_NOUN, (m: string, noun: string) => (analyze(noun).length > 0 ? " " : m)) : unframed;
  // the language from the whole question: its frame ("Which cities…") is what says English
  // (quoted titles aside: "…like Nantes' « La santé mentale dans mon quartier »" is English)
  const unquoted = question.replace(QUOTED, " ").trim() || question;
  const lang = expand.language ? expand.language(unquoted) : expand(unquoted).lang;
  // "budget dedie": the sheets' spelling, "dédié", for a French word no chunk holds as typed
  // (a body's seat is part of its name, no topic the sheets must write: Limoges' sheet writes the CCOMS without « Lille »)
  const unseated = seats.size > 0 ? withoutSeats(framed, seats) : framed;
  const searchable = lang === "fr" ? restoreAccents(unseated, stats, frenchWordCheck(expand)) : unseated;
  const searched = expand(searchable, lang);
  const asksValue = !!valueTypeOf(question);
  const text = lang === "fr" ? withUnwrittenTerms(withGlossaryForms(searched.expanded, searched.frenchSynonyms, stats, intent.kind !== "list" && !asksValue), asksValue ? undefined : searched.frenchTerms, stats) : searched.expanded;
  const terms = queryTerms(text);
  // concepts and entities serve answers (abstention, lists), not search: computed on first use
  const parts = new QuestionParts(corpus, question, lang, searchable, searched, intent, cities);
  // "Who sits on its organising committee?", « Elle a commencé quand ? »: one sheet, the one the last answer put first
  // (the impersonal « il » of « il existe », « il y a » points at nothing)
  // ("Which neighbourhoods does it cover?": "it" is one sheet too, unless the question picks among them: in "Which of
  // those manage it…" it is the action in general)
  // ("Where does it take place?", « Où ça se passe ? »: a place asked of "it" is that sheet's, not a list of places)
  const placeOfIt = WHERE_OF_IT.test(question);
  const oneSheet = ONE_SHEET.test(question) || placeOfIt || (intent.kind !== "list" && /\bit\b/i.test(question) && !/\b(?:which of|of (?:those|them|these))\b/i.test(question));
  // (a similar question's answer is the other sheets: the previous ones are its reference, no scope, see similarTo;
  // unless it picks among them, « Et hors de Caen, lesquelles… »)
  const likeThem = intent.kind === "similar" && !/\b(?:lesquel\w*|laquelle|lequel|which of)\b/iu.test(question);
  const followed = !likeThem && (intent.followUp || placeOfIt || parts.impliedFollowUp(previous)) ? previous : undefined;
  // "Et celle de Poitiers, elle se passe quand ?": a city the follow-up names picks its sheets among the last answer's; when
  // that answer had none there ("Et à Lille, qui était partenaire ?"), the question is a fresh one about that city
  const named = followed && cities.length > 0 && !RULED_OUT.test(question) ? new Set([...followed].filter((id) => cities.includes(index.ficheById.get(id)?.city ?? ""))) : undefined;
  // "Et parmi ces villes, lesquelles…", "Which of those cities…": the cities the last answer named, every sheet of theirs,
  // not only the sheets it cited (the cities do more than the one action the last question was about)
  const ofCities = !named && followed && AMONG_CITIES.test(question) ? new Set(index.fiches.filter((f) => f.kind === "fiche" && [...followed].some((id) => index.ficheById.get(id)?.city === f.city)).map((f) => f.id)) : undefined;
  const among = named ? (named.size > 0 ? named : undefined) : (ofCities ?? followed);
  const scope = input.about && index.ficheById.has(input.about) ? new Set([input.about]) : among && oneSheet ? new Set([...among].slice(0, 1)) : among;
  const callerFilter = ficheFilter(input.filters);
  const userFilter = setAside ? (f: Fiche) => !ruledOut.includes(f.city) && (!callerFilter || callerFilter(f)) : callerFilter;
  const filter = scope ? (f: Fiche) => scope.has(f.id) && (!userFilter || userFilter(f)) : userFilter;
  const ctx = new UnderstoodQuestion(index, stats, question, lang, text, terms, new Set(terms), intent, filter, callerFilter !== undefined, cities, parts);
  if (scope) ctx.scope = scope;
  if (input.exclude) ctx.exclude = input.exclude;
  // "D'autres villes font-elles des choses comparables ?": similar to what the last answer put first; the other
  // sheets are the answer, so they are no scope (a sheet the question names by its title still wins: referenceFiche)
  // ("Et hors de Lille, …": a city the question rules out names no reference)
  if (intent.kind === "similar" && previous && (cities.length === 0 || RULED_OUT.test(question))) ctx.similarTo = [...previous][0];
  if (input.k !== undefined) ctx.k = input.k;
  return ctx;
}

/** What a question is about, for a follow-up to put something else in its place (ellipsis.ts withFocus): its concepts, less an
 * English word kept as written, which only shares a French stem ("list": no topic of the sheets), and a field's word. */
function focusConcepts(corpus: Corpus): (text: string) => Concept[] {
  return (text) => {
    const q = understandQuestion(corpus, { question: text });
    // (nor a word naming a field of the form, which frames what is asked: "among the determinants", « parmi leurs porteurs »)
    return q.concepts.filter((c) => !(q.lang === "en" && c.phrases.length === 1 && c.phrases[0].length === 1 && !!c.label && analyze(c.label)[0] === c.phrases[0][0]) && !(c.label && detectIntent(c.label).fields.length > 0));
  };
}

/** Is an example only an illustration of what the rest of the question asks (see allConcepts)? A clause in brackets
 * ("(il siège aux réunions ou intervient dans une formation)", "(they sit on the board)") says what the question means in
 * other words, its verbs in any form the sheets need not write. */
function illustrates(e: string, c: Concept, stats: CorpusStats): boolean {
  if (/\p{Lu}/u.test(e.trim().slice(1))) return false;
  return c.phrases.every((p) => p.every((t) => stats.df.has(t))) || BRACKETED_CLAUSE.test(e) || BRACKETED_CONTRAST.test(e);
}

/** A bracket that says what the question does not mean ("(de vraies formations, pas seulement des séances…)", "(not just
 * leaflets)"): it sharpens the rest of the question, whose own words are what the sheets must write. */
const BRACKETED_CONTRAST = /\b(?:pas|non|not|rather than|plutôt que|sauf|hors|except\w*|excluding|other than|autres? que)\b/iu;

/**
 * "les SISM": an acronym no sheet writes is searched as the glossary spells it out (« semaines d'information sur la
 * santé mentale »), as an English question is searched with the glossary's French; so is a rare word (`widen`: unless
 * the question is a list or asks a value) with its entry's other terms.
 */
function withGlossaryForms(text: string, frenchSynonyms: string[][] | undefined, stats: CorpusStats, widen: boolean): string {
  const forms = (frenchSynonyms ?? []).flatMap((entry) => {
    if (!/^\p{Lu}{2,6}$/u.test(entry[0])) {
      // "dédramatiser le fait d'aller voir un psy": a rare word the sheets write is searched with the entry's other
      // terms (« démystifier »), as withSynonyms widens its concept. Not for a list, which its concepts' evidence chooses:
      // searched so, lists lost city F1 (read sets 0.868 -> 0.865, the clean blind60 0.836 -> 0.814) while topic and
      // similar questions gained (read sets 18 up, 9 down; dev-027 recall 0.5 -> 0.75). Nor for a value asked, which is
      // in the sheet the question's own words name (« quels ateliers l'hôpital a-t-il animés » is no « centre hospitalier »)
      if (!widen) return [];
      const terms = analyze(entry[0]);
      const df = terms.length === 1 ? (stats.df.get(terms[0]) ?? 0) : 0;
      return df > 0 && df <= TUNING.understand.synonymMaxShare * stats.chunkCount ? entry.slice(1) : [];
    }
    if (analyze(entry[0]).some((t) => stats.df.has(t))) return [];
    return spelledForms(entry);
  });
  return forms.length > 0 ? `${text} ${forms.join(" ")}` : text;
}

/** « le conseil départemental »: a glossary term no sheet writes as such is searched by its entry's other forms
 * (« Département »), as an acronym no sheet writes is searched spelled out. Not for a value asked, which is in the sheet
 * the question's own words name, as withGlossaryForms. */
function withUnwrittenTerms(text: string, frenchTerms: string[][] | undefined, stats: CorpusStats): string {
  const forms = (frenchTerms ?? []).flatMap((entry) => (glossaryConcepts([[entry[0]]], stats)[0]?.unknown === false ? [] : entry.slice(1)));
  return forms.length > 0 ? `${text} ${forms.join(" ")}` : text;
}

/** A bracketed clause: a subject pronoun, then its verb. */
const BRACKETED_CLAUSE = /^\s*(?:il|elle|ils|elles|on|he|she|they|it)\s+\p{L}/iu;

/**
 * A question's parts computed on first use (its concepts, entities, terminology), as methods of one object rather
 * than closures made for each question: tsx keeps function names, and naming each closure (a defineProperty, ~1 µs
 * with the map change it brings) cost ~15 µs of an unseen search's ~450.
 */
class QuestionParts implements Lazy {
  private concepts_: Concept[] | undefined;
  private entities_: string[] | undefined;
  private terminology_: Concept[] | undefined;
  /** the question's examples taken out: read by the concepts and by the entities */
  private split: ReturnType<typeof splitExamples> | undefined;

  constructor(
    private readonly corpus: Corpus,
    private readonly question: string,
    private readonly lang: Lang,
    private readonly searchable: string,
    private readonly searched: ReturnType<ExpandQuery>,
    private readonly intent: DetectedIntent,
    private readonly cities: string[],
  ) {}

  concepts(): Concept[] {
    return (this.concepts_ ??= this.allConcepts());
  }

  terminology(): Concept[] {
    return (this.terminology_ ??= glossaryConcepts(this.searched.frenchTerms ?? [], this.corpus.stats));
  }

  entities(): string[] {
    // "a mutual aid group (GEM)": an acronym alone in brackets names the thing, it is not an example
    if (this.entities_) return this.entities_;
    const bracketed = [...this.searchable.matchAll(/\(\s*(\p{Lu}{2,6})\s*\)/gu)].map((m) => m[1]).join(" ");
    // "leaving the ARS aside", "hors CAF": a body the question sets aside is no name the answer must write
    const kept = `${(this.split ??= splitExamples(this.searchable, this.question)).main} ${bracketed}`.replace(SET_ASIDE, " ");
    return (this.entities_ = namedEntities(kept, this.corpus.stats));
  }

  translates(text: string): boolean {
    const all = this.conceptsOf(text);
    const known = all.filter((c) => !c.unknown);
    const e = this.corpus.expand(text, "en");
    // each word of the name the dictionary is asked about is translated or written by the sheets: "Clubhouse
    // International" is not translated by « international » alone when neither the glossary nor the dictionary gives
    // "clubhouse" and no sheet writes it (with no dictionary loaded, nothing is asked)
    if (e.dictionaryWords) {
      // (compared singular: the dictionary's words are the expander's singular keys, "workers" asked as "worker")
      const singular = (w: string) => w.replace(/(?<!s)s$/, "");
      const given = new Set([...(e.labels ?? []), ...e.dictionaryWords.map((w) => w[0])].flatMap((l) => fold(l).split(/[^a-z0-9]+/).map(singular)));
      const asked = (w: string) => singular(w).length >= TUNING.understand.dictMinChars && !STOP_WORDS.has(w);
      if (fold(text).split(/[^a-z0-9]+/).some((w) => asked(w) && !given.has(singular(w)) && !this.corpus.stats.words.has(w))) return false;
    }
    if (e.concepts.length > 0 && known.length > 0 && known.length === all.length) return true;
    // "Tuesday": a capitalised word the general dictionary translates into words the sheets write ("mardi") names no
    // body; the dictionary's words that the sheets do not hold stay concepts (absentWordConcepts), so none may be left
    return (e.dictionaryWords?.length ?? 0) > 0 && all.every((c) => !c.unknown);
  }

  translatesTogether(text: string): boolean {
    if (!this.translates(text)) return false;
    // (not the acronyms the corpus writes, each grounded as itself, nor what a hyphen adds to a word: "ARS-funded PSSM",
    // "Mental Health First Aid-type")
    const named = text.replace(/(?<=\p{L})-\p{Ll}+/gu, "").replace(/(?<![\p{L}\p{N}])\p{Lu}{2,6}(?![\p{L}\p{N}])/gu, (w) => (this.corpus.stats.words.has(fold(w)) ? " " : w));
    const e = this.corpus.expand(named, "en");
    // each glossary term by its French forms, each word the dictionary translates by its translations
    const forms = [...e.concepts, ...(e.dictionaryWords ?? []).filter((w) => w[0].length >= TUNING.understand.dictMinChars && !STOP_WORDS.has(w[0])).map((w) => w.slice(1))];
    return heldTogether(this.corpus.index, forms, TUNING.understand.phraseSlack);
  }

  knowsWord(word: string): boolean {
    return this.corpus.expand.knowsWord?.(word) ?? true;
  }

  generalWord(word: string): boolean {
    return this.corpus.expand.manyUses?.(word, "en") ?? false;
  }

  givenName(word: string): boolean | undefined {
    return this.corpus.expand.givenName?.(word);
  }

  private conceptsOf(text: string): Concept[] {
    const { expand, stats } = this.corpus;
    const lang = this.lang;
    // the question without examples is most often the searched text itself: expanded once
    const e = text === this.searchable ? this.searched : expand(text, lang);
    const englishWords = e.dictionaryWords && new Set(e.dictionaryWords.map((w) => w[0]));
    return [...questionConcepts(text, e.concepts, lang, stats, e.labels, englishWords, expand.asksHow, expand.canBeVerb), ...absentWordConcepts([...(e.dictionaryWords ?? []), ...(e.acronyms ?? []).map((w) => [w])], stats, expand.asksHow)];
  }

  private allConcepts(): Concept[] {
    const { stats } = this.corpus;
    const { main, examples } = (this.split ??= splitExamples(this.searchable, this.question));
    // "un GEM (groupe d'entraide mutuelle)": the words spelled out are the acronym written another way, not examples
    const spelled = acronymExpansions(this.searchable);
    const spelledTexts = new Set([...spelled.values()].map((x) => x.text));
    const withSpelled = (c: Concept) => {
      const alt = c.phrases.length === 1 && c.phrases[0].length === 1 ? spelled.get(c.phrases[0][0]) : undefined;
      if (!alt) return c;
      const out = withConcept(c, [...c.phrases, alt.terms]);
      // "SISM (semaines d'information sur la santé mentale)": an acronym no sheet writes is there when its spelled-out words are
      if (c.unknown && alt.terms.every((t) => stats.df.has(t))) [out.unknown, out.df] = [false, Math.min(...alt.terms.map((t) => stats.df.get(t) ?? 0))];
      return out;
    };
    // "un centre hospitalier universitaire (CHU)": the words spelling out the acronym in brackets are the acronym, one
    // concept with it, not three the sheets must each write
    const spelledWords = new Set([...spelled.entries()].filter(([acronym]) => examples.some((e) => analyze(e).join(" ") === acronym)).flatMap(([, x]) => x.terms));
    const own = this.conceptsOf(main)
      .filter((c) => spelledWords.size === 0 || !c.phrases.every((p) => p.length === 1 && spelledWords.has(p[0])))
      .map(withSpelled);
    // "CMPs (local public psychiatry outpatient centres)": in English, a gloss right after an acronym the sheets write says
    // what the acronym is, in other words; the acronym is the concept (a bag of the gloss's translated words let any
    // sheet writing "habitants" or "psychiatrie" hold it)
    const glosses = this.lang === "en" ? acronymGlosses(this.searchable, stats) : new Set<string>();
    const heads: Concept[] = [];
    const exampleConcepts = examples.filter((e) => !spelledTexts.has(e.trim()) && !glosses.has(e.trim())).map((e) => {
      const shared = this.sharedHead(e);
      if (shared) heads.push(shared.head);
      const c = shared ? shared.alternatives : this.exampleConcept(e);
      return { e, c: c && withSpelled(c) };
    });
    // examples illustrate what the rest of the question asks: words the sheets write, only never
    // together as put here ("un volet nutrition / alimentation en plus", "(sous-location puis bail
    // à leur nom)"), do not make a question whose own words are grounded unanswerable; a word no
    // sheet writes ("(postvention)"), or a name ("(PSSM Jeunes)"), still does
    const grounded = own.some((c) => !c.unknown && isSpecific(c, stats));
    return [...this.withSynonyms(this.choices(main, this.asTerms(main, this.distributed(main, own)))), ...heads, ...exampleConcepts.flatMap(({ e, c }) => (!c || (grounded && c.unknown && illustrates(e, c, stats)) ? [] : [this.examplesSpelled(c)]))];
  }

  /**
   * "(SISM, journée de prévention du suicide…)": an acronym among examples is also found spelled out as the glossary
   * spells it ("semaines d'information sur la santé mentale"), as one the question names is (withSynonyms)
   */
  private examplesSpelled(c: Concept): Concept {
    const frenchSynonyms = this.searched.frenchSynonyms;
    if (this.lang !== "fr" || !frenchSynonyms?.length || c.phrases.length < 2) return c;
    const more = c.phrases.flatMap((p) => {
      if (p.length !== 1) return [];
      const entry = frenchSynonyms.find((alternatives) => /^\p{Lu}{2,6}$/u.test(alternatives[0]) && analyze(alternatives[0])[0] === p[0]);
      return entry ? spelledOut(entry) : [];
    });
    return more.length === 0 ? c : withConcept(c, [...c.phrases, ...more]);
  }

  /**
   * "leur espace ou centre santé jeunes": two nouns sharing what follows them name two things, each with its complement
   * ("espace santé jeunes", "centre santé jeunes"), one concept of two phrases, when the sheets write one of them side
   * by side; the nouns and the complement are then no concepts of their own.
   */
  private distributed(main: string, own: Concept[]): Concept[] {
    if (this.lang !== "fr") return own;
    const { index, stats } = this.corpus;
    let out = own;
    for (const m of main.matchAll(DISTRIBUTED)) {
      // nouns, not articles or pronouns ("un atelier ou une animation autour de…")
      if ([m[1], m[2], ...m[3].split(/\s+/)].some((w) => analyze(w).length === 0)) continue;
      const sides = [`${m[1]} ${m[3]}`, `${m[2]} ${m[3]}`];
      const phrases = sides.map((side) => new Set(analyze(side)));
      if (phrases.some((p) => p.size < 2)) continue;
      const written = phrases.some((p) => stats.sheetsHolding([...p]).some((id) => (index.chunksByFiche.get(id) ?? []).some((c) => textHoldsPhrase(c, p))));
      if (!written) continue;
      const words = new Set(phrases.flatMap((p) => [...p]));
      const joined = alternativeConcept(sides, stats);
      if (!joined) continue;
      out = [...out.filter((c) => !(c.phrases.length === 1 && c.phrases[0].length === 1 && words.has(c.phrases[0][0]))), withConcept(joined, joined.phrases, sides.join(" / "), true)];
    }
    return out;
  }

  /**
   * "sports coaches or sports clubs": two concepts of several words the question offers as a choice are one concept,
   * either answering (a sheet need not write both).
   */
  private choices(main: string, own: Concept[]): Concept[] {
    const folded = ` ${fold(main).replace(/[^a-z0-9'’]+/g, " ")} `;
    const multi = own.filter((c) => c.label && /\s/.test(c.label.trim()));
    let out = own;
    for (const a of multi) {
      for (const b of multi) {
        if (a === b || !out.includes(a) || !out.includes(b)) continue;
        const between = new RegExp(`[ '’]${fold(a.label!)} (?:or|ou) (?:${CHOICE_ARTICLE}\\s*)?(?:${this.lang === "fr" ? CHOICE_HEAD : CHOICE_HEAD_EN})?${fold(b.label!)} `);
        if (!between.test(folded)) continue;
        const joined = mergeConcepts([a, b])!;
        out = [...out.filter((c) => c !== a && c !== b), joined];
      }
    }
    return this.wordOrPair(folded, out);
  }

  /**
   * "un guide ou des cartes contacts": a word offered as a choice against two words the sheets write side by side is one
   * concept, either answering: the word, or the pair as a phrase ("cartes contacts", not "cartes" and "contacts" apart).
   */
  private wordOrPair(folded: string, own: Concept[]): Concept[] {
    const { stats } = this.corpus;
    const single = own.filter((c) => c.label && !/\s/.test(c.label.trim()) && c.phrases.length === 1 && c.phrases[0].length === 1);
    let out = own;
    for (const a of single) {
      // (the word a noun phrase of its own, after its article: in "une animation culinaire ou un atelier diététique" the
      // choice is between two pairs)
      for (const m of folded.matchAll(new RegExp(`(?:^| )(?:un|une|des|les|le|la|l'|du|a|an|the) ${fold(a.label!)} (?:or|ou) (?:${CHOICE_ARTICLE}\\s*)?([a-z0-9-]+) ([a-z0-9-]+) `, "g"))) {
        const pair = [m[1], m[2]].map((w) => own.find((c) => out.includes(c) && c !== a && c.label && fold(c.label) === w && c.phrases.length === 1 && c.phrases[0].length === 1));
        if (!out.includes(a) || pair.some((c) => !c)) continue;
        const terms = pair.map((c) => c!.phrases[0][0]);
        if (!stats.heldTogether(terms)) continue;
        const phrase = withConcept(pair[0]!, [terms], `${pair[0]!.label} ${pair[1]!.label}`, true);
        const joined = mergeConcepts([a, phrase])!;
        out = [...out.filter((c) => c !== a && !pair.includes(c)), withConcept(joined, joined.phrases, `${a.label} / ${phrase.label}`)];
      }
    }
    return out;
  }

  /**
   * "politique de la ville / contrat de ville money": in English the noun after the last alternative is the head the
   * alternatives qualify (general grammar: a noun phrase's head comes last), a concept of its own rather than one more
   * alternative (which let any sheet writing "financement" hold the named credits). Only when what the last side
   * names before it is a term of several words ("contrat de ville", "urban policy"): "young adults" is one idea.
   */
  private sharedHead(e: string): { alternatives: Concept | undefined; head: Concept } | undefined {
    if (this.lang !== "en") return undefined;
    const items = e.split(/\s*(?:,|\/|\bor\b)\s*/u).filter((x) => x.trim());
    if (items.length < 2) return undefined;
    const last = this.conceptsOf(items[items.length - 1]);
    if (last.length !== 2 || last.some((c) => c.unknown || !c.label)) return undefined;
    const folded = fold(items[items.length - 1]);
    const [named, head] = [...last].sort((a, b) => folded.lastIndexOf(fold(a.label!)) - folded.lastIndexOf(fold(b.label!)));
    if (folded.lastIndexOf(fold(named.label!)) < 0 || !/\s/.test(named.label!.trim()) || !folded.trim().endsWith(fold(head.label!))) return undefined;
    const before = items.slice(0, -1).map((x) => this.exampleConcept(x)).filter((c): c is Concept => c !== undefined);
    return { alternatives: mergeConcepts([...before, named]), head };
  }

  // French alternatives ("situations d'incurie / syndrome de Diogène", "EPSM ou CH spécialisé"):
  // each a short phrase, its words together. A gloss in brackets ("fiche de 2021 sur…") and
  // English items (which reach the corpus through the glossary) stay a bag of alternative words.
  // One short item in brackets ("conseil départemental", "'Logement d'abord'" in an English
  // question) names one thing another way: its words side by side, when the corpus knows each of
  // them (a bag of its words let any sheet writing "conseil" or "logement" hold it).
  private exampleConcept(e: string): Concept | undefined {
    const { stats } = this.corpus;
    const items = e.split(/\s*(?:,|\/|\bou\b)\s*/u).filter((x) => x.trim());
    const short = items.every((x) => analyze(x).length <= TUNING.understand.alternativeMaxTerms);
    if (this.lang === "fr" && short && items.length >= 2) return alternativeConcept(items, stats);
    const terms = items.length === 1 ? analyze(items[0]) : [];
    if (short && terms.length >= 2 && terms.every((t) => stats.df.has(t))) {
      const named = alternativeConcept(items, stats);
      return named && withConcept(named, named.phrases, named.label, true);
    }
    const concepts = this.conceptsOf(e);
    // "centres sociaux (neighbourhood social centres)": one English noun phrase glossing a term names what its last words
    // name ("social centres"), the words before qualifying it; as alternatives, "neighbourhood" let any sheet writing
    // "quartier" hold the gloss (general English grammar: the head of a noun phrase comes last)
    if (this.lang === "en" && items.length === 1 && concepts.length >= 2) {
      const folded = fold(e);
      const at = (c: Concept) => (c.label ? folded.lastIndexOf(fold(c.label)) : -1);
      const head = concepts.reduce((a, c) => (at(c) > at(a) ? c : a));
      // (a term of several words, "social centres": a single word, "networks", may be one qualifier among others)
      if (at(head) >= 0 && !head.unknown && /\s/.test(head.label!.trim())) return head;
    }
    return mergeConcepts(concepts);
  }

  /**
   * "How many people were trained?" after "Which cities run PSSM trainings?": a short question,
   * neither a list nor a similar one, naming no city, whose every specific concept the sheets of
   * the previous answer hold, goes on about them though it says no "their" or "them". One that asks
   * nothing specific ("Dans quels quartiers ?") has nothing of its own to search for: it asks about them too.
   */
  impliedFollowUp(previous: ReadonlySet<string> | undefined): boolean {
    const { stats } = this.corpus;
    if (!previous || this.intent.kind === "list" || this.intent.kind === "similar") return false;
    if (this.question.split(/\s+/).length > TUNING.understand.followUpMaxWords || this.cities.length > 0) return false;
    // "Quel est le budget des Pôles Ressources Santé ?": a name in capitals, inside the question, is what it is about
    if (/(?<=\S\s+)\p{Lu}\p{Ll}+\s+\p{Lu}\p{Ll}+/u.test(this.question)) return false;
    // ("What was the investment budget, and who paid for it?", "ça dure combien de temps, une séance ?": how it asks is no topic)
    const specific = askedAbout(this.question, this.intent.fields, this.concepts(), stats);
    return specific.every((c) => [...previous].some((id) => covers(c, stats.ficheTerms.get(id))));
  }

  // "l'Éducation nationale": the name of a body, a term of several words the glossary knows, is
  // one concept, its words side by side, rather than one concept per word. A common noun phrase
  // ("bailleurs sociaux") stays word by word: sheets also write it short ("les bailleurs"), and
  // as a phrase it cost dev a city (dev-006)
  // "un volet nutrition": a French word a glossary entry holds stands for the entry's other French terms too
  // ("alimentation", "diététique"), as an English question's word stands for all of them
  private withSynonyms(own: Concept[]): Concept[] {
    const { stats } = this.corpus;
    const frenchSynonyms = this.searched.frenchSynonyms;
    if (this.lang !== "fr" || !frenchSynonyms?.length) return own;
    return own.map((c) => {
      if (c.phrases.length !== 1 || c.phrases[0].length !== 1 || c.phrase) return c;
      const t = c.phrases[0][0];
      const entry = frenchSynonyms.find((alternatives) => {
        const terms = analyze(alternatives[0]);
        return terms.length === 1 && terms[0] === t;
      });
      if (!entry) return c;
      // an acronym ("l'ARS") and its spelled-out form ("agence régionale de santé") name one body, however often
      // the sheets write it; a word the sheets write often is already theirs ("logement"): synonyms widen a rare one only
      // (only the forms it spells: "direction des ressources humaines" for the DRH, not the entry's "médecin du travail")
      // (an acronym no sheet writes is there where they write it spelled out, "SISM": « Semaines d'Information sur la
      // Santé Mentale », as one the question spells out itself is: withSpelled)
      if (/^\p{Lu}{2,6}$/u.test(entry[0])) {
        const spelled = spelledOut(entry);
        if (spelled.length === 0) return c;
        const out = withConcept(c, [...c.phrases, ...spelled]);
        const [written] = c.unknown ? glossaryConcepts([spelledForms(entry)], stats) : [];
        if (written && !written.unknown) [out.df, out.unknown] = [written.df, false];
        return out;
      }
      if ((stats.df.get(t) ?? 0) > TUNING.understand.synonymMaxShare * stats.chunkCount) return c;
      // a word no sheet writes is grounded only by the words it shortens ("ados": adolescents), not by the entry's
      // other terms ("salariés" is not "agents": blind4 e-30 was answered), unless the entry says they are one meaning
      // (« pandémie », « COVID »)
      const written = fold(entry[0]);
      const same = this.searched.sameMeaning?.includes(entry) === true;
      const others = c.unknown && !same ? entry.slice(1).filter((a) => fold(a).startsWith(written.replace(/s$/, ""))) : entry.slice(1);
      // (not a synonym whose stem the sheets write only as another word: « aînés » would find a place name)
      const more = others.map((a) => ({ a, p: [...new Set(analyze(a))] })).filter(({ a, p }) => p.length > 0 && !(p.length === 1 && p[0] === t) && !strayStem(p, stats, a)).map(({ p }) => p);
      if (more.length === 0) return c;
      // present when a synonym is, as the glossary's terms are
      const [synonyms] = glossaryConcepts([others], stats);
      const out = withConcept(c, [...c.phrases, ...more]);
      // a word the sheets write keeps its own rarity: the synonyms widen where it is found, not how much it weighs
      if (synonyms && c.unknown) [out.df, out.unknown] = [synonyms.df, synonyms.unknown];
      return out;
    });
  }

  private asTerms(main: string, own: Concept[]): Concept[] {
    const { stats } = this.corpus;
    const frenchTerms = this.searched.frenchTerms;
    if (this.lang !== "fr" || !frenchTerms?.length) return own;
    let out = own;
    // "crédits de la politique de la ville ou du contrat de ville": two terms offered as a choice are each one term, its
    // words together (choices() then joins them), not a bag of their words any sheet writing "ville" holds
    const folded = ` ${fold(main).replace(/[^a-z0-9'’]+/g, " ")} `;
    const offered = (written: string) =>
      frenchTerms.some(([other]) => {
        if (other === written) return false;
        // as the question is folded: letters, digits and apostrophes, one space between words
        const [a, b] = [written, other].map((t) => fold(t).replace(/[^a-z0-9'’]+/g, " ").trim());
        // (the first after its article, elided or not: "l'Éducation nationale ou directement dans les établissements scolaires")
        // (the second may come as what a noun is of: "le contrat de ville ou des crédits de la politique de la ville")
        return [`[ '’]${a} (?:ou|or) (?:${CHOICE_ARTICLE}\\s*)?(?:${CHOICE_HEAD})?${b} `, `[ '’]${b} (?:ou|or) (?:${CHOICE_ARTICLE}\\s*)?(?:${CHOICE_HEAD})?${a} `].some((r) => new RegExp(r).test(folded));
      });
    for (const alternatives of frenchTerms) {
      const written = alternatives[0];
      // and two such terms may share a word ("ville")
      const compound = /\s/.test(written.trim()) && offered(written);
      const terms = [...new Set(analyze(written))];
      // "la politique de la ville": a term whose complement is a word every other sheet writes ("de la ville") means
      // nothing word by word, its other words alone something else ("politique Culture-Santé"); an adjective every
      // sheet writes ("bailleurs sociaux") leaves the noun meaning what it did
      const complement = /\s(?:de|du|des|d['’])\s*(.+)$/u.exec(written)?.[1] ?? "";
      const generic = analyze(complement).some((t) => (stats.df.get(t) ?? 0) > TUNING.understand.conceptGenericShare * stats.chunkCount);
      // « Quelles villes… dans l'enseignement supérieur ? »: in a list, a term with a word no sheet writes is one concept,
      // found by the entry's forms the sheets write (« étudiants »), as the search finds it (withUnwrittenTerms); word by
      // word, that word grounded nothing. Not in a topic question, where the entry's forms, often broader (« tentative de
      // suicide »: suicide), would ground what the sheets do not cover: a list's sheets each need a passage stating it
      const unwritten = this.intent.kind === "list" && terms.some((t) => !stats.df.has(t));
      if (!/^\p{Lu}/u.test(written) && !compound && !generic && !unwritten) continue;
      const single = (c: Concept) => c.phrases.length === 1 && c.phrases[0].length === 1 && terms.includes(c.phrases[0][0]);
      if (terms.length < 2 || !terms.every((t) => (compound ? own : out).some((c) => single(c) && c.phrases[0][0] === t))) continue;
      // as written; by the entry's other forms where no text writes it ("hôpital psychiatrique": EPSM)
      const [asWritten] = glossaryConcepts([[written]], stats);
      const [term] = asWritten?.unknown ? glossaryConcepts([alternatives], stats) : [asWritten];
      if (term) out = [...out.filter((c) => !single(c)), withConcept(term, term.phrases, written, true)];
    }
    return out;
  }
}

/** A glossary entry's forms spelling out its acronym, the first ("ARS": « agence régionale de santé »), analysed. */
function spelledOut(entry: readonly string[]): string[][] {
  return spelledForms(entry).map((a) => [...new Set(analyze(a))]);
}

/** A glossary entry's forms spelling out its acronym, the first, as written. */
function spelledForms(entry: readonly string[]): string[] {
  return entry.slice(1).filter((a) => initialsMatch(entry[0], a.split(/[\s'’]+/)));
}

/** The article a second choice may take: "A ou du B", "A or the B". */
/** The texts in brackets right after an acronym the corpus writes ("CMPs (…)", "the CLSM (…)"). */
function acronymGlosses(question: string, stats: Corpus["stats"]): Set<string> {
  const out = new Set<string>();
  for (const m of question.matchAll(/(?<![\p{L}\p{N}])(\p{Lu}{2,})s?\s*\(([^()]+)\)/gu)) {
    const term = analyze(m[1])[0];
    if (term && stats.df.has(term)) out.add(m[2].trim());
  }
  return out;
}

const CHOICE_ARTICLE = "(?:[a-z]{3,}(?:ment|ly)\\s+)?(?:(?:par|avec|via|dans|pour|sur|a|au|aux|by|with|from|through|in|for|on|to)\\s+)?(?:an?|the|des|les|un|une|de|du|d'|l'|la|le)";

/** A noun the second choice is the complement of: "A ou des crédits de la B" offers B (French grammar: "de" introduces the
 * noun's complement, the thing it is made of or comes from), "de" left out as colloquial French does ("des crédits
 * politique de la ville": blind2 g-14 up, none down), in French only: in English any word before B would do ("a smartphone
 * app or online self help platform" made one choice of "app" and "self help", and blind3 f-29 was answered). */
const CHOICE_HEAD = "[a-z]{3,} (?:de la |de l'|du |des |de |d')?";
const CHOICE_HEAD_EN = "[a-z]{3,} (?:of the |of )";

/** Two nouns, "ou", and one or two words both take: "espace ou centre santé jeunes". */
const DISTRIBUTED = /(?<![\p{L}'’-])(\p{L}{3,})\s+ou\s+(\p{L}{3,})\s+(\p{L}{3,}(?:\s+\p{L}{3,})?)(?![\p{L}'’-])/gu;

/** A body or programme the question sets aside, by its acronym or capitalised name: "leaving the ARS aside", "apart from
 * the CAF", "other than PSSM", "hors ARS", "sauf la CAF", "en dehors de l'ARS", "à part le CCAS". General English and French. */
const SET_ASIDE = /(?:\b(?:leaving|setting|putting)\s+(?:the\s+)?\p{Lu}{2,6}\s+aside|\b(?:leaving|setting|putting)\s+aside\s+(?:the\s+)?\p{Lu}{2,6}|\b(?:apart from|except(?: for)?|other than|besides|not counting|excluding)\s+(?:the\s+)?\p{Lu}{2,6}|(?<![\p{L}])(?:hors|sauf|excepté|à part|en dehors)\s+(?:d(?:e|u|es)\s+|de la\s+|d['’]|l['’]|le\s+|la\s+|les\s+)?\p{Lu}{2,6})(?![\p{L}])/gu;

/** The closures behind a question's parts computed on first use. */
interface Lazy {
  concepts(): Concept[];
  terminology(): Concept[];
  entities(): string[];
  translates(text: string): boolean;
  translatesTogether(text: string): boolean;
  knowsWord(word: string): boolean;
  generalWord(word: string): boolean;
  givenName(word: string): boolean | undefined;
}

/**
 * A question understood: a class, its parts computed on first use getters of its prototype. As an object
 * literal with getters of its own (`{ get concepts() {…} }`), or with spread parts (`...(scope ? { scope } : {})`),
 * V8 kept whatever the context pointed to alive through young-generation collections: each question's
 * understanding was promoted to the old generation (~0.9 MB a scavenge in a loop of questions, 3–4 ms pauses
 * instead of 0.3), left for full collections to sweep. Instances of a class are plain objects.
 */
class UnderstoodQuestion implements QueryContext {
  declare scope?: ReadonlySet<string>;
  declare similarTo?: string;
  declare k?: number;
  declare denseFallback?: string;
  declare retrieved?: readonly RankedFiche[];
  declare exclude?: ReadonlySet<string>;
  constructor(
    public index: LoadedIndex,
    public stats: CorpusStats,
    public question: string,
    public lang: Lang,
    public text: string,
    public terms: string[],
    public termSet: ReadonlySet<string>,
    public intent: DetectedIntent,
    public filter: ((f: Fiche) => boolean) | undefined,
    public filtered: boolean,
    public cities: string[],
    private readonly lazy: Lazy,
  ) {}

  get concepts(): Concept[] {
    return this.lazy.concepts();
  }

  get terminology(): Concept[] {
    return this.lazy.terminology();
  }

  get entities(): string[] {
    return this.lazy.entities();
  }

  translates(text: string): boolean {
    return this.lazy.translates(text);
  }

  translatesTogether(text: string): boolean {
    return this.lazy.translatesTogether(text);
  }

  knowsWord(word: string): boolean {
    return this.lazy.knowsWord(word);
  }

  generalWord(word: string): boolean {
    return this.lazy.generalWord(word);
  }

  givenName(word: string): boolean | undefined {
    return this.lazy.givenName(word);
  }
}
