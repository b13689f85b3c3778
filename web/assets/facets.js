// The facets of a sheet as the catalogue filters them, read from its card the way the server
// counts them (server/retrieval/facets.ts): city, axis, one value per line of thèmes and
// déterminants, and QPV when the territory says so.
import { t } from "./i18n.js";

export const FACETS = [
  { key: "city", label: "filterCity", byCount: false },
  { key: "axis", label: "filterAxis", byCount: false },
  { key: "theme", label: "filterTheme", byCount: true },
  { key: "determinant", label: "filterDeterminant", byCount: true },
  { key: "qpv", label: "filterQpvChip", byCount: false },
];

const lines = (text) => (text ?? "").split("\n").map((l) => l.replace(/^[-•]\s*/, "").trim()).filter(Boolean);
export const fold = (s) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
const QPV = /quartiers? (\(s\) )?politique de la ville|\bqpv\b|quartiers? prioritaires?/;

export function ficheFacets(fiche) {
  const territory = fold(`${fiche.fields.territory_specifics ?? ""}\n${fiche.fields.territory ?? ""}`);
  return {
    city: [fiche.city],
    axis: fiche.axis ? [fiche.axis] : [],
    theme: [...new Set(lines(fiche.fields.themes))],
    determinant: [...new Set(lines(fiche.fields.determinants))],
    qpv: QPV.test(territory) ? ["qpv"] : [],
  };
}

/** The folded text a word search looks in. */
export function foldText(fiche) {
  return fold([fiche.city, fiche.title, fiche.axis, ...Object.values(fiche.fields)].filter(Boolean).join("\n"));
}

/** Every word typed (accents and case ignored) appears in the sheet. */
export function matchesWords(fiche, words) {
  const wanted = fold(words).split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 1);
  return wanted.every((w) => fiche.text.includes(w));
}

// An intercommunality is kept apart from its city but named so that it sorts and reads next
// to it: "Métropole européenne de Lille" → "Lille — Métropole européenne". Same rule as
// ingest/parse/normalizeFacetValue.ts (cityFacet), which the index will apply at ingest.
const GROUPING = /^((?:euro)?m[ée]tropole|communaut[ée] (?:urbaine|d'agglom[ée]ration|de communes)|agglom[ée]ration)(.*?)\s+(?:de la|de l'|du|des|de|d')\s*(.+)$/i;

export function facetLabel(key, value) {
  if (key === "qpv") return t("filterQpvChip");
  if (key !== "city") return value;
  const m = GROUPING.exec(value);
  return m ? `${m[3]} — ${m[1]}${m[2]}` : value;
}
