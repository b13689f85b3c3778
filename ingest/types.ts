// The data model shared by ingest and server. Files on disk are validated with the zod
// schemas in ingest/schemas.ts; these are the in-memory shapes.

/** Canonical field names (DESIGN.md "Extract fields"); unknown labels become `extra_<slug>`. */
export const CANONICAL_FIELDS = [
  "period",
  "territory",
  "porteur",
  "role",
  "services_elus",
  "partners",
  "budget",
  "budget_operating",
  "budget_investment",
  "budget_city_contribution",
  "funders",
  "themes",
  "territory_specifics",
  "determinants",
  "description",
  "mental_health_considered",
  "success_factors",
  "difficulties",
  "inequalities",
  "learnings",
  "impacts",
  "health_in_all_policies",
  "contact",
  "date",
] as const;
export type CanonicalField = (typeof CANONICAL_FIELDS)[number];

export interface FicheField {
  /** canonical name, or `extra_<slug>` for a label the mapping does not know */
  name: string;
  /** the label as the sheet writes it (cleaned of HTML) */
  label: string;
  /** clean text; list items one per line */
  value: string;
}

export type DocumentKind = "fiche" | "synthese";

export interface Fiche {
  /** stable id: `<city-slug>--<title-slug>` */
  id: string;
  kind: DocumentKind;
  city: string;
  title: string;
  /** seed file name */
  source: string;
  /** 1-based line of the sheet's first line (its heading) in the source */
  startLine: number;
  /** recueil section ("Gouvernance et coordination"…), when the sheet sits under one */
  axis?: string;
  fields: FicheField[];
  /** the ticked boxes as filters show them: spelling variants merged, "Autre : précisez" dropped (ingest/parse/normalizeFacets.ts) */
  facets?: Partial<Record<FacetListField, string[]>>;
}

/** The form's checkbox lists, whose values are facets. */
export const FACET_LIST_FIELDS = ["themes", "determinants", "territory_specifics"] as const;
export type FacetListField = (typeof FACET_LIST_FIELDS)[number];

export interface Chunk {
  id: string;
  ficheId: string;
  city: string;
  title: string;
  field: string;
  fieldLabel: string;
  /** character offsets of `text` inside the field value */
  start: number;
  end: number;
  text: string;
}
