// List answers: one line per selected sheet (decide/selectListSheets.ts), grouped by city, each
// citing the chunk that names the question's entities.
import { analyze } from "../../../ingest/text/index.ts";
import type { QueryContext } from "../understand/queryContext.ts";
import type { RankedFiche } from "../retrieve/rankFiches.ts";
import { TUNING } from "../tuning.ts";
import type { BuiltAnswer } from "./builtAnswer.ts";
import { CitationList } from "./citationList.ts";
import { MESSAGES } from "./messages.ts";

/** The chunk to cite for a sheet: the best-ranked one that names the question's entities. */
function evidence(ctx: QueryContext, r: RankedFiche) {
  if (ctx.entities.length === 0) return r.chunks[0];
  const names = (text: string) => ctx.entities.every((t) => analyze(text).includes(t));
  return r.chunks.slice(0, TUNING.compose.evidenceCandidates).find((c) => names(`${c.chunk.title} ${c.chunk.text}`)) ?? r.chunks[0];
}

export function answerList(ctx: QueryContext, sheets: RankedFiche[]): BuiltAnswer {
  const citations = new CitationList(ctx.termSet);
  const byCity = new Map<string, string[]>();
  for (const r of sheets) {
    const fiche = ctx.index.ficheById.get(r.ficheId)!;
    const marker = citations.cite(evidence(ctx, r).chunk, r.score);
    const lines = byCity.get(fiche.city) ?? [];
    lines.push(`- ${fiche.city} — ${fiche.title} ${marker}`);
    byCity.set(fiche.city, lines);
  }
  const answer = [MESSAGES[ctx.lang].listIntro(sheets.length, byCity.size), ...[...byCity.values()].flat()].join("\n");
  return { answer, citations: citations.items };
}
