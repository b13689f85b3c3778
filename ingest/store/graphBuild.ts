// The HNSW graph built in a worker thread as the vectors are embedded, so its insertions (the
// longest part of an ingest at ×100 with efConstruction 300: ~30 s) use the second core while the
// main thread embeds the next batches and the sheet vectors (lexicalBuild.ts runs BM25 meanwhile).
// The graph is the same as one built in-process: same parameters and seed, points inserted in
// label order. The writer asks for the file once the build folder exists (writeIndex.ts).
import type { Worker } from "node:worker_threads";
import { HNSW_PARAMS } from "./indexFiles.ts";
import { startTsWorker } from "./tsWorker.ts";

export interface GraphSpec {
  space: typeof HNSW_PARAMS.space;
  dimension: number;
  capacity: number;
  M: number;
  efConstruction: number;
  seed: number;
}
export type GraphRequest = { kind: "add"; rows: Float32Array; dimension: number } | { kind: "flush" } | { kind: "write"; path: string };
export type GraphReply = { kind: "done"; count: number } | { kind: "failed"; message: string };

export interface GraphBuild {
  /** queues vectors for insertion, labelled in order from 0; returns at once */
  add(vectors: readonly (readonly number[])[]): void;
  /** vectors added so far */
  readonly size: number;
  /** the dimension of the vectors added (0 before the first) */
  readonly dimension: number;
  /** resolves once every vector added is in the graph */
  flush(): Promise<void>;
  /** writes the graph file at `path` (after every insertion), then stops the worker */
  writeTo(path: string): Promise<void>;
  /** stops the worker (after writeTo, or when the ingest fails) */
  close(): Promise<void>;
}

/** The seed hnswlib draws each point's level from: the same graph at every build. */
const SEED = 42;

export function startGraphBuild(capacity: number): GraphBuild {
  let worker: Worker | undefined;
  let dimension = 0;
  let size = 0;
  let failure: Error | undefined;
  const start = (dim: number) => {
    const spec: GraphSpec = { space: HNSW_PARAMS.space, dimension: dim, capacity, M: HNSW_PARAMS.M, efConstruction: HNSW_PARAMS.efConstruction, seed: SEED };
    const w = startTsWorker(new URL("./graphWorker.ts", import.meta.url), spec);
    w.on("error", (err) => (failure ??= err));
    return w;
  };
  /** one request and its reply; the worker answers in order, one reply per flush or write */
  const ask = async (request: GraphRequest) => {
    // an empty corpus still gets a graph (of no points), as before
    const w = (worker ??= start(dimension || 1));
    const reply = await new Promise<GraphReply>((resolve, reject) => {
      if (failure) return reject(failure);
      const onExit = (code: number) => reject(failure ?? new Error(`graphBuild: the graph worker stopped (exit ${code})`));
      w.once("exit", onExit);
      w.once("error", reject);
      w.once("message", (r: GraphReply) => {
        w.off("exit", onExit);
        w.off("error", reject);
        resolve(r);
      });
      w.postMessage(request);
    });
    if (reply.kind === "failed") throw new Error(`graphBuild: ${reply.message}`);
    if (reply.count !== size) throw new Error(`graphBuild: the graph holds ${reply.count} of ${size} vectors`);
  };
  return {
    add(vectors) {
      if (vectors.length === 0) return;
      dimension ||= vectors[0].length;
      worker ??= start(dimension);
      const rows = new Float32Array(vectors.length * dimension);
      vectors.forEach((v, i) => {
        if (v.length !== dimension) throw new Error(`graphBuild: vector ${size + i} has ${v.length} dimensions, not ${dimension}`);
        rows.set(v, i * dimension);
      });
      size += vectors.length;
      worker.postMessage({ kind: "add", rows, dimension } satisfies GraphRequest, [rows.buffer]);
    },
    get size() {
      return size;
    },
    get dimension() {
      return dimension;
    },
    async flush() {
      await ask({ kind: "flush" });
    },
    async writeTo(path) {
      try {
        await ask({ kind: "write", path });
      } finally {
        await this.close();
      }
    },
    async close() {
      await worker?.terminate();
      worker = undefined;
    },
  };
}
