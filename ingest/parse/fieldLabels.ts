// Maps the label variants of the sheets (three generations of the form, plus free layouts)
// to the canonical field set of DESIGN.md, with the patterns of fieldLabels.json. Patterns are
// matched on the folded label with list bullets and HTML already stripped. Order matters: the
// first pattern that matches wins, so the specific labels ("partenaires financiers") come
// before the general ("partenaires").
import { z } from "zod";
import { fold, slugify } from "../text/index.ts";
import { CANONICAL_FIELDS, type CanonicalField } from "../types.ts";
import table from "./fieldLabels.json" with { type: "json" };

const FieldLabelTable = z.object({
  patterns: z.array(z.object({ match: z.string(), field: z.enum([...CANONICAL_FIELDS, "city", "attachments"]) })),
  extraLabels: z.array(z.string()),
  display: z.record(z.string(), z.record(z.string(), z.string())),
});

/** The one field-label table (fieldLabels.json), validated when the module loads. */
export const FIELD_LABEL_TABLE = FieldLabelTable.parse(table);

const PATTERNS = FIELD_LABEL_TABLE.patterns.map(({ match, field }) => [new RegExp(match), field] as const);

/** Labels that open an extra (non-canonical) field when they stand alone on a line. */
const EXTRA_LABELS = FIELD_LABEL_TABLE.extraLabels.map((source) => new RegExp(source));

export type LabelMatch =
  | { kind: "field"; name: CanonicalField }
  | { kind: "city" }
  | { kind: "extra"; name: string };

/** Cleans a label cell: bullets, "Budget :" colons, trailing spaces. */
export function cleanLabel(label: string): string {
  return label
    .replace(/^[\s\-•▪◦■*]+/, "")
    .replace(/[\s*]+$/, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** A known label, or null. `standalone` is for a label alone on its line (no tab cell). */
export function matchFieldLabel(label: string, standalone = false): LabelMatch | null {
  const folded = fold(cleanLabel(label)).replace(/\s*:\s*$/, "");
  if (!folded) return null;
  for (const [re, name] of PATTERNS) {
    if (!re.test(folded)) continue;
    if (name === "city") return { kind: "city" };
    // a form prompt for posters and documents: what a city put under it is kept, apart
    if (name === "attachments") return { kind: "extra", name: ATTACHMENTS_FIELD };
    // a standalone "Budget de fonctionnement … : 80 000€" is split by the caller; here a long
    // sentence that merely starts like a label is not a label
    if (standalone && folded.length > 220) return null;
    return { kind: "field", name };
  }
  if (EXTRA_LABELS.some((re) => re.test(folded))) return { kind: "extra", name: extraFieldName(label) };
  return null;
}

/** Posters and documents a city attached under the form's prompt for them: kept and searchable, not a description of the action. */
export const ATTACHMENTS_FIELD = "extra_attachments";

export function extraFieldName(label: string): string {
  return `extra_${slugify(cleanLabel(label)).replace(/-/g, "_").slice(0, 48)}`;
}
