// List questions: one line per sheet that answers, grouped by city, each with its citation.
// A sheet is kept when it scores near the best one and holds a fair share of the question's
// specific terms, so a list does not trail off into sheets that merely share a word.
import { specificCoverage } from "./abstain.ts";
import { CitationList } from "./citationList.ts";
import { MESSAGES } from "./messages.ts";
import type { QueryContext } from "./queryContext.ts";
import type { RankedFiche } from "../retrieval/rankFiches.ts";
import type { BuiltAnswer } from "./builtAnswer.ts";

const RELATIVE_SCORE = 0.45;
const MIN_COVERAGE = 0.5;
const MAX_SHEETS = 10;

export function answerList(ctx: QueryContext, ranked: RankedFiche[]): BuiltAnswer {
  const top = ranked[0]?.score ?? 0;
  const kept = ranked
    .filter((r, i) => i === 0 || r.score >= top * RELATIVE_SCORE)
    .filter((r, i) => i === 0 || specificCoverage(ctx.terms, ctx.stats.ficheTerms.get(r.ficheId), ctx.stats).coverage >= MIN_COVERAGE)
    .slice(0, MAX_SHEETS);
  const citations = new CitationList(ctx.termSet);
  const byCity = new Map<string, string[]>();
  for (const r of kept) {
    const fiche = ctx.index.ficheById.get(r.ficheId)!;
    const marker = citations.cite(r.chunks[0].chunk, r.score);
    const lines = byCity.get(fiche.city) ?? [];
    lines.push(`- ${fiche.city} — ${fiche.title} ${marker}`);
    byCity.set(fiche.city, lines);
  }
  const m = MESSAGES[ctx.lang];
  const answer = [m.listIntro(kept.length, byCity.size), ...[...byCity.values()].flat()].join("\n");
  return { answer, citations: citations.items };
}
