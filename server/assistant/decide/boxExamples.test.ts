import { beforeAll, describe, expect, it } from "vitest";
import { getTestCorpus } from "../../../test/helpers/testServices.ts";
import type { Corpus } from "../understand/queryContext.ts";
import { analyze } from "../../../ingest/text/index.ts";
import { termsOnlyInBoxExamples, withoutBoxExamples, writesPhraseOutsideBoxExamples } from "./boxExamples.ts";

let corpus: Corpus;
beforeAll(async () => {
  corpus = await getTestCorpus();
});

describe("withoutBoxExamples", () => {
  it("drops the examples a box label gives in brackets or after a colon, ending in « etc. »", () => {
    expect(withoutBoxExamples("Lieux de vie, promoteurs de santé (écoles, établissements hospitaliers, milieu professionnel, lieux 'apaisés', etc.)")).toBe("Lieux de vie, promoteurs de santé");
    expect(withoutBoxExamples("Soutien social : pair-aidance, écoute, etc.")).toBe("Soutien social");
  });

  it("keeps what a sheet wrote after a box, and brackets that illustrate nothing", () => {
    expect(withoutBoxExamples("Autre(s), précisez : ateliers d'écriture")).toBe("Autre(s), précisez : ateliers d'écriture");
    expect(withoutBoxExamples("Quartier(s) politique de la Ville")).toBe("Quartier(s) politique de la Ville");
  });
});

describe("terms a sheet holds only in its ticked boxes' examples", () => {
  /** the sheets ticking a box whose label illustrates itself, with that box's chunk */
  const ticking = () =>
    corpus.index.fiches.flatMap((f) => (corpus.index.chunksByFiche.get(f.id) ?? []).filter((c) => c.field === "determinants" && /milieu professionnel, lieux/.test(c.text)).map((c) => ({ id: f.id, chunk: c })));

  it("finds the examples' words the sheet writes nowhere else, and not those it does", () => {
    const sheets = ticking();
    expect(sheets.length).toBeGreaterThan(3);
    for (const { id } of sheets) {
      const only = termsOnlyInBoxExamples(corpus.index, id);
      // (the boxes' lines without their examples, as withoutBoxExamples reads them above)
      const boxes = ["determinants", "themes", "territory_specifics"];
      const elsewhere = (corpus.index.chunksByFiche.get(id) ?? []).map((c) => (boxes.includes(c.field) ? c.text.split("\n").map(withoutBoxExamples).join("\n") : c.text)).join("\n");
      const written = new Set([...analyze(elsewhere), ...analyze(corpus.index.ficheById.get(id)!.title)]);
      // "professionnel" is written by almost every sheet; where it is only in the box, it is listed
      expect(only.has("professionnel")).toBe(!written.has("professionnel"));
      for (const t of only) expect(written.has(t)).toBe(false);
    }
  });

  it("does not read a phrase in a box's examples as the sheet writing it", () => {
    const { chunk } = ticking()[0];
    expect(writesPhraseOutsideBoxExamples(chunk, new Set(analyze("milieu professionnel")))).toBe(false);
    expect(writesPhraseOutsideBoxExamples(chunk, new Set(analyze("lieux de vie")))).toBe(true);
  });
});
