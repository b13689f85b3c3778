// Worker-thread side of graphBuild.ts: holds the HNSW graph, inserts each batch of vectors as it
// arrives (labels 0, 1, 2… in arrival order) and writes the graph file when asked.
import hnswlib from "hnswlib-node";
import { parentPort, workerData } from "node:worker_threads";
import type { GraphReply, GraphRequest, GraphSpec } from "./graphBuild.ts";

const spec = workerData as GraphSpec;
const graph = new hnswlib.HierarchicalNSW(spec.space, spec.dimension);
graph.initIndex(spec.capacity, spec.M, spec.efConstruction, spec.seed);
let count = 0;
const reply = (message: GraphReply) => parentPort!.postMessage(message);

parentPort!.on("message", (request: GraphRequest) => {
  if (request.kind === "add") {
    const { rows, dimension } = request;
    // hnswlib-node's addPoint reads a plain array
    for (let at = 0; at < rows.length; at += dimension) graph.addPoint(Array.from(rows.subarray(at, at + dimension)), count++);
  } else if (request.kind === "flush") {
    // messages are handled in order: every batch sent before this one is in the graph
    reply({ kind: "done", count });
  } else {
    graph
      .writeIndex(request.path)
      .then(() => reply({ kind: "done", count }))
      .catch((err: unknown) => reply({ kind: "failed", message: err instanceof Error ? err.message : String(err) }));
  }
});
