import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import type { Fiche } from "../types.ts";
import { parseSeeds } from "./parseSeeds.ts";

const SEEDS = fileURLToPath(new URL("../../seeds", import.meta.url));
let fiches: Fiche[];
beforeAll(async () => {
  fiches = await parseSeeds(SEEDS);
});

describe("normalizeFacets on the seeds", () => {
  it("drops the form's 'Autre : précisez' entries from the facets but keeps them in the field text", () => {
    const all = fiches.flatMap((f) => [...(f.facets?.themes ?? []), ...(f.facets?.determinants ?? [])]);
    expect(all.length).toBeGreaterThan(50);
    expect(all.filter((v) => /^autres?\b/i.test(v))).toEqual([]);
    expect(fiches.some((f) => f.fields.some((x) => x.name === "themes" && /autre/i.test(x.value)))).toBe(true);
  });

  it("merges the spellings of one box into one value", () => {
    const peer = new Set(fiches.flatMap((f) => f.facets?.determinants ?? []).filter((v) => /pair.?aid/i.test(v)));
    expect(peer.size).toBe(1);
  });
});

describe("text under the form's prompt for attachments", () => {
  it("is kept as its own field, not dropped (a poster's phone number stays findable)", () => {
    const kept = fiches.flatMap((f) => f.fields.filter((x) => x.name === "extra_attachments"));
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.some((x) => /\d{2} \d{2} \d{2} \d{2} \d{2}/.test(x.value))).toBe(true);
  });
});
