import { RunnableLambda } from "@langchain/core/runnables";
import type { Document } from "@langchain/core/documents";
import { beforeAll, describe, expect, it } from "vitest";
import { getTestCorpus } from "../../../test/helpers/testServices.ts";
import type { Corpus } from "../understand/queryContext.ts";
import { HybridRetriever, type ChunkMetadata } from "./hybridRetriever.ts";

let corpus: Corpus;
beforeAll(async () => {
  corpus = await getTestCorpus();
});

describe("HybridRetriever (LangChain)", () => {
  it("returns k Documents, best first, each with its chunk's metadata and text", async () => {
    const docs = await new HybridRetriever({ corpus, k: 3 }).invoke("formation premiers secours en santé mentale");
    expect(docs).toHaveLength(3);
    const scores = docs.map((d) => d.metadata.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    for (const d of docs) {
      const chunk = corpus.index.chunkById.get(d.metadata.chunkId)!;
      expect(d.pageContent).toBe(chunk.text);
      expect(d.metadata).toMatchObject({ ficheId: chunk.ficheId, city: chunk.city, field: chunk.field, start: chunk.start });
    }
    expect(docs[0].metadata.title).toMatch(/Premiers Secours/);
  });

  it("applies its filters", async () => {
    const docs = await new HybridRetriever({ corpus, k: 5, filters: { city: "Caen" } }).invoke("premiers secours");
    expect(docs.length).toBeGreaterThan(0);
    expect(docs.every((d) => d.metadata.city === "Caen")).toBe(true);
  });

  it("composes with a LangChain runnable, as a chain's context step would", async () => {
    const cite = RunnableLambda.from((docs: Document<ChunkMetadata>[]) => docs.map((d, i) => `[${i + 1}] ${d.metadata.city} — ${d.metadata.title}`).join("\n"));
    const text = await new HybridRetriever({ corpus, k: 2 }).pipe(cite).invoke("Which cities run PSSM trainings?");
    expect(text.split("\n")).toHaveLength(2);
    expect(text).toMatch(/^\[1\] (Caen|Lille) — /);
  });
});
