import { beforeAll, describe, expect, it } from "vitest";
import type { Fiche } from "../../../ingest/types.ts";
import { getTestCorpus } from "../../../test/helpers/testServices.ts";
import type { Corpus } from "../understand/queryContext.ts";
import { analyze } from "../../../ingest/text/index.ts";
import type { LoadedIndex } from "../../../ingest/store/index.ts";
import { TUNING } from "../tuning.ts";
import { contentSimilarities, contentVectors, type ContentVector } from "./contentVectors.ts";
import { facetKeys, fichePosition, lexicalRow, rowScore, similarFiches } from "./similarFiches.ts";
import { publicsOf } from "./publics.ts";

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

  it("holds the same terms and weights, to the bit, as the build made of Maps and arrays", () => {
    const flat = contentVectors(corpus.index);
    const reference = referenceVectors(corpus.index);
    expect([...flat.keys()]).toEqual([...reference.keys()]);
    for (const [id, v] of reference) {
      expect(Array.from(flat.get(id)!.terms), id).toEqual(Array.from(v.terms));
      expect(Array.from(flat.get(id)!.weights), id).toEqual(Array.from(v.weights));
    }
  });
});

/** The build before it was made of flat arrays (commit 71d2025), kept here as the reference the flat one must equal. */
function referenceVectors(index: LoadedIndex): Map<string, ContentVector> {
  const admin = new Set(TUNING.similar.adminFields);
  const ids = index.fiches.filter((f) => f.kind === "fiche").map((f) => f.id);
  const numbers = new Map(ids.map((id, i) => [id, i]));
  const sheetOf = index.chunks.map((c) => (admin.has(c.field) ? -1 : (numbers.get(c.ficheId) ?? -1)));
  // per sheet: term numbers (ascending, as terms are read in order) and summed term frequencies
  const terms: number[][] = ids.map(() => []);
  const tfs: number[][] = ids.map(() => []);
  const termNumber = new Map<string, number>();
  const add = (sheet: number, term: number, tf: number) => {
    const t = terms[sheet];
    if (t[t.length - 1] === term) tfs[sheet][t.length - 1] += tf;
    else {
      t.push(term);
      tfs[sheet].push(tf);
    }
  };
  const textField = index.postings.fields.indexOf("text");
  for (const [term, lists] of index.postings.terms) {
    const list = lists[textField];
    if (!list) continue;
    const k = termNumber.size;
    termNumber.set(term, k);
    for (let i = 0; i < list.docs.length; i++) {
      const sheet = sheetOf[list.docs[i]];
      if (sheet >= 0) add(sheet, k, list.tfs[i]);
    }
  }
  // the title names the activity and its public; its terms join the sheet's, in order
  ids.forEach((id, sheet) => {
    const f = index.ficheById.get(id)!;
    const counts = new Map<number, number>();
    for (const t of analyze(f.title)) {
      let k = termNumber.get(t);
      if (k === undefined) termNumber.set(t, (k = termNumber.size));
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    const merged = new Map<number, number>(terms[sheet].map((k, i) => [k, tfs[sheet][i]]));
    for (const [k, n] of counts) merged.set(k, (merged.get(k) ?? 0) + n);
    const sorted = [...merged].sort((a, b) => a[0] - b[0]);
    terms[sheet] = sorted.map((x) => x[0]);
    tfs[sheet] = sorted.map((x) => x[1]);
  });
  const df = new Map<number, number>();
  for (const t of terms) for (const k of t) df.set(k, (df.get(k) ?? 0) + 1);
  const n = ids.length;
  const out = new Map<string, ContentVector>();
  ids.forEach((id, sheet) => {
    // sublinear tf × idf over sheets: a term every sheet holds weighs nothing
    const w = terms[sheet].map((k, i) => (1 + Math.log(tfs[sheet][i])) * Math.log(n / df.get(k)!));
    const norm = Math.sqrt(w.reduce((s, x) => s + x * x, 0)) || 1;
    const keep = w.map((x, i) => (x > 0 ? i : -1)).filter((i) => i >= 0);
    out.set(id, { terms: Int32Array.from(keep, (i) => terms[sheet][i]), weights: Float32Array.from(keep, (i) => w[i] / norm) });
  });
  return out;
}


describe("similarFiches", () => {
  it("ranks on who an action is for: the publics read from a sheet's text are among its facet values", () => {
    let withPublics = 0;
    for (const f of sheets) {
      const keys = facetKeys(corpus.index, f);
      for (const p of publicsOf(f)) expect(keys.has(`publics:${p}`), `${f.id} ${p}`).toBe(true);
      if (publicsOf(f).length > 0) withPublics++;
    }
    expect(withPublics).toBeGreaterThan(sheets.length / 2);
  });

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

describe("lexicalRow (the more-like-this view read back from each near sheet)", () => {
  it("holds a sheet's own search over every other sheet: the sheets it reaches, and the mean and spread with the rest at 0", () => {
    for (const f of sheets) {
      const row = lexicalRow(corpus.index, f);
      expect(rowScore(row, fichePosition(corpus.index, f.id))).toBe(0);
      expect([...row.positions].every((p, i) => i === 0 || p > row.positions[i - 1])).toBe(true);
      const all = sheets.filter((g) => g.id !== f.id).map((g) => rowScore(row, fichePosition(corpus.index, g.id)));
      const mean = all.reduce((s, x) => s + x, 0) / all.length;
      const sd = Math.sqrt(all.reduce((s, x) => s + (x - mean) ** 2, 0) / all.length);
      expect(row.mean).toBeCloseTo(mean, 9);
      expect(row.sd).toBeCloseTo(sd, 9);
      expect([...row.scores].every((x) => x > 0)).toBe(true);
      expect(all.filter((x) => x > 0)).toHaveLength(row.positions.length);
    }
  });

  it("reorders the near sheets by how each one's own search ranks the reference", () => {
    // asked for one sheet, the answer is the one-way best (only the sheets that would be answered are read back); asked
    // for fifteen, the back term may put another first, and then that one's own search ranks the reference higher
    const backZ = (near: Fiche, ref: Fiche) => {
      const row = lexicalRow(corpus.index, near);
      return (rowScore(row, fichePosition(corpus.index, ref.id)) - row.mean) / row.sd;
    };
    let reordered = 0;
    for (const f of sheets) {
      const oneWay = similarFiches(corpus.index, corpus.stats, f.id, 1)[0].fiche;
      const both = similarFiches(corpus.index, corpus.stats, f.id, 15)[0].fiche;
      if (oneWay.id === both.id) continue;
      reordered++;
      expect(backZ(both, f)).toBeGreaterThan(backZ(oneWay, f));
    }
    expect(reordered).toBeGreaterThan(0);
  });
});
