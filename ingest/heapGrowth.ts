// How far V8 lets the old generation grow past what a full collection left alive before it
// collects again: both commands set it when their process starts. V8 picks the factor itself, up
// to 4 on a machine with a large heap limit (heap-controller.cc, MaxGrowingFactor), and a process
// that allocates slowly gets the 4: a ×100 server worker keeps ~102 MB alive after loading, and no
// full collection came in the scale bench's 1,000 questions while its heap grew to 303–314 MB of
// mostly garbage (the parts-of-speech lexicons' parse, the questions' promoted objects), RSS
// 568–589 MB. A fixed factor bounds the garbage by the live data instead.
import { setFlagsFromString } from "node:v8";

const FLAG = "--heap-growing-percent";

/** The ingest's factor, for its main thread and both workers (one process, one flag). At 30, four ×100 ingests
 * interleaved at load 3.4–4.8: peak RSS 853–929 against 1,052–1,132 MB, CPU 66.3–67.8 against 65.5–67.2 s
 * (user), wall time within the load's noise. The server's own is TUNING.scale.heapGrowingPercent. */
export const INGEST_HEAP_GROWING_PERCENT = 30;

/** Sets V8's old-generation growing factor to 1 + percent / 100, unless the process was started
 * with one of its own (`node --heap-growing-percent=…` or NODE_OPTIONS), which wins. V8 reads it
 * at each full collection, so setting it when the process starts applies to every one after. */
export function limitHeapGrowth(percent: number): void {
  const given = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? "").split(/\s+/)];
  if (given.some((a) => a.startsWith(FLAG) || a.startsWith("--heap_growing_percent"))) return;
  setFlagsFromString(`${FLAG}=${percent}`);
}
