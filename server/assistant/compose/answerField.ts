// Field questions ("budget des Pôles Ressources Santé ?"): quote the asked field(s) of the best
// sheet, and of the next sheets when they score close to it (two sheets on one topic), or of
// every sheet in scope for a follow-up ("et leur budget ?").
import { titleMatch } from "./answerSimilar.ts";
import { CitationList } from "./citationList.ts";
import { MESSAGES } from "./messages.ts";
import type { BuiltAnswer } from "./builtAnswer.ts";
import type { QueryContext } from "../understand/queryContext.ts";
import type { RankedFiche } from "../retrieve/rankFiches.ts";

const CLOSE_SCORE = 0.8;
const TITLE_COVERAGE = 0.75;
const MAX_SHEETS = 8;

export function answerField(ctx: QueryContext, ranked: RankedFiche[], allInScope: boolean): BuiltAnswer {
  const top = ranked[0]?.score ?? 0;
  // a question that quotes a sheet's title ("le budget des Pôles Ressources Santé") is about that sheet alone
  const named = allInScope ? undefined : titleMatch(ctx, ranked);
  const hasAskedField = (id: string) => ctx.index.ficheById.get(id)?.fields.some((x) => ctx.intent.fields.includes(x.name));
  const namedSheet =
    named && named.coverage >= TITLE_COVERAGE && hasAskedField(named.fiche.id) ? ranked.find((r) => r.ficheId === named.fiche.id) : undefined;
  const sheets = allInScope
    ? ranked.slice(0, MAX_SHEETS)
    : namedSheet
      ? [namedSheet]
      : ranked.filter((r, i) => i === 0 || (i < 3 && r.score >= top * CLOSE_SCORE));
  const citations = new CitationList(ctx.termSet);
  const lines: string[] = [];
  const m = MESSAGES[ctx.lang];
  for (const r of sheets) {
    const fiche = ctx.index.ficheById.get(r.ficheId)!;
    const chunks = ctx.index.chunks.filter((c) => c.ficheId === fiche.id && ctx.intent.fields.includes(c.field));
    if (chunks.length === 0) {
      if (r === sheets[0] && sheets.length === 1) lines.push(m.fieldMissing(ctx.intent.fields.map((f) => f.replace(/_/g, " ")).join(", "), fiche.title));
      continue;
    }
    lines.push(`${fiche.city} — ${fiche.title} :`);
    // the asked fields in the order the question's field list gives them; first chunk of each
    for (const field of ctx.intent.fields) {
      const chunk = chunks.find((c) => c.field === field);
      if (!chunk) continue;
      const quote = (chunk.text.length <= 400 ? chunk.text : `${chunk.text.slice(0, 400)}…`).replace(/\s*\n+\s*/g, " / ");
      lines.push(`- ${chunk.fieldLabel} : « ${quote} » ${citations.cite(chunk, r.score, chunk.text.length <= 400)}`);
    }
  }
  if (citations.items.length === 0) return { answer: lines.join("\n"), citations: [] };
  return { answer: lines.join("\n"), citations: citations.items };
}
