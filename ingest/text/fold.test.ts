import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { fold, foldSlowly } from "./fold.ts";

describe("fold", () => {
  it("folds as the whole-text folding does: every character of the Basic Multilingual Plane's first 12,288, alone and between letters", () => {
    for (let c = 0; c < 0x3000; c++) {
      const ch = String.fromCharCode(c);
      for (const s of [ch, `a${ch}é`, `É${ch}${ch}`]) expect(fold(s), `U+${c.toString(16)}`).toBe(foldSlowly(s));
    }
  });

  it("folds the seed sheets as the whole-text folding does", () => {
    const dir = fileURLToPath(new URL("../../seeds", import.meta.url));
    for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
      if (!e.isFile()) continue;
      const text = readFileSync(`${e.parentPath}/${e.name}`, "utf8");
      for (const piece of [text, ...text.split(/\s+/)]) expect(fold(piece)).toBe(foldSlowly(piece));
    }
  });

  it("leaves combining marks, final sigma and dotted I to the whole-text folding", () => {
    for (const s of ["e\u0301cole", "ΟΔΟΣ Σ", "İstanbul", "ﬁche", "Œuvre d’art ´"]) expect(fold(s)).toBe(foldSlowly(s));
    expect(fold("Été À l’ÉCOLE œuvre")).toBe("ete a l'ecole oeuvre");
  });
});
