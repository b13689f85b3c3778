// Field answers: the asked field(s) of each selected sheet (decide/selectFieldSheets.ts), quoted.
import type { QueryContext } from "../understand/queryContext.ts";
import type { RankedFiche } from "../retrieve/rankFiches.ts";
import { TUNING } from "../tuning.ts";
import { isPlaceholder } from "../decide/findValue.ts";
import type { BuiltAnswer } from "./builtAnswer.ts";
import { CitationList } from "./citationList.ts";
import { MESSAGES } from "./messages.ts";

const { fieldQuoteChars } = TUNING.compose;

export function answerField(ctx: QueryContext, sheets: RankedFiche[]): BuiltAnswer {
  const citations = new CitationList(ctx.termSet);
  const lines: string[] = [];
  const m = MESSAGES[ctx.lang];
  for (const r of sheets) {
    const fiche = ctx.index.ficheById.get(r.ficheId)!;
    // a field filled in with "/", "0" or "néant" says nothing: it is not quoted as an answer
    const chunks = (ctx.index.chunksByFiche.get(fiche.id) ?? []).filter((c) => ctx.intent.fields.includes(c.field) && !isPlaceholder(c.text));
    if (chunks.length === 0) {
      if (sheets.length === 1) lines.push(m.fieldMissing(ctx.intent.fields.map((f) => f.replace(/_/g, " ")).join(", "), fiche.title));
      // over several sheets ("et leur budget ?"), each is accounted for, the silent ones too
      else if (ctx.scope) lines.push(`${fiche.city} — ${fiche.title} : ${m.fieldNotGiven}`);
      continue;
    }
    lines.push(`${fiche.city} — ${fiche.title} :`);
    // the asked fields in the order the question's field list gives them; first chunk of each
    for (const field of ctx.intent.fields) {
      const chunk = chunks.find((c) => c.field === field);
      if (!chunk) continue;
      const whole = chunk.text.length <= fieldQuoteChars;
      const quote = (whole ? chunk.text : `${chunk.text.slice(0, fieldQuoteChars)}…`).replace(/\s*\n+\s*/g, " / ");
      lines.push(`- ${chunk.fieldLabel} : « ${quote} » ${citations.cite(chunk, r.score, whole)}`);
    }
  }
  return { answer: lines.join("\n"), citations: citations.items };
}
