// From ranked chunks to ranked sheets: a sheet scores its best chunk plus a smaller share of
// its next ones, so a sheet that answers in several fields beats one lucky sentence.
import type { ScoredChunk } from "./retrieveChunks.ts";
import { TUNING } from "../tuning.ts";

export interface RankedFiche {
  ficheId: string;
  score: number;
  chunks: ScoredChunk[];
  /** the score retrieval gave, where a re-rank changed `score` (rerankByEvidence, on a list) */
  retrieved?: number;
}

const SUPPORT_DECAY = TUNING.retrieve.supportDecay;

export function rankFiches(chunks: ScoredChunk[]): RankedFiche[] {
  // sheets in the order their first chunk comes; each sheet's score summed as its chunks arrive, in the same order
  const byFiche = new Map<string, RankedFiche>();
  const ranked: RankedFiche[] = [];
  for (const c of chunks) {
    let sheet = byFiche.get(c.chunk.ficheId);
    if (!sheet) {
      sheet = { ficheId: c.chunk.ficheId, score: 0, chunks: [] };
      byFiche.set(sheet.ficheId, sheet);
      ranked.push(sheet);
    }
    if (sheet.chunks.length < SUPPORT_DECAY.length) sheet.score += c.score * SUPPORT_DECAY[sheet.chunks.length];
    sheet.chunks.push(c);
  }
  return ranked.sort((a, b) => b.score - a.score);
}
