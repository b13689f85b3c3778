// Which sheets a list question ("quelles villes…") names: those with a passage that states the
// question's specific concepts together (evidence.ts), each with that passage as its proof.
// A city the question names bounds the list; an acronym it names must be in the sheet.
import { analyze } from "../../../ingest/text/index.ts";
import { acronymExpansions, conceptCoverage, covers, isSpecific, type Concept } from "../understand/concepts.ts";
import type { QueryContext } from "../understand/queryContext.ts";
import type { RankedFiche } from "../retrieve/rankFiches.ts";
import { TUNING } from "../tuning.ts";
import { startYear, withinBound, yearBoundOf } from "../understand/yearConstraint.ts";
import { bagCovers, bestEvidence, passagesOf, type Evidence } from "./evidence.ts";
import { sheetChunks } from "./sheetChunks.ts";
import { textHoldsPhrase } from "../understand/sideBySide.ts";

const { listRelativeScore, listMaxSheets } = TUNING.decide;
const { listCandidates, checkboxFields, tickedRelativeCoverage } = TUNING.evidence;
const { listMinCoverage, listRareTermShare } = TUNING.decide;

export interface ListedSheet extends RankedFiche {
  /** the passage that says the sheet does what the question asks */
  evidence?: Evidence;
}

/** The question's concepts that tell sheets apart, minus the cities it names (they bound the list instead). */
export function listConcepts(ctx: QueryContext) {
  const cityTerms = new Set(ctx.cities.flatMap((c) => analyze(c)));
  return ctx.concepts.filter((c) => !c.unknown && isSpecific(c, ctx.stats) && !c.phrases.every((p) => p.every((t) => cityTerms.has(t))));
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
 * "Which actions started in 2016 or earlier?": a question that bounds when actions started is
 * answered from every sheet's period (within the filters and named cities), each citing it.
 */
function selectByStartYear(ctx: QueryContext, ranked: RankedFiche[], max: number): ListedSheet[] | undefined {
  const bound = yearBoundOf(ctx.question);
  if (!bound) return undefined;
  const rankOf = new Map(ranked.map((r, i) => [r.ficheId, i]));
  return ctx.index.fiches
    .filter((f) => f.kind === "fiche" && (!ctx.filter || ctx.filter(f)) && (ctx.cities.length === 0 || ctx.cities.includes(f.city)))
    .flatMap((f) => {
      const period = sheetChunks(ctx.index, f.id).find((c) => c.field === "period");
      const year = period && startYear(period.text);
      if (!period || year === undefined || !withinBound(year, bound)) return [];
      const found = ranked.find((r) => r.ficheId === f.id);
      const evidence = { chunk: period, start: 0, end: period.text.length, coverage: 1, own: 1, covered: [] };
      return [{ ficheId: f.id, score: found?.score ?? 0, chunks: [{ chunk: period, score: found?.score ?? 0 }, ...(found?.chunks ?? [])], evidence }];
    })
    .sort((a, b) => (rankOf.get(a.ficheId) ?? Infinity) - (rankOf.get(b.ficheId) ?? Infinity))
    .slice(0, max);
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
  // "cofinancées par la CAF", "parmi leurs porteurs": the body is named where the question relates it to the sheet
  const where = ctx.intent.fields;
  // the passages' analysed terms, cached per chunk, rather than analysing the fields again per sheet and per name
  const inAsked = (id: string) => new Set(sheetChunks(ctx.index, id).filter((c) => where.includes(c.field)).flatMap((c) => passagesOf(c).flatMap((p) => [...p.terms])));
  const names = (id: string, t: string) => {
    const terms = where.length > 0 ? inAsked(id) : ctx.stats.ficheTerms.get(id);
    if (!terms) return false;
    if (terms.has(t)) return true;
    // written out: the expansion's words together in one passage, not scattered over the sheet
    const words = expansions.get(t)?.terms;
    if (!words || !words.every((x) => terms.has(x))) return false;
    const spelled = { phrases: [words], df: 1, unknown: false };
    return sheetChunks(ctx.index, id).some((c) => (where.length === 0 || where.includes(c.field)) && passagesOf(c).some((p) => bagCovers(spelled, p, new Set())));
  };
  const naming = actions.filter((r) => ctx.entities.every((t) => names(r.ficheId, t)));
  const sheets = (naming.length > 0 ? naming : actions).slice(0, listCandidates);
  const concepts = listConcepts(ctx);
  if (concepts.length === 0) {
    // nothing specific to look for ("quelles actions à Lille ?"): the sheets that rank near the best
    const top = sheets[0]?.score ?? 0;
    return sheets.filter((r) => r.score >= top * listRelativeScore).slice(0, max);
  }
  const ticked = selectByTickedBoxes(ctx, ranked, concepts, max);
  if (ticked) return ticked;
  const dated = selectByStartYear(ctx, ranked, max);
  if (dated) return dated;
  const exact = new Set(ctx.entities);
  const required = concepts.filter((c) => c.phrases.some((p) => p.some((t) => exact.has(t))));
  const query = { stats: ctx.stats, exact, askedFields: ctx.intent.fields, required };
  // what makes the best-ranked sheet an answer: the concepts it holds (dev: anchoring on the
  // best-ranked sheet beats anchoring on the most-covering one, 0.84 vs 0.68 city F1, because
  // question verbs such as "monté" count as concepts too)
  const top = sheets[0].score;
  // a term of several words ("Éducation nationale") counts where the sheet writes it as such
  const holds = (id: string) => (c: Concept) => covers(c, ctx.stats.ficheTerms.get(id)) && (!c.phrase || sheetChunks(ctx.index, id).some((ch) => c.phrases.some((p) => textHoldsPhrase(ch, new Set(p)))));
  // a term of several words few chunks hold ("police municipale") says what the question is about
  // more surely than the words around it: when the best-ranked sheet does not write it, the list
  // anchors on the best-ranked sheet that does (a single word may be how the question is put)
  const term = concepts.filter((c) => c.phrases.some((p) => p.length >= 2)).reduce<Concept | undefined>((a, c) => (!a || c.df < a.df ? c : a), undefined);
  if (term && term.df / ctx.stats.chunkCount < listRareTermShare && !holds(sheets[0].ficheId)(term)) {
    const at = sheets.findIndex((r) => r.score >= top * listRelativeScore && holds(r.ficheId)(term));
    if (at > 0) sheets.unshift(...sheets.splice(at, 1));
  }
  const answering = concepts.filter(holds(sheets[0].ficheId));
  // the citation states the concepts the anchor holds, or all of them when it holds none (a sheet
  // ranked first on a field the question names): never a passage chosen for no concept ("1.", "»")
  const sheetQuery = { stats: query.stats, exact: query.exact, askedFields: query.askedFields, required: query.required, concepts: answering.length > 0 ? answering : concepts };
  return sheets
    .filter((r) => r.score >= top * listRelativeScore)
    .filter((r, i) => i === 0 || conceptCoverage(answering, ctx.stats.ficheTerms.get(r.ficheId), ctx.stats, holds(r.ficheId)) >= listMinCoverage)
    .slice(0, max)
    // the citation: the passage that states most of them together, outside administrative fields
    // objects written out, not spread (`{ ...r, evidence }`): V8's spread copies kept what they point to alive
    // through young-generation collections (compose/passage.ts)
    .map((r) => ({ ficheId: r.ficheId, score: r.score, chunks: r.chunks, evidence: bestEvidence(sheetChunks(ctx.index, r.ficheId), sheetQuery) }));

}
