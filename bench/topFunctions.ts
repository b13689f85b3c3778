// Prints where the time went in a V8 .cpuprofile (node --cpu-prof): the functions with the most
// self time, then with the most total time (self plus callees). tsx compiles each file to one
// line, so a function is named by its file and column.
import { readFileSync } from "node:fs";

interface Node { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[] }
const [, , file, topArg = "25"] = process.argv;
const profile = JSON.parse(readFileSync(file, "utf8")) as { nodes: Node[]; samples: number[]; timeDeltas: number[] };
const self = new Map<number, number>();
profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const name = (n: Node) => `${n.callFrame.functionName || "(anon)"} ${n.callFrame.url.replace(/^.*\/(wt-[^/]+|node_modules)\//, "")}:${n.callFrame.lineNumber + 1}:${n.callFrame.columnNumber + 1}`;
const selfBy = new Map<string, number>();
const totalBy = new Map<string, number>();
let all = 0;
function walk(id: number, onStack: Set<string>): number {
  const n = byId.get(id)!;
  let t = self.get(id) ?? 0;
  all += t;
  const key = name(n);
  selfBy.set(key, (selfBy.get(key) ?? 0) + t);
  const fresh = !onStack.has(key);
  if (fresh) onStack.add(key);
  for (const c of n.children ?? []) t += walk(c, onStack);
  if (fresh) {
    onStack.delete(key);
    totalBy.set(key, (totalBy.get(key) ?? 0) + t);
  }
  return t;
}
walk(profile.nodes[0].id, new Set());
const print = (title: string, m: Map<string, number>) => {
  console.log(title);
  for (const [fn, t] of [...m].sort((a, b) => b[1] - a[1]).slice(0, Number(topArg))) console.log(`${((100 * t) / all).toFixed(1).padStart(5)}%  ${(t / 1000).toFixed(0).padStart(7)} ms  ${fn}`);
};
print("self time", selfBy);
print("total time", totalBy);
