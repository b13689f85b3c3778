import { describe, expect, it } from "vitest";
import { fieldReport } from "./fieldReport.ts";
import { parseDocument } from "./parseSeeds.ts";

describe("fieldReport (npm run ingest -- --report)", () => {
  it("lists, per sheet, the canonical fields found and the ones left empty", () => {
    const fiches = parseDocument(
      "x.txt",
      ["", "Une action", "", "Ville Santé\tNancy", "Période\t2024", "Partenaires\t", "Budget :\t", "- Budget de fonctionnement annuel (réel ou estimé)\t1 000€", "Annexe libre\tun texte"].join("\n"),
    );
    const report = fieldReport(fiches).split("\n");
    expect(report[0]).toBe("Nancy — Une action  (x.txt:2, nancy--une-action)");
    expect(report[1]).toMatch(/^ {2}found \(2\/\d+\): period, budget_operating$/);
    expect(report[2]).toMatch(/^ {2}empty: .*\bpartners\b/);
    expect(report[2]).not.toMatch(/\bperiod\b/);
    expect(report[3]).toBe("  extra (1): extra_annexe_libre");
  });
});
