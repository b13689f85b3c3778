// Which sheets a list question ("quelles villes…") names: those with a passage that states the
// question's specific concepts together (evidence.ts), each with that passage as its proof.
// A city the question names bounds the list; an acronym it names must be in the sheet.
import { analyze } from "../../../ingest/text/index.ts";
import { conceptCoverage, covers, isSpecific } from "../understand/concepts.ts";
import type { QueryContext } from "../understand/queryContext.ts";
import type { RankedFiche } from "../retrieve/rankFiches.ts";
import { TUNING } from "../tuning.ts";
import { bestEvidence, type Evidence } from "./evidence.ts";
import { sheetChunks } from "./sheetChunks.ts";

const { listRelativeScore, listMaxSheets } = TUNING.decide;
const { listCandidates } = TUNING.evidence;
const { listMinCoverage } = TUNING.decide;

export interface ListedSheet extends RankedFiche {
  /** the passage that says the sheet does what the question asks */
  evidence?: Evidence;
}

/** The question's concepts that tell sheets apart, minus the cities it names (they bound the list instead). */
export function listConcepts(ctx: QueryContext) {
  const cityTerms = new Set(ctx.cities.flatMap((c) => analyze(c)));
  return ctx.concepts.filter((c) => !c.unknown && isSpecific(c, ctx.stats) && !c.phrases.every((p) => p.every((t) => cityTerms.has(t))));
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
  const naming = actions.filter((r) => ctx.entities.every((t) => ctx.stats.ficheTerms.get(r.ficheId)?.has(t)));
  const sheets = (naming.length > 0 ? naming : actions).slice(0, listCandidates);
  const concepts = listConcepts(ctx);
  if (concepts.length === 0) {
    // nothing specific to look for ("quelles actions à Lille ?"): the sheets that rank near the best
    const top = sheets[0]?.score ?? 0;
    return sheets.filter((r) => r.score >= top * listRelativeScore).slice(0, max);
  }
  const exact = new Set(ctx.entities);
  const required = concepts.filter((c) => c.phrases.some((p) => p.some((t) => exact.has(t))));
  const query = { stats: ctx.stats, exact, askedFields: ctx.intent.fields, required };
  // what makes the best-ranked sheet an answer: the concepts it holds (dev: anchoring on the
  // best-ranked sheet beats anchoring on the most-covering one, 0.84 vs 0.68 city F1, because
  // question verbs such as "monté" count as concepts too)
  const top = sheets[0].score;
  const answering = concepts.filter((c) => covers(c, ctx.stats.ficheTerms.get(sheets[0].ficheId)));
  const sheetQuery = { ...query, concepts: answering };
  return sheets
    .filter((r) => r.score >= top * listRelativeScore)
    .filter((r, i) => i === 0 || conceptCoverage(answering, ctx.stats.ficheTerms.get(r.ficheId), ctx.stats) >= listMinCoverage)
    .slice(0, max)
    // the citation: the passage that states most of them together, outside administrative fields
    .map((r) => ({ ...r, evidence: bestEvidence(sheetChunks(ctx.index, r.ficheId), sheetQuery) }));

}
