// A synthetic corpus ×N for the scale bench: the seeds themselves, plus (N - 1) × as many new
// sheets, each in a distinct invented city, whose fields are recombined from different seed
// sheets (its description from one, its partners from another, its budget from a third…), with
// invented organisations and places, so the vocabulary and the city list grow with the corpus
// instead of the same texts repeating. Written as recueil documents ("CITY : Title" headings,
// "Label<TAB>value" rows, ticked checkboxes) that the real parser reads. Deterministic per seed.
import { mkdir, readdir, copyFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { parseSeeds } from "../ingest/parse/parseSeeds.ts";
import type { Fiche } from "../ingest/types.ts";
import { seededRandom } from "../ingest/embed/builtin/lsaProjection.ts";

const SHEETS_PER_FILE = 100;
/** fields written as ticked checkboxes: the parser keeps only ticked boxes there */
const CHECKBOX_FIELDS = new Set(["themes", "territory_specifics", "determinants"]);


const ROOTS = ["mont", "val", "beau", "roche", "ville", "fon", "champ", "bois", "char", "mar", "lan", "ker", "plou", "saint", "bel", "cour", "vern", "aub", "mor", "gran", "riv", "sau", "lor", "brie", "cler", "dor", "gue", "ham", "jou", "lis", "nor", "pey", "quin", "ros", "tor", "ver"];
const ENDS = ["ac", "ay", "ville", "court", "mont", "fort", "lieu", "mes", "noy", "sac", "teuil", "vaux", "zac", "bourg", "gny", "rieux", "lay", "nans", "ssac", "ange", "ouze", "elle", "ignan", "y"];
const RIVERS = ["Loire", "Marne", "Orne", "Seine", "Garonne", "Rhône", "Meuse", "Saône", "Vienne", "Lot", "Aisne", "Oise"];
const ORG_KINDS = ["Association", "Collectif", "Maison", "Centre social", "Réseau", "Fédération", "Mutuelle", "Foyer", "Clinique", "Atelier"];
const ORG_WORDS = ["Horizon", "Trait d'union", "Passerelle", "Boussole", "Archipel", "Tournesol", "Équinoxe", "Sillon", "Escale", "Cerf-volant", "Rivage", "Vent d'ouest", "Lucarne", "Cordée", "Marelle"];

function inventName(rand: () => number, used: Set<string>): string {
  for (;;) {
    const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
    let name = pick(ROOTS) + (rand() < 0.5 ? pick(ROOTS) : "") + pick(ENDS);
    name = name.charAt(0).toUpperCase() + name.slice(1);
    if (rand() < 0.2) name += `-sur-${pick(RIVERS)}`;
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
}

function organisation(rand: () => number, city: string): string {
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
  return `${pick(ORG_KINDS)} ${pick(ORG_WORDS)} de ${city}`;
}

/** One field's rows: "Label<TAB>first line", then continuation rows starting with a tab. */
function fieldRows(label: string, name: string, value: string): string[] {
  // a line "DSP : …" would read as a new sheet's "CITY : Title" heading: drop the space before its colon
  const lines = value
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => l.replace(/^(\s*\p{Lu}[\p{Lu}' -]*\p{Lu})\s+:/u, "$1:"));
  if (lines.length === 0) return [];
  if (CHECKBOX_FIELDS.has(name)) return [`${label}\t${lines.map((l) => `<input checked="" type="checkbox"/> ${l}`).join(" ")}`];
  return [`${label}\t${lines[0]}`, ...lines.slice(1).map((l) => `\t${l}`)];
}

/** Sheet `i` of the synthetic part: every field from a seed sheet chosen for that field. */
function synthesize(i: number, seeds: Fiche[], rand: () => number, city: string, sourceCities: string[]): string {
  const pick = () => seeds[Math.floor(rand() * seeds.length)];
  const base = pick();
  const rename = (s: string) => sourceCities.reduce((t, c) => t.split(c).join(city), s);
  const rows: string[] = [`${city.toUpperCase()} : ${rename(base.title)} (${i + 1})`];
  const names = new Set(seeds.flatMap((f) => f.fields.map((x) => x.name)));
  for (const name of names) {
    // most fields come from a random sheet holding them; about a third stay with the base sheet
    const donor = rand() < 0.35 && base.fields.some((x) => x.name === name) ? base : pick();
    const field = donor.fields.find((x) => x.name === name);
    if (!field) continue;
    let value = rename(field.value);
    if (name === "partners" || name === "porteur" || name === "funders") value = `${value}\n${organisation(rand, city)}`;
    if (name === "description") {
      // a third of another sheet's description appended: sentences recombine, not just fields
      const other = pick().fields.find((x) => x.name === "description")?.value ?? "";
      value = `${value}\n${rename(other.slice(0, Math.floor(other.length / 3)))}`.trim();
    }
    rows.push(...fieldRows(field.label, name, value));
  }
  return rows.join("\n");
}

/** Writes the seeds and the synthetic sheets into `outDir`; returns the number of sheets generated. */
export async function generateCorpus(seedsDir: string, outDir: string, scale: number, seed = 7): Promise<number> {
  await mkdir(outDir, { recursive: true });
  for (const f of (await readdir(seedsDir)).filter((f) => /\.(txt|md)$/i.test(f))) await copyFile(join(seedsDir, f), join(outDir, f));
  const seeds = (await parseSeeds(seedsDir)).filter((f) => f.kind === "fiche");
  // ×N has N times the recueil's 26 sheets, as the issue's measurements (×100: 2,603 sheets)
  const recueil = seeds.filter((f) => f.source === seeds[seeds.length - 1].source).length;
  const extra = Math.round((scale - 1) * recueil);
  const rand = seededRandom(seed);
  const sourceCities = [...new Set(seeds.map((f) => f.city))].sort((a, b) => b.length - a.length);
  const used = new Set(sourceCities);
  for (let start = 0; start < extra; start += SHEETS_PER_FILE) {
    const sheets: string[] = [];
    for (let i = start; i < Math.min(extra, start + SHEETS_PER_FILE); i++) sheets.push(synthesize(i, seeds, rand, inventName(rand, used), sourceCities));
    await writeFile(join(outDir, `900_synthetic_${String(start / SHEETS_PER_FILE).padStart(4, "0")}.txt`), `${sheets.join("\n\n")}\n`);
  }
  return extra;
}

if (process.argv[1]?.endsWith("generateCorpus.ts")) {
  const [, , out, scale] = process.argv;
  if (!out || !scale) throw new Error("usage: tsx bench/generateCorpus.ts OUT_DIR SCALE");
  const n = await generateCorpus("seeds", out, Number(scale));
  console.log(`${n} synthetic sheets written to ${out}`);
}
