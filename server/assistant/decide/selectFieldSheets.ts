// Which sheets a field question ("budget des Pôles Ressources Santé ?") quotes: the sheet whose
// title it quotes, else the best sheet and the next ones scoring close to it (two sheets on one
// topic), or every sheet in scope for a follow-up ("et leur budget ?").
import type { QueryContext } from "../understand/queryContext.ts";
import type { RankedFiche } from "../retrieve/rankFiches.ts";
import { TUNING } from "../tuning.ts";
import { titleMatch } from "./referenceFiche.ts";

const { fieldCloseScore, fieldMaxCloseSheets, fieldMaxSheetsInScope, fieldTitleCoverage } = TUNING.decide;

export function selectFieldSheets(ctx: QueryContext, ranked: RankedFiche[]): RankedFiche[] {
  if (ctx.scope) {
    // "And in Lille, who leads it?": a city the follow-up names picks among the sheets in scope
    const inCities = ranked.filter((r) => ctx.cities.includes(ctx.index.ficheById.get(r.ficheId)?.city ?? ""));
    return (inCities.length > 0 ? inCities : ranked).slice(0, fieldMaxSheetsInScope);
  }
  const named = titleMatch(ctx, ranked);
  const hasAskedField = (id: string) => ctx.index.ficheById.get(id)?.fields.some((x) => ctx.intent.fields.includes(x.name));
  if (named && named.coverage >= fieldTitleCoverage && hasAskedField(named.fiche.id)) {
    const sheet = ranked.find((r) => r.ficheId === named.fiche.id);
    if (sheet) return [sheet];
  }
  // "When is the ECOVIP conference…": a name or acronym the question gives designates the sheets that write it and fill
  // the field asked, as in a list (selectListSheets); the best-ranked sheet may only share the question's other words
  // ("conference": a seminar). A named sheet without the field is left to the ranking, as a title matched is.
  const naming = ctx.entities.length > 0 ? ranked.filter((r) => ctx.entities.every((t) => ctx.stats.ficheTerms.get(r.ficheId)?.has(t)) && hasAskedField(r.ficheId)) : [];
  const pool = naming.length > 0 ? naming : ranked;
  const top = pool[0]?.score ?? 0;
  return pool.filter((r, i) => i === 0 || (i < fieldMaxCloseSheets && r.score >= top * fieldCloseScore));
}
