// Other questions: the best passages of the selected sheets, each cited, a few per sheet.
import { analyze } from "../../../ingest/text/index.ts";
import type { QueryContext } from "../understand/queryContext.ts";
import type { RankedFiche } from "../retrieve/rankFiches.ts";
import { heldTextTerms } from "../retrieve/statements.ts";
import { TUNING } from "../tuning.ts";
import type { BuiltAnswer } from "./builtAnswer.ts";
import { CitationList } from "./citationList.ts";
import { MESSAGES } from "./messages.ts";

const { evidenceCandidates, generalMaxPassages, generalPassagesPerSheet } = TUNING.compose;

/**
 * A sheet's passages worth quoting: those whose own text holds a question term come first.
 * Short fields (porteur, territory) often rank high on their "Ville — Titre — Champ" header
 * alone, which says nothing the line does not already say.
 */
function evidenceChunks(ctx: QueryContext, r: RankedFiche) {
  const candidates = r.chunks.slice(0, evidenceCandidates);
  // the city's own name ("Ville de Lyon" as porteur) says nothing about the action either
  const cityTerms = new Set(ctx.cities.flatMap((c) => analyze(c)));
  const telling = (t: string) => ctx.termSet.has(t) && !ctx.stats.common.has(t) && !cityTerms.has(t);
  // the text's terms as ingest analysed them, when it did (retrieve/statements.ts)
  const speaks = candidates.filter(({ chunk }) => (heldTextTerms(chunk) ?? analyze(chunk.text)).some(telling));
  if (speaks.length > 0) return speaks;
  // nothing specific asked ("what does Lyon do?"): what the action is, from its description
  const description = (ctx.index.chunksByFiche.get(r.ficheId) ?? []).filter((c) => c.field === "description").map((chunk) => ({ chunk, score: r.score }));
  return description.length > 0 ? description : candidates;
}

export function answerGeneral(ctx: QueryContext, sheets: RankedFiche[]): BuiltAnswer {
  const citations = new CitationList(ctx.termSet);
  const lines = [MESSAGES[ctx.lang].generalIntro];
  for (const r of sheets) {
    const fiche = ctx.index.ficheById.get(r.ficheId)!;
    for (const { chunk, score } of evidenceChunks(ctx, r).slice(0, generalPassagesPerSheet)) {
      if (citations.items.length >= generalMaxPassages) break;
      const c = citations.citation(chunk, score);
      // one line per passage, so every line of the answer ends with its citation
      lines.push(`- ${fiche.city} — ${fiche.title} (${chunk.fieldLabel}) : « ${c.excerpt.replace(/\s*\n+\s*/g, " / ")} » [${c.n}]`);
    }
  }
  return { answer: lines.join("\n"), citations: citations.items };
}
