// Similar-action answers: the sheet named, then its nearest other sheets with the facets they
// share (decide/similarSheets.ts). Never the sheet itself.
import type { QueryContext } from "../understand/queryContext.ts";
import type { SimilarSheets } from "../decide/similarSheets.ts";
import { TUNING } from "../tuning.ts";
import type { BuiltAnswer } from "./builtAnswer.ts";
import { CitationList } from "./citationList.ts";
import { MESSAGES } from "./messages.ts";

export function answerSimilar(ctx: QueryContext, { reference, near }: SimilarSheets): BuiltAnswer {
  const citations = new CitationList(ctx.termSet);
  const m = MESSAGES[ctx.lang];
  const lines = [m.similarIntro(`${reference.city} — ${reference.title}`)];
  for (const { hit, chunk, evidence } of near) {
    const why = hit.shared.flatMap((s) => s.values).slice(0, TUNING.similar.reasonsShown);
    const marker = evidence ? citations.citeSpan(chunk, evidence, hit.score) : citations.cite(chunk, hit.score);
    lines.push(`- ${hit.fiche.city} — ${hit.fiche.title}${why.length ? ` (${m.shares} : ${why.join(", ")})` : ""} ${marker}`);
  }
  return { answer: lines.join("\n"), citations: citations.items };
}
