// Reciprocal rank fusion (Cormack et al., 2009): score = Σ weight / (K + rank). Ranks, not raw
// scores, are fused because cosine similarities and BM25 scores live on unrelated scales.
// K = 60 is the paper's value; it keeps one list's first place from drowning the other list.
export const RRF_K = 60;

export interface RankedList {
  ids: string[];
  weight: number;
}

export function fuseByReciprocalRank(lists: RankedList[], k = RRF_K): Map<string, number> {
  const scores = new Map<string, number>();
  for (const { ids, weight } of lists) {
    ids.forEach((id, rank) => scores.set(id, (scores.get(id) ?? 0) + weight / (k + rank + 1)));
  }
  return scores;
}
