// A "similar to X" question: the sheet it names and its nearest other sheets, each with the
// chunk that shows why it is near. The one place questions reach similarFiches.
import type { Chunk, Fiche } from "../../../ingest/types.ts";
import type { QueryContext } from "../understand/queryContext.ts";
import type { RankedFiche } from "../retrieve/rankFiches.ts";
import { similarFiches, type SimilarHit } from "../retrieve/similarFiches.ts";
import { referenceFiche } from "./referenceFiche.ts";

export interface SimilarSheets {
  reference: Fiche;
  /** nearest first; only the sheets that have a chunk to cite */
  near: { hit: SimilarHit; chunk: Chunk }[];
}

/** The chunk that best shows why a sheet is near: its facet field, else its description, else any. */
function reasonChunk(ctx: QueryContext, hit: SimilarHit): Chunk | undefined {
  const fields = [...hit.shared.map((s) => s.field), "description"];
  for (const field of fields) {
    const chunk = ctx.index.chunksByFiche.get(hit.fiche.id)?.find((c) => c.field === field);
    if (chunk) return chunk;
  }
  return ctx.index.chunksByFiche.get(hit.fiche.id)?.[0];
}

export function similarSheets(ctx: QueryContext, ranked: RankedFiche[], count: number): SimilarSheets | undefined {
  const reference = referenceFiche(ctx, ranked);
  if (!reference) return undefined;
  const near = similarFiches(ctx.index, ctx.stats, reference.id, count, ctx.filter)
    .map((hit) => ({ hit, chunk: reasonChunk(ctx, hit) }))
    .filter((x): x is { hit: SimilarHit; chunk: Chunk } => x.chunk !== undefined);
  return { reference, near };
}
