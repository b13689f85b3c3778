import { describe, expect, it } from "vitest";
import { getTestIndexDir } from "../../test/helpers/buildTestIndex.ts";
import { buildCorpus } from "./buildServices.ts";

describe("buildCorpus", () => {
  it("reads the general lexicons before any question when eager (a server's first question no longer pays for them)", async () => {
    const indexDir = await getTestIndexDir();
    const eagerLog: string[] = [];
    await buildCorpus({ indexDir, embedder: "builtin", log: (line) => eagerLog.push(line), eager: true });
    expect(eagerLog.some((line) => line.startsWith("word classes:"))).toBe(true);

    // left lazy, nothing is read until a question needs a lexicon
    const lazyLog: string[] = [];
    const corpus = await buildCorpus({ indexDir, embedder: "builtin", log: (line) => lazyLog.push(line) });
    expect(lazyLog.some((line) => line.startsWith("word classes:"))).toBe(false);
    corpus.expand.asksHow?.("déclarent", "fr");
    expect(lazyLog.some((line) => line.startsWith("word classes:"))).toBe(true);
  });
});
