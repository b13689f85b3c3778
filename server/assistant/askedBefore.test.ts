import { describe, expect, it } from "vitest";
import { AskedBefore } from "./askedBefore.ts";

describe("AskedBefore", () => {
  it("says a key was seen from its second sighting on", () => {
    const asked = new AskedBefore(1024);
    expect(asked.again("Quelles villes forment aux PSSM ?")).toBe(false);
    expect(asked.again("Quelles villes forment aux PSSM ?")).toBe(true);
    expect(asked.again("Quelles villes forment aux PSSM ?")).toBe(true);
    expect(asked.again("Quelles villes forment aux PSSM")).toBe(false);
    expect(asked.again("")).toBe(false);
    expect(asked.again("")).toBe(true);
  });

  it("forgets a key whose slot another took, and holds no more than its slots", () => {
    const asked = new AskedBefore(4);
    const keys = Array.from({ length: 100 }, (_, i) => `q${i}`);
    for (const k of keys) asked.again(k);
    // at most 4 of the 100 are still remembered
    expect(keys.filter((k) => asked.again(k)).length).toBeLessThanOrEqual(4);
  });
});
