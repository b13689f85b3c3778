// Ranking by evidence: among the best-ranked sheets, one whose single passage states the
// question's specific concepts together ("risques psychosociaux" and "agents de la collectivité"
// in one sentence) comes before one that holds them scattered, or holds only the commoner ones.
import { isSpecific } from "../understand/concepts.ts";
import type { QueryContext } from "../understand/queryContext.ts";
import type { RankedFiche } from "../retrieve/rankFiches.ts";
import { TUNING } from "../tuning.ts";
import { bestEvidence } from "./evidence.ts";

const { evidenceRerankDepth, evidenceRerankWeight, evidenceRerankChunks } = TUNING.decide;

export function rerankByEvidence(ctx: QueryContext, ranked: RankedFiche[]): RankedFiche[] {
  // (retrieval's order kept for abstention: QueryContext.retrieved)
  ctx.retrieved = ranked;
  const concepts = ctx.concepts.filter((c) => !c.unknown && isSpecific(c, ctx.stats));
  // lists and similar sheets are chosen by their own evidence (selectListSheets, similarSheets)
  if (ctx.intent.kind === "list" || ctx.intent.kind === "similar" || concepts.length < 2 || ranked.length < 2) return ranked;
  const query = { concepts, stats: ctx.stats, exact: new Set(ctx.entities), askedFields: ctx.intent.fields };
  const head = ranked.slice(0, evidenceRerankDepth).map((r) => {
    // the passages retrieval found for the sheet, not all its chunks: per-question work bounded by what the question touches
    const ev = bestEvidence(r.chunks.slice(0, evidenceRerankChunks).map((c) => c.chunk), query);
    // written out, not `{ ...r, score }`: a spread copy kept what it points to alive through young collections (passage.ts)
    return { ficheId: r.ficheId, score: r.score * (1 + evidenceRerankWeight * (ev?.coverage ?? 0)), chunks: r.chunks };
  });
  return [...head.sort((a, b) => b.score - a.score), ...ranked.slice(evidenceRerankDepth)];
}
