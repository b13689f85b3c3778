// A programme or a body the question names through the glossary ("mental health first aid", « premiers secours en santé
// mentale »: an entry one of whose forms is an acronym, PSSM) designates it as the acronym would: a sheet answers only if it
// holds the term. As the question asks it, that is: not a term it gives as an example (", like … street teams"), names
// after a contrast ("rather than just the psychiatric hospital") or offers as one side of a choice (« … ou à la prévention
// du suicide »).
import { fold } from "../../../ingest/text/index.ts";
import { splitExamples, type Concept } from "../understand/concepts.ts";
import type { QueryContext } from "../understand/queryContext.ts";
import { TUNING } from "../tuning.ts";

/** Where a question turns to what it does not mean, or to examples (", like …", « , comme … »): folded; general French
 * and English. */
const CONTRAST = /\b(?:rather than|instead of|not just|not only|other than|except|excluding|plutot que|au lieu de|pas seulement|pas que|sauf|hors|autres? que)\b|,\s*(?:just |such )?(?:like|comme|as)\b/;

const escaped = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** "aux premiers secours en santé mentale ou à la prévention du suicide": a term one side of a choice. */
function offeredAsChoice(text: string, term: string): boolean {
  const t = escaped(term);
  return new RegExp(`\\b(?:ou|or)\\s+(?:\\S+\\s+){0,${TUNING.understand.choiceLeadMaxWords}}${t}|${t}\\s+(?:ou|or)\\b`).test(text);
}

/** The glossary concepts and French terms of the question that name a programme or a body, as it asks them. */
export function askedProgrammes(ctx: QueryContext): Concept[] {
  const candidates = [...ctx.concepts, ...ctx.terminology].filter((c) => c.acronym && !c.unknown && !!c.label);
  if (candidates.length === 0) return [];
  const mainClause = fold(splitExamples(ctx.question).main).split(CONTRAST)[0];
  // (a term inside a longer one the question writes is that one's: « centre hospitalier » of « centre hospitalier
  // universitaire (CHU) » asks the university hospital, which its sheets may write « CHU » only)
  const terms = candidates.map((c) => fold(c.label!));
  return candidates.filter((c) => {
    const term = fold(c.label!);
    return mainClause.includes(term) && !offeredAsChoice(mainClause, term) && !terms.some((t) => t !== term && t.includes(term) && mainClause.includes(t));
  });
}
