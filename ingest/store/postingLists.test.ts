import { describe, expect, it } from "vitest";
import { analyzeTerm, tokenize } from "../text/index.ts";
import type { Chunk } from "../types.ts";
import { buildLexicalIndex } from "./lexicalIndex.ts";
import { deserializePostings, postingListsOf, searchPostings, serializePostings } from "./postingLists.ts";

const texts = [
  "Formation aux premiers secours en santé mentale (PSSM) pour les agents de la ville.",
  "Balades vertes pour les étudiants : la nature au service de la santé mentale.",
  "Le conseil local de santé mentale réunit élus, hôpital et associations.",
  "Premiers secours en santé mentale dans les quartiers prioritaires, formation des habitants.",
  "Logement social et troubles psychiques : maintien dans le logement.",
  "Budget : 4 000 euros, financé par l'ARS et la CAF.",
];
const chunks: Chunk[] = texts.map((text, i) => ({
  id: `c${i}`,
  ficheId: `f${i % 3}`,
  city: ["Caen", "Lille", "Poitiers"][i % 3],
  title: `Action ${i}`,
  field: "description",
  fieldLabel: "Description",
  start: 0,
  end: text.length,
  text,
}));
const terms = (q: string) => tokenize(q).flatMap((t) => analyzeTerm(t));

describe("searchPostings", () => {
  const mini = buildLexicalIndex(chunks);
  const postings = postingListsOf(mini, chunks.map((c) => c.id));

  it("ranks and scores as MiniSearch's own search, field boosts included", () => {
    for (const q of ["formation premiers secours santé mentale", "logement logement étudiants", "ville Caen budget ARS"]) {
      const expected = mini.search(q, { boost: { header: 1.5 } }).map((r) => ({ id: r.id, score: r.score }));
      const got = searchPostings(postings, { terms: terms(q), n: 10, boost: { header: 1.5 } }).map((h) => ({ id: postings.ids[h.doc], score: h.score }));
      expect(got.map((g) => g.id)).toEqual(expected.map((e) => e.id));
      got.forEach((g, i) => expect(g.score).toBeCloseTo(expected[i].score, 9));
    }
  });

  it("keeps the n best that the predicate accepts", () => {
    const hits = searchPostings(postings, { terms: terms("santé mentale formation"), n: 2, accept: (doc) => doc !== 0 });
    expect(hits).toHaveLength(2);
    expect(hits.some((h) => h.doc === 0)).toBe(false);
    expect(hits[0].score).toBeGreaterThanOrEqual(hits[1].score);
  });

  it("reads back from its files to the same lists and the same results", () => {
    const files = serializePostings(postings);
    const again = deserializePostings({ table: JSON.parse(JSON.stringify(files.table)), arrays: Buffer.concat([Buffer.alloc(3), files.arrays]).subarray(3) }, postings.ids);
    for (const q of ["premiers secours santé mentale", "logement budget CAF"]) {
      expect(searchPostings(again, { terms: terms(q), n: 10, boost: { header: 1.5 } })).toEqual(searchPostings(postings, { terms: terms(q), n: 10, boost: { header: 1.5 } }));
    }
    expect(() => deserializePostings(files, postings.ids.slice(1))).toThrow(/cover/);
  });

  it("returns nothing for terms no chunk holds", () => {
    expect(searchPostings(postings, { terms: terms("zzzz qqqq"), n: 5 })).toEqual([]);
  });
});
