// GET /api/search's verb: the same understanding and ranking as ask, shown as passages. A list
// question shows first the sheets its answer lists; a "similar to X" question, the similar sheets.
import { similarSheets } from "./decide/similarSheets.ts";
import { selectListSheets } from "./decide/selectListSheets.ts";
import { searchHitOf } from "./compose/passage.ts";
import { rankForQuestion } from "./retrieve/rankForQuestion.ts";
import { rerankByEvidence } from "./decide/rerankByEvidence.ts";
import { TUNING } from "./tuning.ts";
import type { Corpus } from "./understand/queryContext.ts";
import { understandQuestion } from "./understand/understandQuestion.ts";
import type { Filters, SearchHit } from "./types.ts";

export async function searchPassages(
  corpus: Corpus,
  q: string,
  { k, filters, onDenseFallback }: { k: number; filters?: Filters; onDenseFallback?: () => void },
): Promise<SearchHit[]> {
  const ctx = understandQuestion(corpus, { question: q, filters });
  const ranked = rerankByEvidence(ctx, await rankForQuestion(ctx));
  if (ctx.denseFallback) onDenseFallback?.();
  if (ctx.intent.kind === "similar") {
    const similar = similarSheets(ctx, ranked, Math.max(k, TUNING.similar.count));
    if (similar) return similar.near.slice(0, k).map(({ hit, chunk }) => searchHitOf(chunk, ctx.termSet, hit.score));
  }
  const listed = ctx.intent.kind === "list" ? selectListSheets(ctx, ranked) : [];
  // (then, for a list, the other action sheets before a workshop's synthesis: a list names the cities that run an action,
  // and a synthesis, evidence and no action, is never one of them — selectListSheets.ts)
  const rest = ranked.filter((r) => !listed.includes(r));
  const isAction = (id: string) => corpus.index.ficheById.get(id)?.kind === "fiche";
  const order = ctx.intent.kind === "list" ? [...listed, ...rest.filter((r) => isAction(r.ficheId)), ...rest.filter((r) => !isAction(r.ficheId))] : [...listed, ...rest];
  const hits: SearchHit[] = [];
  for (const r of order) {
    for (const { chunk, score } of r.chunks.slice(0, TUNING.compose.searchHitsPerSheet)) hits.push(searchHitOf(chunk, ctx.termSet, score));
    if (hits.length >= k) break;
  }
  return hits.slice(0, k);
}
