// Worker-thread side of lexicalBuild.ts: the BM25 posting lists and the term statistics of the
// chunks it is given, and each chunk's statements analysed (passageTerms.ts): pure functions of the chunks and sheets.
import { parentPort, workerData } from "node:worker_threads";
import type { LexicalReply } from "./lexicalBuild.ts";
import { buildLexicalIndex } from "./lexicalIndex.ts";
import { postingListsOf, serializePostings } from "./postingLists.ts";
import { termStatsOf } from "./termStats.ts";
import { passageTermsOf } from "./passageTerms.ts";
import type { Chunk, Fiche } from "../types.ts";

const { chunks, fiches } = workerData as { chunks: Chunk[]; fiches: Fiche[] };
let reply: LexicalReply;
try {
  const t0 = performance.now();
  // MiniSearch's index let go before the passage terms are built (the worker's peak at ×100)
  const { postings, documentCount, termCount } = bm25Of(chunks);
  const t1 = performance.now();
  const termStats = termStatsOf(chunks, fiches);
  const t2 = performance.now();
  const passages = passageTermsOf(chunks);
  reply = { kind: "done", table: postings.table, arrays: postings.arrays, passageTable: passages.table, passageArrays: passages.arrays, passagesMs: performance.now() - t2, termStats, documentCount, termCount, bm25Ms: t1 - t0, statsMs: t2 - t1 };
} catch (err) {
  reply = { kind: "failed", message: err instanceof Error ? err.message : String(err) };
}
// the arrays are moved, not copied (Buffer.alloc never hands out a shared pool slice)
parentPort!.postMessage(reply, reply.kind === "done" ? [reply.arrays.buffer as ArrayBuffer, reply.passageArrays.buffer as ArrayBuffer] : []);

function bm25Of(chunks: Chunk[]) {
  const lexical = buildLexicalIndex(chunks);
  return { postings: serializePostings(postingListsOf(lexical, chunks.map((c) => c.id))), documentCount: lexical.documentCount, termCount: lexical.termCount };
}
