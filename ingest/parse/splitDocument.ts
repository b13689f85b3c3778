// Splits one seed document into its sheets. A recueil opens each sheet with a heading
// "CITY : Title" (city in capitals; one heading is bold and runs over two lines) after a
// table of contents whose lines end with a tab and a page number; roman-numbered lines
// ("II. Agir sur…") open an axis. A document without such headings is a single sheet, or,
// when it carries almost none of the form's labels, a workshop synthesis.
import { cityFromHeading, cityFromProse } from "./cityNames.ts";
import { deriveTitle } from "./deriveTitle.ts";
import { matchFieldLabel } from "./fieldLabels.ts";
import { SeedFormatError } from "./seedFormatError.ts";
import type { DocumentKind, Fiche } from "../types.ts";

export interface SourceLine {
  /** 1-based line number in the source file */
  n: number;
  text: string;
}

/** A sheet as split from its document, before its fields are read. */
export type RawSheet = Omit<Fiche, "id" | "fields"> & { body: SourceLine[] };

const HEADING = /^(\*\*)?\s*(\p{Lu}[\p{Lu}' -]*\p{Lu})\s+:\s+(.+)$/u;
const TOC_ENTRY = /(\t|\.{3,})\s*\d+\s*$/;
const AXIS = /^\**\s*([IVX]+)\.\s+(.+)$/;
/** A sheet needs at least this many of the form's labels; fewer means a free-form document. */
const MIN_FORM_LABELS = 3;

const clean = (s: string) => s.replace(/\*\*/g, "").replace(/\s+/g, " ").trim();

export function splitDocument(source: string, text: string): RawSheet[] {
  assertReadable(source, text);
  const lines: SourceLine[] = text.split(/\r?\n/).map((t, i) => ({ n: i + 1, text: t }));
  const sheets = splitOnHeadings(source, lines);
  return sheets.length > 0 ? sheets : [singleDocument(source, lines)];
}

function assertReadable(source: string, text: string): void {
  const bad = text.search(/[\u0000\ufffd]/);
  if (bad >= 0) {
    const line = text.slice(0, bad).split("\n").length;
    throw new SeedFormatError(source, line, "not valid UTF-8 text (binary or mis-encoded bytes); save the file as UTF-8");
  }
  if (!text.trim()) throw new SeedFormatError(source, 1, "the file is empty");
}

function splitOnHeadings(source: string, lines: SourceLine[]): RawSheet[] {
  const sheets: RawSheet[] = [];
  let axis: string | undefined;
  let current: RawSheet | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].text;
    if (TOC_ENTRY.test(line)) {
      if (!current) continue;
    }
    const axisMatch = !TOC_ENTRY.test(line) && AXIS.exec(line);
    if (axisMatch && line.length < 200) {
      axis = clean(axisMatch[2]);
      if (current) sheets.push(current);
      current = undefined;
      continue;
    }
    const heading = !TOC_ENTRY.test(line) && HEADING.exec(line);
    if (heading) {
      const headLine = lines[i].n;
      let title = heading[3];
      // a bold heading may run over several lines until its closing "**"
      if (heading[1] && !title.includes("**")) {
        let j = i + 1;
        while (j < lines.length && j <= i + 4 && !lines[j].text.includes("**")) title += " " + lines[j++].text;
        if (j >= lines.length || !lines[j].text.includes("**")) {
          throw new SeedFormatError(source, lines[i].n, "a bold heading (**…) is never closed");
        }
        title += " " + lines[j].text;
        i = j;
      }
      if (current) sheets.push(current);
      current = {
        kind: "fiche",
        city: cityFromHeading(heading[2]),
        title: clean(title),
        source,
        startLine: headLine,
        axis,
        body: [],
      };
      continue;
    }
    current?.body.push(lines[i]);
  }
  if (current) sheets.push(current);
  return sheets;
}

function singleDocument(source: string, lines: SourceLine[]): RawSheet {
  const first = lines.findIndex((l) => l.text.trim() !== "");
  const labels = new Set<string>();
  let city: string | undefined;
  for (const l of lines) {
    const cell = l.text.includes("\t") ? l.text.split("\t")[0] : l.text;
    const m = cell.trim() ? matchFieldLabel(cell, !l.text.includes("\t")) : null;
    if (m?.kind === "field") labels.add(m.name);
    if (m?.kind === "city") city = l.text.split("\t")[1]?.trim() || city;
  }
  const kind: DocumentKind = labels.size >= MIN_FORM_LABELS ? "fiche" : "synthese";
  const prose = lines.map((l) => l.text).join("\n");
  city ??= cityFromProse(prose) ?? "Non précisée";

  const firstIsLabel = matchFieldLabel(lines[first].text.split("\t")[0], true) !== null;
  if (kind === "fiche" && firstIsLabel) {
    return { kind, city, title: deriveTitle(prose, city), source, startLine: lines[first].n, body: lines.slice(first) };
  }
  if (kind === "fiche") {
    return { kind, city, title: clean(lines[first].text), source, startLine: lines[first].n, body: lines.slice(first + 1) };
  }
  // a synthesis: its first paragraph is the title, the next one its subtitle
  const paragraphs: SourceLine[][] = [];
  let para: SourceLine[] = [];
  let end = first;
  for (; end < lines.length && paragraphs.length < 2; end++) {
    if (lines[end].text.trim()) para.push(lines[end]);
    else if (para.length) (paragraphs.push(para), (para = []));
  }
  const title = paragraphs.map((p) => sentenceCase(clean(p.map((l) => l.text).join(" ")))).join(" : ");
  return { kind, city, title, source, startLine: lines[first].n, body: lines.slice(end) };
}

const LOWER_WHEN_CAPS = new Set(["LA", "LE", "LES", "DE", "DU", "DES", "AU", "AUX", "ET", "EN", "À", "POUR"]);

/** "ATELIERS POUR L'ÉCRITURE" -> "Ateliers pour l'écriture"; short acronyms (MEL, QPV) stay. */
function sentenceCase(s: string): string {
  const lowered = s.replace(/[\p{Lu}'’]+/gu, (w) => (w.length >= 5 || LOWER_WHEN_CAPS.has(w) ? w.toLowerCase() : w));
  return lowered.charAt(0).toUpperCase() + lowered.slice(1);
}
