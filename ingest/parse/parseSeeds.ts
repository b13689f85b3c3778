// Reads every seed document of a folder into sheets with their fields. Any file that
// cannot be read stops the ingest with its name and line (SeedFormatError).
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { extractFields } from "./extractFields.ts";
import { extractSections } from "./extractSections.ts";
import { normalizeFacets } from "./normalizeFacets.ts";
import { slugify } from "../text/fold.ts";
import { SeedFormatError } from "./seedFormatError.ts";
import { splitDocument, type RawSheet } from "./splitDocument.ts";
import type { Fiche } from "../types.ts";

const SEED_FILE = /\.(txt|md)$/i;

export async function listSeedFiles(seedsDir: string): Promise<string[]> {
  return (await readdir(seedsDir)).filter((f) => SEED_FILE.test(f)).sort();
}

export async function parseSeeds(seedsDir: string): Promise<Fiche[]> {
  const fiches: Fiche[] = [];
  for (const file of await listSeedFiles(seedsDir)) {
    const bytes = await readFile(join(seedsDir, file));
    fiches.push(...parseDocument(file, new TextDecoder("utf-8").decode(bytes)));
  }
  return normalizeFacets(withUniqueIds(fiches));
}

export function parseDocument(file: string, text: string): Fiche[] {
  return splitDocument(file, text).map((sheet) => toFiche(sheet));
}

function toFiche(sheet: RawSheet): Fiche {
  const fields = sheet.kind === "synthese" ? extractSections(sheet.body, sheet.title) : extractFields(sheet);
  if (fields.length === 0) {
    throw new SeedFormatError(sheet.source, sheet.startLine, `the sheet "${sheet.title}" has no readable field`);
  }
  return {
    id: ficheId(sheet.city, sheet.title),
    kind: sheet.kind,
    city: sheet.city,
    title: sheet.title,
    source: sheet.source,
    startLine: sheet.startLine,
    ...(sheet.axis ? { axis: sheet.axis } : {}),
    fields,
  };
}

/** `<city>--<first significant words of the title>`: readable in URLs, stable across builds. */
function ficheId(city: string, title: string): string {
  const words = slugify(title)
    .split("-")
    .filter((w) => w.length > 2)
    .slice(0, 5);
  return `${slugify(city)}--${words.join("-")}`;
}

function withUniqueIds(fiches: Fiche[]): Fiche[] {
  const seen = new Map<string, number>();
  return fiches.map((f) => {
    const n = (seen.get(f.id) ?? 0) + 1;
    seen.set(f.id, n);
    return n === 1 ? f : { ...f, id: `${f.id}-${n}` };
  });
}
