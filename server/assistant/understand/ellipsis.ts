// Follow-ups that name what they are about by reference to the conversation, resolved into the question they stand for.
// "Et à Poitiers ?", "What about Caen?" after "Quelles actions de Lille portent sur le logement ?": a follow-up made of
// a city alone asks the previous question again of that city (ellipsis: the rest is understood from what was asked),
// not for every sheet of that city, nor about the previous answer's sheets.
import { fold } from "../../../ingest/text/index.ts";
import type { Fiche } from "../../../ingest/types.ts";
import { citiesNamed } from "./queryContext.ts";
import { detectIntent } from "./detectIntent.ts";
import { valueTypeOf } from "./valueType.ts";
import { TUNING } from "../tuning.ts";
import type { LoadedIndex } from "../../../ingest/store/index.ts";
import type { Lang } from "../types.ts";
import type { QuestionInput } from "./understandQuestion.ts";

/** Words an elliptical follow-up frames its city with (folded): "et", "à", "what about", « du côté de »… */
const FRAME_WORDS = new Set(["et", "a", "au", "aux", "en", "pour", "chez", "du", "de", "d", "cote", "la", "le", "l", "ville", "alors", "aussi", "idem", "and", "what", "how", "about", "in", "for", "at", "the", "city", "of", "then", "same", "also", "celui", "celle", "ceux", "celles", "one", "ones", "that", "those"]);

const words = (s: string) => fold(s).split(/[^a-z0-9]+/).filter(Boolean);

/** Pronouns standing for what was asked and auxiliaries of its verb: « Et Rennes, ils en ont formé aussi ? », "Does Caen
 * do that too?" (general French and English). */
const STANDING_FOR = new Set(["il", "ils", "elle", "elles", "on", "y", "ca", "cela", "ont", "avait", "avaient", "fait", "font", "faire", "they", "it", "that", "this", "there", "do", "does", "did", "have", "has", "had", "too", "as", "well"]);

/** The one city a question names when it says nothing else; undefined otherwise. `previous`: the question it follows, whose
 * words it may repeat ("formé" of « Quelles villes ont formé… ? »). */
export function ellipticalCity(question: string, fiches: readonly Fiche[], previous?: string): string | undefined {
  const cities = citiesNamed(question, fiches);
  if (cities.length !== 1) return undefined;
  const own = new Set(words(cities[0]));
  const repeated = new Set(previous ? words(previous) : []);
  return words(question).every((w) => own.has(w) || FRAME_WORDS.has(w) || (previous !== undefined && (STANDING_FOR.has(w) || repeated.has(w)))) ? cities[0] : undefined;
}

/** The question a follow-up's ellipsis stands for: the last one asked that was not itself a city alone ("Et à Caen ?"
 * after "Et à Poitiers ?" asks what was asked before them both). */
export function lastTopicQuestion(asked: readonly string[], fiches: readonly Fiche[]): string | undefined {
  for (let i = asked.length - 1; i >= 0; i--) if (!ellipticalCity(asked[i], fiches)) return asked[i];
  return undefined;
}

/**
 * The previous question asked of the city an elliptical follow-up names: its own city replaced where it names one
 * ("…de Lille…" -> "…de Poitiers…"), else the city added ("Quelles villes forment aux PSSM ?" -> "… à Poitiers ?").
 * Undefined when the question is no such follow-up, or the previous one was itself a follow-up (what it asked is not
 * in its words).
 */
export function resolveEllipsis(question: string, previousQuestion: string | undefined, fiches: readonly Fiche[], lang: "fr" | "en"): string | undefined {
  if (!previousQuestion || detectIntent(previousQuestion).followUp) return undefined;
  const city = ellipticalCity(question, fiches, previousQuestion);
  if (!city) return undefined;
  const named = citiesNamed(previousQuestion, fiches);
  let rewritten = previousQuestion;
  for (const old of named) rewritten = replacePlace(rewritten, old, city, fiches);
  if (rewritten !== previousQuestion) return rewritten;
  // a city the previous question names otherwise ("lilloises") is not replaced by adding another
  if (named.length > 0) return undefined;
  const where = lang === "fr" ? `à ${city}` : `in ${city}`;
  return /\s*\?\s*$/.test(previousQuestion) ? previousQuestion.replace(/\s*\?\s*$/, ` ${where} ?`) : `${previousQuestion} ${where}`;
}

/** What a place's name may go on with, capitalised: « Caen la Mer », "Metz Métropole". */
const PLACE_TAIL = /^\s+(?:(?:la|le|les|de|du|des)\s+)?\p{Lu}\p{Ll}[\p{L}-]*(?![\p{L}])/u;

/** The text with each mention of a city put as another, with what its name goes on with when that is no city itself:
 * « Que fait Caen la Mer ? » then « Et Lille ? » asks what Lille does, not « Lille la Mer ». */
function replacePlace(text: string, old: string, city: string, fiches: readonly Fiche[]): string {
  const mention = new RegExp(`(?<![\\p{L}])${old.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\p{L}])`, "giu");
  let out = "";
  let last = 0;
  for (const m of text.matchAll(mention)) {
    let end = m.index + m[0].length;
    const tail = PLACE_TAIL.exec(text.slice(end));
    if (tail && citiesNamed(tail[0], fiches).length === 0) end += tail[0].length;
    out += `${text.slice(last, m.index)}${city}`;
    last = end;
  }
  return out + text.slice(last);
}

/** "the first one", « la deuxième », "the last one": a place in the last answer's order (0-based; -1 the last). */
const ORDINALS: [RegExp, number][] = [
  [/\b(?:the )?(?:first|1st)(?: one| action| sheet| project)?\b|\b(?:la |le )?premi[eè]re?\b/iu, 0],
  [/\b(?:the )?(?:second|2nd)(?: one| action| sheet| project)?\b|\b(?:la |le )?(?:deuxi[eè]me|seconde?)\b/iu, 1],
  [/\b(?:the )?(?:third|3rd)(?: one| action| sheet| project)?\b|\b(?:la |le )?troisi[eè]me\b/iu, 2],
  [/\b(?:the )?last(?: one| action| sheet| project)\b|\b(?:la |le )?derni[eè]re?\b(?! (?:année|fois|édition|mois|semaine))/iu, -1],
];
export function ordinalOf(question: string): { at: number; start: number; end: number } | undefined {
  // "the first one", « la deuxième », not "first aid", « premiers secours », "the first meeting", « la première séance »:
  // the ordinal stands alone, or before "one", "action", "sheet"
  for (const [re, at] of ORDINALS) {
    const m = re.exec(question);
    if (!m) continue;
    const after = question.slice(m.index + m[0].length);
    const tail = /^\s*(?:one|action|sheet|project|fiche)\b/iu.exec(after);
    if (tail || /^\s*(?:[?!.,;:]|$|de la liste|of the list|(?:cit[ée]e|mentionn[ée]e)\b)/iu.test(after) || /\b(?:one|action|sheet|project)$/iu.test(m[0])) return { at, start: m.index, end: m.index + m[0].length + (tail?.[0].length ?? 0) };
  }
  return undefined;
}

/**
 * "Tell me more about the first one", « Combien a coûté la deuxième ? »: the sheet at that place in the last answer (the
 * anaphora's antecedent), and the question without the ordinal, asked about that sheet; undefined when the question
 * refers to no place.
 */
export function resolveOrdinal(question: string, lastAnswer: readonly Fiche[]): { question: string; sheet: Fiche } | undefined {
  const ordinal = ordinalOf(question);
  const sheet = ordinal && lastAnswer.at(ordinal.at);
  if (!ordinal || !sheet) return undefined;
  // (the words around the ordinal, « de la », "about the", are left to the question's frame)
  return { question: `${question.slice(0, ordinal.start)} ${question.slice(ordinal.end)}`.replace(/\s+(?=[?!.,;:]|$)/g, "").trim(), sheet };
}

/** "D'autres ?", "Any others?", « Il y en a d'autres ? »: more of what was asked, beyond the sheets the last answer gave. */
const MORE = /^\s*(?:(?:et|and)\s+)?(?:d['’]autres|autres|encore|any others?|others|any more|more|anything else|(?:y en a-t-il|il y en a|are there(?: any)?)\s+(?:d['’]autres|others|more))\s*(?:\?\s*)?$/iu;
export const asksForMore = (question: string): boolean => MORE.test(question);

/** What an elliptical addition adds: « Et pour les jeunes ? », "And with schools?", « Et par la CAF ? » (a preposition and a
 * few words, no verb nor question word of its own, no pronoun pointing back at the last answer's sheets, which is a
 * follow-up about them). Added, not put in place of the topic's phrase of the same preposition (« financées par la
 * politique de la ville »): measured 2026-12-02, that substitution won blind87 cl-35 and lost cl-39 and the clean blind88 cm-07. */
const ADDITION = /^\s*(?:et|and|what about|how about)\s+((?:pour|avec|chez|dans|en|aupr[eè]s|par|via|sur|for|with|among|in|at|by|through|on)\s+[^?]+?)\s*\??\s*$/iu;
/** « Et les ados ? », "What about teenagers?": a public alone, which is who the last question is asked for. */
const PUBLIC_ALONE = /^\s*(?:et|and|what about|how about)\s+((?:les|des|the)\s+)?([^?]+?)\s*\??\s*$/iu;
const NOT_AN_ADDITION = /\b(?:qui|que|quoi|quel\w*|lequel\w*|laquelle|lesquel\w*|combien|quand|où|comment|pourquoi|who|what|which|how|when|where|why|celle|celui|ceux|celles|those|them|these|that one|the one|it|they|ils|elles|leur|leurs|their|its|ses|son|sa)\b/iu;
export function additionOf(question: string): string | undefined {
  const m = ADDITION.exec(question);
  if (m) return NOT_AN_ADDITION.test(m[1]) || words(m[1]).length > TUNING.understand.additionMaxWords ? undefined : m[1];
  const alone = PUBLIC_ALONE.exec(question);
  const span = alone && publicSpan(alone[2]);
  // (the public and what says it at more length, nothing else: "and the budget for young people?" asks something else)
  if (!alone || !span || span.start !== 0 || alone[2].slice(span.end).trim().replace(/^,\s*[\p{N}\s-]+$/u, "") !== "" || words(alone[2]).length > TUNING.understand.additionMaxWords) return undefined;
  // (in the follow-up's language: « Et les ados ? » adds « pour les ados »)
  return /^\s*et\b/iu.test(question) ? `pour ${alone[1] ?? ""}${alone[2]}`.replace(/\s+/g, " ") : `for ${alone[2]}`;
}

/** The topic question with what an elliptical follow-up adds, before its question mark; a public the follow-up names
 * instead of the topic's (« Et pour les personnes âgées ? » after « Quelles actions visent les jeunes ? ») replaces it. */
export function withAddition(topic: string, addition: string): string {
  const instead = publicSpan(addition) ? publicSpan(topic) : undefined;
  if (instead) return `${topic.slice(0, instead.start).trimEnd()} ${addition} ${topic.slice(instead.end).trimStart()}`.replace(/\s+(?=\?)/, " ").replace(/\s{2,}/g, " ").trim();
  return /\s*\?\s*$/.test(topic) ? topic.replace(/\s*\?\s*$/, ` ${addition} ?`) : `${topic} ${addition}`;
}

/** « Et côté lignes d'écoute ? », "same question for green spaces", « Quid de … », "What about parks?": what a follow-up puts in
 * place of what the last question asked about (general French and English). */
const INSTEAD = /^\s*(?:(?:et|and)\s+)?(?:(?:du\s+)?c[ôo]t[ée]|quid\s+de|(?:la\s+)?m[êe]me\s+question\s+(?:pour|avec|sur|concernant)|idem\s+(?:pour|avec)|(?:the\s+)?same\s+(?:question|thing)\s+(?:for|with|about|on)|what\s+about|how\s+about)\s+((?:(?:les|la|le|des|du|the)\s+|l['’]|d['’])?[^?]+?)\s*\??\s*$/iu;
/** « Lesquelles… », "Which of those…": a question choosing among an answer's sheets, whose topic is not in its words. */
const PICKS_AMONG = /^\s*(?:(?:et|and)\s+)?(?:parmi\s+\p{L}+\s*,?\s*)?(?:lesquel\w*|laquelle|lequel|which of|which ones|parmi)/iu;
export function insteadOf(question: string): string | undefined {
  const m = INSTEAD.exec(question);
  // (nor a place in the last answer: "What about the first one?" is about that sheet, resolveOrdinal)
  if (!m || NOT_AN_ADDITION.test(m[1]) || words(m[1]).length > TUNING.understand.additionMaxWords || ordinalOf(m[1])) return undefined;
  // (a field of the form, named alone, is asked of the last answer's sheets: « Et côté budget ? », "What about the partners?")
  return detectIntent(m[1]).fields.length > 0 && words(m[1]).filter((w) => !FRAME_WORDS.has(w)).length <= TUNING.understand.fieldAloneMaxWords ? undefined : m[1];
}

/**
 * The topic question with `instead` in place of what it asked about: its rarest concept, as the question writes it
 * (« Which actions list noise among… ? » then "same question for green and blue spaces" asks « Which actions list green and
 * blue spaces among… ? »: contrastive ellipsis puts the new focus where the old one stood). Undefined when no concept's
 * words are found in the topic.
 */
export function withFocus(topic: string, instead: string, focus: { label?: string; df: number; how?: boolean }[]): string | undefined {
  const rarest = focus.filter((c) => c.label && !c.how && topic.includes(c.label)).sort((a, b) => a.df - b.df)[0];
  if (!rarest) return undefined;
  return topic.replace(rarest.label!, instead);
}

/** Who an action is for, as questions name them (general French and English): « les jeunes », "older people". */
const PUBLIC_NOUN =
  /(?<![\p{L}])(?:jeunes?|jeunesse|ados?|adolescent\w*|lyc[ée]en\w*|coll[ée]gien\w*|[ée]tudiants?|enfants?|tout-petits|b[ée]b[ée]s|[ée]l[èe]ves|parents|familles|seniors?|a[îi]n[ée]s|retrait[ée]s|personnes (?:[âa]g[ée]es|vieillissantes)|young (?:people|adults)|youths?|teen(?:ager)?s|adolescents|students|children|kids|toddlers|pupils|parents|families|older (?:people|adults)|elderly(?: people)?|retirees|pensioners|(?:people|adults) (?:in their \p{L}+ies|(?:aged )?over \d+)(?: and (?:older|over))?|over-\d+s|(?:personnes|adultes) de plus de \d+ ans)(?![\p{L}'’])/iu;
/** Another public joined to one: « ou les enfants », "or young adults". */
const PUBLIC_JOINED = new RegExp(`^\\s*(?:,|ou|or|et|and)\\s+(?:les\\s+|des\\s+|the\\s+)?(?:(?:young|jeunes|petits|small)\\s+)?${PUBLIC_NOUN.source}`, "iu");
/** What may open the public's phrase: a preposition and an article (« pour les », « aux », "aimed at", "for"). */
const PUBLIC_OPENING = /(?:(?:pour|envers|aupr[eè]s|[àa] destination|en direction)\s+(?:des|de|les|la|le|l['’])?\s*|(?:aux|des|les|la|le|l['’])\s*|(?:for|at|towards|targeting|to)\s+(?:the\s+)?)$/iu;

/** Where a question names a public: from the preposition or article before it to the end of its bracket or enumeration
 * (« pour les jeunes (ados, 16-25 ans) », « les jeunes : ados, étudiants »); undefined when it names none. */
function publicSpan(question: string): { start: number; end: number } | undefined {
  const m = PUBLIC_NOUN.exec(question);
  if (!m) return undefined;
  const before = question.slice(0, m.index);
  const opening = PUBLIC_OPENING.exec(before);
  const start = opening ? m.index - opening[0].length : m.index;
  let end = m.index + m[0].length;
  // "(ados, 16-25 ans)", ": ados, étudiants": what follows says the same public in more words; so does "or young adults"
  const said = /^\s*\([^)]*\)|^\s*:[^?]*/u.exec(question.slice(end));
  if (said) end += said[0].length;
  for (let next = PUBLIC_JOINED.exec(question.slice(end)); next; next = PUBLIC_JOINED.exec(question.slice(end))) end += next[0].length;
  return { start, end };
}

/** « Et celui de la campagne 3114 à Bordeaux ? », "What about the one in Caen?": a demonstrative pronoun and what it is of. */
const PRONOUN_OF = /^\s*(?:(?:et|and|what about|how about)\s+)?(?:celui|celle|ceux|celles|the one|the ones|that|those)\s+((?:de|du|des|d['’]|of|for|in|at)\s*[^?]+?)\s*\??\s*$/iu;
/** The thing a question asks about, as it opens: an article and its noun (an adjective before it, in English) before their
 * complement ("Quel est le budget de…", "What is the yearly budget of…"). */
const ASKED_NOUN = /^(.*?(?<![\p{L}])(?:le|la|les|l['’]|the)\s*[\p{L}'’-]+(?:\s+[\p{L}'’-]+)??)\s+(?:de|du|des|d['’]|of|for|in|at)(?![\p{L}])/iu;

/**
 * The previous question asked of what a pronoun's complement names: « Quel est le budget de la Bibliothèque vivante à
 * Montreuil ? » then « Et celui de la campagne 3114 à Bordeaux ? » asks « Quel est le budget de la campagne 3114 à
 * Bordeaux ? » (the pronoun stands for the noun asked, general French and English grammar). Undefined when the question
 * is no such follow-up or the previous one asks no noun with a complement.
 */
export function resolvePronounOf(question: string, previousQuestion: string | undefined): string | undefined {
  const of = PRONOUN_OF.exec(question)?.[1];
  const asked = previousQuestion ? ASKED_NOUN.exec(previousQuestion)?.[1] : undefined;
  if (!of || !asked || detectIntent(previousQuestion!).followUp) return undefined;
  return `${asked} ${of} ?`;
}

/** "And for Lille's listening points?", « Et pour les Pôles Ressources Santé de Lille ? », "What about Caen's?": another sheet,
 * named with its city, after a value asked of one. */
const FOR_ANOTHER = /^\s*(?:and|et|what about|how about)\s+(?:(?:for|pour|of|de|du|des|d['’]|in|à|a|at|with|avec|chez)\s+)?([^?]+?)\s*\??\s*$/iu;

/**
 * The previous question's value asked of another sheet: "What is the yearly budget of Lorient's talks with a psychologist?"
 * then "And for Lille's Espaces Écoute Santé?" asks "What is the yearly budget of Lille's Espaces Écoute Santé?" (the
 * follow-up names what the value is of; what is asked stays, general French and English ellipsis). Only after a value
 * asked, of a sheet the follow-up names with a corpus city; undefined otherwise.
 */
export function resolveAnotherSheet(question: string, previousQuestion: string | undefined, fiches: readonly Fiche[], lang: "fr" | "en"): string | undefined {
  const named = FOR_ANOTHER.exec(question)?.[1];
  if (!named || !previousQuestion || NOT_AN_ADDITION.test(named) || citiesNamed(named, fiches).length === 0) return undefined;
  const asking = detectIntent(previousQuestion);
  if (asking.followUp || !(asking.fields.length > 0 || valueTypeOf(previousQuestion))) return undefined;
  const asked = ASKED_NOUN.exec(previousQuestion)?.[1];
  return asked ? `${asked} ${lang === "fr" ? "de" : "of"} ${named} ?` : undefined;
}

/** « Et du sport ? », « Et des ateliers cuisine ? »: a partitive and a few words, standing for what the last question asked
 * of the sheets (general French: the partitive names the thing offered, as the last question's did). */
const PARTITIVE_ONLY = /^\s*et\s+((?:du|de la|de l['’]|des)\s*[^?]+?)\s*\??\s*$/iu;
/** The last question's partitive object to its end: « …proposent [de la gestion du stress ou de la relaxation] ? ». */
const PARTITIVE_OBJECT = /(?<=\s)(?:du|de la|de l['’]|des)\s*[^?]*?(?=\s*\?|\s*$)/iu;

/**
 * The previous question asking for what an elliptical partitive names instead: « Quelles actions proposent de la gestion du
 * stress ? » then « Et du sport ? » asks « Quelles actions proposent du sport ? ». Undefined when the question is no such
 * follow-up or the previous one has no partitive object.
 */
export function resolvePartitive(question: string, previousQuestion: string | undefined): string | undefined {
  const object = PARTITIVE_ONLY.exec(question)?.[1];
  if (!object || !previousQuestion || NOT_AN_ADDITION.test(object) || words(object).length > TUNING.understand.additionMaxWords) return undefined;
  if (detectIntent(previousQuestion).followUp || !PARTITIVE_OBJECT.test(previousQuestion)) return undefined;
  return previousQuestion.replace(PARTITIVE_OBJECT, object);
}

/** "the following year", « l'année suivante », "the year before", « l'année précédente »: a year counted from the one the
 * last question named (general French and English). */
const RELATIVE_YEARS: [RegExp, number][] = [
  [/(?<![\p{L}])(?:(?:the\s+)?(?:following|next)\s+year|the\s+year\s+after|l['’]ann[ée]e\s+(?:suivante|d['’]apr[eè]s))(?![\p{L}])/iu, 1],
  [/(?<![\p{L}])(?:(?:the\s+)?(?:previous|preceding)\s+year|the\s+year\s+before|l['’]ann[ée]e\s+(?:pr[ée]c[ée]dente|d['’]avant))(?![\p{L}])/iu, -1],
];
const YEAR = /(?<![\p{N}])(?:19|20)\d{2}(?![\p{N}])/gu;
/** What such a follow-up may say besides its year: how it asks again ("how many", « combien »), and its frame (folded). */
const ASKING_AGAIN = new Set(["how", "many", "much", "combien", "quoi", "what", "y", "a", "t", "il", "en", "au", "total"]);

/**
 * The previous question asked of another year: "How many billboards did Bordeaux put up in 2022…?" then "And how many the
 * following year?" (or « Et en 2023 ? ») asks it of 2023. Undefined when the question says more than its year, or the
 * previous one names no single year or was itself a follow-up. `namesPlace`: the previous question names its city, so that
 * a possessive in it ("…did Bordeaux use for its campaign in 2022?") points within it, not at an earlier answer.
 */
export function resolveYear(question: string, previousQuestion: string | undefined, namesPlace = false): string | undefined {
  if (!previousQuestion || (detectIntent(previousQuestion).followUp && !namesPlace)) return undefined;
  const years = [...new Set(previousQuestion.match(YEAR) ?? [])];
  if (years.length !== 1) return undefined;
  const relative = RELATIVE_YEARS.find(([re]) => re.test(question));
  const named = [...new Set(question.match(YEAR) ?? [])];
  const year = relative && named.length === 0 ? String(Number(years[0]) + relative[1]) : !relative && named.length === 1 ? named[0] : undefined;
  if (!year || year === years[0]) return undefined;
  const rest = relative ? question.replace(relative[0], " ") : question.replace(YEAR, " ");
  const repeated = new Set(words(previousQuestion));
  if (!words(rest).every((w) => FRAME_WORDS.has(w) || STANDING_FOR.has(w) || ASKING_AGAIN.has(w) || repeated.has(w))) return undefined;
  return previousQuestion.replace(YEAR, year);
}

/** « ailleurs », "elsewhere", « dans d'autres villes », "in other cities": beyond the city the conversation is about. */
const ELSEWHERE = /(?<![\p{L}])(?:ailleurs|elsewhere|(?:dans |d['’])autres villes|other (?:cities|towns))(?![\p{L}])/iu;
/** The adverb alone, which a list restated beyond the city no longer needs (its exclusion says it). */
const ELSEWHERE_ADVERB = /(?<![\p{L}])(?:ailleurs|elsewhere)(?![\p{L}])/giu;

/** A request restated as another question, with the request's filters and bound; its history is resolved into it.
 * (Written out, not spread: see server/assistant/perQuestionObjects.test.ts.) */
function restated(input: QuestionInput, question: string): QuestionInput {
  const out: QuestionInput = { question };
  if (input.filters) out.filters = input.filters;
  if (input.k !== undefined) out.k = input.k;
  return out;
}

/**
 * The question a follow-up stands for, or undefined when it is none of these: a city alone asks the last topic question
 * of that city; a few words added ask it with them; "Any others?" asks it less the sheets its answer gave; an ordinal asks
 * about that sheet of the last answer. `langOf` reads a question's language (the "à" or "in" a city is added with).
 */
export function restatedFollowUp(input: QuestionInput, index: LoadedIndex, langOf: (text: string) => Lang, conceptsOf?: (text: string) => { label?: string; df: number; how?: boolean }[]): QuestionInput | undefined {
  const turns = input.history ?? [];
  if (turns.length === 0) return undefined;
  const { fiches } = index;
  const topic = lastTopicQuestion(turns.filter((t) => t.role === "user").map((t) => t.content), fiches);
  const given = turns.findLast((t) => t.role === "assistant" && t.ficheIds?.length)?.ficheIds?.filter((id) => index.ficheById.has(id)) ?? [];
  if (topic) {
    const resolved =
      resolveEllipsis(input.question, topic, fiches, langOf(topic)) ??
      resolvePronounOf(input.question, topic) ??
      resolvePartitive(input.question, topic) ??
      resolveYear(input.question, topic, citiesNamed(topic, fiches).length > 0) ??
      resolveAnotherSheet(input.question, topic, fiches, langOf(topic));
    if (resolved) return restated(input, resolved);
    const addition = !detectIntent(topic).followUp ? additionOf(input.question) : undefined;
    if (addition) return restated(input, withAddition(topic, addition));
    // (a topic that chose among an answer's sheets, « Lesquelles… », has no focus of its own to replace)
    const asked = detectIntent(topic).kind;
    const instead = conceptsOf && (asked === "list" || asked === "general") && !PICKS_AMONG.test(topic) && citiesNamed(input.question, fiches).length === 0 ? insteadOf(input.question) : undefined;
    const focused = instead ? withFocus(topic, instead, conceptsOf!(topic)) : undefined;
    if (focused) return restated(input, focused);
    if (given.length > 0 && asksForMore(input.question)) {
      const more = restated(input, topic);
      more.exclude = new Set(given);
      return more;
    }
  }
  // "Ailleurs, y a-t-il des actions qui passent par l'art… ?" after an answer from one city: a list beyond that city
  if (given.length > 0 && ELSEWHERE.test(input.question) && detectIntent(input.question).kind === "list" && citiesNamed(input.question, fiches).length === 0) {
    const cities = new Set(given.map((id) => index.ficheById.get(id)!.city));
    if (cities.size === 1) {
      // (the exclusion says "elsewhere" now: the word itself is no topic a sheet must write)
      const beyond = restated(input, input.question.replace(ELSEWHERE_ADVERB, " ").replace(/^[\s,;:]+/, "").replace(/\s{2,}/g, " "));
      beyond.exclude = new Set(fiches.filter((f) => cities.has(f.city)).map((f) => f.id));
      return beyond;
    }
  }
  const placed = given.length > 0 ? resolveOrdinal(input.question, given.map((id) => index.ficheById.get(id)!)) : undefined;
  if (!placed) return undefined;
  const about = restated(input, placed.question);
  about.about = placed.sheet.id;
  return about;
}
