// From ranked chunks to ranked sheets: a sheet scores its best chunk plus a smaller share of
// its next ones, so a sheet that answers in several fields beats one lucky sentence.
import type { ScoredChunk } from "./retrieveChunks.ts";
import { TUNING } from "../tuning.ts";

export interface RankedFiche {
  ficheId: string;
  score: number;
  chunks: ScoredChunk[];
}

const SUPPORT_DECAY = TUNING.retrieve.supportDecay;

export function rankFiches(chunks: ScoredChunk[]): RankedFiche[] {
  const byFiche = new Map<string, ScoredChunk[]>();
  for (const c of chunks) {
    const list = byFiche.get(c.chunk.ficheId) ?? [];
    list.push(c);
    byFiche.set(c.chunk.ficheId, list);
  }
  return [...byFiche.entries()]
    .map(([ficheId, list]) => ({
      ficheId,
      chunks: list,
      score: list.slice(0, SUPPORT_DECAY.length).reduce((s, c, i) => s + c.score * SUPPORT_DECAY[i], 0),
    }))
    .sort((a, b) => b.score - a.score);
}
