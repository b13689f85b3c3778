// Field answers: the asked field(s) of each selected sheet (decide/selectFieldSheets.ts), quoted.
import type { QueryContext } from "../understand/queryContext.ts";
import type { RankedFiche } from "../retrieve/rankFiches.ts";
import { TUNING } from "../tuning.ts";
import { isPlaceholder } from "../decide/findValue.ts";
import type { BuiltAnswer } from "./builtAnswer.ts";
import { CitationList } from "./citationList.ts";
import { MESSAGES } from "./messages.ts";

const { fieldQuoteChars } = TUNING.compose;

/** The form's money fields: a sheet that names no funder may still say what paid ("inscrit dans le
 * plan de formation de la collectivité" under Budget), and a sheet with no budget who funds it. */
const MONEY_FIELDS = ["funders", "budget_city_contribution", "budget", "budget_operating", "budget_investment"];

/** The fields to quote when none of the asked ones is filled in: their money siblings, if they are money fields. */
const relatedFields = (asked: readonly string[]) => (asked.some((f) => MONEY_FIELDS.includes(f)) ? MONEY_FIELDS.filter((f) => !asked.includes(f)) : []);

export function answerField(ctx: QueryContext, sheets: RankedFiche[]): BuiltAnswer {
  const citations = new CitationList(ctx.termSet);
  const lines: string[] = [];
  const m = MESSAGES[ctx.lang];
  for (const r of sheets) {
    const fiche = ctx.index.ficheById.get(r.ficheId)!;
    // a field filled in with "/", "0" or "néant" says nothing: it is not quoted as an answer
    const filled = (fields: readonly string[]) => (ctx.index.chunksByFiche.get(fiche.id) ?? []).filter((c) => fields.includes(c.field) && !isPlaceholder(c.text));
    let chunks = filled(ctx.intent.fields);
    let fields = ctx.intent.fields;
    if (chunks.length === 0) {
      fields = relatedFields(ctx.intent.fields);
      chunks = filled(fields);
      if (chunks.length > 0) lines.push(`${fiche.city} — ${fiche.title} : ${m.fieldRelatedOnly}`);
    } else {
      lines.push(`${fiche.city} — ${fiche.title} :`);
    }
    if (chunks.length === 0) {
      if (sheets.length === 1) lines.push(m.fieldMissing(ctx.intent.fields.map((f) => f.replace(/_/g, " ")).join(", "), fiche.title));
      // over several sheets ("et leur budget ?"), each is accounted for, the silent ones too
      else if (ctx.scope) lines.push(`${fiche.city} — ${fiche.title} : ${m.fieldNotGiven}`);
      continue;
    }
    // the asked fields in the order the question's field list gives them; first chunk of each
    for (const field of fields) {
      const chunk = chunks.find((c) => c.field === field);
      if (!chunk) continue;
      const whole = chunk.text.length <= fieldQuoteChars;
      const quote = (whole ? chunk.text : `${chunk.text.slice(0, fieldQuoteChars)}…`).replace(/\s*\n+\s*/g, " / ");
      lines.push(`- ${chunk.fieldLabel} : « ${quote} » ${citations.cite(chunk, r.score, whole)}`);
    }
  }
  return { answer: lines.join("\n"), citations: citations.items };
}
