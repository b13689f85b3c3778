// The objects made for each question are written out, never copied by spreading another object into a
// literal (`{ ...hit, chunkId }`, `{ a, ...(cond ? { b } : {}) }`): V8's copies of spread objects kept what
// they point to alive through young-generation collections, so each search's hits, contexts and rankings
// were promoted to the old generation (bench/gcPromotion.ts: ~590 KB a scavenge, 2.4 ms median pauses;
// written out, 14 KB and 0.5 ms). Array spreads (`[...a]`) and rest parameters are not concerned.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/** What runs for every question, search or ask. */
const PER_QUESTION = [
  "searchPassages.ts",
  "askQuestion.ts",
  "compose/passage.ts",
  "compose/citationList.ts",
  "decide/rerankByEvidence.ts",
  "decide/evidence.ts",
  "decide/selectListSheets.ts",
  "decide/similarSheets.ts",
  "understand/understandQuestion.ts",
  "understand/concepts.ts",
  "retrieve/retrieveChunks.ts",
  "retrieve/rankFiches.ts",
  "retrieve/rankForQuestion.ts",
];

/** The source without its comments (which quote the old spreads). */
function code(file: string): string {
  const text = readFileSync(fileURLToPath(new URL(`./${file}`, import.meta.url)), "utf8");
  return text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`])\/\/.*$/gm, "$1");
}

/** An object literal that opens with a spread, or a spread of a conditional object. */
const OBJECT_SPREAD = /\{\s*\.\.\.[\w$(]|\.\.\.\(\s*[^()]*\?\s*\{/g;

describe("per-question objects", () => {
  it("are written out, not spread from other objects, in the files every question runs through", () => {
    const found = PER_QUESTION.flatMap((file) => [...code(file).matchAll(OBJECT_SPREAD)].map((m) => `${file}: ${m[0]}`));
    expect(found).toEqual([]);
  });

  it("the check finds a spread where there is one", () => {
    expect("const a = { ...hit, chunkId };".match(OBJECT_SPREAD)).not.toBeNull();
    expect("return { x, ...(scope ? { scope } : {}) };".match(OBJECT_SPREAD)).not.toBeNull();
    expect("const b = [...a, c]; f(...args);".match(OBJECT_SPREAD)).toBeNull();
  });
});
