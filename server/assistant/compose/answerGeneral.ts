// Other questions: the best passages of the top chunks, each cited, at most two per sheet.
import { analyze } from "../../../ingest/analyzeFrench.ts";
import { CitationList } from "./citationList.ts";
import { MESSAGES } from "./messages.ts";
import type { BuiltAnswer } from "./builtAnswer.ts";
import type { QueryContext } from "../understand/queryContext.ts";
import type { RankedFiche } from "../retrieve/rankFiches.ts";

const MAX_PASSAGES = 4;
const MAX_SHEETS = 3;
const RELATIVE_SCORE = 0.4;

/**
 * A sheet's passages worth quoting: those whose own text holds a question term come first.
 * Short fields (porteur, territory) often rank high on their "Ville — Titre — Champ" header
 * alone, which says nothing the line does not already say.
 */
function evidenceChunks(ctx: QueryContext, r: RankedFiche) {
  const candidates = r.chunks.slice(0, 6);
  // the city's own name ("Ville de Lyon" as porteur) says nothing about the action either
  const cityTerms = new Set(ctx.cities.flatMap((c) => analyze(c)));
  const telling = (t: string) => ctx.termSet.has(t) && !ctx.stats.common.has(t) && !cityTerms.has(t);
  const speaks = candidates.filter(({ chunk }) => analyze(chunk.text).some(telling));
  if (speaks.length > 0) return speaks;
  // nothing specific asked ("what does Lyon do?"): what the action is, from its description
  const description = ctx.index.chunks.filter((c) => c.ficheId === r.ficheId && c.field === "description").map((chunk) => ({ chunk, score: r.score }));
  return description.length > 0 ? description : candidates;
}

export function answerGeneral(ctx: QueryContext, ranked: RankedFiche[]): BuiltAnswer {
  const top = ranked[0]?.score ?? 0;
  const citations = new CitationList(ctx.termSet);
  const lines = [MESSAGES[ctx.lang].generalIntro];
  for (const r of ranked.slice(0, MAX_SHEETS).filter((r) => r.score >= top * RELATIVE_SCORE)) {
    const fiche = ctx.index.ficheById.get(r.ficheId)!;
    for (const { chunk, score } of evidenceChunks(ctx, r).slice(0, 2)) {
      if (citations.items.length >= MAX_PASSAGES) break;
      const marker = citations.cite(chunk, score);
      const c = citations.items.find((x) => `[${x.n}]` === marker)!;
      // one line per passage, so every line of the answer ends with its citation
      lines.push(`- ${fiche.city} — ${fiche.title} (${chunk.fieldLabel}) : « ${c.excerpt.replace(/\s*\n+\s*/g, " / ")} » ${marker}`);
    }
  }
  return { answer: lines.join("\n"), citations: citations.items };
}
