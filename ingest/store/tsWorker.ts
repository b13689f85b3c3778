// A worker thread running one of this repository's TypeScript modules. Node 20 does not apply an
// `--import tsx` given in a worker's execArgv to the worker's own entry file, and a worker started
// under vitest has no loader at all, so the worker registers tsx's loader itself, then imports
// the module.
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";

const TSX_API = createRequire(import.meta.url).resolve("tsx/esm/api");

export function startTsWorker(module: URL, workerData: unknown): Worker {
  const bootstrap = `require(${JSON.stringify(TSX_API)}).register(); import(${JSON.stringify(module.href)});`;
  return new Worker(bootstrap, { eval: true, workerData });
}
