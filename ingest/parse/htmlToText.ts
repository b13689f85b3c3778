// Turns the HTML fragments the sheets carry (<p>, <ul>, <u>, <i>…) into clean text.
// node-html-parser does the parsing and entity decoding; what is ours is the list rule:
// the source lists are flattened as " - item - item" or " • item" inside one <ul>, so
// those markers become line breaks to keep list items as lines.
import { parse } from "node-html-parser";

const BLOCK_TAGS = /<\/?(p|ul|ol|li|br|div|h[1-6]|tr|table)\b[^>]*>/gi;

export function htmlToText(html: string): string {
  if (!/[<&]/.test(html)) return tidy(html);
  // Block tags become newlines before parsing so that text from adjacent cells never fuses.
  const withBreaks = html.replace(BLOCK_TAGS, "\n");
  const text = parse(withBreaks).textContent;
  return tidy(text);
}

/** Normalises spaces, puts list markers on their own lines, trims each line. */
export function tidy(text: string): string {
  return text
    .replace(/\u00a0/g, " ")
    .replace(/\*\*/g, "")
    // a superscript joined to its number ("3^{ème}") gets a narrow no-break space before it: it
    // reads as "3ème", and a quote stays word for word with the source, where the markup separates
    // the two (the analyser joins them back into one word)
    .replace(/(?<=\S)\^\{([^}]*)\}/g, "\u202f$1")
    .replace(/\^\{([^}]*)\}/g, "$1")
    .replace(/[ \t]+/g, " ")
    // " - Item" / " • Item" / " 2. Item" start list items; "2016 - 2023" does not (digit after)
    .replace(/(^|\s)[-•▪◦]\s+(?=[\p{L}«"'(])/gu, "\n- ")
    .replace(/(^|\s)(\d{1,2}[.)/])\s+(?=\p{Lu})/gu, "\n$2 ")
    .split("\n")
    .map((l) => l.trim())
    .filter((l, i, all) => l !== "" || (i > 0 && all[i - 1] !== ""))
    .join("\n")
    .trim();
}
