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
  const top = ranked[0]?.score ?? 0;
  return ranked.filter((r, i) => i === 0 || (i < fieldMaxCloseSheets && r.score >= top * fieldCloseScore));
}
