// BM25's posting lists and the term statistics built in a worker thread from the chunking on:
// they need only the chunks and sheets, and analysing every chunk twice (MiniSearch's build, then
// the statistics) was ~15 s of the main thread at ×100, which now embeds meanwhile.
import type { PassageTermFiles } from "./passageTerms.ts";
import type { PostingFiles } from "./postingLists.ts";
import type { TermStats } from "./termStats.ts";
import { startTsWorker } from "./tsWorker.ts";
import type { Chunk, Fiche } from "../types.ts";

export type LexicalReply =
  | { kind: "done"; table: PostingFiles["table"]; arrays: Uint8Array; passageTable: PassageTermFiles["table"]; passageArrays: Uint8Array; passagesMs: number; termStats: TermStats; documentCount: number; termCount: number; bm25Ms: number; statsMs: number }
  | { kind: "failed"; message: string };

export interface LexicalBuild {
  postings: PostingFiles;
  passageTerms: PassageTermFiles;
  termStats: TermStats;
  documentCount: number;
  termCount: number;
  /** the worker's time on each part */
  bm25Ms: number;
  statsMs: number;
  passagesMs: number;
}

/** Starts at once; `result` settles when the worker has answered; `close` stops it (an ingest failing first). */
export function startLexicalBuild(chunks: readonly Chunk[], fiches: readonly Fiche[]): { result: Promise<LexicalBuild>; close(): Promise<void> } {
  const worker = startTsWorker(new URL("./lexicalWorker.ts", import.meta.url), { chunks, fiches });
  const reply = new Promise<LexicalReply>((resolve, reject) => {
    worker.once("message", resolve);
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`lexicalBuild: the worker stopped (exit ${code}) before answering`)));
  });
  const result = reply
    .then((r): LexicalBuild => {
      if (r.kind === "failed") throw new Error(`lexicalBuild: ${r.message}`);
      const { table, arrays, passageTable, passageArrays, termStats, documentCount, termCount, bm25Ms, statsMs, passagesMs } = r;
      const passageTerms = { table: passageTable, arrays: passageArrays };
      return { postings: { table, arrays: Buffer.from(arrays.buffer, arrays.byteOffset, arrays.byteLength) }, passageTerms, termStats, documentCount, termCount, bm25Ms, statsMs, passagesMs };
    })
    .finally(() => worker.terminate());
  // an ingest that fails before reading the result must not leave its rejection unhandled
  result.catch(() => {});
  return { result, close: async () => void (await worker.terminate()) };
}
