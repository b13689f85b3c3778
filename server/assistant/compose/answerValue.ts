// Value answers: the value first, then the sentence of the sheet that holds it, quoted and cited.
import type { ValuePassage } from "../decide/findValue.ts";
import type { QueryContext } from "../understand/queryContext.ts";
import type { BuiltAnswer } from "./builtAnswer.ts";
import { CitationList } from "./citationList.ts";
import { sheetChunks } from "../decide/sheetChunks.ts";
import { spelledOutIn } from "../understand/concepts.ts";

/** A value that is an acronym: two to eight capitals. */
const ACRONYM = /^\p{Lu}{2,8}$/u;

/** Passages of one sheet or, for a follow-up, of several: each sheet under its own heading. */
export function answerValue(ctx: QueryContext, passages: ValuePassage[]): BuiltAnswer {
  const citations = new CitationList(ctx.termSet);
  const lines: string[] = [];
  let sheet: string | undefined;
  for (const p of passages) {
    if (p.chunk.ficheId !== sheet) {
      sheet = p.chunk.ficheId;
      lines.push(`${p.chunk.city} — ${p.chunk.title} :`);
    }
    const marker = citations.citeSpan(p.chunk, p, p.score);
    const quote = p.chunk.text.slice(p.start, p.end).replace(/\s+/g, " ");
    // an acronym given as the value ("CSMP") with the words the sheet spells it out in, where it does
    const spelled = ACRONYM.test(p.value) ? spelledOutInSheet(ctx, p.chunk.ficheId, p.value) : undefined;
    lines.push(`- ${spelled ? `${p.value} (${spelled})` : p.value} — ${p.chunk.fieldLabel} : « ${quote} » ${marker}`);
  }
  return { answer: lines.join("\n"), citations: citations.items };
}

/** The first of a sheet's chunks to spell the acronym out, read no further than it. */
function spelledOutInSheet(ctx: QueryContext, ficheId: string, acronym: string): string | undefined {
  for (const chunk of sheetChunks(ctx.index, ficheId)) {
    const spelled = spelledOutIn(acronym, chunk.text);
    if (spelled) return spelled;
  }
  return undefined;
}
