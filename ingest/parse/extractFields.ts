// Reads a sheet's body into canonical fields, whatever the layout: tab rows "label<TAB>value",
// continuation rows starting with a tab, label lines on their own (plain, "■ Label", or bold
// over several lines), inline "Label : value", and free paragraphs that belong to the field
// above them. Unknown row labels are kept as extra fields, never dropped.
import { extractCheckboxes } from "./extractCheckboxes.ts";
import { cleanLabel, extraFieldName, matchFieldLabel, type LabelMatch } from "./fieldLabels.ts";
import { htmlToText } from "./htmlToText.ts";
import type { RawSheet } from "./splitDocument.ts";
import type { FicheField } from "../types.ts";

interface OpenField {
  name: string;
  label: string;
  raw: string[];
}

/** Row labels are short; a longer "cell" before a tab is prose that happens to hold a tab. */
const MAX_LABEL_LENGTH = 250;

export function extractFields(sheet: Pick<RawSheet, "body">): FicheField[] {
  const fields: OpenField[] = [];
  let current: OpenField | null = null;
  let bold: string[] | null = null;

  const open = (match: LabelMatch | null, label: string, value: string) => {
    if (match?.kind === "city") {
      current = null;
      return;
    }
    const name = match?.kind === "field" || match?.kind === "extra" ? match.name : extraFieldName(label);
    const existing = fields.find((f) => f.name === name);
    current = existing ?? { name, label: cleanLabel(label).replace(/\s*:\s*$/, ""), raw: [] };
    if (!existing) fields.push(current);
    if (value.trim()) current.raw.push(value);
  };
  const append = (text: string) => current?.raw.push(text);

  const handleStandalone = (line: string) => {
    const text = htmlToText(line).replace(/^■\s*/, "");
    // "Date : 25.05.2023", "Budget de fonctionnement annuel : 80 000€": label and value inline
    const colon = text.indexOf(":");
    if (colon > 0 && text.slice(colon + 1).trim()) {
      const left = text.slice(0, colon);
      const inline = matchFieldLabel(left, true);
      if (inline && inline.kind === "field") return open(inline, left, text.slice(colon + 1).trim());
    }
    const whole = matchFieldLabel(text, true);
    if (whole) return open(whole, text, "");
    append(line);
  };

  for (const { text } of sheet.body) {
    if (bold) {
      bold.push(text);
      if (text.includes("**")) {
        handleStandalone(bold.join(" "));
        bold = null;
      }
      continue;
    }
    if (!text.trim()) {
      append("");
      continue;
    }
    if (text.startsWith("\t")) {
      append(text.slice(1));
      continue;
    }
    const tab = text.indexOf("\t");
    if (tab > 0) {
      const left = htmlToText(text.slice(0, tab)).replace(/\n/g, " ");
      if (left && left.length <= MAX_LABEL_LENGTH) {
        open(matchFieldLabel(left), left, text.slice(tab + 1));
        continue;
      }
    }
    const trimmed = text.trim();
    if (trimmed.startsWith("**") && !trimmed.slice(2).includes("**")) {
      bold = [trimmed];
      continue;
    }
    handleStandalone(text);
  }
  return fields.flatMap(finishField);
}

function finishField(field: OpenField): FicheField[] {
  const raw = field.raw.join("\n");
  if (field.name === "themes") {
    const boxes = extractCheckboxes(raw);
    return (Object.entries(boxes) as [string, string[]][])
      .filter(([, items]) => items.length > 0)
      .map(([name, items]) => ({ name, label: CHECKBOX_LABELS[name] ?? field.label, value: items.join("\n") }));
  }
  const value = htmlToText(raw);
  return value ? [{ name: field.name, label: field.label, value }] : [];
}

const CHECKBOX_LABELS: Record<string, string> = {
  themes: "Thématique(s) de l'action",
  territory_specifics: "Spécificités du territoire",
  determinants: "Déterminants de la santé mentale concernés",
};
