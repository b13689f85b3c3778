// The sheet a question names by quoting its title ("le budget des Pôles Ressources Santé",
// "actions similaires aux Balades vertes de Poitiers"), among the named cities' sheets.
import { analyze } from "../../../ingest/text/index.ts";
import type { Fiche } from "../../../ingest/types.ts";
import type { QueryContext } from "../understand/queryContext.ts";
import type { RankedFiche } from "../retrieve/rankFiches.ts";
import { TUNING } from "../tuning.ts";

/** Each sheet's title terms, once per sheet list (not once per question). */
const titleTerms = new WeakMap<readonly Fiche[], Map<string, Set<string>>>();
function titleTermsOf(fiches: readonly Fiche[]): Map<string, Set<string>> {
  let map = titleTerms.get(fiches);
  if (!map) titleTerms.set(fiches, (map = new Map(fiches.map((f) => [f.id, new Set(analyze(f.title))]))));
  return map;
}

/** The sheet whose title the question quotes best (share of its title terms); ties go to the better ranked. */
export function titleMatch(ctx: QueryContext, ranked: RankedFiche[]): { fiche: Fiche; coverage: number } | undefined {
  const rank = new Map(ranked.map((r, i) => [r.ficheId, i]));
  let best: { fiche: Fiche; coverage: number; rank: number } | undefined;
  const terms = titleTermsOf(ctx.index.fiches);
  for (const f of ctx.index.fiches) {
    if (ctx.cities.length && !ctx.cities.includes(f.city)) continue;
    const titleTerms = terms.get(f.id)!;
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
  if (byTitle && byTitle.coverage >= TUNING.similar.minTitleCoverage) return byTitle.fiche;
  const top = ranked.find((r) => !ctx.cities.length || ctx.cities.includes(ctx.index.ficheById.get(r.ficheId)!.city)) ?? ranked[0];
  return top ? ctx.index.ficheById.get(top.ficheId) : undefined;
}
