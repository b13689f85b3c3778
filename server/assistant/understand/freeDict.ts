// Optional general English -> French dictionary for words the domain glossary does not cover:
// FreeDict eng-fra in dictd format, as Debian ships it (`apt-get install dict-freedict-eng-fra`,
// GPL-2+ data, read at run time and never copied into this project). Absent, nothing changes.
import { existsSync, readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { TUNING } from "../tuning.ts";

export const FREEDICT_PATH = "/usr/share/dictd/freedict-eng-fra";
const { dictSenses: MAX_SENSES, dictWordsPerSense: MAX_WORDS_PER_SENSE } = TUNING.understand;

export type Dictionary = ReadonlyMap<string, string[]>;

/** Headword -> a few French translations (first alternatives of the first senses). */
export function parseDictd(index: string, bytes: Buffer): Dictionary {
  const out = new Map<string, string[]>();
  for (const line of index.split("\n")) {
    const [word, offset, length] = line.split("\t");
    if (!word || !offset || !length || word.startsWith("00database") || /\s/.test(word)) continue;
    const entry = bytes.subarray(decodeB64(offset), decodeB64(offset) + decodeB64(length)).toString("utf8");
    const senses = entry
      .split("\n")
      .slice(1) // headword and pronunciation
      .map((l) => l.replace(/^\d+\.\s*/, "").trim())
      .filter(Boolean)
      .slice(0, MAX_SENSES);
    const french = senses.flatMap((s) => s.split(/,\s*/).slice(0, MAX_WORDS_PER_SENSE)).filter((w) => w.length > 1 && !/[()]/.test(w));
    if (french.length) out.set(word.toLowerCase(), [...new Set(french)]);
  }
  return out;
}

/** dictd offsets and lengths are numbers in base 64 written with its own alphabet. */
function decodeB64(s: string): number {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  let n = 0;
  for (const ch of s) n = n * 64 + alphabet.indexOf(ch);
  return n;
}

/** The dictionary at `base` (.index + .dict.dz), or undefined when it is not installed. */
export function loadFreeDict(base = FREEDICT_PATH): Dictionary | undefined {
  if (!existsSync(`${base}.index`) || !existsSync(`${base}.dict.dz`)) return undefined;
  // .dict.dz is dictzip, a gzip stream with random-access metadata: gunzip reads it whole
  return parseDictd(readFileSync(`${base}.index`, "utf8"), gunzipSync(readFileSync(`${base}.dict.dz`)));
}

/** French for an English word, trying its singular form too. */
export function translate(dict: Dictionary, word: string): string[] {
  return dict.get(word) ?? dict.get(word.replace(/s$/, "")) ?? [];
}

/** Whether the dictionary knows an English word, as itself or an inflection of a headword ("hosted", "trainings"; "planned",
 * "running": the consonant English spelling doubles). */
export function knowsWord(dict: Dictionary, word: string): boolean {
  const forms = [word, word.replace(/s$/, ""), word.replace(/es$/, ""), word.replace(/ed$/, ""), word.replace(/d$/, ""), word.replace(/ing$/, ""), word.replace(/ing$/, "e"), word.replace(/ie[sd]$/, "y"), word.replace(/([b-df-hj-np-tv-z])\1(?:ed|ing)$/, "$1")];
  return forms.some((f) => f.length > 0 && dict.has(f));
}
