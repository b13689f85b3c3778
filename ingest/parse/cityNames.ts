// City names as the sheets write them (headings in capitals, "Ville de Lille" in prose,
// "MEL" for a metropolis), turned into the display form.
import collectivites from "./collectivites.json" with { type: "json" };
import { z } from "zod";

const SMALL_WORDS = new Set(["en", "sur", "de", "du", "des", "la", "le", "les", "et", "sous", "lès"]);

/** "BOURG-EN-BRESSE" -> "Bourg-en-Bresse", "BOULOGNE-BILLANCOURT" -> "Boulogne-Billancourt". */
export function cityFromHeading(raw: string): string {
  return raw
    .trim()
    .toLowerCase()
    .split(/([\s-]+)/)
    .map((part, i) => (i > 0 && SMALL_WORDS.has(part) ? part : part.charAt(0).toUpperCase() + part.slice(1)))
    .join("");
}

const Collectivites = z.record(z.string(), z.string());
const ACRONYMS = Collectivites.parse(collectivites);

/**
 * The city a document without a heading is about: "Ville de X" when the text names one,
 * else a metropolis acronym from collectivites.json, the most frequent one winning.
 */
export function cityFromProse(text: string): string | undefined {
  const counts = new Map<string, number>();
  const add = (c: string) => counts.set(c, (counts.get(c) ?? 0) + 1);
  for (const m of text.matchAll(/\bVille de ((?:\p{Lu}[\p{L}'-]+)(?:[ -](?:sur|en|de|la|le)?[ -]?\p{Lu}[\p{L}'-]+)*)/gu)) add(m[1]);
  if (counts.size === 0) {
    for (const m of text.matchAll(/\b(\p{Lu}{2,6})\b/gu)) if (ACRONYMS[m[1]]) add(ACRONYMS[m[1]]);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}
