// Grounding: every content concept of a question must exist somewhere in the corpus, or the
// answer says plainly what is not covered instead of citing sheets that merely share the
// question's other words. Two kinds of evidence of absence:
// - a specific concept no sheet holds, even as a variant ("télépsychiatrie", "agriculteurs";
//   for English, after the glossary's translation);
// - a name the question gives — two or more words opened by a capital, not at the start of a
//   sentence ("Maison des adolescents", "Hearing Voices Network") — that no passage contains
//   (of the city the question names, if it names one) and that the glossary does not
//   translate into terms the corpus holds.
import { valueTypeOf } from "../understand/valueType.ts";
import { detectIntent } from "../understand/detectIntent.ts";
import { textHoldsPhrase } from "../understand/sideBySide.ts";
import { analyze, fold, STOP_WORDS } from "../../../ingest/text/index.ts";
import { isSpecific, SPELLING_CONNECTORS } from "../understand/concepts.ts";
import type { QueryContext } from "../understand/queryContext.ts";
import type { Fiche } from "../../../ingest/types.ts";

const CONNECTOR = "(?:de|des|du|la|le|les|d['’]|l['’]|of|the|and|et|en|au|aux|for|on)";
const WORD = "[\\p{L}][\\p{L}\\p{N}'’-]*";
const CAPITAL = "\\p{Lu}[\\p{L}\\p{N}'’-]*";
const LONG_WORD = "[\\p{L}][\\p{L}\\p{N}'’-]{2,}";
/** A French name goes on in lower case after a connector ("Maison des adolescents", "Logement d'abord"); an English one stays capitalised. */
const NAME = {
  // after a connector, a word of three letters or more: "Jury les a repérés" is a pronoun and a verb, not a name
  fr: new RegExp(`(?<![.?!]\\s*|^\\s*)(?<=\\s|[«"“(])${CAPITAL}(?:\\s+(?:${CAPITAL}|${CONNECTOR}\\s+${LONG_WORD}|[dl]['’]${WORD})){1,4}`, "gu"),
  en: new RegExp(`(?<![.?!]\\s*|^\\s*)(?<=\\s|[«"“(])${CAPITAL}(?:\\s+(?:${CONNECTOR}\\s+)?${CAPITAL}){1,4}`, "gu"),
};

/**
 * A conjugated French verb ("agissent", "soutiennent", "proposons"): how the question asks, which
 * the stemmer leaves whole and the sheets rarely write in that person. Nouns in -ement
 * ("harcèlement", "confinement") are topics and stay.
 */
export const CONJUGATED = /^[a-z]+(?:(?<!em)ent|ons|ez)$/;

const words = (s: string) => ` ${fold(s).replace(/[^a-z0-9]+/g, " ").trim()} `;

/** The names a question gives, each cut before a trailing city of the corpus ("… de Bordeaux") and after a leading one. */
export function namesIn(question: string, lang: "fr" | "en", cities: readonly string[]): string[] {
  const out: string[] = [];
  // a possessive ends a name: "Lille's Espaces" is two
  for (const m of question.replace(/['’]s\b/g, " ,").matchAll(NAME[lang])) {
    let name = m[0];
    for (const city of cities) name = name.replace(new RegExp(`\\s+(?:${CONNECTOR}\\s+)?${city}\\b.*$`, "iu"), "");
    // and after a city that opens it: "Bordeaux en février" is a place and a month, no name
    for (const city of cities) name = name.replace(new RegExp(`^${city}\\s+(?:${CONNECTOR}\\s+)?`, "iu"), "");
    // a name needs two words of its own; "Lille" or "Caen la Mer" alone are places, checked elsewhere; and it opens
    // with its capital: "Nantes les séances de sensibilisation" without its city is no name
    // an acronym goes on as a name in capitals only ("CLSM de Lille", "PSSM Jeunes"): "PSSM la ville de Lille a-t-elle…"
    // is the acronym and then the question's subject; so is an elided one ("sensibilisations CCOMS d'avril 2023": the
    // month is when, "CLSM d'Angers" stays a name)
    name = name.trim().replace(new RegExp(`^(\\p{Lu}{2,6})\\s+(?:${CONNECTOR}\\s+|[dl]['’])\\p{Ll}.*$`, "u"), "$1");
    if (/^\p{Lu}/u.test(name) && name.split(/\s+/).filter((w) => !new RegExp(`^${CONNECTOR}$`, "iu").test(w)).length >= 2) out.push(name);
  }
  return out;
}

/** A capitalised word inside a sentence, not an acronym ("Marseille", not "HIA", which the corpus may spell out). */
const PROPER = /(?<![.?!]\s*|^\s*)(?<=\s|[«"“(])\p{Lu}\p{Ll}{3,}(?:-\p{Lu}?\p{Ll}+)*(?=['’]s\b|[\s,.;:?!»")]|$)/gu;

/** A capitalised word opening the question or one of its sentences, where any word is capitalised ("Papageno programme: …"). */
const OPENING = /(?:^|[.?!:]\s+)[«"“(]?(\p{Lu}\p{Ll}{3,}(?:-\p{Lu}\p{Ll}+)*)(?![\p{L}'’])/gu;

/** A word in capitals of seven letters or more: longer than the acronyms entities are (2–6). */
const LONG_CAPITALS = /(?<![\p{L}\p{N}])\p{Lu}{7,}(?![\p{L}\p{N}])/gu;

/** Proper nouns the corpus never uses, in any sheet (a city, a body, a programme). */
/** English capitalises months, days and languages: calendar and language words, not names; "What's" is no possessive. */
export const CAPITALISED_COMMON = /^(?:january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|english|french|what|who|where|how|that|there|here|it|let)$/i;

/** The endings of the words for a place's people or things ("Québec": québécois, "Lyon": lyonnaise). */
const DEMONYM = ["ois", "oise", "ais", "aise", "ien", "ienne", "ain", "aine", "nais", "naise"];

/** A place the corpus names by its demonym only ("chercheurs québécois" for "Quebec"). */
const byDemonym = (name: string, known: ReadonlySet<string>) => DEMONYM.some((end) => known.has(`${name}${end}`) || known.has(`${name.replace(/e$/, "")}${end}`));

function unknownProperNouns(ctx: QueryContext, names: string[]): string[] {
  // a word of a longer name is judged with its name
  const inNames = new Set(names.flatMap((n) => n.split(/\s+/)));
  // a word of a glossary term the question writes ("First" of "Housing First") is translated with its term
  const inTerms = new Set(ctx.concepts.flatMap((c) => (c.label && /\s/.test(c.label) ? fold(c.label).split(/\s+/) : [])));
  // a word opening a sentence is a name only where no lexicon of either language knows it, not even as a name
  const opening = [...ctx.question.matchAll(OPENING)].map((m) => m[1]).filter((w) => !STOP_WORDS.has(fold(w)) && !ctx.knowsWord(w));
  // "MONALISA", "ECOVIP": a word in capitals longer than an acronym names a programme, when no lexicon knows it as a word
  // ("IMPORTANT" is emphasis)
  const capitals = [...ctx.question.matchAll(LONG_CAPITALS)].map((m) => m[0]).filter((w) => !ctx.knowsWord(w.toLowerCase()));
  return [...[...ctx.question.matchAll(PROPER)].map((m) => m[0]), ...opening, ...capitals]
    .filter((w) => !inNames.has(w) && !CAPITALISED_COMMON.test(w) && !(ctx.lang === "en" && inTerms.has(fold(w))))
    .filter((w) => fold(w).split("-").every((part) => !ctx.stats.words.has(part)) && !byDemonym(fold(w), ctx.stats.words) && !(ctx.lang === "en" && ctx.translates(w)));
}

/** "Espaces Écoute Santé and Points Écoute Santé": two names the question joins, each of two words or more. */
function joinedNames(name: string): string[] {
  const split = name.split(/\s+(?:and|et)\s+/iu);
  if (split.length < 2) return [];
  // "Espaces and Points Écoute Santé": a one-word part shares the last part's complement ("Espaces Écoute Santé")
  const complement = split[split.length - 1].split(/\s+/).slice(1).join(" ");
  const parts = split.map((p) => (p.split(/\s+/).length === 1 && complement ? `${p} ${complement}` : p));
  return parts.every((p) => p.split(/\s+/).length >= 2) ? parts : [];
}

/**
 * The name, as a phrase, in one of the sheets holding all its words (the only ones worth
 * reading); a name given with a city ("la Maison des adolescents de Bordeaux") must be in that
 * city's sheets.
 */
/** `within`: only the sheets it accepts (a request's filters). */
export function nameInCorpus(ctx: QueryContext, name: string, within?: (f: Fiche) => boolean): boolean {
  const phrase = words(name);
  // a hyphenated word's parts, not its joined form: "Henri-Laborit" is written "Henri Laborit" too, and the phrase is
  // read with hyphens as spaces
  const terms = [...new Set(analyze(name).filter((t, _, all) => !t.includes("-") || t.split("-").some((part) => !all.includes(part))))];
  // only the chunks whose text holds the name's rarest term are worth folding (the posting list
  // says which): folding every chunk of every sheet holding the words was a fifth of a question's CPU at ×100
  const rarest = terms.reduce<string | undefined>((a, t) => (a === undefined || (ctx.stats.df.get(t) ?? 0) < (ctx.stats.df.get(a) ?? 0) ? t : a), undefined);
  const docs = rarest === undefined ? undefined : ctx.index.postings.terms.get(rarest)?.[0]?.docs;
  // no chunk text holds it: only a title can hold the name
  const holding = rarest === undefined ? undefined : new Set(docs ? Array.from(docs, (d) => ctx.index.chunks[d]) : []);
  for (const id of ctx.stats.sheetsHolding(terms)) {
    const fiche = ctx.index.ficheById.get(id);
    if (!fiche || (ctx.cities.length > 0 && !ctx.cities.includes(fiche.city)) || (within && !within(fiche))) continue;
    if (words(`${fiche.city} ${fiche.title}`).includes(phrase)) return true;
    if ((ctx.index.chunksByFiche.get(id) ?? []).some((c) => (!holding || holding.has(c)) && words(c.text).includes(phrase))) return true;
  }
  return false;
}

/**
 * "services de tutelle ou de curatelle", "ressource joignable ou présente": a word the question
 * offers as another choice for words the corpus writes accepts a sheet writing those; only a
 * choice none of whose sides is written leaves the question unanswered. Each side is the one or
 * two words next to "ou"/"or" up to a connector ("jardins thérapeutiques" is one side, written
 * as such or not at all). The other side of each word, folded.
 */
const SIDE = `${WORD}(?:\\s+${WORD})?`;
/** A preposition that may open the other side of a choice (« à l'université ou dans le supérieur »). */
const CHOICE_PREPOSITION = "(?:dans|sur|par|pour|avec|chez|à|a|in|at|to|with|by|from)";
const CHOICE = new RegExp(`(${SIDE})\\s+(?:ou|or)\\s+(?:(?:${CONNECTOR}|${CHOICE_PREPOSITION})\\s+|[dl]['’]){0,2}(${SIDE})`, "giu");
const IS_CONNECTOR = new RegExp(`^${CONNECTOR}$`, "iu");
function choicePartners(question: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of question.matchAll(CHOICE)) {
    const left = m[1].split(/\s+/);
    const right = m[2].split(/\s+/);
    // the left side after its last connector, the right side before its first
    const a = left.slice(left.findLastIndex((w) => IS_CONNECTOR.test(w)) + 1);
    const end = right.findIndex((w) => IS_CONNECTOR.test(w));
    const b = end < 0 ? right : right.slice(0, end);
    if (a.length === 0 || b.length === 0) continue;
    for (const w of a) out.set(fold(w).replace(/^[dl]['’]/, ""), b.join(" "));
    for (const w of b) out.set(fold(w).replace(/^[dl]['’]/, ""), a.join(" "));
  }
  return out;
}

/**
 * "une troupe de théâtre, d'impro ou une compagnie du spectacle vivant": the items of an enumeration closed by
 * "ou"/"or" are alternatives too, each a few words; a word of one item is answered when another item is. Each word
 * of an item, folded, with the other items.
 */
const ITEM = `${WORD}(?:\\s+${WORD}){0,3}`;
const ENUMERATION = new RegExp(`${ITEM}(?:\\s*,\\s*${ITEM})+\\s*,?\\s+(?:ou|or)\\s+${ITEM}`, "giu");
const ITEM_ARTICLE = /^(?:(?:une?|des|les?|la|the|an?)\s+|[dl]['’])/iu;
function enumerationPartners(question: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const m of question.matchAll(ENUMERATION)) {
    const items = m[0].split(/\s*,\s*|\s+(?:ou|or)\s+/iu).filter(Boolean);
    for (const [i, item] of items.entries()) {
      const others = items.filter((_, j) => j !== i);
      for (const w of item.split(/\s+/)) out.set(fold(w).replace(/^[dl]['’]/, ""), others);
    }
  }
  return out;
}

/** Whether a concept's label is among the words that ask for a kind of value ("quelle surface", "how much space",
 * "quelle manifestation"): they say what is asked, not what about. */
export function asksValue(question: string): (label: string) => boolean {
  const asking = valueTypeOf(question)?.asks.exec(fold(question))?.[0] ?? "";
  return (label) => asking !== "" && ` ${asking} `.includes(` ${fold(label)} `);
}


/**
 * "CLSPD (conseil local de sécurité et de prévention de la délinquance)", "MHFA (mental health first aid)": an acronym
 * the corpus writes, followed by its spelled-out form in brackets (its initials, connectors aside, are the acronym's):
 * the gloss says what the acronym is, grounded with it.
 */
function groundedGlosses(ctx: QueryContext): string[] {
  const out: string[] = [];
  for (const m of ctx.question.matchAll(/(?<![\p{L}\p{N}])(\p{Lu}{2,8})\s*\(([^()]{3,120})\)/gu)) {
    const initials = fold(m[2]).split(/[^a-z]+/).filter((w) => w && !SPELLING_CONNECTORS.test(w)).map((w) => w[0]).join("");
    if (initials !== fold(m[1])) continue;
    if (ctx.stats.words.has(fold(m[1]))) out.push(fold(m[2]));
    // "SISM (semaines d'information sur la santé mentale)": an acronym the corpus never writes, spelled out as the corpus
    // writes it (its words side by side, in their other forms: "Semaines d'Informations sur la Santé Mentale"), is grounded too
    else if (glossWritten(ctx, m[2])) out.push(fold(m[2]), fold(m[1]));
  }
  return out;
}

/** Whether a word of the question names a field it asks for ("the city's own contribution", "de l'argent"): the form's
 * word, not a topic the sheets must write. */
export function formWordOf(ctx: QueryContext): (label: string) => boolean {
  return (label) => detectIntent(label).fields.some((f) => ctx.intent.fields.includes(f));
}

function glossWritten(ctx: QueryContext, gloss: string): boolean {
  const terms = new Set(analyze(gloss));
  if (terms.size < 2) return false;
  return ctx.stats.sheetsHolding([...terms]).some((id) => (ctx.index.chunksByFiche.get(id) ?? []).some((c) => textHoldsPhrase(c, terms)));
}

/** What the question asks about that the corpus never mentions, as the question words it. */
export function ungrounded(ctx: QueryContext): string[] {
  // a named corpus city is a place, not a concept (its hyphenated form may not be an index term)
  const cities = new Set(ctx.cities.map((c) => fold(c)));
  // one glossary entry the question names twice ("telepsychiatry – video consultations") is one thing missing
  const seen = new Set<string>();
  const asks = asksValue(ctx.question);
  const partners = choicePartners(ctx.question);
  const conceptLabels = new Map(ctx.concepts.filter((c) => c.label).map((c) => [fold(c.label!), !c.unknown]));
  const partnerWritten = (word: string) => {
    const side = partners.get(word);
    const terms = side === undefined ? [] : analyze(side);
    // one word by its stem ("tutelle": "3 tutelles"), or as a concept the corpus knows in another form (« parcours de
    // migration ou d'exil »: the sheets write "migratoire"); two side by side, as written
    return terms.length === 1 ? (ctx.stats.df.get(terms[0]) ?? 0) > 0 || conceptLabels.get(fold(side!)) === true : terms.length > 1 && nameInCorpus(ctx, side!);
  };
  // an item of an enumeration is answered by another item: one concept the corpus knows, or several written side by
  // side ("compagnie du spectacle vivant"), as for a choice of two
  const enumerations = enumerationPartners(ctx.question);
  const itemKnown = (item: string) => {
    const labels = item.split(/\s+/).map((w) => fold(w).replace(/^[dl]['’]/, "")).filter((w) => conceptLabels.has(w));
    if (labels.length === 1) return conceptLabels.get(labels[0]) === true;
    return labels.length > 1 && nameInCorpus(ctx, item.replace(ITEM_ARTICLE, ""));
  };
  const enumerationAnswered = (word: string) => (enumerations.get(word) ?? []).some(itemKnown);
  // "…, and what was the city's own contribution?": the word of a field the question asks for is the form's (its label,
  // "Contribution de votre collectivité", is no sheet's text), not a topic
  const formWord = formWordOf(ctx);
  // « les restos U »: a word of a glossary term the question writes (a clipping, « restos ») is grounded by the term's
  // other forms (« restaurants universitaires »), when a sheet writes one
  const termWords = new Set(ctx.terminology.filter((c) => !c.unknown && c.label).flatMap((c) => fold(c.label!).split(/[^a-z0-9]+/)));
  const missing = ctx.concepts
    .filter((c) => c.unknown && isSpecific(c, ctx.stats) && !(c.label && (asks(c.label) || formWord(c.label) || termWords.has(fold(c.label)))))
    .filter((c) => !seen.has(JSON.stringify(c.phrases)) && seen.add(JSON.stringify(c.phrases)))
    .map((c) => c.label ?? c.phrases[0].join(" "))
    .filter((label) => !cities.has(fold(label)) && !(ctx.lang === "fr" && CONJUGATED.test(fold(label))))
    .filter((label) => !partnerWritten(fold(label)) && !enumerationAnswered(fold(label)));
  // a French term of several words ("demandeurs d'emploi") none of whose forms any text writes
  for (const c of ctx.terminology) if (c.unknown && !missing.some((m) => fold(c.label ?? "").includes(fold(m)))) missing.push(c.label ?? c.phrases[0].join(" "));
  const names = namesIn(ctx.question, ctx.lang, ctx.cities);
  missing.push(...unknownProperNouns(ctx, names));
  for (const name of names) {
    // "RSA au CCAS": acronyms the corpus writes, joined by a connector, are each a name it knows, not one name
    // (tested first: it reads no text, where looking for "ARS CAF" as a phrase read every chunk writing the CAF)
    const parts = name.split(/\s+/).filter((w) => !IS_CONNECTOR.test(w));
    if (parts.every((w) => /^\p{Lu}{2,6}$/u.test(w) && ctx.stats.words.has(fold(w)))) continue;
    if (nameInCorpus(ctx, name)) continue;
    // « la Caisse d'allocations familiales »: a name that is a glossary term the sheets write in another of its forms
    // (the acronym, "CAF") is grounded by that form, in French as an English name is by its translation below
    const nameTerms = analyze(name);
    if (nameTerms.length > 1 && ctx.concepts.some((c) => !c.unknown && c.phrases.some((p) => p.length > 1 && nameTerms.every((t) => p.includes(t))))) continue;
    // "CH Henri Laborit": the kind of body its acronym gives may be written out or left out ("CH Laborit",
    // "Centre hospitalier Henri Laborit"); the rest of the name, two words or more, written as such grounds it
    // (a hyphen joins two words too: "CH Henri-Laborit")
    const bare = name.replace(/^\p{Lu}{2,6}\s+/u, "");
    if (bare !== name && bare.split(/[\s-]+/).length >= 2 && /^\p{Lu}/u.test(bare) && nameInCorpus(ctx, bare)) continue;
    const joined = joinedNames(name);
    if (joined.length > 0 && joined.every((part) => nameInCorpus(ctx, part))) continue;
    // an English name the glossary translates is grounded by its translation, written together: "European Social Fund"
    // is not grounded by « européen » in "Semaines Européennes…" and « social » and « financement » elsewhere
    if (ctx.lang === "en" && ctx.translatesTogether(name)) continue;
    if (!missing.some((m) => name.toLowerCase().includes(m.toLowerCase()))) missing.push(name);
  }
  const glosses = groundedGlosses(ctx);
  return [...new Set(missing)].filter((m) => !glosses.some((g) => g.includes(fold(m))));
}
