// The "Thématique(s)" cell is the form's checkbox list, in up to three sections: project
// type, territory specifics (QPV…) and mental-health determinants. Only checked boxes are
// facts about the action; the unchecked ones are the form's options and are dropped.
import { htmlToText } from "./htmlToText.ts";
import { fold } from "../text/fold.ts";

export type CheckboxSection = "themes" | "territory_specifics" | "determinants";

const SECTION_HEADINGS: [RegExp, CheckboxSection][] = [
  [/type de projet\s*\/?\s*demarche\s*:?/, "themes"],
  [/(eventuelles )?specificites du territoire( concerne)?\s*:?/, "territory_specifics"],
  [/determinants de la sante mentale( concernes)?\s*:?/, "determinants"],
];
const ENDS_ITEM = /^<\/?(p|ul|ol|li|div|br)\b/i;

export function extractCheckboxes(rawHtml: string): Record<CheckboxSection, string[]> {
  const out: Record<CheckboxSection, string[]> = { themes: [], territory_specifics: [], determinants: [] };
  if (!/<input\b/i.test(rawHtml)) return { ...out, themes: filledOtherItems(rawHtml) };

  let section: CheckboxSection = "themes";
  let pending: { checked: boolean; text: string } | null = null;
  const flush = () => {
    if (!pending) return;
    const { label, next } = splitSectionHeading(htmlToText(pending.text).replace(/\n/g, " "));
    if (pending.checked && label && !isEmptyOther(label)) out[section].push(label);
    if (next) section = next;
    pending = null;
  };
  for (const token of rawHtml.match(/<input\b[^>]*>|<[^>]+>|[^<]+/gi) ?? []) {
    if (/^<input\b/i.test(token)) {
      flush();
      pending = { checked: /\bchecked\b/i.test(token), text: "" };
    } else if (ENDS_ITEM.test(token)) {
      flush();
    } else if (pending) {
      pending.text += token;
    } else if (!token.startsWith("<")) {
      const next = splitSectionHeading(htmlToText(token)).next;
      if (next) section = next;
    }
  }
  flush();
  return out;
}

/** A section heading may trail an item's text when the HTML has no block tag between them. */
function splitSectionHeading(text: string): { label: string; next?: CheckboxSection } {
  const folded = fold(text);
  for (const [re, section] of SECTION_HEADINGS) {
    const m = re.exec(folded);
    if (m) return { label: text.slice(0, m.index).trim().replace(/[;,]$/, ""), next: section };
  }
  return { label: text.trim() };
}

/** "Autre(s), précisez :" with nothing written after it says nothing. */
function isEmptyOther(label: string): boolean {
  const f = fold(label);
  return /^autre/.test(f) && f.replace(/^autres?\(?s?\)?\s*[,:]?\s*(precisez)?\s*:?/, "").replace(/[.\s_*:…]/g, "") === "";
}

/** Lists that lost their checkboxes: only an "Autre : précisez …" the author filled in is a fact. */
function filledOtherItems(rawHtml: string): string[] {
  const items: string[] = [];
  for (const line of htmlToText(rawHtml).split("\n")) {
    const m = /^-?\s*Autres?(?:\(s\))?\s*[,:]?\s*(?:précisez)?\s*[:.…\s_*]*(.*?)[.…\s_*]*$/iu.exec(line.replace(/\*/g, ""));
    if (m && m[1].trim().length > 2) items.push(m[1].trim()); // the words written, quotable as they stand
  }
  return items;
}
