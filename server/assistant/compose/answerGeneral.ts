// Other questions: the best passages of the selected sheets, each cited, a few per sheet.
import { analyze } from "../../../ingest/text/index.ts";
import type { Chunk } from "../../../ingest/types.ts";
import { isSpecific } from "../understand/concepts.ts";
import { bestEvidence } from "../decide/evidence.ts";
import { sheetChunks } from "../decide/sheetChunks.ts";
import type { QueryContext } from "../understand/queryContext.ts";
import type { RankedFiche } from "../retrieve/rankFiches.ts";
import { heldTextTerms } from "../retrieve/statements.ts";
import { TUNING } from "../tuning.ts";
import type { BuiltAnswer } from "./builtAnswer.ts";
import { CitationList } from "./citationList.ts";
import { MESSAGES } from "./messages.ts";

const { evidenceCandidates, generalMaxPassages, generalPassagesPerSheet } = TUNING.compose;

type Quoted = { chunk: Chunk; score: number };

/**
 * A sheet's passages worth quoting, and how many: those whose own text holds a question term come first.
 * Short fields (porteur, territory) often rank high on their "Ville — Titre — Champ" header
 * alone, which says nothing the line does not already say.
 */
function evidenceChunks(ctx: QueryContext, r: RankedFiche): { quoted: Quoted[]; shown: number } {
  const candidates = r.chunks.slice(0, evidenceCandidates);
  // the city's own name ("Ville de Lyon" as porteur) says nothing about the action either
  const cityTerms = new Set(ctx.cities.flatMap((c) => analyze(c)));
  // nor do the words of what the question names the sheet by ("What does the living library do?": its title's concept, with
  // every form the glossary gives it, « humaine » of « bibliothèque humaine » in a budget line among them)
  const titleTerms = new Set(analyze(ctx.index.ficheById.get(r.ficheId)?.title ?? ""));
  // — when the question asks nothing more: « Pourquoi la semaine … des jeunes a-t-elle eu du mal à toucher les élèves ? » names
  // the sheet by its title's words and asks about pupils, which a passage must still state
  const namesSheet = (c: { phrases: string[][] }) => c.phrases.some((p) => p.some((t) => titleTerms.has(t)));
  const specific = ctx.concepts.filter((c) => !c.unknown && isSpecific(c, ctx.stats));
  const onlyNamed = specific.every((c) => namesSheet(c) || c.phrases.every((p) => p.every((t) => cityTerms.has(t))));
  const naming = new Set(onlyNamed ? specific.filter(namesSheet).flatMap((c) => c.phrases.flat()) : []);
  const saysNothing = (t: string) => cityTerms.has(t) || naming.has(t);
  const telling = (t: string) => ctx.termSet.has(t) && !ctx.stats.common.has(t) && !saysNothing(t);
  // the text's terms as ingest analysed them, when it did (retrieve/statements.ts)
  const speaks = candidates.filter(({ chunk }) => (heldTextTerms(chunk) ?? analyze(chunk.text)).some(telling));
  if (speaks.length > 0) {
    const evidence = evidenceBeyond(ctx, r, speaks, saysNothing);
    // quoted before retrieval's own first passages, which keep their places (one of them may be what is asked in the
    // form's words: "what made it hard" is the difficulties field)
    return evidence ? { quoted: [{ chunk: evidence, score: r.score }, ...speaks.filter((s) => s.chunk !== evidence)], shown: generalPassagesPerSheet + 1 } : { quoted: speaks, shown: generalPassagesPerSheet };
  }
  // nothing specific asked ("what does Lyon do?"): what the action is, from its description
  const description = (ctx.index.chunksByFiche.get(r.ficheId) ?? []).filter((c) => c.field === "description").map((chunk) => ({ chunk, score: r.score }));
  return { quoted: description.length > 0 ? description : candidates, shown: generalPassagesPerSheet };
}

/**
 * The sheet's passage that states more of the question's specific concepts in its own words than any retrieval puts
 * first ("quels ateliers l'hôpital psychiatrique a-t-il animés pour les étudiants ?": the sentence of the workshops,
 * not the budget line that shares "animation"), when retrieval's first passages do not hold it; else none.
 */
function evidenceBeyond(ctx: QueryContext, r: RankedFiche, speaks: Quoted[], saysNothing: (term: string) => boolean): Chunk | undefined {
  // (not the city nor what names the sheet: a partners line writing « Montreuil » states neither what is asked)
  const concepts = ctx.concepts.filter((c) => !c.unknown && isSpecific(c, ctx.stats) && !c.phrases.every((p) => p.every(saysNothing)));
  if (concepts.length === 0) return undefined;
  const query = { concepts, stats: ctx.stats, exact: new Set(ctx.entities), askedFields: ctx.intent.fields };
  // read over the whole sheet (its ~25 chunks): retrieval's few may miss the one sentence that says it
  const ev = bestEvidence(sheetChunks(ctx.index, r.ficheId), query);
  const shown = speaks.slice(0, generalPassagesPerSheet);
  if (!ev || shown.some((s) => s.chunk === ev.chunk)) return undefined;
  const best = bestEvidence(shown.map((s) => s.chunk), query);
  return ev.own > (best?.own ?? 0) ? ev.chunk : undefined;
}

export function answerGeneral(ctx: QueryContext, sheets: RankedFiche[]): BuiltAnswer {
  const citations = new CitationList(ctx.termSet);
  const lines = [MESSAGES[ctx.lang].generalIntro];
  for (const r of sheets) {
    const fiche = ctx.index.ficheById.get(r.ficheId)!;
    const { quoted, shown } = evidenceChunks(ctx, r);
    for (const { chunk, score } of quoted.slice(0, shown)) {
      if (citations.items.length >= generalMaxPassages) break;
      const c = citations.citation(chunk, score);
      // one line per passage, so every line of the answer ends with its citation
      lines.push(`- ${fiche.city} — ${fiche.title} (${chunk.fieldLabel}) : « ${c.excerpt.replace(/\s*\n+\s*/g, " / ")} » [${c.n}]`);
    }
  }
  return { answer: lines.join("\n"), citations: citations.items };
}
