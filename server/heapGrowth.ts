// How far V8 lets the old generation grow past what a full collection left alive before it
// collects again. V8 picks that factor itself, up to 4 on a machine with a large heap limit
// (heap-controller.cc, MaxGrowingFactor), and a worker that allocates slowly gets the 4: at ×100
// the index leaves ~102 MB alive after the start's last full collection, and no other full
// collection came in the bench's 1,000 questions while the heap grew to ~314 MB of mostly
// garbage (the parts-of-speech lexicons' parse, the questions' promoted objects): RSS 568–589 MB
// (README, At scale). A fixed factor bounds the garbage by the live data instead.
import { setFlagsFromString } from "node:v8";
import { TUNING } from "./assistant/tuning.ts";

const FLAG = "--heap-growing-percent";

/** Sets V8's old-generation growing factor, unless the process was started with one of its own
 * (`node --heap-growing-percent=…` or NODE_OPTIONS), which wins. V8 reads it at each full
 * collection, so setting it when the process starts applies to every collection after. */
export function limitHeapGrowth(percent: number = TUNING.scale.heapGrowingPercent): void {
  const given = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? "").split(/\s+/)];
  if (given.some((a) => a.startsWith(FLAG) || a.startsWith("--heap_growing_percent"))) return;
  setFlagsFromString(`${FLAG}=${percent}`);
}
