// Sheets ranked for a question: hybrid chunk retrieval, grouped by sheet, with sheets of a
// city the question names brought forward.
import { rankFiches, type RankedFiche } from "./rankFiches.ts";
import { retrieveChunks } from "./retrieveChunks.ts";
import type { QueryContext } from "../understand/queryContext.ts";

/** Strong enough that a question naming a city ranks that city's sheets first. */
const NAMED_CITY_BOOST = 2;

export async function rankForQuestion(ctx: QueryContext, targetFields?: string[]): Promise<RankedFiche[]> {
  const chunks = await retrieveChunks(ctx.index, ctx.text, { filter: ctx.filter, targetFields, skipLexical: ctx.stats.common });
  const ranked = rankFiches(chunks);
  if (ctx.cities.length === 0) return ranked;
  for (const r of ranked) {
    const city = ctx.index.ficheById.get(r.ficheId)?.city;
    if (city && ctx.cities.includes(city)) r.score *= NAMED_CITY_BOOST;
  }
  return ranked.sort((a, b) => b.score - a.score);
}
