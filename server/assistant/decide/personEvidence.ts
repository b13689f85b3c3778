// A person asked ("un psychiatre intervient", "which actions have a psychologist") is there where a
// passage writes the person, not the discipline or its adjective, which the stemmer gives the same
// stem ("psychiatrie", "hôpital psychiatrique"), and not where the passage says the person is
// missing ("aucun psychiatre n'était disponible", "manque de psychiatres").
import { analyze, fold } from "../../../ingest/text/index.ts";
import type { Chunk } from "../../../ingest/types.ts";
import type { CorpusStats } from "../retrieve/corpusStats.ts";
import { heldTermNumbers, textHoldsAnyOf } from "../retrieve/statements.ts";
import type { Concept } from "../understand/concepts.ts";
import { TUNING } from "../tuning.ts";
import { bagCovers, conceptWeight, isEvidenceField, passagesOf, type Evidence } from "./evidence.ts";

/** Words before the person, in its sentence, that say it is absent or lacking. General French, not words of the sheets. */
const ABSENT = /(?<![a-z])(?:aucun|aucune|manque|manquent|manquait|absence|absent|absents|pas de|pas d|sans|faute de|faute d|ni)(?![a-z])[^.;!?]*$/;

/** The person's forms as one pattern, made once per question (not remembered: questions bring ever new words). */
const patternOf = (forms: readonly string[]) => new RegExp(`(?<![a-z])(?:${forms.join("|")})(?![a-z])`, "g");

/** The text writes one of the forms as a word, and not after a word saying it is lacking in that sentence. */
export function affirmsPerson(text: string, forms: readonly string[] | RegExp): boolean {
  const folded = fold(text);
  const re = forms instanceof RegExp ? forms : patternOf(forms);
  re.lastIndex = 0;
  for (let m = re.exec(folded); m; m = re.exec(folded)) if (!ABSENT.test(folded.slice(Math.max(0, m.index - TUNING.evidence.personAbsentWindow), m.index))) return true;
  return false;
}

/**
 * The sheet's passage that writes the person, stating most of the other concepts with it (idf-weighted),
 * the shorter on a tie; none when no passage writes the person. Administrative fields only when asked.
 */
export function personEvidence(chunks: readonly Chunk[], concepts: readonly Concept[], person: Concept, stats: CorpusStats, askedFields: readonly string[]): Evidence | undefined {
  const forms = patternOf(person.person ?? []);
  const exact = new Set<string>();
  let best: Evidence | undefined;
  let bestWeight = -1;
  const total = concepts.reduce((s, c) => s + conceptWeight(c, stats), 0);
  // a chunk writing a form holds its analysed term: the others are not read (at ×100 folding and matching every chunk of
  // every candidate sheet was most of a list question asking for a person)
  const formTerms = heldTermNumbers((person.person ?? []).flatMap((f) => analyze(f)));
  for (const chunk of chunks) {
    if (!isEvidenceField(chunk.field, askedFields)) continue;
    if (formTerms && textHoldsAnyOf(chunk, formTerms) === false) continue;
    if (!affirmsPerson(chunk.text, forms)) continue;
    for (const p of passagesOf(chunk)) {
      const text = chunk.text.slice(p.start, p.end);
      if (!affirmsPerson(text, forms)) continue;
      const covered = concepts.filter((c) => c === person || bagCovers(c, p, exact));
      const weight = covered.reduce((s, c) => s + conceptWeight(c, stats), 0);
      if (weight > bestWeight || (weight === bestWeight && best && p.end - p.start < best.end - best.start)) {
        const share = total === 0 ? 1 : weight / total;
        best = { chunk, start: p.start, end: p.end, coverage: share, own: share, covered };
        bestWeight = weight;
      }
    }
  }
  return best;
}
