// List questions: one line per sheet that answers, grouped by city, each with its citation.
// Candidates are the sheets that score near the best one; among them, a sheet is kept when it
// covers most of the specific concepts that make the best sheet an answer, so a list does not
// trail off into sheets that merely share a word. (Measured on the dev set: anchoring on the
// best-ranked sheet beats anchoring on the sheet covering most concepts, 0.84 vs 0.68 city F1,
// because question verbs such as "monté" also count as concepts.)
import { analyze } from "../../../ingest/analyzeFrench.ts";
import { conceptCoverage, covers, isSpecific } from "../understand/concepts.ts";
import { CitationList } from "./citationList.ts";
import { MESSAGES } from "./messages.ts";
import type { QueryContext } from "../understand/queryContext.ts";
import type { RankedFiche } from "../retrieve/rankFiches.ts";
import type { BuiltAnswer } from "./builtAnswer.ts";

const RELATIVE_SCORE = 0.3;
const MIN_COVERAGE = 0.6;
const MAX_SHEETS = 10;

/** The chunk to cite for a sheet: the best-ranked one that names the question's entities. */
function evidence(ctx: QueryContext, r: RankedFiche) {
  if (ctx.entities.length === 0) return r.chunks[0];
  return r.chunks.slice(0, 6).find((c) => ctx.entities.every((t) => analyze(`${c.chunk.title} ${c.chunk.text}`).includes(t))) ?? r.chunks[0];
}

/** The sheets a list answer names, best first (also what search puts first for a list question). */
export function selectListSheets(ctx: QueryContext, ranked: RankedFiche[]): RankedFiche[] {
  const termsOf = (id: string) => ctx.stats.ficheTerms.get(id);
  // a list names the cities that run an action: a workshop synthesis is evidence, not an action
  const actions = ranked.filter((r) => ctx.index.ficheById.get(r.ficheId)?.kind === "fiche");
  // an acronym the question names (PSSM, CAF, CCOMS…) designates one programme or body: a
  // sheet that never mentions it does not answer "which actions … the CAF". (Requiring it in
  // the asked field too was tried and dropped: "financées par l'ARS" is often written out as
  // "Agence Régionale de Santé" in the funders field.)
  const naming = actions.filter((r) => ctx.entities.every((t) => termsOf(r.ficheId)?.has(t)));
  const sheets = naming.length > 0 ? naming : actions;
  const top = sheets[0]?.score ?? 0;
  const answering = sheets[0]
    ? ctx.concepts.filter((c) => !c.unknown && isSpecific(c, ctx.stats) && covers(c, ctx.stats.ficheTerms.get(sheets[0].ficheId)))
    : [];
  const kept = sheets
    .filter((r) => r.score >= top * RELATIVE_SCORE)
    .filter((r, i) => i === 0 || conceptCoverage(answering, ctx.stats.ficheTerms.get(r.ficheId), ctx.stats) >= MIN_COVERAGE)
    .slice(0, Math.min(MAX_SHEETS, ctx.k ?? MAX_SHEETS));
  return kept;
}

export function answerList(ctx: QueryContext, ranked: RankedFiche[]): BuiltAnswer {
  const kept = selectListSheets(ctx, ranked);
  const citations = new CitationList(ctx.termSet);
  const byCity = new Map<string, string[]>();
  for (const r of kept) {
    const fiche = ctx.index.ficheById.get(r.ficheId)!;
    const marker = citations.cite(evidence(ctx, r).chunk, r.score);
    const lines = byCity.get(fiche.city) ?? [];
    lines.push(`- ${fiche.city} — ${fiche.title} ${marker}`);
    byCity.set(fiche.city, lines);
  }
  const m = MESSAGES[ctx.lang];
  const answer = [m.listIntro(kept.length, byCity.size), ...[...byCity.values()].flat()].join("\n");
  return { answer, citations: citations.items };
}
