/** Any character the folding below changes other than by case: beyond ASCII, or a backtick (an apostrophe). */
const NEEDS_FOLDING = /[^\x00-\x5f\x61-\x7f]/;

/** Lowercase, accents stripped, ligatures and apostrophes unified: the form words, labels and cities are compared in. */
export function fold(s: string): string {
  // most words, and English questions, are plain ASCII: lowercasing is all their folding does
  if (!NEEDS_FOLDING.test(s)) return s.toLowerCase();
  return s
    .replace(/[\u2019\u2018\u02bc\u00b4`\u2032]/g, "'")
    .replace(/œ/g, "oe")
    .replace(/Œ/g, "OE")
    .replace(/æ/g, "ae")
    .replace(/Æ/g, "AE")
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase();
}

/** URL- and id-safe slug of a text. */
export function slugify(s: string): string {
  return fold(s)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}
