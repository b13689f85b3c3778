// Ranking by evidence: among the best-ranked sheets, one whose single passage states the
// question's specific concepts together ("risques psychosociaux" and "agents de la collectivité"
// in one sentence) comes before one that holds them scattered, or holds only the commoner ones.
import { isSpecific } from "../understand/concepts.ts";
import type { QueryContext } from "../understand/queryContext.ts";
import type { RankedFiche } from "../retrieve/rankFiches.ts";
import { TUNING } from "../tuning.ts";
import { bestEvidence } from "./evidence.ts";

const { evidenceRerankDepth, evidenceRerankWeight, evidenceRerankChunks, listEvidenceRerankWeight, listEvidenceRerankChunks } = TUNING.decide;

/** `lists`: re-rank a list question's sheets too (the answer's selection does; a search shows retrieval's order). */
export function rerankByEvidence(ctx: QueryContext, ranked: RankedFiche[], lists = false): RankedFiche[] {
  // (retrieval's order kept for abstention: QueryContext.retrieved)
  ctx.retrieved = ranked;
  const concepts = ctx.concepts.filter((c) => !c.unknown && isSpecific(c, ctx.stats));
  // similar sheets are chosen by their own evidence (similarSheets); a list's anchor and cut-off read the re-ranked
  // scores, its listed sheets their own evidence (selectListSheets), each sheet keeping the score retrieval gave it
  const list = ctx.intent.kind === "list";
  if ((list && !lists) || ctx.intent.kind === "similar" || concepts.length < 2 || ranked.length < 2) return ranked;
  const query = { concepts, stats: ctx.stats, exact: new Set(ctx.entities), askedFields: ctx.intent.fields };
  const head = ranked.slice(0, evidenceRerankDepth).map((r) => {
    // the passages retrieval found for the sheet, not all its chunks: per-question work bounded by what the question touches
    const ev = bestEvidence(r.chunks.slice(0, list ? listEvidenceRerankChunks : evidenceRerankChunks).map((c) => c.chunk), query);
    // written out, not `{ ...r, score }`: a spread copy kept what it points to alive through young collections (passage.ts)
    const score = r.score * (1 + (list ? listEvidenceRerankWeight : evidenceRerankWeight) * (ev?.coverage ?? 0));
    return list ? { ficheId: r.ficheId, score, chunks: r.chunks, retrieved: r.score } : { ficheId: r.ficheId, score, chunks: r.chunks };
  });
  return [...head.sort((a, b) => b.score - a.score), ...ranked.slice(evidenceRerankDepth)];
}
