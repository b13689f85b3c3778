// What a question asks about beside the value it wants: its specific concepts, less the words that only say how it
// asks. Read by follow-ups, to tell whether the last answer's sheets hold it (understandQuestion.impliedFollowUp) and
// which of them a value is asked of (decide/selectFieldSheets.sheetsInScope).
import { fold } from "../../../ingest/text/index.ts";
import type { CorpusStats } from "../retrieve/corpusStats.ts";
import { isSpecific, type Concept } from "./concepts.ts";
import { detectIntent } from "./detectIntent.ts";
import { valueTypeOf } from "./valueType.ts";

/**
 * The specific concepts of a question, without the words of the form's fields it asks for ("What was the investment
 * budget…?": the form's labels, which no sheet's text need write) nor the words asking for the value ("ça dure combien
 * de temps, une séance ?": « dure combien de temps » is no topic).
 */
export function askedAbout(question: string, fields: readonly string[], concepts: readonly Concept[], stats: CorpusStats): Concept[] {
  const asked = new Set(fields);
  const asking = ` ${valueTypeOf(question)?.asks.exec(fold(question))?.[0] ?? ""} `;
  const howAsked = (label: string) => detectIntent(label).fields.some((f) => asked.has(f)) || asking.includes(` ${fold(label)} `);
  return concepts.filter((c) => !c.unknown && isSpecific(c, stats) && !(c.label && howAsked(c.label)));
}
