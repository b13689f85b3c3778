// A sheet without a title line is named after what it keeps talking about: the most
// frequent capitalised multi-word name in its text ("Pôles Ressources Santé"), leaving out
// names of the city itself ("Ville de Lille"). A leading article is not part of a name; no
// other prefix is stripped: a longer phrase that contains the name ("Plus-value du Pôle
// Ressources Santé") counts as a different, rarer name, so the plain name still wins on
// frequency. Falls back to the first words of the text.

const NAME = /\p{Lu}[\p{L}'’-]+(?:\s+(?:de\s+|des\s+|du\s+|d['’])?\p{Lu}[\p{L}'’-]+){1,4}/gu;
const LEADING_ARTICLE = /^(Les|La|Le|L['’]|Un|Une|Des)\s*/u;

export function deriveTitle(text: string, city: string): string {
  const counts = new Map<string, { n: number; forms: Map<string, number> }>();
  for (const m of text.matchAll(NAME)) {
    const name = m[0].replace(LEADING_ARTICLE, "").trim();
    if (name.split(/\s+/).length < 2 || name.includes(city)) continue;
    // singular and plural spellings ("Pôle Ressource Santé") count for the same name
    const key = name.toLowerCase().replace(/s\b/g, "");
    const entry = counts.get(key) ?? { n: 0, forms: new Map() };
    entry.n++;
    entry.forms.set(name, (entry.forms.get(name) ?? 0) + 1);
    counts.set(key, entry);
  }
  const best = [...counts.values()].sort((a, b) => b.n - a.n)[0];
  if (best && best.n >= 2) return [...best.forms.entries()].sort((a, b) => b[1] - a[1])[0][0];
  const words = text.replace(/\s+/g, " ").trim().split(" ").slice(0, 8).join(" ");
  return words;
}
