import { describe, expect, it } from "vitest";
import { analyze } from "../text/index.ts";
import type { Chunk } from "../types.ts";
import { deserializePassageTerms, passageTermsOf, separated } from "./passageTerms.ts";

const chunk = (text: string, field = "description"): Chunk => ({ id: `c-${field}`, ficheId: "f", city: "Caen", title: "Balades vertes", field, fieldLabel: "Description", start: 0, end: text.length, text });
const chunks = [
  chunk("Des balades pour les étudiants. La nature au service de la santé mentale !\nFormation PSSM des agents."),
  chunk("Transports et mobilité\nLieux de vie (écoles, etc.)\nLogement", "determinants"),
];

describe("passageTermsOf", () => {
  it("holds each chunk's frame then its sentences (lines for a checkbox list), each as analyze gives its terms", () => {
    const p = deserializePassageTerms(passageTermsOf(chunks, ["determinants"]), chunks.length);
    const units = (i: number) =>
      Array.from({ length: p.chunkUnits[i + 1] - p.chunkUnits[i] }, (_, k) => {
        const u = p.chunkUnits[i] + k;
        return { start: p.unitStart[u], end: p.unitEnd[u], terms: Array.from(p.terms.subarray(p.unitTerms[u], p.unitTerms[u + 1]), (id) => p.vocab[id]) };
      });
    const [frame, ...sentences] = units(0);
    expect(frame.terms).toEqual(analyze("Balades vertes Description"));
    expect(sentences.map((s) => chunks[0].text.slice(s.start, s.end))).toEqual(["Des balades pour les étudiants.", "La nature au service de la santé mentale !", "Formation PSSM des agents."]);
    for (const s of sentences) expect(s.terms).toEqual(analyze(chunks[0].text.slice(s.start, s.end)));
    expect(sentences.flatMap((s) => s.terms)).toEqual(analyze(chunks[0].text));
    expect(units(1).slice(1).map((s) => chunks[1].text.slice(s.start, s.end))).toEqual(["Transports et mobilité", "Lieux de vie (écoles, etc.)", "Logement"]);
  });

  it("says two spans are apart only when no word can run from one into the other", () => {
    expect(separated("Un. Deux", { start: 0, end: 3 }, { start: 4, end: 8 })).toBe(true);
    expect(separated("Un.Deux", { start: 0, end: 3 }, { start: 3, end: 7 })).toBe(false);
    expect(separated("3\u202fème", { start: 0, end: 1 }, { start: 2, end: 5 })).toBe(false);
  });

  it("is refused when it does not describe the index's chunks or names a term outside its vocabulary", () => {
    const files = passageTermsOf(chunks, ["determinants"]);
    expect(() => deserializePassageTerms(files, 3)).toThrow(/describe 2 chunks, the index 3/);
    const bad = { table: { ...files.table, vocab: files.table.vocab.slice(0, 2) }, arrays: files.arrays };
    expect(() => deserializePassageTerms(bad, 2)).toThrow(/outside the vocabulary/);
  });
});
