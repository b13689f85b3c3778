// Other questions: the best passages of the top chunks, each cited, at most two per sheet.
import { CitationList } from "./citationList.ts";
import { MESSAGES } from "./messages.ts";
import type { BuiltAnswer } from "./builtAnswer.ts";
import type { QueryContext } from "./queryContext.ts";
import type { RankedFiche } from "../retrieval/rankFiches.ts";

const MAX_PASSAGES = 4;
const MAX_SHEETS = 3;
const RELATIVE_SCORE = 0.4;

export function answerGeneral(ctx: QueryContext, ranked: RankedFiche[]): BuiltAnswer {
  const top = ranked[0]?.score ?? 0;
  const citations = new CitationList(ctx.termSet);
  const lines = [MESSAGES[ctx.lang].generalIntro];
  for (const r of ranked.slice(0, MAX_SHEETS).filter((r) => r.score >= top * RELATIVE_SCORE)) {
    const fiche = ctx.index.ficheById.get(r.ficheId)!;
    for (const { chunk, score } of r.chunks.slice(0, 2)) {
      if (citations.items.length >= MAX_PASSAGES) break;
      const marker = citations.cite(chunk, score);
      const c = citations.items.find((x) => `[${x.n}]` === marker)!;
      // one line per passage, so every line of the answer ends with its citation
      lines.push(`- ${fiche.city} — ${fiche.title} (${chunk.fieldLabel}) : « ${c.excerpt.replace(/\s*\n+\s*/g, " / ")} » ${marker}`);
    }
  }
  return { answer: lines.join("\n"), citations: citations.items };
}
