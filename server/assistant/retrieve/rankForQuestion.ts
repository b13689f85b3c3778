// Sheets ranked for a question: hybrid chunk retrieval, grouped by sheet, with sheets of a
// city the question names brought forward.
import { rankFiches, type RankedFiche } from "./rankFiches.ts";
import { retrieveChunks } from "./retrieveChunks.ts";
import type { QueryContext } from "../understand/queryContext.ts";
import { TUNING } from "../tuning.ts";

/**
 * The fields retrieval weights up for a question, the same for ask and search: those the
 * question asks for or relates sheets by (a field question's, a list's "financées par",
 * "parmi leurs porteurs"). One rule since list questions keep only relational fields
 * (detectIntent.ts): before that, weighting a list's fields in search too cost dev2 recall
 * (0.854 -> 0.842, "cartes contacts"); now it gains (dev2 recall@5 0.888 -> 0.892, dev unchanged).
 */
export function targetFields(ctx: QueryContext): string[] | undefined {
  if (ctx.intent.fields.length === 0) return undefined;
  // who pays is often written in the Budget field ("Coût des formations (inscrit dans le plan de formation de la
  // collectivité)"): a funding question weighs it up too, though the answer still says which asked field is empty
  return ctx.intent.fields.includes("funders") && !ctx.intent.fields.includes("budget") ? [...ctx.intent.fields, "budget"] : ctx.intent.fields;
}

export async function rankForQuestion(ctx: QueryContext): Promise<RankedFiche[]> {
  const chunks = await retrieveChunks(ctx.index, ctx.text, {
    filter: ctx.filter,
    targetFields: targetFields(ctx),
    skipLexical: ctx.stats.common,
    entities: ctx.entities,
    entitiesEverywhere: ctx.intent.kind === "list",
    onDenseFallback(reason) {
      ctx.denseFallback = reason;
    },
  });
  const ranked = rankFiches(chunks);
  // "Where does it take place?" about the one sheet of the last answer: words no passage holds ("take place") still ask
  // about the sheets in scope, which stand in their answer's order
  if (ranked.length === 0 && ctx.scope) return [...ctx.scope].map((ficheId) => ({ ficheId, score: 0, chunks: (ctx.index.chunksByFiche.get(ficheId) ?? []).map((chunk) => ({ chunk, score: 0 })) }));
  if (ctx.cities.length === 0) return ranked;
  for (const r of ranked) {
    const city = ctx.index.ficheById.get(r.ficheId)?.city;
    if (city && ctx.cities.includes(city)) r.score *= TUNING.retrieve.namedCityBoost;
  }
  return ranked.sort((a, b) => b.score - a.score);
}
