// List answers: one line per selected sheet (decide/selectListSheets.ts), grouped by city, each
// citing the passage that shows the sheet does what was asked.
import type { ListedSheet } from "../decide/selectListSheets.ts";
import { sheetChunks } from "../decide/sheetChunks.ts";
import type { QueryContext } from "../understand/queryContext.ts";
import type { BuiltAnswer } from "./builtAnswer.ts";
import { CitationList } from "./citationList.ts";
import { MESSAGES } from "./messages.ts";

export function answerList(ctx: QueryContext, sheets: ListedSheet[]): BuiltAnswer {
  const citations = new CitationList(ctx.termSet);
  const byCity = new Map<string, string[]>();
  for (const r of sheets) {
    const fiche = ctx.index.ficheById.get(r.ficheId)!;
    // with nothing specific asked ("Quelles actions à Lille ?"), what the action is: its description, not the line naming the city
    const description = r.evidence ? undefined : sheetChunks(ctx.index, r.ficheId).find((c) => c.field === "description");
    const marker = r.evidence ? citations.citeSpan(r.evidence.chunk, r.evidence, r.score) : citations.cite(description ?? r.chunks[0].chunk, r.score);
    const lines = byCity.get(fiche.city) ?? [];
    lines.push(`- ${fiche.city} — ${fiche.title} ${marker}`);
    byCity.set(fiche.city, lines);
  }
  const answer = [MESSAGES[ctx.lang].listIntro(sheets.length, byCity.size), ...[...byCity.values()].flat()].join("\n");
  return { answer, citations: citations.items };
}
