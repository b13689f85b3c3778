import { beforeAll, describe, expect, it } from "vitest";
import { getTestCorpus } from "../../../test/helpers/testServices.ts";
import type { Chunk } from "../../../ingest/types.ts";
import type { Corpus } from "../understand/queryContext.ts";
import { corpusStats, type TextHolds } from "./corpusStats.ts";

let corpus: Corpus;
beforeAll(async () => {
  corpus = await getTestCorpus();
});

describe("a sheet's terms", () => {
  it("read from the postings, are exactly the terms ingest listed for the sheet (title and texts)", () => {
    const lists = corpus.index.termStats!.ficheTerms;
    const vocabulary = [...corpus.stats.df.keys()];
    let asked = 0;
    for (const [id, list] of Object.entries(lists)) {
      const listed = new Set(list.split(" "));
      const terms = corpus.stats.ficheTerms.get(id)!;
      // not the Set of the list: the postings answer
      expect(terms).not.toBeInstanceOf(Set);
      for (const t of listed) expect(terms.has(t), `${id} ${t}`).toBe(true);
      for (const t of vocabulary) {
        asked++;
        if (terms.has(t) !== listed.has(t)) expect.fail(`${id}: ${t} is ${listed.has(t) ? "listed but not found" : "found but not listed"}`);
      }
      expect(new Set(terms)).toEqual(listed);
    }
    expect(asked).toBeGreaterThan(10_000);
  });

  it("fall back to the listed sets when a sheet's chunks are not numbered side by side", () => {
    const a = (text: string) => ({ ficheId: "a", title: "Atelier", text }) as Chunk;
    const chunks = [a("jardin partagé"), { ficheId: "b", title: "Balade", text: "marche" } as Chunk, a("écoute")];
    const lists = { a: "atelier jardin partag ecout", b: "balad march" };
    let read = 0;
    const textHolds: TextHolds = () => {
      read++;
      return true;
    };
    const stats = corpusStats(chunks, [], { chunkCount: 3, df: {}, ficheTerms: lists, words: [] }, undefined, textHolds);
    expect(stats.ficheTerms.get("a")).toBeInstanceOf(Set);
    expect(stats.ficheTerms.get("a")!.has("march")).toBe(false);
    expect(read).toBe(0);
  });
});
