// Imports run one way (STYLE.md §14, issue 8):
//   ingest/  imports neither server/ nor test/;
//   bench/   does not import test/;
//   server/  reaches ingest/ only through its public entry points:
//     ingest/types.ts        the shared data model (Fiche, Chunk, canonical fields)
//     ingest/config.ts       the index settings both commands read from the environment
//     ingest/text/index.ts   folding, French analysis, stop words, sentence splitting
//     ingest/store/index.ts  the index files: manifest, loading, IndexError
//     ingest/embed/index.ts  which embedder runs, and the embeddings an index is queried with
//     ingest/ensureIndex.ts  builds the index at start-up when it is missing or stale
//     ingest/heapGrowth.ts   the V8 heap growth both commands set when their process starts
// test/ may import anything. The scan reads import specifiers as text; it runs nothing.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

const INGEST_PUBLIC = [
  "ingest/types.ts",
  "ingest/config.ts",
  "ingest/text/index.ts",
  "ingest/store/index.ts",
  "ingest/embed/index.ts",
  "ingest/ensureIndex.ts",
  "ingest/heapGrowth.ts",
];

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|mts|js|mjs)$/.test(e.name))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)))
    .filter((f) => !f.includes("node_modules"));
}

const IMPORT = /(?:^|[\s;])(?:import|export)\s[^"'`;]*?from\s*["']([^"']+)["']|(?:^|[\s;])import\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

/** Repository-relative targets of a file's relative imports. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), "utf8");
  return [...text.matchAll(IMPORT)]
    .map((m) => m[1] ?? m[2] ?? m[3])
    .filter((spec) => spec.startsWith("."))
    .map((spec) => relative(ROOT, resolve(ROOT, dirname(file), spec)));
}

function violations(dir: string, allowed: (target: string) => boolean): string[] {
  return sourceFiles(dir).flatMap((file) => importsOf(file).filter((t) => !allowed(t)).map((t) => `${file} imports ${t}`));
}

const under = (folder: string) => (target: string) => target === folder || target.startsWith(`${folder}/`);

describe("import rules", () => {
  it("reads the imports it checks (the scan is not vacuous)", () => {
    expect(importsOf("ingest/main.ts")).toContain("ingest/buildIndex.ts");
    expect(importsOf("bench/ingest.bench.ts")).toContain("ingest/buildIndex.ts");
    expect(importsOf("server/services/openIndex.ts")).toContain("ingest/ensureIndex.ts");
  });

  it("ingest/ imports neither server/ nor test/", () => {
    expect(violations("ingest", (t) => !under("server")(t) && !under("test")(t))).toEqual([]);
  });

  it("bench/ does not import test/", () => {
    expect(violations("bench", (t) => !under("test")(t))).toEqual([]);
  });

  it("server/ reaches ingest/ only through its public entry points", () => {
    expect(violations("server", (t) => !under("ingest")(t) || INGEST_PUBLIC.includes(t))).toEqual([]);
  });
});
