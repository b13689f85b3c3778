// A synthesis has no form: it is headings followed by bullet lists. Each heading with its
// items becomes one field (`extra_<heading>`), so chunks stay topical and cite a heading.
// Consecutive heading lines (a title broken over lines) join into one heading.
import { extraFieldName } from "./fieldLabels.ts";
import { htmlToText } from "./htmlToText.ts";
import type { SourceLine } from "./splitDocument.ts";
import type { FicheField } from "../types.ts";

const ITEM = /^\s*[-•▪◦]\s+/;
const DATE = /\b(\d{1,2}(?:er)?\s+(?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)\s+\d{4})\b/i;

export function extractSections(body: SourceLine[], title: string): FicheField[] {
  const fields: FicheField[] = [];
  const date = DATE.exec(title)?.[1];
  if (date) fields.push({ name: "date", label: "Date", value: date });

  let heading: string[] = [];
  let items: string[] = [];
  const flush = () => {
    if (!items.length) return;
    const label = heading.join(" ").replace(/\s+/g, " ").trim() || "Synthèse";
    const name = extraFieldName(label);
    const existing = fields.find((f) => f.name === name);
    const value = htmlToText(items.join("\n"));
    if (existing) existing.value += "\n" + value;
    else fields.push({ name, label, value });
    heading = [];
    items = [];
  };
  for (const { text } of body) {
    const t = text.trim();
    if (!t) continue;
    if (ITEM.test(t) || t.length > 140) items.push(t);
    else {
      flush();
      heading.push(t);
    }
  }
  flush();
  return fields;
}
