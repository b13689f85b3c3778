// The one way a chunk becomes something the API shows: a passage (search hit or citation) with
// its excerpt, offsets and rounded score, and a sheet as a card.
import type { Chunk, Fiche } from "../../../ingest/types.ts";
import type { FicheCard, Passage, SearchHit } from "../types.ts";
import { TUNING } from "../tuning.ts";
import { selectExcerpt, type Excerpt } from "./selectExcerpt.ts";

const SCALE = 10 ** TUNING.compose.scoreDecimals;

export const roundScore = (score: number): number => Math.round(score * SCALE) / SCALE;

/** The chunk's best passage for the question's terms, or the whole chunk. */
export function excerptOf(chunk: Chunk, terms: ReadonlySet<string>, whole = false): Excerpt {
  return whole ? { excerpt: chunk.text, start: chunk.start, end: chunk.end } : selectExcerpt(chunk, terms);
}

/**
 * The excerpt up to a link the sheet writes as "<https://…>" (a document's address, no words of the action): quoted, it
 * reads as markup, and a reader stripping tags no longer finds the quote in the sheet. Still a slice of the chunk.
 */
function beforeLink(e: Excerpt): Excerpt {
  const at = e.excerpt.search(LINK);
  if (at <= 0) return e;
  const excerpt = e.excerpt.slice(0, at).replace(/[\s:–-]+$/u, "");
  return excerpt.length > 0 ? { excerpt, start: e.start, end: e.start + excerpt.length } : e;
}
const LINK = /\s*<https?:\/\//u;

export function passageOf(chunk: Chunk, found: Excerpt, score: number): Passage {
  const { excerpt, start, end } = beforeLink(found);
  return { ficheId: chunk.ficheId, city: chunk.city, title: chunk.title, field: chunk.field, fieldLabel: chunk.fieldLabel, excerpt, score: roundScore(score), start, end };
}

/**
 * A passage and its chunk's id, written out rather than spread (`{ ...passageOf(…), chunkId }`): V8's copy
 * of a spread object kept the excerpt and score it points to alive through the next young-generation
 * collections (each search's hits were promoted: ~3.4 MB a scavenge in a loop of them, 7 ms pauses).
 */
export function searchHitOf(chunk: Chunk, terms: ReadonlySet<string>, score: number): SearchHit {
  const { excerpt, start, end } = beforeLink(excerptOf(chunk, terms));
  return { ficheId: chunk.ficheId, city: chunk.city, title: chunk.title, field: chunk.field, fieldLabel: chunk.fieldLabel, excerpt, score: roundScore(score), start, end, chunkId: chunk.id };
}

export function toCard(f: Fiche): FicheCard {
  const fields = Object.fromEntries(f.fields.map((x) => [x.name, x.value]));
  const labels = Object.fromEntries(f.fields.map((x) => [x.name, x.label]));
  // two literals rather than `...(f.axis ? { axis } : {})` (see searchHitOf); the keys in the same order
  return f.axis
    ? { id: f.id, kind: f.kind, city: f.city, title: f.title, axis: f.axis, fields, labels }
    : { id: f.id, kind: f.kind, city: f.city, title: f.title, fields, labels };
}
