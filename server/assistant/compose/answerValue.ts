// Value answers: the value first, then the sentence of the sheet that holds it, quoted and cited.
import type { ValuePassage } from "../decide/findValue.ts";
import type { QueryContext } from "../understand/queryContext.ts";
import type { BuiltAnswer } from "./builtAnswer.ts";
import { CitationList } from "./citationList.ts";

export function answerValue(ctx: QueryContext, passages: ValuePassage[]): BuiltAnswer {
  const citations = new CitationList(ctx.termSet);
  const first = passages[0].chunk;
  const lines = [`${first.city} — ${first.title} :`];
  for (const p of passages) {
    const marker = citations.citeSpan(p.chunk, p, p.score);
    const quote = p.chunk.text.slice(p.start, p.end).replace(/\s+/g, " ");
    lines.push(`- ${p.value} — ${p.chunk.fieldLabel} : « ${quote} » ${marker}`);
  }
  return { answer: lines.join("\n"), citations: citations.items };
}
