import { describe, expect, it } from "vitest";
import type { LoadedIndex } from "../../../ingest/store/index.ts";
import { embedQuery } from "./embedQuery.ts";
import { TUNING } from "../tuning.ts";

/** Just what embedQuery reads of an index: its embedder and the manifest's dimension. */
function fakeIndex(embed: (text: string) => Promise<number[]>, opts: { dimension?: number; queryTimeoutMs?: number } = {}) {
  let calls = 0;
  const index = {
    manifest: { embedder: { dimension: opts.dimension ?? 2 } },
    embedder: {
      queryTimeoutMs: opts.queryTimeoutMs,
      embeddings: {
        embedQuery: (t: string) => {
          calls++;
          return embed(t);
        },
      },
    },
  } as unknown as LoadedIndex;
  return { index, calls: () => calls };
}

describe("embedQuery", () => {
  it("keeps a vector at its question's second asking, serves it after, and forgets the least recently used past its bound", async () => {
    const { index, calls } = fakeIndex(async () => [1, 0]);
    for (let i = 0; i < 3; i++) await embedQuery(index, "a");
    expect(calls()).toBe(2);
    const n = TUNING.queryEmbedding.cacheEntries;
    for (let i = 0; i < n; i++) for (let j = 0; j < 3; j++) await embedQuery(index, `q${i}`);
    expect(calls()).toBe(2 + 2 * n);
    await embedQuery(index, "a");
    expect(calls()).toBe(3 + 2 * n);
  });

  it("gives the reason instead of a vector when the embedder fails, and does not cache the failure", async () => {
    let fail = true;
    const { index } = fakeIndex(async () => {
      if (fail) throw new Error("503 busy");
      return [0, 1];
    });
    expect(await embedQuery(index, "q")).toEqual({ failure: "503 busy" });
    fail = false;
    expect(await embedQuery(index, "q")).toEqual({ vector: [0, 1] });
  });

  it("gives up on an embedder slower than its query budget", async () => {
    const { index } = fakeIndex(() => new Promise(() => {}), { queryTimeoutMs: 50 });
    const started = performance.now();
    expect((await embedQuery(index, "q")).failure).toMatch(/took over 50 ms/);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("refuses a vector of another size than the index's", async () => {
    const { index } = fakeIndex(async () => [1, 0, 0]);
    expect((await embedQuery(index, "q")).failure).toMatch(/3 dimensions, the index 2/);
  });
});
