// Maps the label variants of the sheets (three generations of the form, plus free layouts)
// to the canonical field set of DESIGN.md. Patterns are matched on the folded label with
// list bullets and HTML already stripped. Order matters: the first pattern that matches wins,
// so the specific labels ("partenaires financiers") come before the general ("partenaires").
import { fold, slugify } from "../text/fold.ts";
import type { CanonicalField } from "../types.ts";

const PATTERNS: [RegExp, CanonicalField | "city" | "ignore"][] = [
  [/^ville sante$/, "city"],
  [/^date( de redaction( de la fiche)?)?\b/, "date"],
  [/^periode/, "period"],
  [/^echelle de territoire/, "territory"],
  [/^porteur/, "porteur"],
  [/^role de la collectivite/, "role"],
  [/^services et elus/, "services_elus"],
  [/partenaires financiers|^financeurs?\b/, "funders"],
  [/^partenaires\b/, "partners"],
  [/^budget de fonctionnement/, "budget_operating"],
  [/^budget d'investissement/, "budget_investment"],
  [/^contribution de (votre|la) collectivite/, "budget_city_contribution"],
  [/^budget\b/, "budget"],
  [/^thematique/, "themes"],
  [/^description de l'action/, "description"],
  [/sante mentale a-t-elle ete (explicitement )?prise en compte/, "mental_health_considered"],
  [/facteurs ont favorise/, "success_factors"],
  [/facteurs l'ont mise en difficulte/, "difficulties"],
  [/(contribue a reduire|reduction) (des|les) inegalites/, "inequalities"],
  [/tirer des apprentissages/, "learnings"],
  [/contribue-t-elle a ameliorer la sante mentale/, "impacts"],
  [/sante mentale dans toutes les politiques/, "health_in_all_policies"],
  [/^(personne a contacter|pour plus d'informations|contacts?\b)/, "contact"],
  [/^n'hesitez pas a nous transmettre/, "ignore"],
];

/** Labels that open an extra (non-canonical) field when they stand alone on a line. */
const EXTRA_LABELS = [/^documents? complementaires?/, /^annexes?$/, /^illustrations?$/];

export type LabelMatch =
  | { kind: "field"; name: CanonicalField }
  | { kind: "city" }
  | { kind: "ignore" }
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
    if (name === "ignore") return { kind: "ignore" };
    // a standalone "Budget de fonctionnement … : 80 000€" is split by the caller; here a long
    // sentence that merely starts like a label is not a label
    if (standalone && folded.length > 220) return null;
    return { kind: "field", name };
  }
  if (EXTRA_LABELS.some((re) => re.test(folded))) return { kind: "extra", name: extraFieldName(label) };
  return null;
}

export function extraFieldName(label: string): string {
  return `extra_${slugify(cleanLabel(label)).replace(/-/g, "_").slice(0, 48)}`;
}
