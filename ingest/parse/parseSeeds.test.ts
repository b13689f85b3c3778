import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { fold } from "../text/fold.ts";
import { parseDocument, parseSeeds } from "./parseSeeds.ts";
import type { Fiche } from "../types.ts";

const seedsDir = fileURLToPath(new URL("../../seeds", import.meta.url));
// The judged list of sheets lives beside the repo (../shared/eval); only tests read it.
const judged = JSON.parse(readFileSync(new URL("../../../shared/eval/fiches.json", import.meta.url), "utf8")) as {
  kind: string;
  city: string;
  title: string;
  source: string;
  start_line: number;
}[];

let fiches: Fiche[];
beforeAll(async () => {
  fiches = await parseSeeds(seedsDir);
});
const byTitle = (part: string) => {
  const f = fiches.find((x) => x.title.includes(part));
  if (!f) throw new Error(`no sheet titled like ${part}`);
  return f;
};
const field = (f: Fiche, name: string) => f.fields.find((x) => x.name === name)?.value ?? "";

describe("parseSeeds on the seed corpus", () => {
  it("finds exactly the judged sheets: city, title, source file and first line", () => {
    const got = fiches.filter((f) => f.kind === "fiche");
    const want = judged.filter((j) => j.kind === "fiche");
    expect(got).toHaveLength(want.length);
    for (const j of want) {
      const match = got.find((f) => f.source === j.source && f.startLine === j.start_line);
      expect(match, `${j.source}:${j.start_line}`).toBeDefined();
      expect(fold(match!.city)).toBe(fold(j.city));
      // the sheet without a title line gets a derived title that must contain the judged one
      if (match!.title !== j.title) expect(match!.title).toContain(j.title);
    }
  });

  it("keeps the workshop synthesis as one document of kind synthese", () => {
    const syntheses = fiches.filter((f) => f.kind === "synthese");
    const want = judged.find((j) => j.kind === "synthese")!;
    expect(syntheses).toHaveLength(1);
    expect(syntheses[0].source).toBe(want.source);
    expect(syntheses[0].startLine).toBe(want.start_line);
    expect(fold(syntheses[0].city)).toBe(fold(want.city));
    expect(field(syntheses[0], "date")).toBe("16 mars 2023");
  });

  it("derives the title of the Lille sheet that has no title line from its content", () => {
    expect(fiches.find((f) => f.source.startsWith("002_"))!.title).toBe("Pôles Ressources Santé");
  });

  it("gives every sheet a unique id", () => {
    expect(new Set(fiches.map((f) => f.id)).size).toBe(fiches.length);
  });
});

describe("extractFields, layout by layout", () => {
  it("reads tab rows with a '- ' sub-label (Lille 000: budget of the Espaces écoute santé)", () => {
    const f = byTitle("Les Espaces écoute santé");
    expect(field(f, "budget_operating")).toBe("4 000 à 5 000€ pour 1 permanence par semaine par quartier");
    expect(field(f, "contact")).toContain("Hélène PAUCHET");
    expect(f.fields.some((x) => x.name === "budget_investment")).toBe(false); // empty rows are not fields
  });

  it("reads '■ Label' headings and inline 'Label : value' lines (Lille 002: Pôles Ressources Santé)", () => {
    const f = byTitle("Pôles Ressources Santé");
    expect(field(f, "budget_operating")).toBe("80 000€");
    expect(field(f, "budget_city_contribution")).toBe("40 000€ (8 000€ par PRS)");
    expect(field(f, "period")).toBe("Depuis 2011");
    expect(field(f, "porteur")).toBe("Ville de Lille, délégation santé");
    expect(field(f, "description")).toMatch(/^La Ville de Lille connaît de grandes disparités/);
    expect(field(f, "contact")).toContain("Clément Bailleul");
  });

  it("reads HTML cells, list items as lines, and only checked boxes (Caen RCP Psy)", () => {
    const f = byTitle("RCP Psy");
    expect(field(f, "partners").split("\n")).toContain("- EPSM");
    expect(field(f, "themes").split("\n")).toContain("Gouvernance, coordination");
    expect(field(f, "themes")).not.toContain("Lutter contre toutes les formes de discriminations");
    expect(field(f, "determinants").split("\n")).toContain("Logement");
    expect(field(f, "determinants")).not.toContain("Nature, espaces verts et bleus");
    expect(field(f, "date")).toBe("25.05.2023");
    expect(field(f, "period")).toBe("Démarrage en 2016 – Pas de date de fin prévue");
  });

  it("never lists the form's unchecked options as themes when the boxes were lost (Caen jeunes)", () => {
    const f = byTitle("Soutenir la santé mentale des jeunes");
    expect(field(f, "themes")).not.toContain("Gouvernance, coordination");
    expect(field(f, "themes")).toContain("informer sur les acteurs et l'offre locale en santé mentale");
  });

  it("reads the older form's checkbox list of thématiques (Lille 000)", () => {
    const themes = field(byTitle("Les Espaces écoute santé"), "themes").split("\n");
    expect(themes).toEqual(expect.arrayContaining(["Santé mentale", "Gestion des crises sanitaires"]));
    expect(themes).not.toContain("Vaccination et dépistages");
  });

  it("reads a bold label spread over several lines followed by free paragraphs (Rennes Arts et Soins)", () => {
    const f = byTitle("Arts et Soins en Mouvement");
    expect(field(f, "description")).toContain("Arts et soins en mouvement est une démarche multi-partenariale");
    expect(field(f, "partners")).toContain("Ville de Rennes");
  });

  it("reads a '• ' budget sub-row and QPV as a checked territory specificity (Lorient)", () => {
    const f = byTitle("Temps d'échanges avec un psychologue");
    expect(field(f, "budget_operating")).toBe("4 500 €/an env");
    expect(field(f, "funders")).toBe("ARS, Contrat de Ville et Conférence des financeurs");
    expect(field(f, "territory_specifics")).toContain("Quartier(s) politique de la Ville");
  });

  it("keeps an unknown label as an extra field (Metz: Documents complémentaires)", () => {
    const f = byTitle("Logement social et santé mentale");
    expect(field(f, "extra_documents_complementaires")).toContain("Convention");
    expect(field(f, "porteur")).toBe("Co-porté : Amlï, Arelor, Centre hospitalier de Jury");
  });

  it("strips HTML to clean text everywhere", () => {
    for (const f of fiches) for (const x of f.fields) expect(x.value, `${f.id}/${x.name}`).not.toMatch(/<\/?(p|ul|input|u|i)\b/);
  });
});

describe("parseDocument on bad input", () => {
  it("names the file and line of bytes that are not UTF-8", () => {
    expect(() => parseDocument("broken.txt", "Ville Santé\tLille\nPériode\t2020\n\ufffd\ufffd")).toThrow(/broken\.txt:3/);
  });

  it("names the line of a bold heading that never closes", () => {
    expect(() => parseDocument("bold.txt", "\n**NANTES : Une action\nqui ne se ferme pas\n\n\n\n\n")).toThrow(/bold\.txt:2/);
  });
});
