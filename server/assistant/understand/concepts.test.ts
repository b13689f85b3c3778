import { describe, expect, it } from "vitest";
import type { CorpusStats } from "../retrieve/corpusStats.ts";
import { conceptCoverage, spelledOutIn, type Concept } from "./concepts.ts";

// only the chunk count enters idf
const stats = { chunkCount: 700 } as CorpusStats;
const common: Concept = { phrases: [["seanc"]], df: 60, unknown: false };
// "centres sociaux": each word common, the two side by side in 3 chunks
const phrase: Concept = { phrases: [["centr", "social"]], df: 50, unknown: false, phrase: true };

describe("conceptCoverage", () => {
  it("weighs each concept by its idf, a sheet holding the common one only covering about half", () => {
    const share = conceptCoverage([common, phrase], new Set(["seanc"]), stats);
    expect(share).toBeGreaterThan(0.45);
    expect(share).toBeLessThan(0.55);
  });

  it("weighs a phrase by the caller's count of the chunks writing it, so the common word alone covers little", () => {
    const dfOf = (c: Concept) => (c === phrase ? 3 : c.df);
    const share = conceptCoverage([common, phrase], new Set(["seanc"]), stats, undefined, dfOf);
    expect(share).toBeLessThan(0.4);
    expect(conceptCoverage([common, phrase], new Set(["seanc", "centr", "social"]), stats, undefined, dfOf)).toBe(1);
  });
});

describe("spelledOutIn", () => {
  it("finds the words a text spells an acronym out in, connectors and elisions aside, and nothing where none fits", () => {
    expect(spelledOutIn("CSMP", "Co portage avec infirmière Carrefour Santé Mentale Précarité+ élaboration")).toBe("Carrefour Santé Mentale Précarité");
    expect(spelledOutIn("CPA", "Partenaires\tCentre psychothérapique de l'AIN")).toBe("Centre psychothérapique de l'AIN");
    // the acronym itself, or words whose initials differ, spell nothing
    expect(spelledOutIn("CSMP", "une infirmière du CSMP a permis")).toBeUndefined();
    expect(spelledOutIn("CMP", "Centre Hospitalier Psychiatrique")).toBeUndefined();
  });
});
