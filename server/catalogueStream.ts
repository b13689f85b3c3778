// The catalogue (GET /api/fiches) written a few cards at a time. At ×100 its 2,603 sheets with every field are ~25 MB
// of JSON: serialised whole (the response schema's parse, then one string) a single request left ~126 MB in the old
// generation and the large-object space until the next full collection (one worker's RSS 380 → 506 MB, measured with
// the scale bench's sequence); written in pieces, each piece dies young. The cards are the index's, checked when it
// loaded; each is written with the schema's keys only, in its order.
import { Readable } from "node:stream";
import type { FacetCounts, FicheCard } from "./contracts.ts";
import { TUNING } from "./assistant/tuning.ts";

const CARDS_A_PIECE = TUNING.scale.catalogueCardsPerPiece;

/** One card as the response schema has it (FicheCardSchema): nothing the card may carry besides. */
const cardJson = (f: FicheCard): string =>
  JSON.stringify({ id: f.id, kind: f.kind, city: f.city, title: f.title, ...(f.axis === undefined ? {} : { axis: f.axis }), fields: f.fields, labels: f.labels });

function* pieces(list: { fiches: readonly FicheCard[]; facets: FacetCounts }): Generator<string> {
  yield '{"fiches":[';
  for (let i = 0; i < list.fiches.length; i += CARDS_A_PIECE) {
    const cards = list.fiches.slice(i, i + CARDS_A_PIECE).map(cardJson).join(",");
    yield i === 0 ? cards : `,${cards}`;
  }
  yield `],"facets":${JSON.stringify(list.facets)}}`;
}

/** The catalogue's JSON body ({fiches, facets}, FicheListResponseSchema) as a byte stream. */
export function catalogueStream(list: { fiches: readonly FicheCard[]; facets: FacetCounts }): Readable {
  return Readable.from(pieces(list), { objectMode: false });
}
