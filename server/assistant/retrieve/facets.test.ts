import { describe, expect, it } from "vitest";
import type { Fiche } from "../../../ingest/types.ts";
import { isQpv } from "./facets.ts";

const sheet = (fields: Record<string, string>, facets?: Fiche["facets"]): Fiche => ({
  id: "x--y",
  kind: "fiche",
  city: "X",
  title: "Y",
  source: "s.txt",
  startLine: 1,
  fields: Object.entries(fields).map(([name, value]) => ({ name, label: name, value })),
  ...(facets ? { facets } : {}),
});

describe("isQpv", () => {
  it("reads the ticked box as the form writes it, '(s)' glued to the word, and the territory's own words", () => {
    expect(isQpv(sheet({}, { territory_specifics: ["Quartier(s) politique de la Ville"] }))).toBe(true);
    expect(isQpv(sheet({ territory_specifics: "Quartier(s) politique de la Ville / Autre(s) : précisez" }))).toBe(true);
    expect(isQpv(sheet({ territory: "4 QPV nantais" }))).toBe(true);
    expect(isQpv(sheet({ territory: "Commune de Boulogne-Billancourt" }, { territory_specifics: ["Territoire urbain"] }))).toBe(false);
  });
});
