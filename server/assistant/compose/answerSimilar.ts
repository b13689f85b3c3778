// Similar-action questions: find the sheet the question names (its title terms, its city),
// then its nearest other sheets with the facets they share. Never the sheet itself.
import { analyze } from "../../../ingest/analyzeFrench.ts";
import type { Fiche } from "../../../ingest/types.ts";
import { similarFiches, type SimilarHit } from "../retrieve/similarFiches.ts";
import type { RankedFiche } from "../retrieve/rankFiches.ts";
import type { BuiltAnswer } from "./builtAnswer.ts";
import { CitationList } from "./citationList.ts";
import { MESSAGES } from "./messages.ts";
import type { QueryContext } from "../understand/queryContext.ts";

const MIN_TITLE_COVERAGE = 0.5;
export const SIMILAR_COUNT = 5;

/** The sheet whose title the question quotes best (share of its title terms), among the named cities' sheets. */
export function titleMatch(ctx: QueryContext, ranked: RankedFiche[]): { fiche: Fiche; coverage: number } | undefined {
  const rank = new Map(ranked.map((r, i) => [r.ficheId, i]));
  let best: { fiche: Fiche; coverage: number; rank: number } | undefined;
  for (const f of ctx.index.fiches) {
    if (ctx.cities.length && !ctx.cities.includes(f.city)) continue;
    const titleTerms = new Set(analyze(f.title));
    if (titleTerms.size === 0) continue;
    let hit = 0;
    for (const t of titleTerms) if (ctx.termSet.has(t)) hit++;
    const coverage = hit / titleTerms.size;
    const r = rank.get(f.id) ?? Infinity;
    if (!best || coverage > best.coverage || (coverage === best.coverage && r < best.rank)) best = { fiche: f, coverage, rank: r };
  }
  return best && { fiche: best.fiche, coverage: best.coverage };
}

/** The sheet a "similar to X" question is about: best title overlap, else the top retrieved sheet. */
export function referenceFiche(ctx: QueryContext, ranked: RankedFiche[]): Fiche | undefined {
  const byTitle = titleMatch(ctx, ranked);
  if (byTitle && byTitle.coverage >= MIN_TITLE_COVERAGE) return byTitle.fiche;
  const top = ranked.find((r) => !ctx.cities.length || ctx.cities.includes(ctx.index.ficheById.get(r.ficheId)!.city)) ?? ranked[0];
  return top ? ctx.index.ficheById.get(top.ficheId) : undefined;
}

/** The chunk that best shows why a sheet is near: its facet field, else its description. */
export function reasonChunk(ctx: QueryContext, hit: SimilarHit) {
  const fields = [...hit.shared.map((s) => s.field), "description"];
  for (const field of fields) {
    const chunk = ctx.index.chunks.find((c) => c.ficheId === hit.fiche.id && c.field === field);
    if (chunk) return chunk;
  }
  return ctx.index.chunks.find((c) => c.ficheId === hit.fiche.id);
}

export function answerSimilar(ctx: QueryContext, reference: Fiche): BuiltAnswer & { similar: SimilarHit[] } {
  const similar = similarFiches(ctx.index, ctx.stats, reference.id, SIMILAR_COUNT, ctx.filter);
  const citations = new CitationList(ctx.termSet);
  const m = MESSAGES[ctx.lang];
  const lines = [m.similarIntro(`${reference.city} — ${reference.title}`)];
  for (const hit of similar) {
    const chunk = reasonChunk(ctx, hit);
    if (!chunk) continue;
    const why = hit.shared.flatMap((s) => s.values).slice(0, 4);
    lines.push(`- ${hit.fiche.city} — ${hit.fiche.title}${why.length ? ` (${m.shares} : ${why.join(", ")})` : ""} ${citations.cite(chunk, hit.score)}`);
  }
  return { answer: lines.join("\n"), citations: citations.items, similar };
}
