// Which sheets a list question ("quelles villes…") names: those with a passage that states the
// question's specific concepts together (evidence.ts), each with that passage as its proof.
// A city the question names bounds the list; an acronym it names must be in the sheet.
import { analyze, fold } from "../../../ingest/text/index.ts";
import { acronymExpansions, conceptCoverage, covers, isSpecific, splitExamples, withConcept, type Concept } from "../understand/concepts.ts";
import { citiesNamed, type QueryContext } from "../understand/queryContext.ts";
import type { RankedFiche } from "../retrieve/rankFiches.ts";
import { TUNING } from "../tuning.ts";
import { startYear, withinBound, yearBoundOf } from "../understand/yearConstraint.ts";
import { budgetBoundOf, withinBudget } from "../understand/budgetConstraint.ts";
import { periodAsked, periodKind } from "../understand/periodConstraint.ts";
import { datesMonth, monthBoundOf } from "../understand/monthConstraint.ts";
import type { Chunk, Fiche } from "../../../ingest/types.ts";
import { bagCovers, bestEvidence, passagesOf, termBag, type Evidence, type TermBag } from "./evidence.ts";
import { personEvidence } from "./personEvidence.ts";
import { sheetChunks } from "./sheetChunks.ts";
import { askedProgrammes } from "./askedProgrammes.ts";
import { asksScale } from "../understand/detectIntent.ts";
import { termsOnlyInBoxExamples, writesPhraseOutsideBoxExamples } from "./boxExamples.ts";
import { textHoldsPhrase } from "../understand/sideBySide.ts";
import { heldTermSet } from "../retrieve/statements.ts";
import { CAPITALISED_COMMON, CONJUGATED, formWordOf, namesIn } from "./grounding.ts";

const { listRelativeScore, listMaxSheets } = TUNING.decide;
const { listCandidates, checkboxFields, tickedRelativeCoverage } = TUNING.evidence;
const { listMinCoverage, listEvidenceMinCoverage, listRareTermShare, listProperNameShare, yesNoMinSheets, formAnswerCoverage, listTailFrom, listTailRelativeScore, listTailOwn } = TUNING.decide;

export interface ListedSheet extends RankedFiche {
  /** the passage that says the sheet does what the question asks */
  evidence?: Evidence;
}

/** Folded, its spaces single: how a quoted name and a passage are compared. */
const spacedFold = (text: string) => fold(text).replace(/\s+/g, " ");

/** The names a question quotes (« … », "…", “…”) of `quotedNameMinChars` or more, folded; a shorter quote is an acronym or a word. */
function quotedNames(question: string): string[] {
  const min = TUNING.decide.quotedNameMinChars;
  return [...question.matchAll(/«\s*([^»]*?)\s*»|"([^"]*)"|“([^”]*)”/gu)].map((m) => spacedFold(m[1] ?? m[2] ?? m[3]).trim()).filter((q) => q.length >= min);
}

/** A concept that is a city the question names, by its words or its demonym ("la fiche lilloise" names Lille; so does
 * « la métropole lilloise » the metropolitan body named after it). */
export function namesAskedCity(ctx: QueryContext, c: Concept): boolean {
  const cityTerms = new Set(ctx.cities.flatMap((city) => analyze(city)));
  return c.phrases.every((p) => p.every((t) => cityTerms.has(t))) || (!!c.label && citiesNamed(c.label, ctx.index.fiches).some((city) => ctx.cities.some((asked) => fold(asked).includes(fold(city)))));
}

/** The question's concepts that tell sheets apart, minus the cities it names (they bound the list instead). */
export function listConcepts(ctx: QueryContext) {
  const cityTerms = new Set(ctx.cities.flatMap((c) => analyze(c)));
  // (nor their demonyms: "la fiche lilloise" names Lille)
  const ofCity = (c: Concept) => c.phrases.every((p) => p.every((t) => cityTerms.has(t))) || (!!c.label && citiesNamed(c.label, ctx.index.fiches).some((city) => ctx.cities.includes(city)));
  const kept = ctx.concepts.filter((c) => !c.unknown && isSpecific(c, ctx.stats) && !ofCity(c));
  return kept.map((c) => withCommonNeighbour(ctx, c));
}

/**
 * "les centres sociaux": a word the question qualifies with a common word right after it ("sociaux", too common to be a
 * concept of its own) means the two together, where the sheets write them side by side: "centres" alone is also "centres
 * de santé" and "centre hospitalier".
 */
function withCommonNeighbour(ctx: QueryContext, c: Concept): Concept {
  if (ctx.lang !== "fr" || c.phrase || c.phrases.length !== 1 || c.phrases[0].length !== 1 || !c.label || /\s/.test(c.label)) return c;
  const words = ctx.question.split(/[^\p{L}\p{N}'’-]+/u).filter(Boolean);
  const at = words.findIndex((w) => fold(w) === fold(c.label!));
  const next = at >= 0 ? words[at + 1] : undefined;
  if (!next) return c;
  const neighbour = ctx.concepts.find((o) => o.label && fold(o.label) === fold(next));
  if (!neighbour || neighbour.unknown || isSpecific(neighbour, ctx.stats) || neighbour.phrases.length !== 1 || neighbour.phrases[0].length !== 1) return c;
  const phrase = [c.phrases[0][0], neighbour.phrases[0][0]];
  // where most of the word's chunks write the pair, the word alone already says it, and sheets shorten it ("les
  // bailleurs" for "bailleurs sociaux", 16 of 26 chunks): only a word mostly meaning something else is narrowed
  const alone = ctx.stats.df.get(phrase[0]) ?? 0;
  const together = phraseChunkCount(ctx, phrase, alone);
  if (together === 0 || together >= alone * TUNING.decide.listPairMaxShare) return c;
  return withConcept(c, [phrase], `${c.label} ${next}`, true);
}

/**
 * "Quelles fiches cochent X comme déterminant ?": the question names one of the form's checkbox
 * lists, so a sheet answers when its ticked boxes state the concepts — every sheet of the
 * collection (within the filters) is read, since ranking by words says little about a ticked box.
 */
function selectByTickedBoxes(ctx: QueryContext, ranked: RankedFiche[], concepts: Concept[], max: number): ListedSheet[] | undefined {
  const boxes = ctx.intent.fields.filter((f) => checkboxFields.includes(f));
  if (boxes.length === 0) return undefined;
  const query = { concepts, stats: ctx.stats, exact: new Set(ctx.entities), askedFields: boxes, onlyFields: boxes };
  const sheets = ctx.index.fiches
    .filter((f) => f.kind === "fiche" && (!ctx.filter || ctx.filter(f)) && (ctx.cities.length === 0 || ctx.cities.includes(f.city)))
    .map((f) => ({ ficheId: f.id, score: 0, chunks: [] as RankedFiche["chunks"], evidence: bestEvidence(sheetChunks(ctx.index, f.id), query) }));
  const best = Math.max(0, ...sheets.map((r) => r.evidence?.own ?? 0));
  if (best === 0) return undefined;
  // the boxes' own words must state what the best sheet's boxes state (the list's label is in every one of them)
  const rankOf = new Map(ranked.map((r, i) => [r.ficheId, i]));
  return sheets
    .filter((r) => r.evidence && r.evidence.own >= best * tickedRelativeCoverage)
    .sort((a, b) => (rankOf.get(a.ficheId) ?? Infinity) - (rankOf.get(b.ficheId) ?? Infinity))
    .slice(0, max)
    .map((r) => {
      const found = ranked.find((x) => x.ficheId === r.ficheId);
      // the ticked boxes come first among the passages a search shows for the sheet
      const proof = { chunk: r.evidence!.chunk, score: found?.score ?? 0 };
      return { ficheId: r.ficheId, score: proof.score, chunks: [proof, ...(found?.chunks ?? []).filter((c) => c.chunk !== proof.chunk)], evidence: r.evidence };
    });
}

/**
 * A question that bounds what the form states (when actions started, what they cost) is answered
 * from every sheet (within the filters and named cities), each citing the field that states it,
 * in the question's ranking order.
 */
function selectByStatedField(ctx: QueryContext, ranked: RankedFiche[], max: number, stated: (f: Fiche) => Chunk | undefined): ListedSheet[] {
  const rankOf = new Map(ranked.map((r, i) => [r.ficheId, i]));
  return ctx.index.fiches
    .filter((f) => f.kind === "fiche" && (!ctx.filter || ctx.filter(f)) && (ctx.cities.length === 0 || ctx.cities.includes(f.city)))
    .flatMap((f) => {
      const chunk = stated(f);
      if (!chunk) return [];
      // by the rank map, not a scan of the ranking for each of the (2,600 at ×100) sheets
      const at = rankOf.get(f.id);
      const found = at === undefined ? undefined : ranked[at];
      const evidence = { chunk, start: 0, end: chunk.text.length, coverage: 1, own: 1, covered: [] };
      return [{ ficheId: f.id, score: found?.score ?? 0, chunks: [{ chunk, score: found?.score ?? 0 }, ...(found?.chunks ?? []).filter((c) => c.chunk !== chunk)], evidence }];
    })
    .sort((a, b) => (rankOf.get(a.ficheId) ?? Infinity) - (rankOf.get(b.ficheId) ?? Infinity))
    .slice(0, max);
}

/** "Which actions started in 2016 or earlier?": from every sheet's period. */
function selectByStartYear(ctx: QueryContext, ranked: RankedFiche[], max: number): ListedSheet[] | undefined {
  const bound = yearBoundOf(ctx.question);
  if (!bound) return undefined;
  return selectByStatedField(ctx, ranked, max, (f) => {
    const period = sheetChunks(ctx.index, f.id).find((c) => c.field === "period");
    const year = period && startYear(period.text);
    return period && year !== undefined && withinBound(year, bound) ? period : undefined;
  });
}

/**
 * "Which actions took place in April 2023?": the sheets with a passage dating something in that month of that
 * year, each citing it, in the question's ranking order. Only the chunks holding both words are read (postings).
 */
function selectByMonth(ctx: QueryContext, ranked: RankedFiche[], max: number): ListedSheet[] | undefined {
  const bound = monthBoundOf(ctx.question);
  if (!bound) return undefined;
  const ofYear = ctx.index.postings.terms.get(bound.year)?.[0]?.docs;
  if (!ofYear) return [];
  // the chunks writing the year and one of the months, in chunk order
  const dated = [...new Set(bound.months.flatMap((month) => intersectSorted(ctx.index.postings.terms.get(month)?.[0]?.docs ?? [], ofYear)))].sort((a, b) => a - b);
  const proofs = new Map<string, Evidence>();
  for (const i of dated) {
    const chunk = ctx.index.chunks[i];
    const f = ctx.index.ficheById.get(chunk.ficheId);
    if (!f || proofs.has(f.id) || f.kind !== "fiche" || (ctx.filter && !ctx.filter(f)) || (ctx.cities.length > 0 && !ctx.cities.includes(f.city))) continue;
    const p = passagesOf(chunk).find((x) => datesMonth(chunk.text.slice(x.start, x.end), bound));
    if (p) proofs.set(f.id, { chunk, start: p.start, end: p.end, coverage: 1, own: 1, covered: [] });
  }
  const rankOf = new Map(ranked.map((r, i) => [r.ficheId, i]));
  return [...proofs]
    .sort(([a], [b]) => (rankOf.get(a) ?? Infinity) - (rankOf.get(b) ?? Infinity))
    .slice(0, max)
    .map(([id, evidence]) => {
      const found = rankOf.has(id) ? ranked[rankOf.get(id)!] : undefined;
      return { ficheId: id, score: found?.score ?? 0, chunks: [{ chunk: evidence.chunk, score: found?.score ?? 0 }, ...(found?.chunks ?? []).filter((c) => c.chunk !== evidence.chunk)], evidence };
    });
}

/** What joins two coordinated terms, articles aside: « d'une métropole ou d'une intercommunalité », "metropolitan or inter-municipal" (folded). */
const COORDINATION = /^[\s,]*(?:(?:d'|de|du|des|la|le|les|l'|une?|a|an|the)\s*)*(?:ou|or|et|and|,)\s*(?:(?:d'|de|du|des|la|le|les|l'|une?|a|an|the|au|aux|a)\s*)*$/;

/** "…, rather than a single town", "not just in one town", « plutôt que », « au-delà d'une seule commune »: what follows is set against what is asked. */
const SET_AGAINST = /\b(?:rather than|instead of|as opposed to|not (?:just|only|merely)|beyond|plut[oô]t que|au lieu de|au-del[aà] d|pas (?:seulement|uniquement|juste))/iu;

/** Each sheet's territory field as a bag with derived forms ("métropolitaine" is stated by « Metz métropole »), once per index:
 * at ×100 a scale question reads 2,600 of them. */
const territoriesCache = new WeakMap<object, Map<string, { chunk: Chunk; bag: TermBag }>>();
function territoriesOf(index: QueryContext["index"]): Map<string, { chunk: Chunk; bag: TermBag }> {
  let territories = territoriesCache.get(index);
  if (!territories) {
    territories = new Map();
    for (const f of index.fiches) {
      const chunk = f.kind === "fiche" ? sheetChunks(index, f.id).find((c) => c.field === "territory") : undefined;
      if (chunk) territories.set(f.id, { chunk, bag: termBag(chunk.text) });
    }
    territoriesCache.set(index, territories);
  }
  return territories;
}

/**
 * "Quelles actions sont menées à l'échelle d'une métropole ?", "Which actions operate at inter-municipal level?": the
 * scale an action works at is what the form's territory field states ("Metz métropole", "Communauté Urbaine de Caen la
 * Mer"), not words a ranking weighs in the whole sheet. A sheet answers when its territory states one of the scales asked
 * before any contrast ("…, rather than a single town"); the question's other concepts narrow the list where sheets at that
 * scale hold them. No territory stating any leaves the question to the general selection.
 */
function selectByScale(ctx: QueryContext, ranked: RankedFiche[], concepts: Concept[], max: number): ListedSheet[] | undefined {
  if (!asksScale(ctx.question)) return undefined;
  // (positions in the folded question on both sides: folding may change a text's length)
  const folded = fold(ctx.question);
  const against = folded.search(SET_AGAINST);
  const before = (c: Concept) => against < 0 || !c.label || folded.indexOf(fold(c.label)) < against;
  // (not the words asking for the scale, « échelle », "level": the field's, not what it must state)
  // (nor a verb saying how the question asks, « conduites », "run")
  const asked = (c: Concept) => !c.unknown && !c.how && before(c) && !(c.label && asksScale(c.label));
  const territories = territoriesOf(ctx.index);
  const exact = new Set(ctx.entities);
  // the scales asked are the concepts some sheet's territory states, however common ("quartier", "ville"), any of them
  // answering (« d'une métropole ou d'une intercommunalité »); the question's other specific concepts, its topic, the
  // sheet must hold
  const stated = ctx.concepts.filter((c) => asked(c) && [...territories.values()].some((t) => bagCovers(c, t.bag, exact)));
  if (stated.length === 0) return undefined;
  // (and those the question coordinates with one, « d'une métropole ou d'une intercommunalité »: another scale)
  const coordinated = (c: Concept) =>
    !!c.label &&
    stated.some((s) => {
      const [a, b] = [folded.indexOf(fold(s.label ?? "")), folded.indexOf(fold(c.label!))];
      if (a < 0 || b < 0) return false;
      const between = a < b ? folded.slice(a + fold(s.label ?? "").length, b) : folded.slice(b + fold(c.label!).length, a);
      return COORDINATION.test(between);
    });
  const scales = [...stated, ...ctx.concepts.filter((c) => asked(c) && !stated.includes(c) && coordinated(c))];
  // (a topic no sheet at that scale holds is how the question is put, « conduites à l'échelle… »: the scale alone answers)
  const topic = concepts.filter((c) => asked(c) && !scales.includes(c));
  const atScale = (f: Fiche) => {
    const territory = territories.get(f.id);
    return territory && scales.some((c) => bagCovers(c, territory.bag, exact)) ? territory.chunk : undefined;
  };
  const onTopic = selectByStatedField(ctx, ranked, max, (f) => (topic.every((c) => covers(c, ctx.stats.ficheTerms.get(f.id))) ? atScale(f) : undefined));
  const sheets = onTopic.length > 0 ? onTopic : selectByStatedField(ctx, ranked, max, atScale);
  return sheets.length > 0 ? sheets : undefined;
}

/** "n'a pas réduit", "did nothing to reduce", "didn't": the question asks which sheets say no. */
const SAYS_NO = /\b(?:n['’](?:a|ont|avait|avaient) (?:pas|rien|aucun\w*)|ne \w+ pas|pas (?:contribu|redui|permis)\w*|aucun (?:effet|impact)|sans (?:effet|impact)|did(?: not|n['’]t| nothing)|does(?: not|n['’]t)|has(?: not|n['’]t)|no (?:effect|impact)|failed to|admit\w*)\b/iu;
/** A "Non" that answers, not one that says the question was not asked ("Non évalué"). */
const ANSWERED_NO = /^\s*non\b(?!\s*(?:évalu|mesur|renseign|connu|applicable|concern))/iu;
const ANSWERED_YES_OR_NO = /^\s*(?:a priori\s+)?(?:oui|non)\b/iu;

/** The form's yes-or-no questions: fields that several sheets answer with "Oui" or "Non", once per index. */
const yesNoFieldsOf = new WeakMap<object, Map<string, Chunk[]>>();
function yesNoFields(ctx: QueryContext): Map<string, Chunk[]> {
  let fields = yesNoFieldsOf.get(ctx.index);
  if (!fields) {
    const first = new Map<string, Chunk[]>();
    for (const f of ctx.index.fiches) {
      const seen = new Set<string>();
      for (const c of sheetChunks(ctx.index, f.id)) if (!seen.has(c.field) && seen.add(c.field)) first.get(c.field)?.push(c) ?? first.set(c.field, [c]);
    }
    fields = new Map([...first].filter(([, chunks]) => chunks.filter((c) => ANSWERED_YES_OR_NO.test(c.text)).length >= yesNoMinSheets));
    yesNoFieldsOf.set(ctx.index, fields);
  }
  return fields;
}

/**
 * "Quelles fiches disent que l'action n'a pas réduit les inégalités ?": a question that restates one
 * of the form's yes-or-no questions (its concepts in that field's label) in the negative is answered
 * by the sheets whose answer to it begins "Non", each citing it. Search cannot: the sheets that say
 * no write the topic's words less than those that say yes.
 */
function selectByFormAnswer(ctx: QueryContext, ranked: RankedFiche[], concepts: Concept[], max: number): ListedSheet[] | undefined {
  // what it asks about, not how it says so ("disent", "admit")
  const about = concepts.filter((c) => !(c.label && CONJUGATED.test(fold(c.label))));
  if (!SAYS_NO.test(ctx.question) || about.length === 0) return undefined;
  let best: { field: string; coverage: number } | undefined;
  for (const [field, chunks] of yesNoFields(ctx)) {
    const labelTerms = new Set(chunks.flatMap((c) => analyze(c.fieldLabel)));
    const coverage = conceptCoverage(about, labelTerms, ctx.stats);
    if (coverage > (best?.coverage ?? 0)) best = { field, coverage };
  }
  if (!best || best.coverage < formAnswerCoverage) return undefined;
  const { field } = best;
  return selectByStatedField(ctx, ranked, max, (f) => {
    const answer = sheetChunks(ctx.index, f.id).find((c) => c.field === field);
    return answer && ANSWERED_NO.test(answer.text) ? answer : undefined;
  });
}

/** "Which actions were one-off events?", "dans la durée": from every sheet's period. */
function selectByDuration(ctx: QueryContext, ranked: RankedFiche[], max: number): ListedSheet[] | undefined {
  const asked = periodAsked(ctx.question);
  if (!asked) return undefined;
  // "ponctuels … en 2023": the one year the question names is in the period too
  const years = new Set(ctx.question.match(/\b(?:19|20)\d{2}\b/g) ?? []);
  const year = years.size === 1 ? new RegExp(`\\b${[...years][0]}\\b`) : undefined;
  return selectByStatedField(ctx, ranked, max, (f) => {
    const period = sheetChunks(ctx.index, f.id).find((c) => c.field === "period");
    return period && periodKind(period.text) === asked && (!year || year.test(period.text)) ? period : undefined;
  });
}

/** "Which actions ran with no dedicated budget?", "moins de 1 000 €": from every sheet's budget fields. */
function selectByBudget(ctx: QueryContext, ranked: RankedFiche[], max: number): ListedSheet[] | undefined {
  const bound = budgetBoundOf(ctx.question);
  if (!bound) return undefined;
  return selectByStatedField(ctx, ranked, max, (f) => {
    const field = withinBudget(f, bound);
    return field === undefined ? undefined : sheetChunks(ctx.index, f.id).find((c) => c.field === field);
  });
}

/** A funders field that opens by saying the action has none ("Action non financée", "Pas de financement", "not funded"). */
const NOT_FUNDED = /^\s*(?:(?:l['’])?action\s+)?(?:non\s+financ\w*|pas\s+de\s+financement\w*|aucun\s+financement\w*|sans\s+financement\w*|(?:not|un)\s*funded|no\s+funding)/iu;

/** The question relates sheets to who carries them, by the form's word or its verb ("co-portées", "led by"); not "co-lead workshops". */
const CARRIED_BY = /\b(?:porteurs?|port[ée]e?s? par|co-?port[ée]\w*|led by)\b/iu;

/** Words that say money is given, or an amount of it ("€ Politique de la ville"): a passage about funding. */
const FUNDING = /\b(?:co-?)?financ\w*|\bsubvention\w*|\bcrédits?\b|\bpris(?:e|es)? en charge\b|€|\beuros?\b/iu;

/** One capitalised word inside a sentence, not beside another: "Mental Health Information Weeks" is a title the glossary reads. */
const PROPER_WORD = /(?<![.?!]\s*|^\s*|\p{Lu}[\p{L}-]*\s+)(?<=[\s'’(«"“])\p{Lu}\p{Ll}{2,}(?:-\p{Lu}?\p{Ll}+)*(?!\s+\p{Lu})/gu;

/** The index terms of the proper names a question gives inside a sentence, held by few chunks and naming no city. */
function properNames(ctx: QueryContext): string[] {
  const cities = new Set(ctx.cities.flatMap((c) => analyze(c)));
  const out = new Set<string>();
  for (const m of ctx.question.matchAll(PROPER_WORD)) {
    if (CAPITALISED_COMMON.test(m[0])) continue;
    const terms = analyze(m[0]);
    if (terms.length !== 1 || cities.has(terms[0])) continue;
    const df = ctx.stats.df.get(terms[0]) ?? 0;
    if (df > 0 && df / ctx.stats.chunkCount < listProperNameShare) out.add(terms[0]);
  }
  return [...out];
}

/**
 * The names of several words the question gives (grounding.ts) that some but few chunks write as such, as their
 * analysed terms; not those in brackets, which illustrate ("(Mission Locale, PLIE, job advisers)": any of them).
 */
function namedPhrases(ctx: QueryContext): Set<string>[] {
  const limit = Math.ceil(listProperNameShare * ctx.stats.chunkCount);
  // examples or alternatives in brackets ("(troupe, intervenant…)", "(Espace / Centre Santé Jeunes)") are no name a sheet must write; one name glossing a
  // term, in French ("Housing First (Logement d'abord)"), is
  const glosses = [...ctx.question.matchAll(/\(([^()]*)\)/g)]
    .map((m) => m[1].replace(/['"«»“”‘’]+(?=\s|$)|(?<=^|\s)['"«»“”‘’]+/gu, "").trim())
    .filter((inside) => inside !== "" && !/[,;…/]|\b(?:ou|or|et|and|etc)\b/iu.test(inside))
    .flatMap((inside) => namesIn(`… ${inside}`, "fr", ctx.cities));
  // an acronym the question names that the glossary spells out ("CH" of "le CH Laborit": « centre hospitalier ») is the kind
  // of the body, required as an acronym is (with its spelled-out forms), not a word of its name: sheets write "Centre
  // hospitalier Henri Laborit" as well as "CH Laborit"
  const kinds = new Set(ctx.entities.filter((t) => ctx.concepts.some((c) => c.phrases.some((p) => p.length === 1 && p[0] === t) && c.phrases.some((p) => p.length > 1))));
  // nor a name offered as one choice among others ("Contrat de Ville / urban policy money"): any of them answers
  return [...namesIn(splitExamples(ctx.question).main, ctx.lang, ctx.cities), ...glosses]
    .map((name) => [...new Set(analyze(name))])
    .filter((terms) => !terms.some((t) => kinds.has(t)))
    .filter((terms) => terms.length >= 2)
    .filter((terms) => {
      const count = phraseChunkCount(ctx, terms, limit);
      return count > 0 && count < limit;
    })
    .map((terms) => new Set(terms));
}

/**
 * How many chunks write a term of several words as such, counted up to `limit` (all that matters is
 * whether it is rare): only the chunks holding every word are read, from the intersection of the
 * words' posting lists (at ×100, reading every chunk holding the rarest word cost 20+ ms a question).
 */
function phraseChunkCount(ctx: QueryContext, phrase: readonly string[], limit: number): number {
  // the phrases asked are glossary terms and bracketed names, a bounded set: remembered per index, the
  // memo emptied when full (a common phrase is read up to `limit` matches: ~10 ms at ×100)
  let memo = phraseCounts.get(ctx.index);
  if (!memo) phraseCounts.set(ctx.index, (memo = new Map()));
  const key = `${limit}\u0000${phrase.join(" ")}`;
  const known = memo.get(key);
  if (known !== undefined) return known;
  if (memo.size >= TUNING.scale.phraseCountEntries) memo.clear();
  const count = countPhraseChunks(ctx, phrase, limit);
  memo.set(key, count);
  return count;
}
const phraseCounts = new WeakMap<object, Map<string, number>>();

function countPhraseChunks(ctx: QueryContext, phrase: readonly string[], limit: number): number {
  const lists: Int32Array[] = [];
  for (const t of new Set(phrase)) {
    const docs = ctx.index.postings.terms.get(t)?.[0]?.docs;
    if (!docs) return 0;
    lists.push(docs);
  }
  lists.sort((a, b) => a.length - b.length);
  let both: ArrayLike<number> = lists[0];
  for (const other of lists.slice(1)) both = intersectSorted(both, other);
  const wanted = new Set(phrase);
  let count = 0;
  for (let i = 0; i < both.length && count < limit; i++) {
    // past the bound, the rest at the rate found so far (the seeds never reach it)
    if (i >= TUNING.scale.phraseScanChunks) return Math.min(limit, Math.round((count * both.length) / i));
    if (textHoldsPhrase(ctx.index.chunks[both[i]], wanted)) count++;
  }
  return count;
}

/**
 * The chunks writing a phrase of several words (textHoldsPhrase): only those whose text, or whose header (the sheet's
 * title), holds every word are read, from the posting lists. Remembered per index, as the phrases' counts are: the
 * phrases asked this way are the glossary's forms of acronyms, a bounded set.
 */
function chunksWritingPhrase(ctx: QueryContext, phrase: readonly string[]): ReadonlySet<Chunk> {
  let memo = phraseChunks.get(ctx.index);
  if (!memo) phraseChunks.set(ctx.index, (memo = new Map()));
  const key = phrase.join(" ");
  const known = memo.get(key);
  if (known) return known;
  if (memo.size >= TUNING.scale.phraseCountEntries) memo.clear();
  const wanted = new Set(phrase);
  const out = new Set<Chunk>();
  const fieldCount = ctx.index.postings.fields.length;
  for (let field = 0; field < fieldCount; field++) {
    const lists: Int32Array[] = [];
    for (const t of wanted) {
      const docs = ctx.index.postings.terms.get(t)?.[field]?.docs;
      if (!docs) break;
      lists.push(docs);
    }
    if (lists.length < wanted.size) continue;
    lists.sort((a, b) => a.length - b.length);
    let both: ArrayLike<number> = lists[0];
    for (const other of lists.slice(1)) both = intersectSorted(both, other);
    for (let i = 0; i < both.length; i++) {
      const c = ctx.index.chunks[both[i]];
      if (c && !out.has(c) && textHoldsPhrase(c, wanted)) out.add(c);
    }
  }
  memo.set(key, out);
  return out;
}
const phraseChunks = new WeakMap<object, Map<string, ReadonlySet<Chunk>>>();

/** The documents two ascending posting lists share. */
function intersectSorted(a: ArrayLike<number>, b: ArrayLike<number>): number[] {
  const out: number[] = [];
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) {
      out.push(a[i]);
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return out;
}

/** The sheets a list answer names, best first (also what search puts first for a list question). */
export function selectListSheets(ctx: QueryContext, ranked: RankedFiche[]): ListedSheet[] {
  const max = Math.min(listMaxSheets, ctx.k ?? listMaxSheets);
  // a list names the cities that run an action: a workshop synthesis is evidence, not an action
  let actions = ranked.filter((r) => ctx.index.ficheById.get(r.ficheId)?.kind === "fiche");
  // "À Lille, quelles fiches…": a city the question names bounds the list
  const inCities = actions.filter((r) => ctx.cities.includes(ctx.index.ficheById.get(r.ficheId)!.city));
  if (inCities.length > 0) actions = inCities;
  // an acronym the question names (PSSM, CAF, CCOMS…) designates one programme or body: a
  // sheet that never mentions it does not answer "which actions … the CAF"
  const expansions = acronymExpansions(ctx.question);
  // the glossary's forms of an acronym the question names: the alternatives of several words of the concept holding it
  const spelledOut = (t: string) => ctx.concepts.filter((c) => c.phrases.some((p) => p.length === 1 && p[0] === t)).flatMap((c) => c.phrases.filter((p) => p.length > 1));
  // "cofinancées par la CAF", "parmi leurs porteurs": the body is named where the question relates it to the sheet
  const where = ctx.intent.fields;
  // the passages' analysed terms, cached per chunk, rather than analysing the fields again per sheet and per name
  // (once per sheet: each name the question asks reads them)
  // (the statements ingest analysed, as vocabulary numbers, where it holds them: no term written out)
  const askedTerms = new Map<string, { has(term: string): boolean }>();
  const inAsked = (id: string) => {
    let terms = askedTerms.get(id);
    if (!terms) {
      const chunks = sheetChunks(ctx.index, id).filter((c) => where.includes(c.field));
      terms = heldTermSet(chunks) ?? new Set(chunks.flatMap((c) => passagesOf(c).flatMap((p) => [...p.terms])));
      askedTerms.set(id, terms);
    }
    return terms;
  };
  const names = (id: string, t: string) => {
    const terms = where.length > 0 ? inAsked(id) : ctx.stats.ficheTerms.get(id);
    if (!terms) return false;
    if (terms.has(t)) return true;
    // written out: the expansion's words together in one passage, not scattered over the sheet; the question's own
    // expansion ("ARS (agence régionale de santé)"), else the glossary's ("Agence Régionale de Santé" for the ARS)
    const own = expansions.get(t)?.terms;
    const glossary = spelledOut(t).filter((w) => w.every((x) => terms.has(x)));
    if (!(own && own.every((x) => terms.has(x))) && glossary.length === 0) return false;
    const spelled = own && own.every((x) => terms.has(x)) ? { phrases: [own], df: 1, unknown: false } : undefined;
    // (the glossary's form as a phrase, its words side by side: "direction … ressources humaines" scattered is no DRH)
    // (the chunks writing a glossary form are found once per form from the posting lists, not read sheet by sheet: at
    // ×100 reading each candidate's chunks for "caisse d'allocations familiales" was 8 ms a question)
    const writing = glossary.map((w) => chunksWritingPhrase(ctx, w));
    return sheetChunks(ctx.index, id).some(
      (c) => (where.length === 0 || where.includes(c.field)) && ((spelled && passagesOf(c).some((p) => bagCovers(spelled, p, new Set()))) || writing.some((chunks) => chunks.has(c))),
    );
  };
  // "l'Unafam", "le Département": a capitalised word inside the question, no city, that few
  // passages hold names a body or a programme and, like an acronym, must be in the sheet
  const proper = properNames(ctx);
  // "la démarche Logement d'abord": a name of several words, written as such in few chunks, is a programme or a
  // body too, and a sheet writing its words apart ("abordée par le prisme… du logement") does not name it
  const rareNames = namedPhrases(ctx);
  // the sheet's terms first: reading its chunks as phrases is for the few sheets holding every word
  const writesName = (id: string, terms: ReadonlySet<string>) => [...terms].every((t) => ctx.stats.ficheTerms.get(id)?.has(t)) && sheetChunks(ctx.index, id).some((c) => textHoldsPhrase(c, terms));
  // a programme or body the question names through the glossary ("Mental Health First Aid", "the regional health agency":
  // PSSM, ARS) is required as its acronym would be (askedProgrammes.ts); not the kind of a body the question names itself:
  // "the Henri Laborit psychiatric hospital" is named by "Laborit", which sheets write as "CH Laborit" without the kind
  const acronymed = proper.length > 0 || rareNames.length > 0 ? [] : askedProgrammes(ctx);
  const naming = actions.filter((r) => ctx.entities.every((t) => names(r.ficheId, t)) && acronymed.every((c) => covers(c, ctx.stats.ficheTerms.get(r.ficheId))) && proper.every((t) => ctx.stats.ficheTerms.get(r.ficheId)?.has(t)) && rareNames.every((terms) => writesName(r.ficheId, terms)));
  const sheets = (naming.length > 0 ? naming : actions).slice(0, listCandidates);
  const bounded = selectByStartYear(ctx, ranked, max) ?? selectByMonth(ctx, ranked, max) ?? selectByBudget(ctx, ranked, max) ?? selectByDuration(ctx, ranked, max);
  if (bounded) return bounded;
  const concepts = listConcepts(ctx);
  if (concepts.length === 0) {
    // nothing specific to look for ("quelles actions à Lille ?"): the sheets that rank near the best
    const top = sheets[0]?.score ?? 0;
    return sheets.filter((r) => r.score >= top * listRelativeScore).slice(0, max);
  }
  // (a ticked box states what is ticked, not the list's label: "under territory specifics" names where to look; and a
  // question naming the box list asks what is ticked there, not the scale its label's "territory" might ask)
  const formWord = formWordOf(ctx);
  const boxed = concepts.filter((c) => !(c.label && formWord(c.label)));
  const ticked = selectByTickedBoxes(ctx, ranked, boxed.length > 0 ? boxed : concepts, max) ?? selectByScale(ctx, ranked, concepts, max) ?? selectByFormAnswer(ctx, ranked, concepts, max);
  if (ticked) return ticked;
  const exact = new Set(ctx.entities);
  const required = concepts.filter((c) => c.phrases.some((p) => p.some((t) => exact.has(t))));
  const query = { stats: ctx.stats, exact, askedFields: ctx.intent.fields, required };
  // what makes the best-ranked sheet an answer: the concepts it holds (dev: anchoring on the
  // best-ranked sheet beats anchoring on the most-covering one, 0.84 vs 0.68 city F1, because
  // question verbs such as "monté" count as concepts too)
  const top = sheets[0].score;
  // a term of several words ("Éducation nationale") counts where the sheet writes it as such
  // a person asked ("un psychiatre intervient") is there where a passage of the sheet writes the person, not only
  // the discipline or its adjective, which the stemmer gives the same stem ("psychiatrie", "hôpital psychiatrique")
  const person = concepts.find((c) => c.person);
  const personProof = new Map<string, Evidence | undefined>();
  const provesPerson = (id: string) => {
    if (!personProof.has(id)) personProof.set(id, person && personEvidence(sheetChunks(ctx.index, id), concepts, person, ctx.stats, ctx.intent.fields));
    return personProof.get(id);
  };
  // (a phrase is read in the sheet's chunks only where the sheet holds its every word: a chunk or title holding it holds
  // them, and at ×100 reading each candidate's chunks for every alternative was most of a list question's time)
  const holdsPhrase = (id: string, terms: { has(term: string): boolean }, c: Concept) => {
    const written = c.phrases.filter((p) => p.every((t) => terms.has(t))).map((p) => new Set(p));
    return written.length > 0 && sheetChunks(ctx.index, id).some((ch) => written.some((p) => textHoldsPhrase(ch, p) && writesPhraseOutsideBoxExamples(ch, p)));
  };
  // (an alternative of several words counts where written as such whatever made it: the glossary's "centre social" for
  // "social centres" is no sheet writing "centre" in one field and "social" in another; a single-word alternative is there
  // by its terms, and so is a pair most of whose rarest word's chunks write it: "associations … tutélaire" in an
  // enumeration says what "associations tutélaires" does, the same share as withCommonNeighbour's)
  const rare = Math.ceil(listRareTermShare * ctx.stats.chunkCount);
  const saidByWords = new Map<string[], boolean>();
  const wordsSayIt = (p: string[]) => {
    let known = saidByWords.get(p);
    if (known === undefined) {
      const rarest = Math.min(...p.map((t) => ctx.stats.df.get(t) ?? 0));
      saidByWords.set(p, (known = p.length === 1 || rarest < rare || phraseChunkCount(ctx, p, rarest) >= rarest * TUNING.decide.listPairMaxShare));
    }
    return known;
  };
  const writesOne = (id: string, terms: { has(term: string): boolean }, c: Concept) =>
    c.phrases.some((p) => wordsSayIt(p) && p.every((t) => terms.has(t))) || holdsPhrase(id, terms, c);
  // (not by the examples a ticked box's label gives, which every sheet ticking it prints: boxExamples.ts)
  const stated = (id: string) => {
    const all = ctx.stats.ficheTerms.get(id);
    if (!all) return undefined;
    const onlyExamples = termsOnlyInBoxExamples(ctx.index, id);
    return onlyExamples.size === 0 ? all : { has: (t: string) => all.has(t) && !onlyExamples.has(t) };
  };
  const holds = (id: string) => (c: Concept) => {
    const terms = stated(id);
    return !!terms && covers(c, terms) && (c.phrase ? holdsPhrase(id, terms, c) : writesOne(id, terms, c)) && (c !== person || !!provesPerson(id));
  };
  // a term of several words few chunks hold ("police municipale") says what the question is about
  // more surely than the words around it: when the best-ranked sheet does not write it, the list
  // anchors on the best-ranked sheet that does (a single word may be how the question is put)
  // (how many chunks write it as a phrase, not its rarest word's count: "logement d'abord" is rare, "abord" is not;
  // a term is as common as its most common alternative: "plan" or "plan local" is common)
  const rarity = new Map(concepts.filter((c) => c.phrases.some((p) => p.length >= 2)).map((c) => [c, Math.max(...c.phrases.map((p) => (p.length >= 2 ? phraseChunkCount(ctx, p, rare) : (ctx.stats.df.get(p[0]) ?? 0))))]));
  const term = [...rarity.keys()].reduce<Concept | undefined>((a, c) => (!a || rarity.get(c)! < rarity.get(a)! ? c : a), undefined);
  if (term && rarity.get(term)! < rare && !holds(sheets[0].ficheId)(term)) {
    const at = sheets.findIndex((r) => r.score >= top * listRelativeScore && holds(r.ficheId)(term));
    if (at > 0) sheets.unshift(...sheets.splice(at, 1));
  }
  // a person asked is what the question is about: when the best-ranked sheet writes only the discipline ("psychiatrie"),
  // the list anchors on the best-ranked sheet writing the person (a sheet without the word at all is left to the ranking)
  // (so does a rare person the best-ranked sheet never names: "a nurse co-running the sessions")
  const rarePerson = !!person && !covers(person, ctx.stats.ficheTerms.get(sheets[0].ficheId)) && person.df <= rare;
  if (person && (rarePerson || covers(person, ctx.stats.ficheTerms.get(sheets[0].ficheId))) && !holds(sheets[0].ficheId)(person)) {
    const at = sheets.findIndex((r) => holds(r.ficheId)(person));
    if (at > 0) sheets.unshift(...sheets.splice(at, 1));
  }
  // "paid for with urban policy money": the words naming the field the question relates sheets through ("paid for",
  // "money") are the form's, which every funding line states; what a sheet must state is the rest ("urban policy")
  const topical = ctx.intent.fields.length > 0 ? concepts.filter((c) => !(c.label && formWord(c.label))) : concepts;
  const asked = topical.length > 0 ? topical : concepts;
  const answering = asked.filter(holds(sheets[0].ficheId));
  // a term of several words weighs as rare as the chunks writing it as such, not as its rarest word: "centres
  // sociaux" is far rarer than "centre" or "social" apart, and a sheet holding only a common word beside it
  // ("sessions") does not cover the question
  const phraseDf = (c: Concept) =>
    c.unknown ? c.df : Math.max(...c.phrases.map((p) => (p.length >= 2 ? phraseChunkCount(ctx, p, Math.min(...p.map((t) => ctx.stats.df.get(t) ?? 0))) : (ctx.stats.df.get(p[0]) ?? 0))));
  // what a sheet says it does, not the form's boxes it ticks: "Soutien social : pair-aidance, écoute, etc." is ticked by
  // half the sheets and states no peer helper (dev2 b-01, b-26 list F1 up, no question of any set down); a question
  // about the boxes names them (selectByTickedBoxes)
  // "financées par la politique de la ville": a list relating sheets to who funds them reads the funding fields and
  // the passages that speak of funding, not a sheet that merely works within that policy (blind10 r-07; none lost)
  const funded = ctx.intent.fields.includes("funders");
  // "Action non financée. Mais action dans laquelle elle s'inscrit (forum santé) financée par l'ARS…": a sheet that says
  // its action has no funding is no answer to who funds it, whatever the event around it received (the best-ranked sheet
  // stays, as for every filter here: "un soutien ou un financement de l'ANCT" is answered by that event, blind5 d-24)
  const unfunded = (id: string) => funded && sheetChunks(ctx.index, id).some((c) => c.field === "funders" && NOT_FUNDED.test(c.text));
  // "parmi leurs porteurs", "portées par", "led by": a list relating sheets to who carries them reads the porteur field
  // alone; a partner list or a success factor naming the body says it works with them, not that it carries the action
  // (dev2 b-19 up; blind4 e-25, "an individual person as porteur", lost its one right city among seven wrong ones). Not
  // the partners: sheets name partners in their description too ("en partenariat avec"), and reading the partners
  // field alone lost ten lists of nine sets
  const carriedBy = ctx.intent.fields.includes("porteur") && CARRIED_BY.test(ctx.question);
  const statements = (id: string) =>
    sheetChunks(ctx.index, id).filter(
      (c) => (!checkboxFields.includes(c.field) || ctx.intent.fields.includes(c.field)) && (!funded || ctx.intent.fields.includes(c.field) || FUNDING.test(c.text)) && (!carriedBy || c.field === "porteur"),
    );
  // the citation states the concepts the anchor holds, or all of them when it holds none (a sheet
  // ranked first on a field the question names): never a passage chosen for no concept ("1.", "»")
  const sheetQuery = { stats: query.stats, exact: query.exact, askedFields: query.askedFields, required: query.required, concepts: answering.length > 0 ? answering : asked };
  const listed = sheets
    .filter((r) => r.score >= top * listRelativeScore)
    .filter((r, i) => i === 0 || conceptCoverage(answering, ctx.stats.ficheTerms.get(r.ficheId), ctx.stats, holds(r.ficheId), phraseDf) >= listMinCoverage)
    .filter((r, i) => i === 0 || !unfunded(r.ficheId))
    .slice(0, max)
    // the citation: the passage that states most of them together, outside administrative fields
    // objects written out, not spread (`{ ...r, evidence }`): V8's spread copies kept what they point to alive
    // through young-generation collections (compose/passage.ts)
    .map((r) => ({ ficheId: r.ficheId, score: r.score, retrieved: r.retrieved, chunks: r.chunks, evidence: (person && provesPerson(r.ficheId)) || bestEvidence(statements(r.ficheId), sheetQuery) }))
    // a sheet whose words cover the concepts only scattered over its fields, so that its best passage states few or
    // none of them ("Ville", "1."), is not listed (tuning.ts); no evidence at all means no passage writes a required
    // name beside them, which sheet terms settled. The first sheet stays: dropping it too cost dev2 b-19
    // (a list relating sheets to who funds or carries them reads the passage's own words: "Financé à 100 % par CCOMS" under the
    // title "… sur 4 QPV nantais" names no urban policy money, though the title's QPV is one of its glossary forms)
    .filter((r, i) => i === 0 || !r.evidence || ((funded || carriedBy ? r.evidence.own : r.evidence.coverage) > listEvidenceMinCoverage && (r.evidence.own > 0 || r.evidence.coverage >= 1)))
    // far down a long list, a sheet ranked well below the best one must state the concepts in its own words: listed
    // sheets past the third were right about half the time, and those ranked and evidenced weakly one time in five (tuning.ts)
    // (ranked by retrieval, as the share was measured: the evidence re-rank already weighed what the passages state)
    .filter((r, i) => i < listTailFrom || (r.retrieved ?? r.score) >= (sheets[0].retrieved ?? top) * listTailRelativeScore || (!!r.evidence && r.evidence.own >= listTailOwn));
  // the best-ranked sheet stays even when its best passage states little (dropping it cost dev2 b-19), unless another
  // listed sheet states what it does not: "Un guide de recommandations sera mis à disposition du public" (0.22) is no
  // urban renewal programme beside "la démolition des immeubles … NPNRU" (1.0)
  const first = listed[0]?.evidence;
  const kept = first && first.coverage <= listEvidenceMinCoverage && listed.slice(1).some((r) => r.evidence && r.evidence.own >= TUNING.decide.listAnchorOutstatedOwn) ? listed.slice(1) : listed;
  // the best-ranked sheet, kept though none of its statements says what was asked, cites the ticked box that does rather
  // than a heading standing for nothing ("Contexte :")
  if (kept[0]?.evidence && kept[0].evidence.coverage === 0) {
    const boxed = bestEvidence(sheetChunks(ctx.index, kept[0].ficheId), sheetQuery);
    if (boxed && boxed.coverage > 0) kept[0].evidence = boxed;
  }
  // « les séances « La santé mentale dans mon quartier » du CCOMS »: a candidate writing the name the question quotes is
  // that programme, an answer whatever the anchor's other concepts (the evidence re-rank had put a sheet describing it
  // without its name first, and the one titled with it fell below the cut-offs); it cites a passage writing the name
  const quoted = quotedNames(ctx.question);
  for (const r of quoted.length > 0 ? sheets : []) {
    if (kept.length >= max || kept.some((k) => k.ficheId === r.ficheId)) continue;
    const writing = sheetChunks(ctx.index, r.ficheId).filter((c) => quoted.some((q) => spacedFold(c.text).includes(q)));
    // (the name is what it must write: not the acronyms the question names beside it, which another passage may write)
    const evidence = writing.length > 0 ? bestEvidence(writing, { stats: sheetQuery.stats, exact: sheetQuery.exact, askedFields: sheetQuery.askedFields, required: [], concepts: sheetQuery.concepts }) : undefined;
    if (evidence) kept.push({ ficheId: r.ficheId, score: r.score, retrieved: r.retrieved, chunks: r.chunks, evidence });
  }
  return kept;

}
