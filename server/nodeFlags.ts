// The node flags a server process must be started with: V8 reads them when the process starts, never after
// (setFlagsFromString does not resize the young generation). `npm start` passes them; cluster workers inherit the
// primary's; the bench starts its servers with them; main.ts says so when a server runs without them.
import { TUNING } from "./assistant/tuning.ts";

// --expose-gc: the warm-up's garbage is collected before the server reports ready (main.ts): ×100, one worker, idle RSS
// at /ready was 386–416 MB without the collection, 383–385 with it (four alternating starts)
export const SERVER_NODE_FLAGS: readonly string[] = [`--max-semi-space-size=${TUNING.scale.semiSpaceMb}`, "--expose-gc"];

const nameOf = (flag: string) => flag.split("=")[0].replaceAll("_", "-");

/** The flags of SERVER_NODE_FLAGS this process was started without, under any value (its command line or NODE_OPTIONS:
 * a value of one's own is a choice, not an omission). */
export function missingNodeFlags(execArgv: readonly string[] = process.execArgv, nodeOptions = process.env.NODE_OPTIONS ?? ""): string[] {
  const given = new Set([...execArgv, ...nodeOptions.split(/\s+/)].map(nameOf));
  return SERVER_NODE_FLAGS.filter((flag) => !given.has(nameOf(flag)));
}
