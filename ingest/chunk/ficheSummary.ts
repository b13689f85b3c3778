// What a whole sheet is about, as one text: the basis of its sheet-level vector, used to
// find "similar actions". It holds what the action does and for whom (title, description,
// effects); the ticked facets are compared on their own at query time (similarFiches.ts).
import type { Fiche } from "../types.ts";

const SUMMARY_FIELDS = ["description", "impacts", "territory"];
const MAX_FIELD_CHARS = 1200;

export function ficheSummary(fiche: Fiche): string {
  const parts = [fiche.title, fiche.title];
  for (const name of SUMMARY_FIELDS) {
    const value = fiche.fields.find((f) => f.name === name)?.value;
    if (value) parts.push(value.slice(0, MAX_FIELD_CHARS));
  }
  if (parts.length === 1) parts.push(...fiche.fields.map((f) => `${f.label} ${f.value}`.slice(0, MAX_FIELD_CHARS)).slice(0, 6));
  return parts.join("\n");
}
