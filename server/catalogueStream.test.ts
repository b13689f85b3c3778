import { describe, expect, it } from "vitest";
import { text } from "node:stream/consumers";
import { catalogueStream } from "./catalogueStream.ts";
import { FicheListResponseSchema } from "./schemas.ts";
import type { FicheCard } from "./contracts.ts";

describe("catalogueStream", () => {
  it("writes many cards in several pieces as one JSON body, each card with the schema's keys only", async () => {
    const fiches = Array.from({ length: 70 }, (_, i) => ({
      id: `ville-${i}--action`,
      kind: "fiche" as const,
      city: `Ville ${i}`,
      title: `Action « ${i} » \\ "citée"`,
      ...(i % 2 ? { axis: "Axe 1" } : {}),
      fields: { description: `ligne 1\nligne ${i}` },
      labels: { description: "Description" },
      // what a card may carry besides the schema's keys is not written
      internal: { vector: [1, 2, 3] },
    })) as FicheCard[];
    const facets = { cities: { "Ville 1": 1 }, axes: {}, themes: {}, determinants: {}, qpv: 3 };
    const pieces: string[] = [];
    for await (const piece of catalogueStream({ fiches, facets })) pieces.push(String(piece));
    const body = pieces.join("");
    expect(pieces.length).toBeGreaterThan(3);
    expect(body).toBe(JSON.stringify(FicheListResponseSchema.parse({ fiches, facets })));
    expect(body).not.toContain("internal");
  });

  it("writes an empty catalogue", async () => {
    const facets = { cities: {}, axes: {}, themes: {}, determinants: {}, qpv: 0 };
    expect(JSON.parse(await text(catalogueStream({ fiches: [], facets })))).toEqual({ fiches: [], facets });
  });
});
