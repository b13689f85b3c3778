// Sheets ranked for a question: hybrid chunk retrieval, grouped by sheet, with sheets of a
// city the question names brought forward.
import { rankFiches, type RankedFiche } from "./rankFiches.ts";
import { retrieveChunks } from "./retrieveChunks.ts";
import type { QueryContext } from "../understand/queryContext.ts";
import { TUNING } from "../tuning.ts";

/** Who the ranking is for: an answer (ask) or a list of passages (search). */
export type RankingUse = "ask" | "search";

/**
 * The fields retrieval weights up for a question. One rule for both verbs: the fields a field
 * question asks for; for ask, also those a list or general question names ("financées par la
 * CAF"), which its answer selects and cites by. Measured, unifying either way moves a figure:
 * weighting them for search too drops dev2 recall@5 0.854 -> 0.842 and MRR@10 0.878 -> 0.859
 * (b-22); not weighting them for ask drops dev city F1 0.934 -> 0.918 (dev-035; dev2 0.636 -> 0.650).
 */
export function targetFields(ctx: QueryContext, use: RankingUse): string[] | undefined {
  if (ctx.intent.kind === "field" || (use === "ask" && ctx.intent.fields.length > 0)) return ctx.intent.fields;
  return undefined;
}

export async function rankForQuestion(ctx: QueryContext, use: RankingUse): Promise<RankedFiche[]> {
  const chunks = await retrieveChunks(ctx.index, ctx.text, {
    filter: ctx.filter,
    targetFields: targetFields(ctx, use),
    skipLexical: ctx.stats.common,
    onDenseFallback: (reason) => (ctx.denseFallback = reason),
  });
  const ranked = rankFiches(chunks);
  if (ctx.cities.length === 0) return ranked;
  for (const r of ranked) {
    const city = ctx.index.ficheById.get(r.ficheId)?.city;
    if (city && ctx.cities.includes(city)) r.score *= TUNING.retrieve.namedCityBoost;
  }
  return ranked.sort((a, b) => b.score - a.score);
}
