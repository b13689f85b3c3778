import { beforeAll, describe, expect, it } from "vitest";
import type { Fiche } from "../../../ingest/types.ts";
import { getTestCorpus } from "../../../test/helpers/testServices.ts";
import type { Corpus } from "../understand/queryContext.ts";
import { contentSimilarities, contentVectors } from "./contentVectors.ts";
import { similarFiches } from "./similarFiches.ts";

let corpus: Corpus;
let sheets: Fiche[];
beforeAll(async () => {
  corpus = await getTestCorpus();
  sheets = corpus.index.fiches.filter((f) => f.kind === "fiche");
});

describe("contentVectors", () => {
  it("gives every sheet a unit vector, and a sheet is nearest to itself", () => {
    const vectors = contentVectors(corpus.index);
    for (const f of sheets) {
      const v = vectors.get(f.id)!;
      expect(v.weights.reduce((s, w) => s + w * w, 0)).toBeCloseTo(1, 4);
      const [self, ...others] = contentSimilarities(corpus.index, f.id, [f.id, ...sheets.filter((g) => g.id !== f.id).map((g) => g.id)]);
      expect(self).toBeCloseTo(1, 4);
      expect(Math.max(...others)).toBeLessThan(1);
      expect(Math.min(...others)).toBeGreaterThanOrEqual(0);
    }
  });
});

describe("similarFiches", () => {
  it("never returns the sheet itself, and orders by score", () => {
    for (const f of sheets) {
      const hits = similarFiches(corpus.index, corpus.stats, f.id, 5);
      expect(hits.map((h) => h.fiche.id)).not.toContain(f.id);
      expect(hits.map((h) => h.score)).toEqual([...hits.map((h) => h.score)].sort((x, y) => y - x));
    }
  });

  it("keeps to the filter", () => {
    const ref = sheets[0];
    const city = sheets.find((f) => f.city !== ref.city)!.city;
    const hits = similarFiches(corpus.index, corpus.stats, ref.id, 5, (f) => f.city === city);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => h.fiche.city === city)).toBe(true);
  });
});

describe("similarFiches, remembered per sheet", () => {
  it("answers a sheet asked again the same, unchanged by what a caller did to an earlier answer, and a filter still narrows", () => {
    const id = sheets[0].id;
    const first = similarFiches(corpus.index, corpus.stats, id, 5);
    const expected = JSON.parse(JSON.stringify(first.map((h) => ({ id: h.fiche.id, score: h.score, shared: h.shared }))));
    // a caller trims the reasons it shows: the next answer must not lose them
    for (const h of first) h.shared.forEach((s) => s.values.splice(0));
    first.splice(0);
    const again = similarFiches(corpus.index, corpus.stats, id, 5);
    expect(again.map((h) => ({ id: h.fiche.id, score: h.score, shared: h.shared }))).toEqual(expected);
    const city = again[0].fiche.city;
    const filtered = similarFiches(corpus.index, corpus.stats, id, 5, (f) => f.city !== city);
    expect(filtered.length).toBeGreaterThan(0);
    expect(filtered.every((h) => h.fiche.city !== city)).toBe(true);
  });
});
