// When the corpus cannot support an answer, the assistant says so and cites nothing:
// - the question names a place (a capitalised name after "ville de", "à", "in"…) that no
//   sheet mentions anywhere;
// - one of the question's concepts exists nowhere in the corpus and the best sheet covers
//   less than half of the specific concepts the corpus does know (or there are none): the
//   topic is not in the collection. A question whose known part is well answered is answered
//   even if one of its words is unknown ("cofinancées par la CAF").
import { fold } from "../../../ingest/text/index.ts";
import type { CorpusStats } from "../retrieve/corpusStats.ts";
import { conceptCoverage, covers, isSpecific, type Concept } from "../understand/concepts.ts";
import type { QueryContext } from "../understand/queryContext.ts";
import type { RankedFiche } from "../retrieve/rankFiches.ts";
import { TUNING } from "../tuning.ts";
import { asksValue, CAPITALISED_COMMON, formWordOf, nameInCorpus, ungrounded } from "./grounding.ts";
import { communeKey, isCommune } from "../understand/communes.ts";
import { valueTypeOf } from "../understand/valueType.ts";
import { DEMONSTRATIVE_NOUN } from "../understand/understandQuestion.ts";
import { budgetBoundOf } from "../understand/budgetConstraint.ts";
import { yearBoundOf } from "../understand/yearConstraint.ts";
import { monthBoundOf } from "../understand/monthConstraint.ts";
import { periodAsked } from "../understand/periodConstraint.ts";
import { listConcepts, namesAskedCity } from "./selectListSheets.ts";
import { askedProgrammes } from "./askedProgrammes.ts";
import { analyze } from "../../../ingest/text/index.ts";

const { filteredAnchors } = TUNING.decide;

const PLACE = /\b(?:ville de|commune de|métropole de|city of|town of|à|au|in|at|from|de|d['’])\s+(\p{Lu}[\p{Ll}\p{Lu}-]{2,})/gu;
const POSSESSIVE = /\b(\p{Lu}[\p{Ll}-]{2,})['’]s\b/gu;
/** A capitalised word ending the text (what comes right before a place's preposition). */
const NAME_BEFORE = /(?<![\p{L}'’-])\p{Lu}[\p{L}'’-]*\s*$/u;

/** A place the question names that appears nowhere in the corpus, if any. */
export function unknownPlace(question: string, stats: CorpusStats, cities: readonly string[] = []): string | undefined {
  // "à Bourg": the short name of a town the question names (Bourg-en-Bresse), which the corpus writes in full
  const heads = new Set(cities.map((c) => fold(c).split("-")[0]));
  for (const re of [PLACE, POSSESSIVE]) {
    for (const m of question.matchAll(re)) {
      // "in QPVs": an acronym's English plural is the acronym the corpus writes, no town
      const parts = fold(/^\p{Lu}{2,}s$/u.test(m[1]) ? m[1].slice(0, -1) : m[1]).split("-").filter(Boolean);
      if (CAPITALISED_COMMON.test(m[1]) || heads.has(fold(m[1]))) continue;
      // "Arts and Care in Motion": a capitalised word, a preposition and a capitalised word that is no French commune are
      // a name's words (a programme's, in English), not a town
      if (re === PLACE && NAME_BEFORE.test(question.slice(0, m.index)) && !isCommune(m[1])) continue;
      if (parts.length && parts.every((p) => !stats.words.has(p))) return m[1];
    }
  }
  return undefined;
}

/**
 * Where the question asks about a town's own actions: "à Grenoble", "ville de Grenoble", "Grenoble's", or the town
 * opening it before its lower-case words, as the subject or an English noun's modifier ("Grenoble mental health
 * actions", « Grenoble a-t-elle… »).
 */
const TOWN = /(?<![\p{L}\p{N}])(?:ville de|commune de|city of|town of|à|in)\s+(\p{Lu}[\p{Ll}\p{Lu}-]{2,})|\b(\p{Lu}[\p{Ll}-]{2,})['’]s\b|^\s*(\p{Lu}[\p{Ll}\p{Lu}-]{2,})(?=\s+\p{Ll})/gu;

/**
 * A French town the question asks about that has no sheet of its own, though the corpus may
 * mention it in passing ("What is the budget of Grenoble's mental health week?": Grenoble is only
 * a partner's address in another city's sheet).
 */
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The sheets' cities, folded once per index. */
const sheetCitiesOf = new WeakMap<object, Set<string>>();

export function townWithoutSheet(ctx: QueryContext): string | undefined {
  let sheetCities = sheetCitiesOf.get(ctx.index);
  if (!sheetCities) sheetCitiesOf.set(ctx.index, (sheetCities = new Set(ctx.index.fiches.map((f) => communeKey(f.city)))));
  for (const m of ctx.question.matchAll(TOWN)) {
    const name = m[1] ?? m[2] ?? m[3];
    if (!name || CAPITALISED_COMMON.test(name) || sheetCities.has(communeKey(name)) || ctx.cities.some((c) => communeKey(c) === communeKey(name) || fold(c).split("-")[0] === fold(name))) continue;
    // "Caen la Mer's": the end of a longer place opened by a city with a sheet (an agglomeration), not a town
    if (ctx.cities.some((c) => new RegExp(`${escapeRegExp(c)}\\s+(?:la|le|les|sur|en)\\s+${escapeRegExp(name)}\\b`, "iu").test(ctx.question))) continue;
    if (isCommune(name)) return name;
  }
  return undefined;
}

export function topicAbsent(concepts: Concept[], topFicheTerms: { has(term: string): boolean } | undefined, stats: CorpusStats): boolean {
  if (!concepts.some((c) => c.unknown)) return false;
  const known = concepts.filter((c) => !c.unknown && isSpecific(c, stats));
  return known.length === 0 || conceptCoverage(known, topFicheTerms, stats) < TUNING.decide.abstainMinCoverage;
}

/**
 * Why the corpus cannot answer: a place it never mentions, concepts or names it never
 * mentions, a topic it lacks, nothing in a follow-up's scope, or nothing within the filters.
 */
export type Abstention =
  | { why: "unknownPlace"; place: string }
  | { why: "notCovered"; missing: string[] }
  | { why: "notInCity"; cities: string[]; missing: string[] }
  | { why: "nothing" }
  | { why: "noneInScope" }
  | { why: "noneInFilters" }
  /** "Any others?": the sheets the last answer gave are all there is */
  | { why: "noOthers" }
  /** the sheets asked about leave the amount asked blank (or, with `funder`, that funder's share of it): their silence is
   * the answer, and they the closest sheets */
  | { why: "notGiven"; ficheIds: string[]; funder?: string };

/**
 * A follow-up over earlier sheets: none of them holds any specific concept the question asks about. A value of
 * one of the form's fields asked of them ("Et quel budget annuel faut-il prévoir ?") is theirs to state, in the
 * form's words, not the sheets'.
 */
function noneInScope(ctx: QueryContext, ranked: RankedFiche[]): boolean {
  // a verb the corpus writes ("y viennent") says how the question asks about them, not what about; a noun after a
  // demonstrative (« ces rencontres », "those meetings") points back at them, in whatever words their sheets put it
  const pointed = new Set([...ctx.question.matchAll(DEMONSTRATIVE_NOUN)].map((m) => fold(m[1])));
  const specific = ctx.concepts.filter((c) => !c.unknown && !c.how && isSpecific(c, ctx.stats) && !(c.label && pointed.has(fold(c.label))));
  // a value asked in words that are all how it is asked (« ça réunit combien de monde ? ») asks it of them, whatever the words
  const asks = asksValue(ctx.question);
  if (specific.every((c) => c.label && asks(c.label))) return false;
  // (a cost bound, « lesquelles n'ont rien déboursé », sorts them by their budget fields, whatever words it uses; so does a
  // bound on when they started or took place, or on how long, "Which of those started before 2020?", by their period)
  const bounded = budgetBoundOf(ctx.question) || yearBoundOf(ctx.question) || monthBoundOf(ctx.question) || periodAsked(ctx.question);
  if (specific.length === 0 || ctx.intent.kind === "field" || (ctx.intent.fields.length > 0 && valueTypeOf(ctx.question)) || bounded) return false;
  return !ranked.some((r) => specific.some((c) => covers(c, ctx.stats.ficheTerms.get(r.ficheId))));
}

/** "Rennes a-t-elle… ?", "Est-ce que…", "Does Lille…?": a yes-or-no question asks whether, not for a value. */
const YES_NO = /(?:^|\s)(?:\p{L}+-t-(?:il|elle|on|ils|elles)|est-ce qu|existe-t-il)\b|^\s*(?:do|does|did|is|are|has|have|was|were|can)\s/iu;
/** "combien de points la grille a-t-elle donnés", "dans quel cadre a-t-il été organisé": the inversion follows a word that asks what, not whether. */
const ASKS_WHAT = /(?<![\p{L}])(?:quel(?:le)?s?|combien|comment|où|quand|pourquoi|qui|lequel|laquelle|lesquel(?:le)?s)(?![\p{L}])/iu;
function asksWhether(question: string): boolean {
  const m = YES_NO.exec(question);
  return !!m && !ASKS_WHAT.test(question.slice(0, m.index));
}

/** Each city's sheets, once per index: the sheets a question naming cities is grounded in. */
const sheetsByCityOf = new WeakMap<object, Map<string, string[]>>();
function sheetsOfCity(ctx: QueryContext, city: string): string[] {
  let byCity = sheetsByCityOf.get(ctx.index);
  if (!byCity) {
    byCity = new Map();
    for (const f of ctx.index.fiches) byCity.get(f.city)?.push(f.id) ?? byCity.set(f.city, [f.id]);
    sheetsByCityOf.set(ctx.index, byCity);
  }
  return byCity.get(city) ?? [];
}

/**
 * "Rennes a-t-elle une ligne d'écoute ?": a question about the actions of the cities it names is
 * grounded in those cities' sheets, not in the corpus at large (Lille's listening line does not
 * answer for Rennes). It is not covered there when their sheets together hold less than
 * `abstainMinCoverage` of its specific concepts (idf-weighted), as for a topic the corpus lacks.
 * Lookups (a field or a value asked, unless the question asks whether) and similar-action
 * questions are left to their own checks: they name a city to find one sheet, and ask in the
 * form's words ("budget", "séances", "ont eu lieu") rather than the sheet's.
 */
const QUOTED = /[«"“]\s*([^«»"“”]+?)\s*[»"”]|(?<![\p{L}\p{N}])['‘]((?:[^'’‘\n]|['’](?=\p{L}))+?)['’](?![\p{L}\p{N}])/gu;
function notInCity(ctx: QueryContext): Abstention | undefined {
  if (ctx.cities.length === 0) return undefined;
  const specific = askedOfSheets(ctx);
  const sheets = ctx.cities.flatMap((c) => sheetsOfCity(ctx, c));
  const missing = specific && uncoveredIn(ctx, sheets, specific);
  if (missing) return { why: "notInCity", cities: [...ctx.cities], missing };
  // a programme or body the question names through the glossary (« premiers secours en santé mentale »: PSSM) that none of
  // the city's sheets holds, whatever else they share with the question (« formations »; askedProgrammes.ts)
  const named = specific && askedProgrammes(ctx).find((c) => !sheets.some((id) => covers(c, ctx.stats.ficheTerms.get(id))));
  return named ? { why: "notInCity", cities: [...ctx.cities], missing: [named.label ?? named.phrases[0].join(" ")] } : undefined;
}

/**
 * "Des projets artistiques ou culturels ?" within a city filter: the sheets the filters leave are grounded in as the named
 * cities' are (notInCity), and when they hold too little of what is asked no sheet answers within the filters (Nantes'
 * « chargés de projet » is no cultural project).
 */
function notInFilters(ctx: QueryContext): boolean {
  if (!ctx.filtered || !ctx.filter) return false;
  const specific = askedOfSheets(ctx);
  const within = ctx.index.fiches.filter((f) => f.kind === "fiche" && ctx.filter!(f)).map((f) => f.id);
  return !!specific && within.length > 0 && !!uncoveredIn(ctx, within, specific, TUNING.decide.filteredMinCoverage);
}

/** The specific concepts a topic or list question asks of the sheets it names a city of (or filters to), when it asks
 * something of their actions: not a lookup (a value, in the form's words), and not a name in quotes the sheets write. */
function askedOfSheets(ctx: QueryContext): Concept[] | undefined {
  if (ctx.intent.kind !== "general" && ctx.intent.kind !== "list") return undefined;
  if (valueTypeOf(ctx.question) && !asksWhether(ctx.question)) return undefined;
  // an English word kept as written that only shares a French stem ("organise": "organis…") may say how, not what
  const untranslated = (c: Concept) => ctx.lang === "en" && c.phrases.length === 1 && c.phrases[0].length === 1 && !!c.label && c.label === c.label.toLowerCase() && analyze(c.label)[0] === c.phrases[0][0];
  // a verb or an adverb the corpus writes ("toujours", "existe") says how the question asks about the city's actions, not which
  const specific = ctx.concepts.filter((c) => !c.unknown && !c.how && isSpecific(c, ctx.stats) && !untranslated(c) && !namesAskedCity(ctx, c));
  if (specific.length === 0) return undefined;
  // « La santé mentale dans mon quartier » à Nantes: a name in quotes that the city's sheets write names one of them
  // (in single quotes too, an apostrophe inside: 'et si on parlait d'amour')
  if ([...ctx.question.matchAll(QUOTED)].map((m) => m[1] ?? m[2]).some((name) => name.trim().split(/\s+/).length >= 2 && nameInCorpus(ctx, name))) return undefined;
  return specific;
}

/** The question quotes a name of two words or more that a sheet within its filters writes. */
function quotesNameWithin(ctx: QueryContext): boolean {
  return [...ctx.question.matchAll(QUOTED)].map((m) => m[1] ?? m[2]).some((name) => name.trim().split(/\s+/).length >= 2 && nameInCorpus(ctx, name, ctx.filter));
}

/** The specific concepts the given sheets together do not hold, when they hold less than `minCoverage` of them
 * (idf-weighted); else nothing. */
function uncoveredIn(ctx: QueryContext, sheets: readonly string[], specific: Concept[], minCoverage: number = TUNING.decide.abstainMinCoverage): string[] | undefined {
  // each term looked up in the sheets' own term sets, not their union: a broad filter leaves thousands of sheets at ×100
  const held = { has: (t: string) => sheets.some((id) => ctx.stats.ficheTerms.get(id)?.has(t)) };
  // « un psy », « les ados »: a word of a few letters the city's sheets write in full ("psychologue", "adolescents") is
  // there, as a clipped form (general French: psy, ados, asso, info)
  const writesLonger = (short: string) => sheets.some((id) => [...(ctx.stats.ficheTerms.get(id) ?? [])].some((t) => t.length > short.length && t.startsWith(short)));
  const clipped = (c: Concept) => c.phrases.some((p) => p.length === 1 && p[0].length <= TUNING.decide.clippedMaxLetters && writesLonger(p[0]));
  const missing = specific.filter((c) => !covers(c, held) && !clipped(c));
  if (missing.length === 0 || conceptCoverage(specific, held, ctx.stats) >= minCoverage) return undefined;
  return missing.map((c) => c.label ?? c.phrases[0].join(" "));
}

/**
 * "pssm lille : combien coûte le manuel des secouristes et qui le paie ?": a value asked of a sheet
 * the question names (by its city, or else by an acronym or a name only some sheets write: "ECOVIP",
 * "Porte de Bagnolet"), whose other concepts that one sheet states (at least `lookupKnownConcepts`, and
 * `lookupNamedCoverage` of them by idf), is about that sheet; one common word it words otherwise ("paie",
 * "stagiaires", "burial", "automne") does not make it unanswerable. A name or a place the corpus lacks still
 * does, and so does a lookup naming too little to identify its sheet ("le budget de la ludothèque de Lille").
 */
function lookupOfNamedSheet(ctx: QueryContext, missing: string[]): boolean {
  if (missing.length > 1 || !valueTypeOf(ctx.question) || asksWhether(ctx.question)) return false;
  const named = namedSheets(ctx);
  if (named.length === 0) return false;
  if (!commonWords(ctx, missing)) return false;
  // the specific concepts other than the cities named, as a list reads them
  const asks = asksValue(ctx.question);
  // (nor how it asks: "l'option qui enterre complètement l'échangeur")
  const concepts = listConcepts(ctx).filter((c) => !c.how);
  const known = concepts.filter((c) => !(c.label && asks(c.label)));
  // (a rare word of the value asked identifies the sheet too: "which improv troupe…" of Valence's one sheet writing « impro »;
  // a common one, "which association", does not)
  const rare = TUNING.decide.listRareTermShare * ctx.stats.chunkCount;
  const describing = concepts.filter((c) => !known.includes(c) && c.df <= rare);
  // (a city of one sheet names that sheet: one concept fewer identifies it, "…the improv sketches in the student
  // restaurants in Valence?")
  const needed = named.length === 1 ? TUNING.decide.lookupKnownConcepts - 1 : TUNING.decide.lookupKnownConcepts;
  if (known.length + describing.length < needed) return false;
  return named.some((id) => {
    const terms = ctx.stats.ficheTerms.get(id);
    const held = [...known, ...describing].filter((c) => covers(c, terms)).length;
    return held >= needed && conceptCoverage(known, terms, ctx.stats) >= TUNING.decide.lookupNamedCoverage;
  });
}

/**
 * "Des actions proches des Balades vertes de Poitiers, sous un autre angle…": a similar question is about the sheet it
 * names; one common word the corpus does not write ("alike", "angle") describes what is wanted, not a topic the
 * collection lacks. A name it lacks still makes it unanswerable. A follow-up is about the sheet the last answer put first.
 */
function similarToNamedSheet(ctx: QueryContext, missing: string[]): boolean {
  if (ctx.intent.kind !== "similar" || missing.length > 1) return false;
  return commonWords(ctx, missing) && (namedSheets(ctx).length > 0 || ctx.similarTo !== undefined);
}

/**
 * "Which actions give residents a chance to see a psychologist?": every missing thing is one English word in small letters of
 * many uses (WordNet), in a question whose other specific concepts the corpus holds: the phrasing, not a topic it lacks.
 */
function generalWordsOnly(ctx: QueryContext, missing: string[]): boolean {
  if (ctx.lang !== "en" || !commonWords(ctx, missing) || !missing.every((m) => ctx.generalWord(m))) return false;
  return ctx.concepts.some((c) => !c.unknown && isSpecific(c, ctx.stats));
}

/** Every missing thing is one word in small letters, as the question writes it, whatever the alternatives its translations give ("burial": enterrement, obsèques): no name. */
/** "Which of those…", « Lesquelles… »: a question choosing among the last answer's sheets. */
const PICKS_AMONG = /\b(?:which of (?:those|them|these)|which ones|lesquel(?:le)?s|laquelle|lequel)\b/iu;

/** The unknown English words a question choosing among the last answer's sheets asks them about, not a verb or adverb
 * saying how it asks; not in French, where the unknown word is most often a form the stemmer leaves whole (« déboursé »,
 * « intervenante »), nor a French word written in an English question ("collèges"). */
function choosingAmong(ctx: QueryContext): Set<string> {
  if (ctx.lang !== "en" || !PICKS_AMONG.test(ctx.question)) return new Set();
  // (nor a word qualifying the next one, a known concept: English puts its adjectives first, "secondary schools")
  const known = new Set(ctx.concepts.filter((c) => !c.unknown && c.label).flatMap((c) => fold(c.label!).split(/[^a-z0-9]+/)));
  const words = fold(ctx.question).split(/[^a-z0-9-]+/);
  const qualifies = (label: string) => words.some((w, i) => w === fold(label) && known.has(words[i + 1] ?? ""));
  return new Set(ctx.concepts.filter((c) => c.unknown && !c.how && !!c.label && /^[a-z]+(?:-[a-z]+)*$/i.test(c.label) && !qualifies(c.label)).map((c) => c.label!));
}

function commonWords(ctx: QueryContext, missing: string[]): boolean {
  const common = new Set(ctx.concepts.filter((c) => c.unknown && !!c.label && !/\s/.test(c.label.trim())).map((c) => c.label));
  return missing.every((m) => common.has(m) && m === m.toLowerCase());
}

/** The sheets a question names: its cities' sheets (those of them writing every acronym it gives, where some do: "PSSM
 * à Lille" is one of Lille's six), or else those writing every acronym, or else its names. */
function namedSheets(ctx: QueryContext): string[] {
  const writingAcronyms = ctx.entities.length > 0 ? new Set(ctx.stats.sheetsHolding(ctx.entities)) : undefined;
  if (ctx.cities.length > 0) {
    const ofCities = ctx.cities.flatMap((c) => sheetsOfCity(ctx, c));
    const narrowed = writingAcronyms ? ofCities.filter((id) => writingAcronyms.has(id)) : [];
    return narrowed.length > 0 ? narrowed : ofCities;
  }
  if (writingAcronyms) return [...writingAcronyms];
  // a name may open the question ("Porte de Bagnolet : combien…"), where namesIn does not look
  return [...ctx.question.matchAll(OPENING_NAME)].flatMap((m) => ctx.stats.sheetsHolding([...new Set(analyze(m[0]))]));
}
/** Two capitalised words or more, with their connectors, anywhere in the question. */
const OPENING_NAME = /\p{Lu}[\p{L}'’-]*(?:\s+(?:(?:de|des|du|la|le|d['’]|l['’])\s*)?\p{Lu}[\p{L}'’-]*)+/gu;

/** Fields that name who or what an action involves, or tick the form's boxes: a mention there states no topic. */
const MENTION_FIELDS = new Set(["partners", "funders", "services_elus", "porteur", "contact", "determinants", "themes", "territory_specifics"]);

/**
 * "support for firefighters' own mental health after traumatic call-outs": a rare concept the sheets write only where they
 * name their partners or tick the form's boxes (one partner list's "SDIS") is mentioned, not described: a topic question
 * about it is not covered.
 */
function mentionedOnly(ctx: QueryContext): string[] {
  if (ctx.intent.kind !== "general" || ctx.cities.length > 0 || ctx.filtered) return [];
  const out: string[] = [];
  for (const c of ctx.concepts) {
    if (c.unknown || c.how || c.df === 0 || c.df > TUNING.decide.mentionOnlyMaxChunks) continue;
    let holding = 0;
    let stated = false;
    for (const p of c.phrases) {
      const lists = [...new Set(p)].map((t) => ctx.index.postings.terms.get(t)?.[0]?.docs);
      if (lists.some((l) => !l)) continue;
      // the rarest term's few chunks (c.df bounds them), checked against the others' lists
      const [rarest, ...others] = (lists as Int32Array[]).sort((a, b) => a.length - b.length);
      for (const d of rarest) {
        if (!others.every((l) => l.includes(d))) continue;
        holding++;
        if (!MENTION_FIELDS.has(ctx.index.chunks[d].field)) stated = true;
      }
    }
    if (holding > 0 && !stated) out.push(c.label ?? c.phrases[0].join(" "));
  }
  return out;
}

export function abstention(ctx: QueryContext, ranked: RankedFiche[]): Abstention | undefined {
  // « Et à Strasbourg ? » after a list: a place the corpus never mentions is not covered, whatever the last answer was about
  const place = unknownPlace(ctx.question, ctx.stats, ctx.cities) ?? townWithoutSheet(ctx);
  if (place) return { why: "unknownPlace", place };
  const missing = ungrounded(ctx);
  // "What about eating disorders like anorexia?" after a list: so is a term or a name no sheet mentions, whatever the last
  // answer's sheets hold of the question's other words (not one word in small letters, most often how a follow-up is put:
  // « Lesquelles n'ont rien déboursé ? », "who did the sketches?")
  if (ctx.scope) {
    // (a noun no sheet writes that picks among them is what they must do, however it is written: "Which of those trained
    // pharmacists?" is answered by none of them)
    const picked = choosingAmong(ctx);
    const named = missing.filter((m) => !commonWords(ctx, [m]) || picked.has(m));
    return named.length > 0 ? { why: "notCovered", missing: named } : noneInScope(ctx, ranked) ? { why: "noneInScope" } : undefined;
  }
  if (missing.length > 0 && !lookupOfNamedSheet(ctx, missing) && !similarToNamedSheet(ctx, missing) && !generalWordsOnly(ctx, missing)) return { why: "notCovered", missing };
  const mentioned = mentionedOnly(ctx);
  if (mentioned.length > 0) return { why: "notCovered", missing: mentioned };
  const elsewhere = notInCity(ctx);
  if (elsewhere) return elsewhere;
  const top = ranked[0]?.ficheId;
  if (!top) return { why: ctx.filtered ? "noneInFilters" : "nothing" };
  // a word naming a field the question asks for is the form's, absent or not ("met-il de l'argent")
  const formWord = formWordOf(ctx);
  const topic = ctx.concepts.filter((c) => !(c.unknown && c.label && formWord(c.label)));
  // (the best-ranked sheets, not the first only: « montées en un temps record, en quelques semaines » ranks a summer
  // programme first and the sheet « monté en 4 semaines » second)
  // (in retrieval's order: the evidence re-rank orders an answer, it does not say whether there is one)
  if ((ctx.retrieved ?? ranked).slice(0, TUNING.decide.abstainCoverageSheets).every((r) => topicAbsent(topic, ctx.stats.ficheTerms.get(r.ficheId), ctx.stats))) return { why: "nothing" };
  if (notInFilters(ctx)) return { why: "noneInFilters" };
  // filters narrow, never replace: within them, the best sheet must hold something the question asks (unless it names
  // one of them in quotes: « la santé mentale dans mon quartier », with Nantes chosen, is Nantes' action)
  if (ctx.filtered && !quotesNameWithin(ctx)) {
    const specific = ctx.concepts.filter((c) => !c.unknown && isSpecific(c, ctx.stats));
    if (specific.length > 0 && !ranked.slice(0, filteredAnchors).some((r) => specific.some((c) => covers(c, ctx.stats.ficheTerms.get(r.ficheId))))) {
      return { why: "noneInFilters" };
    }
    // a programme or body the question names through the glossary ("Mental Health First Aid": PSSM) that no sheet within
    // the filters holds: no sheet there answers, whatever else they share with the question ("courses")
    if (ctx.filter && askedProgrammes(ctx).some((c) => !ctx.index.fiches.some((f) => f.kind === "fiche" && ctx.filter!(f) && covers(c, ctx.stats.ficheTerms.get(f.id))))) {
      return { why: "noneInFilters" };
    }
  }
  return undefined;
}
