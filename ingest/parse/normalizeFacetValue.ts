// Facet values (thèmes, déterminants, territory specifics, cities) as filters show and count
// them. Sheets are filled in by hand from one form, so the same box comes out spelled several
// ways: punctuation and spacing ("etc.", "etc ....."), typos ("pair-aideance"), a label cut
// short ("… (écoles, établissements)"), and unfilled "Autre : précisez....." lines. Pure
// functions, no corpus knowledge: per value, `normalizeFacetValue`; across the corpus,
// `mergeFacetVariants` maps each spelling to the one most sheets use.

export type FacetField = "themes" | "determinants" | "territory_specifics" | "axis";

const OTHER = /^autres?\s*(?:\(s\))?\s*(?:,\s*)?(?:pr[ée]cise[rz]?\s*)?[:.…]/i;

/**
 * The clean value of one facet entry, or undefined to drop it. Free-text "Autre(s) :
 * précisez …" entries are dropped from facets: each is one sheet's own wording, not a category
 * anyone filters on, and its text stays in the sheet's field, where search finds it.
 */
export function normalizeFacetValue(_field: FacetField, value: string): string | undefined {
  let v = value
    .normalize("NFC")
    .replace(/<[^>]*>/g, " ")
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u00a0\u202f\s]+/g, " ")
    .trim()
    .replace(/^[-•■▪*–]\s*/, "")
    .replace(/^["«]\s*|\s*["»]$/g, "")
    // trailing filler of the form: "....." "…" ";" ","
    .replace(/[\s.…;,]+$/, "");
  if (!v || OTHER.test(v) || /^autres?$/i.test(v)) return undefined;
  // "etc" keeps its full stop: "écoute, etc."
  if (/\betc$/i.test(v)) v += ".";
  return v.charAt(0).toLocaleUpperCase("fr") + v.slice(1);
}

/** Case, accents, punctuation and spacing ignored. */
export function facetKey(value: string): string {
  return value
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, row[j]);
    }
    if (best > max) return max + 1;
    prev = row;
  }
  return prev[b.length];
}

/** Typos allowed between two spellings: none on short labels, where one letter changes the word. */
const allowedTypos = (key: string) => (key.length < 12 ? 0 : Math.max(1, Math.floor(key.length * 0.08)));

/**
 * Maps every value of one facet across the corpus (normalised, one entry per sheet that has
 * it) to its canonical spelling: the most used among those equal but for case, accents and
 * punctuation, or within a few typos, or of which it is a cut-short copy (the complete label
 * wins). Values with no variant map to themselves.
 */
export function mergeFacetVariants(values: readonly string[]): Map<string, string> {
  const uses = new Map<string, number>();
  for (const v of values) uses.set(v, (uses.get(v) ?? 0) + 1);
  // most used first; on a tie the longer (a cut label is the shorter)
  const ordered = [...uses.keys()].sort((a, b) => uses.get(b)! - uses.get(a)! || b.length - a.length || a.localeCompare(b));
  const canon: { value: string; key: string }[] = [];
  const out = new Map<string, string>();
  for (const value of ordered) {
    const key = facetKey(value);
    const truncated = key.replace(/ $/, "");
    const match = canon.find((c) =>
      c.key === key ||
      editDistance(c.key, key, allowedTypos(key)) <= allowedTypos(key) ||
      // "… (écoles, établissements)" cut from "… (écoles, établissements hospitaliers, …)"
      (/\)\s*$/.test(value) && truncated.length >= 12 && c.key.startsWith(truncated) && c.key.length > truncated.length));
    if (match) out.set(value, match.value);
    else {
      canon.push({ value, key });
      out.set(value, value);
    }
  }
  // a cut label may have come first (more used): point it, and its variants, at the complete one
  for (const c of canon) {
    if (!/\)\s*$/.test(c.value)) continue;
    const longer = canon.find((o) => o !== c && o.key.startsWith(c.key) && o.key.length > c.key.length);
    if (longer) for (const [v, to] of out) if (to === c.value) out.set(v, longer.value);
  }
  return out;
}

export interface CityFacet {
  /** the value to filter on, as the sheet writes it (spacing and apostrophes cleaned) */
  value: string;
  kind: "city" | "metropolis";
  /** how a list shows it: an intercommunality next to its city, "Lille — Métropole européenne" */
  label: string;
  /** for an intercommunality, the city it is named after */
  seat?: string;
}

const GROUPING = /^((?:euro)?m[ée]tropole|communaut[ée] (?:urbaine|d'agglom[ée]ration|de communes)|agglom[ée]ration)(.*?)\s+(?:de la|de l'|du|des|de|d')\s*(.+)$/i;

/** A city facet: a métropole or communauté is kept apart from its city, and labelled as such. */
export function cityFacet(city: string): CityFacet {
  const value = city.normalize("NFC").replace(/[\u2018\u2019]/g, "'").replace(/\s+/g, " ").trim();
  const m = GROUPING.exec(value);
  if (!m) return { value, kind: "city", label: value };
  const seat = m[3].trim();
  return { value, kind: "metropolis", label: `${seat} — ${m[1]}${m[2]}`.trim(), seat };
}
