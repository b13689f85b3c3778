// The "public" facet: who an action is for (jeunes, étudiants, habitants des quartiers…),
// read from its title and text with the lexicon of publics.json. Sheets have no such field,
// yet it is what a coordinator means by "a similar action" as much as its thèmes.
import { fold } from "../../../ingest/text/index.ts";
import type { Fiche } from "../../../ingest/types.ts";
import lexicon from "./publics.json" with { type: "json" };
import { z } from "zod";
import { TUNING } from "../tuning.ts";

const Lexicon = z.object({ publics: z.array(z.object({ label: z.string(), patterns: z.array(z.string()).min(1) })) });
const PUBLICS = Lexicon.parse(lexicon).publics.map(({ label, patterns }) => ({
  label,
  re: new RegExp(`(^|[^a-z0-9])(${patterns.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")})`, "g"),
}));
const TEXT_FIELDS = ["description", "territory", "impacts", "inequalities"];

const cache = new WeakMap<Fiche, string[]>();

export function publicsOf(fiche: Fiche): string[] {
  let found = cache.get(fiche);
  if (!found) {
    const title = fold(fiche.title);
    const text = fold(fiche.fields.filter((f) => TEXT_FIELDS.includes(f.name)).map((f) => f.value).join("\n"));
    found = PUBLICS.filter(({ re }) => (title.match(re)?.length ?? 0) > 0 || (text.match(re)?.length ?? 0) >= TUNING.similar.publicMinMentions).map((p) => p.label);
    cache.set(fiche, found);
  }
  return found;
}

/** Every pattern's words, folded: what a public is called. */
const PUBLIC_WORDS = Lexicon.parse(lexicon).publics.flatMap(({ patterns }) => patterns.filter((p) => !p.includes(" ") && p.length >= 3));

/** Whether an index term (a stem: "jeun", "adolescent", "etudi") names a public of the lexicon. */
export function namesPublic(term: string): boolean {
  return term.length >= 3 && PUBLIC_WORDS.some((p) => p.startsWith(term) || term.startsWith(p));
}
