/** Any character the folding below changes other than by case: beyond ASCII, or a backtick (an apostrophe). */
const NEEDS_FOLDING = /[^\x00-\x5f\x61-\x7f]/;

/** Lowercase, accents stripped, ligatures and apostrophes unified: the form words, labels and cities are compared in. */
export function fold(s: string): string {
  // most words, and English questions, are plain ASCII: lowercasing is all their folding does
  if (!NEEDS_FOLDING.test(s)) return s.toLowerCase();
  // French text is Latin-1 with a few more letters and apostrophes: folded a character at a time from a table of
  // what foldSlowly does to each (on these characters it works one character at a time: no combining marks, no
  // letter whose lowercase depends on its neighbours); anything else goes the slow way, whole
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const f = c < 0x100 ? LATIN1[c] : EXTRA.get(c);
    if (f === undefined) return foldSlowly(s);
    out += f;
  }
  return out;
}

/** The folding itself, on any text. */
export function foldSlowly(s: string): string {
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

/** Each Latin-1 character folded, and the other characters of French text (ligatures, apostrophes). */
const LATIN1 = Array.from({ length: 0x100 }, (_, c) => foldSlowly(String.fromCharCode(c)));
/** (and the symbols sheets write between words, none a letter: dashes, bullets, "€", arrows, check marks — a single "•"
 * or "€" sent a whole chunk the slow way, a tenth of a list question's CPU at ×100) */
const SYMBOLS = [
  [0x2000, 0x206f], // general punctuation: – — … • ‘ ’ “ ”
  [0x20a0, 0x20cf], // currency: €
  [0x2190, 0x21ff], // arrows: → ⇒
  [0x2500, 0x27bf], // box drawing, shapes, miscellaneous symbols, dingbats: ■ ♥ ✓ ✖ ❖ ➤
];
const EXTRA = new Map([0x152, 0x153, 0x2bc, ...SYMBOLS.flatMap(([from, to]) => Array.from({ length: to - from + 1 }, (_, i) => from + i))].map((c) => [c, foldSlowly(String.fromCharCode(c))]));

/** URL- and id-safe slug of a text. */
export function slugify(s: string): string {
  return fold(s)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}
