// Value lookups ("what number do people call…", "qui a animé…", "which organisation trained…"):
// in the sheet the question is about, the sentences that hold a value of the asked kind and
// what the question says around it, from any field. Canonical fields are a prior, not the
// only place; placeholder values ("/", "0", "néant") never answer.
import type { Chunk } from "../../../ingest/types.ts";
import { analyze, fold, type Span } from "../../../ingest/text/index.ts";
import type { Concept } from "../understand/concepts.ts";
import type { QueryContext } from "../understand/queryContext.ts";
import { DAY_DATE, type ValueType } from "../understand/valueType.ts";
import type { RankedFiche } from "../retrieve/rankFiches.ts";
import { TUNING } from "../tuning.ts";
import { bagCovers, conceptWeight, passagesOf, termBag } from "./evidence.ts";
import { titleMatch } from "./referenceFiche.ts";
import { sheetChunks } from "./sheetChunks.ts";

const { valueTitleCoverage, valueShapeWeight, valueFieldWeight, valueMaxPassages, namedWindow, nameWindow, valueNamedFactor, valueCountedFactor, valueWeakFactor, bodyKindWindow } = TUNING.decide;

export interface ValuePassage extends Span {
  chunk: Chunk;
  score: number;
  /** the value itself, as written */
  value: string;
  /** the value is followed or glossed by what the question asks of it ("5 familles" for "combien de familles") */
  counted: boolean;
}

/** "/", "0", "0 €", "néant", "non", "NC"…: a field filled in to say there is nothing. */
export const isPlaceholder = (text: string): boolean => /^\s*(?:[/\-–.…]+|0+(?:[,.]0+)?\s*(?:€|e|euros?)?|n[ée]ant|non|nc|n\/a|aucun(?:e)?|sans objet|pas de budget)\s*$/iu.test(text);

/** The sheet a lookup is about: the one whose title the question quotes, else the one sheet writing the names it gives,
 * else the best ranked (of the cities it names, if any). */
export function lookupSheet(ctx: QueryContext, ranked: RankedFiche[]): RankedFiche | undefined {
  return lookedUp(ctx, ranked)?.sheet;
}

/** lookupSheet's sheet, and whether a title or a name the question gives settled it (rather than the ranking). */
function lookedUp(ctx: QueryContext, ranked: RankedFiche[]): { sheet: RankedFiche; settled: boolean } | undefined {
  const named = titleMatch(ctx, ranked);
  const sheet = (id: string) => ranked.find((r) => r.ficheId === id) ?? { ficheId: id, score: 0, chunks: [] };
  if (named && named.coverage >= valueTitleCoverage) return { sheet: sheet(named.fiche.id), settled: true };
  // "When is the ECOVIP conference…?": a name or acronym the question gives that one sheet alone writes designates that
  // action, whatever other sheets share of the question's words (as for similar questions: referenceFiche)
  if (ctx.entities.length > 0) {
    const holders = ctx.stats.sheetsHolding(ctx.entities).filter((id) => {
      const f = ctx.index.ficheById.get(id);
      return f && (!ctx.cities.length || ctx.cities.includes(f.city)) && (!ctx.filter || ctx.filter(f));
    });
    if (holders.length === 1) return { sheet: sheet(holders[0]), settled: true };
  }
  // "Which video does Boulogne's Espace Santé Jeunes show…": a sheet of Boulogne, not Valence's Centre Santé Jeunes
  const best = (ctx.cities.length > 0 ? ranked.find((r) => ctx.cities.includes(ctx.index.ficheById.get(r.ficheId)?.city ?? "")) : undefined) ?? ranked[0];
  return best && { sheet: best, settled: false };
}

/**
 * The sheets a lookup may be about, best first: the one lookupSheet settles on by a title or a name the question gives; else
 * the best ranked and the next one near it (of the cities it names, if any), two sheets about one programme ("Espaces
 * écoute santé", 2021 and 2023) of which the value asked is stated in one only.
 */
export function lookupCandidates(ctx: QueryContext, ranked: RankedFiche[]): RankedFiche[] {
  const found = lookedUp(ctx, ranked);
  if (!found) return [];
  const first = found.sheet;
  if (found.settled) return [first];
  const pool = ctx.cities.length > 0 ? ranked.filter((r) => ctx.cities.includes(ctx.index.ficheById.get(r.ficheId)?.city ?? "")) : ranked;
  const next = pool.filter((r) => r.ficheId !== first.ficheId).slice(0, TUNING.decide.lookupRunnerUps);
  return [first, ...next.filter((r) => r.score >= first.score * TUNING.decide.lookupRunnerUpScore)];
}

/**
 * The value of the asked shape in a sentence: preferably one the question's words name right
 * after it ("12 situations", "36 professionnels"); a person is never a corpus place ("Nantes Nord").
 */
/** `inField`: the passage stands in a field where such a value usually stands, or one the question asks for. */
function bestMatch(text: string, type: ValueType, ctx: QueryContext, places: readonly string[], title: string, counted: readonly string[], own: ReadonlySet<string>, inField: boolean): { value: string; named: boolean; counted: boolean; weak?: boolean } | undefined {
  // nor the action's own title ("Regards Sur" of "Regards sur l'Art")
  const all = [...text.matchAll(new RegExp(type.shape.source, `${type.shape.flags.replace("g", "")}g`))]
    .filter((m) => type.kind !== "person" || !(places.some((c) => m[0].includes(c)) || title.includes(fold(m[0]))))
    // a person is named by a given name first ("Sonia Sharapov"), not two capitalised common nouns ("Quartiers
    // Politiques de la ville", « Oui La santé… »); with no lexicon of given names, any pair of capitals
    .filter((m) => type.kind !== "person" || ctx.givenName(m[0].split(/[\s-]/)[0]) !== false)
    // a name is not what the question itself writes, with the sheet's city ("Espace Santé Jeunes de Boulogne Billancourt")
    .filter((m) => type.kind !== "name" || !writtenByQuestion(m[0], ctx, own))
    // nor is a body, outside the fields that list bodies ("who supplies the CLSM's breakfasts?": the EPSM, not the CLSM;
    // "Besides the ARS, who funds…?": the funders' "ARS, Contrat de Ville et…" still says it)
    .filter((m) => type.kind !== "organisation" || inField || !writtenByQuestion(m[0], ctx, own))
    // a number of hours, days or euros is a duration or an amount, not a count, unless the question counts those;
    // nor is an item's number in an enumeration ("1. Le coordinateur est saisi…", "… ; 3.")
    .filter((m) => type.kind !== "count" || (!unitAfter(text, m, counted) && !enumerator(text, m) && !inPhoneNumber(text, m)));
  if (all.length === 0) return undefined;
  // a date asked: a day of a month says it best ("le 11 octobre 2023" rather than "en 2023"), unless the question asks
  // when the action began, which its period says ("Quand a commencé l'action ?": "Depuis 2020", not a meeting's day)
  const day = type.kind === "date" && !STARTED.test(fold(ctx.question)) ? DAY_DATE.exec(text) : null;
  if (day) return { value: day[0], named: true, counted: true };
  const next = (m: RegExpExecArray) => analyze(text.slice(m.index + m[0].length, m.index + m[0].length + namedWindow));
  // a count is followed by what it counts ("97 participations"); a name follows what it names (vidéo « cup of tea »)
  const before = (m: RegExpExecArray) => analyze(text.slice(Math.max(0, m.index - nameWindow), m.index));
  // (and a subject follows the things it is the subject of: "2 ateliers : un sur la gestion du stress")
  const around = type.kind === "name" || type.kind === "content" || type.kind === "subject" ? before : next;
  // the value nearest what it counts or names: "3114 sur 50 panneaux" counts panneaux with 50
  const distance = (m: RegExpExecArray) => {
    // a body named by its kind ("Équipe réseau des alternatives… (ERAH)" for "quelle équipe") is what is asked
    // (so is a name opening with the kind of thing asked: "compagnie Dana" for "which company")
    if ((type.kind === "organisation" || type.kind === "name") && counted.includes(analyze(m[0])[0] ?? "")) return 0;
    const terms = around(m);
    const at = (type.kind === "name" || type.kind === "subject" ? [...terms].reverse() : terms).findIndex((t) => counted.includes(t));
    if (at >= 0) return at;
    // or given just after what it counts, in brackets or after a colon: "un petit nombre de personnes (6 ou 8)"
    // (not one followed by its own noun: "identifiés en RCPpsy : 5 lien avec EPSM" counts links)
    const ownNoun = /^[ \t]*(\p{L}+)/u.exec(text.slice(m.index + m[0].length))?.[1];
    const glossed = type.kind === "count" && !(ownNoun && analyze(ownNoun).length > 0) ? GLOSSED_COUNT.exec(text.slice(Math.max(0, m.index - nameWindow), m.index)) : null;
    return glossed && counted.includes(analyze(glossed[1])[0] ?? "") ? 0.5 : Infinity;
  };
  let byCounted: RegExpExecArray | undefined;
  let nearest = Infinity;
  if (counted.length > 0) for (const m of all) {
    const d = distance(m);
    if (d < nearest) [byCounted, nearest] = [m, d];
  }
  // a spelled-out organisation ("deux associations (Rénovation et Dites Je Suis Là)") names itself as one; a bare acronym may be anything
  const sure = type.sure && !byCounted ? new RegExp(type.sure.source, `${type.sure.flags.replace("g", "")}g`) : undefined;
  if (sure) {
    const found = [...text.matchAll(sure)];
    // of the kind asked ("quelles associations…": "deux associations (Rénovation et…)", "association Rénovation"): what the question counts
    const ofKind = counted.length > 0 ? found.find((m) => analyze(text.slice(Math.max(0, (m.index ?? 0) - bodyKindWindow), (m.index ?? 0) + m[0].length)).some((t) => counted.includes(t))) : undefined;
    const pick = ofKind ?? found[0];
    if (pick) return { value: pick[0].trim(), named: true, counted: ofKind !== undefined };
  }
  // "ça dure combien en tout ?": a total asked is the value the sheet says is one ("3 heures au total (2 h de discussion + 1 h…)")
  const total = TOTAL.test(fold(ctx.question)) ? all.find((m) => TOTAL.test(fold(text.slice(m.index + m[0].length, m.index + m[0].length + namedWindow)))) : undefined;
  if (total && !byCounted) return { value: total[0], named: true, counted: false };
  const named = byCounted ?? all.find((m) => next(m).some((t) => ctx.termSet.has(t)) && !type.sure);
  return { value: (named ?? all[0])[0], named: named !== undefined, counted: byCounted !== undefined, weak: !!type.sure && !byCounted };
}

/** A total, asked or stated (folded; general French and English). */
const TOTAL = /\b(?:en tout|au total|in total|altogether|all in all|all told|total)\b/;

/** Every word of a value is the question's own or the sheet's city's. */
function writtenByQuestion(value: string, ctx: QueryContext, own: ReadonlySet<string>): boolean {
  return analyze(value).every((t) => ctx.termSet.has(t) || own.has(t));
}

/** A unit of time, money or measure right after a number ("3 heures", "2 h", "700 €"), none of what the question counts. */
const UNIT = /^\s*(?:heures?|h|minutes?|min|jours?|semaines?|mois|ans|années?|€|euros?|%|km|m²|m2)(?![\p{L}\d])/iu;
function unitAfter(text: string, m: RegExpExecArray, counted: readonly string[]): boolean {
  const unit = UNIT.exec(text.slice(m.index + m[0].length, m.index + m[0].length + 12));
  return !!unit && !counted.includes(analyze(unit[0])[0] ?? "");
}

/** A French phone number ("03 20 78 22 22", "03.20.49.56.14", a service number as written "0 800 130 000"): its groups of
 * digits count nothing. */
const PHONE_NUMBER = /(?<![\d])(?:0\d(?:[ .]?\d{2}){4}|0[ .]?[89]\d{2}(?:[ .]?\d{3}){2})(?![\d])/gu;
function inPhoneNumber(text: string, m: RegExpExecArray): boolean {
  for (const phone of text.matchAll(PHONE_NUMBER)) if (m.index >= phone.index! && m.index < phone.index! + phone[0].length) return true;
  return false;
}

/** A number before "." or ")" (or a section's "2.2."), opening a line, the passage or an item after ";", or closing the
 * passage: an enumeration's item number ("1. Le coordinateur…", "conseils ; 2.2. Si…"). */
function enumerator(text: string, m: RegExpExecArray): boolean {
  const after = text.slice(m.index + m[0].length);
  if (!/^(?:\.\d+)*[.)](?:\s|$)/u.test(after)) return false;
  return /(?:^|\n|;)[\s•\-–]*(?:\d+\.)*$/u.test(text.slice(0, m.index)) || /^(?:\.\d+)*[.)]\s*$/u.test(after);
}

/** The word a count is glossed after: "personnes (", "participants : ". */
const GLOSSED_COUNT = /([\p{L}-]+)\s*[(:]\s*$/u;

/**
 * What a count question counts: the words after "combien de", "how many", "nombre max de", up to the
 * first word that is no content ("how many awareness sessions did…": awareness, sessions), with
 * their French for an English question ("billboards": panneaux), from the concepts that name them.
 */
function countedTerms(question: string, concepts: readonly Concept[]): string[] {
  // "quelle fréquentation ?", "what was the attendance?": a count of who came, as a sheet writes it ("97 participations")
  if (ATTENDANCE.test(fold(question))) return ATTENDANCE_COUNTED;
  // "how big are those groups?": a group's size is how many people are in it ("un petit nombre de personnes (6 ou 8)")
  if (GROUP_SIZE.test(fold(question))) return PEOPLE_COUNTED;
  const m = /\b(?:combien\s+d(?:e\s+|['’]\s*)|(?:nombre|nbr?e?\.?)\s+(?:max(?:imum|imal)?\s+|moyen\s+|total\s+)?d(?:e\s+|['’]\s*)|how\s+many\s+|number\s+of\s+)((?:[\p{L}-]+\s*){1,3})/iu.exec(question);
  // « des ateliers : combien en ont eu lieu ? »: « en » stands for the plural noun named before it (general French grammar)
  if (!m) {
    const pronoun = /\bcombien\s+(?:y\s+)?en\b/iu.exec(question);
    const antecedent = pronoun ? [...question.slice(0, pronoun.index).matchAll(/(?<![\p{L}])(?:des|les|ces|leurs|ses|de|d['’])\s*([\p{L}-]{3,})/giu)].at(-1)?.[1] : undefined;
    return antecedent ? analyze(antecedent) : [];
  }
  const words: string[] = [];
  for (const w of m[1].trim().split(/\s+/)) {
    // "how many other requests", "combien d'autres demandes": a word of no content before the counted noun is skipped
    if (analyze(w).length === 0) {
      if (words.length > 0) break;
      continue;
    }
    words.push(w);
  }
  const folded = words.map((w) => fold(w));
  const translated = concepts.filter((c) => c.label && folded.some((w) => fold(c.label!).split(/[^a-z0-9]+/).includes(w))).flatMap((c) => c.phrases.filter((p) => p.length === 1).map((p) => p[0]));
  // "how many people came?": a count of people is written with whichever people it counts ("une quinzaine de participants")
  const people = PEOPLE.test(folded[0] ?? "") ? PEOPLE_COUNTED : [];
  const counted = [...words.flatMap((w) => analyze(w)), ...translated, ...people];
  // « combien de séances ? »: a sheet counts them as « sessions » as often (one meaning in French: "6 sessions ont été proposées")
  const sittings = counted.some((t) => SITTINGS.includes(t)) ? SITTINGS : [];
  return [...new Set([...counted, ...sittings])];
}

/** "les Réunions Pluriprofessionnelles Psy (RCP Psy)": capitalised words, then the acronym standing for them in brackets. */
const DEFINED_ACRONYM = /((?:\p{Lu}[\p{Ll}'’-]+[ \t]+){1,6})\((\p{Lu}{2,}(?:[ \t]*\p{Lu}?\p{Ll}*)?)\)/gu;

/** The acronyms a sheet defines for a thing counted: its first word, the kind of thing it is, is what is counted and opens
 * with the acronym's letter. Each as the index writes it, joined ("RCPpsy") and by its first part ("RCP"). */
function acronymsFor(counted: readonly string[], texts: readonly string[]): string[] {
  if (counted.length === 0) return [];
  const out = new Set<string>();
  for (const text of texts) {
    for (const m of text.matchAll(DEFINED_ACRONYM)) {
      const head = m[1].trim().split(/\s+/)[0];
      if (fold(head)[0] !== fold(m[2])[0] || !analyze(head).some((t) => counted.includes(t))) continue;
      out.add(fold(m[2].replace(/\s+/g, "")));
      for (const t of analyze(m[2]).slice(0, 1)) out.add(t);
    }
  }
  return [...out];
}

/** « séance » and « session »: one meaning, a sitting (general French). */
const SITTINGS = analyze("séance session");

/** Words that count people in general, in either language ("combien de monde": how many people). */
const PEOPLE = /^(?:people|persons?|personnes?|gens|individus?|individuals?|monde)$/;
/** The nouns a sheet counts people with: who came, who took part, who was reached. */
const PEOPLE_COUNTED = analyze("participants personnes habitants bénéficiaires inscrits usagers jeunes familles parents enfants élèves étudiants professionnels agents stagiaires");

/** The size of a group, a class or a session asked. */
const GROUP_SIZE = /\b(?:how (?:big|large)|size|taille)\b.*\b(?:groups?|classes?|sessions?|workshops?|cohorts?|groupes?|ateliers?|promotions?)\b/;

/** Attendance asked without naming who is counted. */
const ATTENDANCE = /\b(?:frequentation|affluence|attendances?|turnout|how (?:well )?attended)\b/;
const ATTENDANCE_COUNTED = analyze("participations participants présents inscrits personnes entrées");

/** What a content question asks about ("what does a typical session consist of?": session, séance), with its French. */
function contentOf(question: string, concepts: readonly Concept[]): string[] {
  const m = /\b(?:what (?:does|do|did) (?:a |an |the |each |one )?(?:typical |usual )?|en quoi consist\w* (?:la |le |les |l['’]|une? |chaque )?|comment se d[ée]roul\w* (?:la |le |les |l['’]|une? |chaque )?|during (?:a |an |the |each )?|de quoi se compos\w* (?:la |le |les |l['’]|une? |chaque )?)([\p{L}-]+)/iu.exec(question);
  if (!m) return [];
  const word = fold(m[1]);
  const translated = concepts.filter((c) => c.label && fold(c.label).split(/[^a-z0-9]+/).includes(word)).flatMap((c) => c.phrases.filter((p) => p.length === 1).map((p) => p[0]));
  return [...new Set([...analyze(m[1]), ...translated])];
}

/** What a name question names: "which video…", "…action called?", "le nom de l'atelier". */
function namedThing(question: string): string[] {
  const m = /\bwhich\s+([\p{L}-]+)|([\p{L}-]+)\s+(?:called|named)\b|\bnom\s+(?:de\s+la\s+|de\s+l['’]|du\s+|de\s+|des\s+)([\p{L}-]+)/iu.exec(question);
  // (and the kind of body it is, in French: "which company" names a « compagnie »)
  return m ? [...new Set([...analyze(m[1] ?? m[2] ?? m[3]), ...bodyKind(question)])] : [];
}

/** "quels ateliers … ?", "what workshops …?": the things whose subjects are asked, as the sheets write them (the question's
 * concept for that word, its French alternatives for an English one). */
function subjectOf(question: string, concepts: readonly Concept[]): string[] {
  const asked = /(?:quel(?:le)?s?|what|which)\s+([\p{L}-]+)/iu.exec(question);
  const noun = asked?.[1];
  if (!noun) return [];
  // "…to run workshops. On what topics?": a word for a topic is of the thing named last before it (ateliers)
  if (TOPIC_NOUN.test(fold(noun))) {
    const before = fold(question.slice(0, asked.index));
    const named = concepts.filter((x) => x.label && before.includes(fold(x.label))).sort((a, b) => before.lastIndexOf(fold(b.label!)) - before.lastIndexOf(fold(a.label!)))[0];
    if (named) return named.phrases.filter((p) => p.length === 1).map((p) => p[0]);
  }
  const c = concepts.find((x) => x.label && fold(x.label) === fold(noun));
  return c ? c.phrases.filter((p) => p.length === 1).map((p) => p[0]) : analyze(noun);
}

/** Words for what something is about (general English and French). */
const TOPIC_NOUN = /^(?:topics?|themes?|subjects?|sujets?|thematiques?)$/;

/**
 * The kind of body an organisation question asks, when it names one the sheets write before a body's name
 * ("quelles associations…", "which teams…"), in French; a generic "organisation" or "body" names no kind.
 */
function bodyKind(question: string): string[] {
  const m = /\b(?:quel(?:le)?s?|which|what)\s+(?:[\p{L}/-]+\s+){0,3}?(associations?|services?|(?:é|e)quipes?|teams?|collectifs?|compagnies?|companies|company|centres?|centers?|charit(?:y|ies)|agences?|agency|agencies)\b/iu.exec(question);
  if (!m) return [];
  const word = fold(m[1]);
  const french = /^team/.test(word) ? "équipe" : /^compan/.test(word) ? "compagnie" : /^charit/.test(word) ? "association" : /^center/.test(word) ? "centre" : /^agenc(?:y|ies)/.test(word) ? "agence" : word;
  return analyze(french);
}

const quoted = (p: ValuePassage) => p.chunk.text.slice(p.start, p.end).replace(/\s+/g, " ").trim();
/** The same sentence, in two chunks of one sheet (chunks overlap), alone or with its neighbour. */
const sameText = (a: ValuePassage, b: ValuePassage) =>
  a.chunk.ficheId === b.chunk.ficheId && (quoted(a).includes(quoted(b)) || quoted(b).includes(quoted(a)) || (a.value === b.value && valueSentence(a) === valueSentence(b)));
/** The sentence of a passage that holds its value. */
const valueSentence = (p: ValuePassage) => quoted(p).split(/(?<=[.!?])\s+/).find((s) => s.includes(p.value)) ?? quoted(p);

/** A heading announcing what a session or an action consists of ("Déroulé de l'action :", "Programme :", "Contenu des séances :"). */
const OUTLINE_HEADING = /^[ \t]*((?:d[ée]roul[ée]|d[ée]roulement|programme|contenu|[ée]tapes|organisation|s[ée]ances?|ateliers?)(?![\p{L}])[^:\n]{0,60}?)\s*:[ \t]*$/gimu;
/** An item of a list: a dash, a bullet or a number. */
const ITEM = /^[ \t]*(?:[-–•*▪]|\d{1,2}[.)])\s+\S/u;

/** Each outline of a text: its heading and the items that follow it (at least two), blank lines between them allowed. */
function outlines(text: string): { start: number; end: number; heading: string; bag: ReturnType<typeof termBag> }[] {
  const out: { start: number; end: number; heading: string; bag: ReturnType<typeof termBag> }[] = [];
  for (const m of text.matchAll(OUTLINE_HEADING)) {
    const start = m.index!;
    let end = start + m[0].length;
    let items = 0;
    let at = end;
    for (const line of text.slice(end).split("\n")) {
      const next = at + line.length + 1;
      if (ITEM.test(line)) {
        items++;
        end = at + line.length;
      } else if (line.trim() !== "") break;
      if (end - start > TUNING.decide.outlineMaxChars) break;
      at = next;
    }
    if (items >= 2) out.push({ start, end, heading: m[1].trim(), bag: termBag(text.slice(start, end)) });
  }
  return out;
}

/** A question asking when something began. General French and English. */
/** A sentence saying when something began (folded; general French and English). */
const BEGAN_STATED = /\b(?:depuis|since|a partir d|initie\w*|lance\w*|demarr\w*|commenc\w*|debut\w*|cree\w*|mis\w* en place|started|launched|set up in|began)\b/;
const STARTED = /\b(?:commenc\w*|debut\w*|demarr\w*|lance\w*|start\w*|began|begun|begin\w*|launch\w*|depuis quand|since when)\b/;

/** A question asking a bound, not a typical value. General French and English. */
const LIMIT_ASKED = /\b(?:at most|at the most|maximum|au maximum|au plus|up to how many|jusqu'a combien|limite?|plafond\w*|caps?|capped|ceiling|at least|minimum|au minimum|au moins)\b/;
/** A sentence stating a bound. */
const LIMIT_STATED = /\b(?:(?:pas )?plus de|maximum|au plus|jusqu'a|limite\w*|ne (?:peut|doit|peuvent|doivent) pas (?:depasser|exceder|durer plus)|(?:pas )?moins de|au moins|minimum|no more than|up to|at most|at least|limited to)\b/;

/** A question asking who paid for something (folded), or which body did ("which body covered the cost…", « quel organisme a
 * pris en charge… », « par quelle structure … financé »). General French and English. */
const PAYER_ASKED = /\bqui (?:l[ea]s? )?(?:a |ont |avait )?(?:paye|paie|payent|financ\w*|pris en charge|prend en charge)|\b(?:who |(?:which|what) (?:[a-z-]+ ){1,3}?)(?:paid|pays?|fund(?:ed|s)?|financ(?:e|es|ed)|cover(?:ed|s)?|sponsor(?:ed|s)?|picked up|bore|footed)\b|\bquel(?:le)?s? (?:[a-z-]+ ){1,3}?(?:a|ont|avait|avaient) (?:paye|finance|pris en charge|subventionne)|\bpar quel(?:le)?s? [^?]{0,80}\b(?:paye|finance|pris en charge|subventionne)/;
/** A sentence saying who paid ("pris en charge par le CNRA-CLSM", "financé par l'ARS", "funded by"), folded. */
const PAYER_STATED = /\b(?:pris(?:e|es)? en charge|financ\w*|paye\w*|subventionn\w*|funded|paid(?: for)?|covered)\s+(?:\w+\s+){0,2}?(?:par|by)\b/;

/** A participle and its agent: "orientés par les travailleurs sociaux du CCAS", "animées par une psychologue"; with the
 * noun it qualifies before it ("l'animation proposée par Sonia Sharapov": the noun of the verb asked, its doer). */
const AGENT = /(?:([\p{L}-]+)\s+)?(?<![\p{L}])([\p{L}-]+(?:é|ée|és|ées|i|ie|is|ies|u|ue|us|ues))\s+(?:(?:notamment|principalement|essentiellement|directement|souvent|surtout)\s+)?par\s+((?:l['’]|les?\s+|la\s+|des?\s+|du\s+|une?\s+|d['’])?[^,.;:()\n]{3,80}?)(?=\s*(?:[,.;:()\n]|\bet\s+(?:les?|la|des)\s+partenaires|$))/giu;

/** The agent of the verb the question asks "who" of ("Who refers people…?": "orientés par les travailleurs sociaux du
 * CCAS"): a role or a body as much as a person; undefined when the passage puts none of the question's verbs in the passive. */
function agentOf(text: string, verbs: ReadonlySet<string>): string | undefined {
  // (the agent without a relative clause after it: "Sonia Sharapov du CCOMS de Lille", not "… qui accompagne les CLSM")
  for (const m of text.matchAll(AGENT)) if (analyze(`${m[1] ?? ""} ${m[2]}`).some((t) => verbs.has(t))) return m[3].replace(/\s+(?:qui|que|dont|who|which)\s.*$/iu, "").trim();
  // or the verb's noun and its complements, then the agent: "La formation de chargé de mission… à la démarche de la
  // bibliothèque vivante par l'association ZEST" (no participle of its own before "par": "financée par l'ARS" is who paid)
  for (const m of text.matchAll(NOUN_AGENT)) if (analyze(m[1]).some((t) => verbs.has(t))) return m[3].replace(/\s+(?:qui|que|dont|who|which)\s.*$/iu, "").trim();
  return undefined;
}

/** A noun, its complements in one clause, and "par" after a word that is no participle, then the agent. */
const NOUN_AGENT = /(?<![\p{L}])([\p{L}-]{4,})\s[^.;:()\n•]{0,120}?(?<![\p{L}])([\p{L}-]+(?<!é|ée|és|ées|i|ie|is|ies|u|ue|us|ues))\s+par\s+((?:l['’]|les?\s+|la\s+|des?\s+|du\s+|une?\s+|d['’])?[^,.;:()\n]{3,80}?)(?=\s*(?:[,.;:()\n]|$))/giu;

/** "Who are the three people driving it?", « les deux coordinatrices »: how many people the question asks for. */
const PEOPLE_NAMED = /\b(two|three|four|five|deux|trois|quatre|cinq|[2-9])\s+(?:[\p{L}-]+\s+)?(?:people|persons|personnes|coordinat\w*|animat\w*|facilitators?|leads?|members?|membres?|r[ée]f[ée]rent\w*|pilotes?)\b/iu;
const SMALL_NUMBERS: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, deux: 2, trois: 3, quatre: 4, cinq: 5 };
function peopleAsked(question: string): number | undefined {
  const m = PEOPLE_NAMED.exec(question);
  return m ? (SMALL_NUMBERS[m[1].toLowerCase()] ?? Number(m[1])) : undefined;
}

/** The verb a "who" question opens with ("Who refers…", "qui a animé…"), as the terms of its concept (with its French). */
const WHO_VERB = /^\s*(?:et\s+|and\s+)?(?:who|qui)\s+(?:(?:a|ont|avait|avaient|has|have|had|did|does|do)\s+)?([\p{L}'’-]+)/iu;
function askedVerb(question: string, concepts: readonly Concept[]): Set<string> {
  const word = WHO_VERB.exec(question)?.[1];
  if (!word) return new Set();
  const folded = fold(word);
  const own = concepts.find((c) => c.label && fold(c.label).split(/[^a-z0-9-]+/).includes(folded));
  return new Set([...analyze(word), ...(own?.phrases.filter((p) => p.length === 1).map((p) => p[0]) ?? [])]);
}

/** `part`: the part of a question asking two values that asks this one (what it counts or names is read there). */
export function findValue(ctx: QueryContext, sheet: RankedFiche, type: ValueType, part?: string): ValuePassage[] {
  return quotedOnce(valueCandidates(ctx, sheet, type, part)).slice(0, valueMaxPassages);
}

/** Two sentences of one chunk that share some text. */
const overlapping = (a: ValuePassage, b: ValuePassage) => a.chunk === b.chunk && a.start < b.end && b.start < a.end;

/** A sentence overlapping one kept, or the same sentence in another chunk (chunks overlap), is quoted once. */
function quotedOnce(found: ValuePassage[]): ValuePassage[] {
  return found.reduce<ValuePassage[]>((kept, f) => (kept.some((g) => overlapping(g, f) || sameText(g, f)) ? kept : [...kept, f]), []);
}

/**
 * "combien de séances et combien de familles ?": the values of a question asking several, each read with its own part.
 * A sentence (or two neighbouring ones) that states every value asked, each where that part would have found it ("10
 * séances (2h) + 1 restitution publique - 5 familles"), answers them together, ahead of a sentence richer in the
 * question's other words that states one ("nous avons pressenti 10 familles"), when it scores near the best for each.
 */
export function findValues(ctx: QueryContext, sheet: RankedFiche, parts: readonly { type: ValueType; part: string }[]): ValuePassage[] {
  const lists = parts.map(({ type, part }) => valueCandidates(ctx, sheet, type, part));
  const near = (list: ValuePassage[], p: ValuePassage) => list.length > 0 && p.score >= list[0].score * TUNING.decide.valueJointMinShare;
  for (const p of lists[0] ?? []) {
    if (!near(lists[0], p)) break;
    if (!p.counted) continue;
    const others = lists.slice(1).map((list) => list.find((q) => q.counted && overlapping(p, q) && near(list, q)));
    if (others.every((q) => q !== undefined)) return [p, ...(others as ValuePassage[])];
  }
  return lists.flatMap((list) => quotedOnce(list).slice(0, valueMaxPassages));
}

/** Every sentence of the sheet holding a value of the type, best first, overlapping ones included (findValue quotes each once). */
function valueCandidates(ctx: QueryContext, sheet: RankedFiche, type: ValueType, part?: string): ValuePassage[] {
  const chunks = sheetChunks(ctx.index, sheet.ficheId);
  const exact = new Set(ctx.entities);
  // what the question says of the value, not how it asks it ("à quelle date") nor the named city the sheet is in
  // (measured: keeping the city cost dev2 b-13, "who funds Lorient's talk sessions", and blind10 r-12)
  const cityTerms = new Set(ctx.cities.flatMap((c) => analyze(c)));
  const concepts = ctx.concepts.filter((c) => !(c.label && type.asks.test(fold(c.label))) && !c.phrases.every((p) => p.every((t) => cityTerms.has(t))));
  const weights = concepts.map((c) => conceptWeight(c, ctx.stats));
  const unit = weights.length ? weights.reduce((a, b) => a + b, 0) / weights.length : 1;
  // the corpus's cities, once per lookup: a person's name is never one of them
  const places = type.kind === "person" ? [...new Set(ctx.index.fiches.map((f) => f.city))] : [];
  const title = fold(ctx.index.ficheById.get(sheet.ficheId)?.title ?? "");
  // the words of the sheet's city: "… de Boulogne Billancourt" after a name the question writes is still that name
  const cityOwn = new Set(analyze(ctx.index.ficheById.get(sheet.ficheId)?.city ?? ""));
  const asked = part ?? ctx.question;
  const kindTerms = type.kind === "count" ? countedTerms(asked, ctx.concepts) : type.kind === "name" ? namedThing(asked) : type.kind === "organisation" ? bodyKind(asked) : type.kind === "content" ? contentOf(asked, ctx.concepts) : type.kind === "subject" ? subjectOf(asked, ctx.concepts) : [];
  // "combien de réunions ?": the sheet may count them by the acronym it defines for them ("5 RCPpsy")
  const counted = type.kind === "count" ? [...kindTerms, ...acronymsFor(kindTerms, [ctx.index.ficheById.get(sheet.ficheId)?.title ?? "", ...chunks.map((c) => c.text)])] : kindTerms;
  // "at most how many sessions", "au maximum": a limit is asked, and a sentence stating one ("ne peut pas durer plus de
  // 6 séances") answers it rather than an average ("entre 3 et 4 séances")
  const limit = LIMIT_ASKED.test(fold(asked));
  // "qui a payé l'intervenante ?": a sentence saying who paid answers it, as one stating a bound answers "at most"
  const payer = type.kind === "organisation" && PAYER_ASKED.test(fold(asked));
  // "elle existe depuis quand ?": a sentence saying when it began ("Action permanente depuis janvier 2016") answers it,
  // not the date the sheet was written ("31.05.2023")
  const began = type.kind === "date" && STARTED.test(fold(asked));
  // "Who are the three people driving it?": a sentence naming that many people names them
  const people = type.kind === "person" ? peopleAsked(asked) : undefined;
  const everyPerson = people !== undefined ? new RegExp(type.shape.source, "gu") : undefined;
  // "Who refers people to these sessions?": who does what the question's verb says, written as its agent
  const verbs = type.kind === "person" || type.kind === "organisation" ? askedVerb(asked, ctx.concepts) : new Set<string>();
  // the fields the value's kind is written in, unless the question names some of them only (« mis de sa poche »: the
  // collectivity's own contribution, of the budget fields)
  const narrowed = ctx.intent.fields.length > 0 && ctx.intent.fields.every((f) => type.fields.includes(f)) && ctx.intent.fields.length < type.fields.length;
  const priorFields = narrowed ? ctx.intent.fields : [...ctx.intent.fields, ...type.fields];
  const found: ValuePassage[] = [];
  for (const chunk of chunks) {
    // "qu'est-ce qu'on y fait pendant les deux heures ?": a session's outline ("Déroulé de l'action :" and its items) is
    // what it consists of, quoted whole, items and all
    if (type.kind === "content") {
      for (const block of outlines(chunk.text)) {
        const said = concepts.reduce((s, c, i) => s + (bagCovers(c, block.bag, exact) ? weights[i] : 0), 0);
        found.push({ chunk, start: block.start, end: block.end, score: said + unit * valueShapeWeight * valueCountedFactor, value: block.heading, counted: true });
      }
    }
    for (const p of passagesOf(chunk)) {
      const text = chunk.text.slice(p.start, p.end);
      // a sentence, or two neighbouring ones: the value and what names it stand together
      if (isPlaceholder(text)) continue;
      // (who paid is written beside what it cost, too: "Coût de l'intervenante pris en charge par le CNRA-CLSM" in the budget)
      const inField = priorFields.includes(chunk.field) || (payer && chunk.field === "budget");
      const agent = verbs.size > 0 ? agentOf(text, verbs) : undefined;
      const match = agent ? { value: agent, named: true, counted: true } : bestMatch(text, type, ctx, places, title, counted, cityOwn, inField);
      if (!match) continue;
      const { value, named } = match;
      const said = concepts.reduce((s, c, i) => s + (bagCovers(c, p, exact) ? weights[i] : 0), 0);
      // as strong as naming what is counted: a bound asked is what the sentence must state (who paid: the funders field
      // states it whole, "ARS HdF")
      const allNamed = !!everyPerson && new Set(text.match(everyPerson) ?? []).size >= people!;
      const bound = (limit && LIMIT_STATED.test(fold(text))) || (payer && (PAYER_STATED.test(fold(text)) || chunk.field === "funders")) || (began && BEGAN_STATED.test(fold(text))) || allNamed ? unit * valueShapeWeight * valueCountedFactor : 0;
      const score = bound + said + unit * valueShapeWeight * (match.counted ? valueCountedFactor : named ? valueNamedFactor : match.weak ? valueWeakFactor : 1) + (inField ? unit * valueFieldWeight : 0);
      found.push({ chunk, start: p.start, end: p.end, score, value, counted: match.counted });
    }
  }
  // a sentence that says nothing the question asks is a value of the right shape, not the answer,
  // unless it is the sheet's only one ("où se sont tenus les ateliers ?": "une salle communale")
  const only = new Set(found.map((f) => f.value)).size === 1;
  return found
    .filter((f) => only || f.score > unit * valueShapeWeight)
    .sort((a, b) => b.score - a.score || a.end - a.start - (b.end - b.start));
}
