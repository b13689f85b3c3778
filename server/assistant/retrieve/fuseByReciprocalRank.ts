// Reciprocal rank fusion (Cormack et al., 2009): score = Σ weight / (K + rank). Ranks, not raw
// scores, are fused because cosine similarities and BM25 scores live on unrelated scales.
// K (tuning.ts) is the paper's value; it keeps one list's first place from drowning the other list.
import { TUNING } from "../tuning.ts";

export interface RankedList {
  ids: string[];
  weight: number;
}

export function fuseByReciprocalRank(lists: RankedList[], k = TUNING.retrieve.rrfK): Map<string, number> {
  const scores = new Map<string, number>();
  for (const { ids, weight } of lists) {
    ids.forEach((id, rank) => scores.set(id, (scores.get(id) ?? 0) + weight / (k + rank + 1)));
  }
  return scores;
}
