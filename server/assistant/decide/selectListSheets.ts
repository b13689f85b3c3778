// Which sheets a list question ("quelles villes…") names. Candidates are the sheets that score
// near the best one; among them, a sheet is kept when it covers most of the specific concepts
// that make the best sheet an answer, so a list does not trail off into sheets that merely
// share a word (tuning.ts: listRelativeScore, listMinCoverage).
import { conceptCoverage, covers, isSpecific } from "../understand/concepts.ts";
import type { QueryContext } from "../understand/queryContext.ts";
import type { RankedFiche } from "../retrieve/rankFiches.ts";
import { TUNING } from "../tuning.ts";

const { listRelativeScore, listMinCoverage, listMaxSheets } = TUNING.decide;

/** The sheets a list answer names, best first (also what search puts first for a list question). */
export function selectListSheets(ctx: QueryContext, ranked: RankedFiche[]): RankedFiche[] {
  const termsOf = (id: string) => ctx.stats.ficheTerms.get(id);
  // a list names the cities that run an action: a workshop synthesis is evidence, not an action
  const actions = ranked.filter((r) => ctx.index.ficheById.get(r.ficheId)?.kind === "fiche");
  // an acronym the question names (PSSM, CAF, CCOMS…) designates one programme or body: a
  // sheet that never mentions it does not answer "which actions … the CAF". (Requiring it in
  // the asked field too was tried and dropped: "financées par l'ARS" is often written out as
  // "Agence Régionale de Santé" in the funders field.)
  const naming = actions.filter((r) => ctx.entities.every((t) => termsOf(r.ficheId)?.has(t)));
  const sheets = naming.length > 0 ? naming : actions;
  const top = sheets[0]?.score ?? 0;
  const answering = sheets[0] ? ctx.concepts.filter((c) => !c.unknown && isSpecific(c, ctx.stats) && covers(c, termsOf(sheets[0].ficheId))) : [];
  return sheets
    .filter((r) => r.score >= top * listRelativeScore)
    .filter((r, i) => i === 0 || conceptCoverage(answering, termsOf(r.ficheId), ctx.stats) >= listMinCoverage)
    .slice(0, Math.min(listMaxSheets, ctx.k ?? listMaxSheets));
}
