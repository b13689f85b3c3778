/** Lowercase, accents stripped, ligatures and apostrophes unified: the form words, labels and cities are compared in. */
export function fold(s: string): string {
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
