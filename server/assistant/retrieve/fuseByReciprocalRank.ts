// Reciprocal rank fusion (Cormack et al., 2009): score = Σ weight / (K + rank). Ranks, not raw
// scores, are fused because cosine similarities and BM25 scores live on unrelated scales.
// K (tuning.ts) is the paper's value; it keeps one list's first place from drowning the other list.
import { TUNING } from "../tuning.ts";

export interface RankedList<Id> {
  ids: readonly Id[];
  weight: number;
}

/** Fused scores, in the order ids were first met (the lists' order, then rank). */
export function fuseByReciprocalRank<Id>(lists: RankedList<Id>[], k = TUNING.retrieve.rrfK): Map<Id, number> {
  const scores = new Map<Id, number>();
  for (const { ids, weight } of lists) {
    ids.forEach((id, rank) => scores.set(id, (scores.get(id) ?? 0) + weight / (k + rank + 1)));
  }
  return scores;
}
