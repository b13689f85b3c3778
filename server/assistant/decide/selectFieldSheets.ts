// Which sheets a field question ("budget des Pôles Ressources Santé ?") quotes: the sheet whose
// title it quotes, else the best sheet and the next ones scoring close to it (two sheets on one
// topic), or every sheet in scope for a follow-up ("et leur budget ?").
import type { QueryContext } from "../understand/queryContext.ts";
import type { RankedFiche } from "../retrieve/rankFiches.ts";
import { TUNING } from "../tuning.ts";
import { titleMatch, titleTermsOf } from "./referenceFiche.ts";
import { covers } from "../understand/concepts.ts";
import { askedAbout } from "../understand/askedAbout.ts";
import { fold } from "../../../ingest/text/index.ts";

const { fieldCloseScore, fieldMaxCloseSheets, fieldMaxSheetsInScope, fieldTitleCoverage } = TUNING.decide;

export function selectFieldSheets(ctx: QueryContext, ranked: RankedFiche[]): RankedFiche[] {
  if (ctx.scope) return sheetsInScope(ctx, ranked);
  const named = titleMatch(ctx, ranked);
  const hasAskedField = (id: string) => ctx.index.ficheById.get(id)?.fields.some((x) => ctx.intent.fields.includes(x.name));
  // (a named sheet that lacks the field is still the one asked about, and its silence the answer — not another sheet's
  // value, « le budget de Regards sur l'Art » answered with another Poitiers action's budget — unless a sheet ranked above
  // it, its title sharing words of the named title the question holds, has the field: two sheets on one action, the 2021
  // one holding the contact, which English words translated into the other's title named)
  if (named && named.coverage >= fieldTitleCoverage) {
    const quoted = [...titleTermsOf(ctx.index.fiches, named.fiche)].filter((t) => ctx.termSet.has(t));
    const at = ranked.findIndex((r) => r.ficheId === named.fiche.id);
    const alike = hasAskedField(named.fiche.id) ? [] : ranked.slice(0, Math.max(0, at)).filter((r) => hasAskedField(r.ficheId) && quoted.some((t) => titleTermsOf(ctx.index.fiches, ctx.index.ficheById.get(r.ficheId)!).has(t)));
    const sheet = ranked[at];
    if (sheet && alike.length === 0) return [sheet];
  }
  // "When is the ECOVIP conference…": a name or acronym the question gives designates the sheets that write it and fill
  // the field asked, as in a list (selectListSheets); the best-ranked sheet may only share the question's other words
  // ("conference": a seminar). A named sheet without the field is left to the ranking, as a title matched is.
  const naming = ctx.entities.length > 0 ? ranked.filter((r) => ctx.entities.every((t) => ctx.stats.ficheTerms.get(r.ficheId)?.has(t)) && hasAskedField(r.ficheId)) : [];
  const pool = naming.length > 0 ? naming : ranked;
  const top = pool[0]?.score ?? 0;
  return pool.filter((r, i) => i === 0 || (i < fieldMaxCloseSheets && r.score >= top * fieldCloseScore));
}

/** A demonstrative and the noun after it (general French and English). */
const POINTED = /(?<![\p{L}])(?:ces|cette|cet|ce|those|these|this|that)\s+([\p{L}-]+)/giu;

/** The sheets in a follow-up's scope a value is asked of, up to fieldMaxSheetsInScope. */
export function sheetsInScope(ctx: QueryContext, ranked: RankedFiche[]): RankedFiche[] {
  // "And in Lille, who leads it?": a city the follow-up names picks among the sheets in scope
  const inCities = ranked.filter((r) => ctx.cities.includes(ctx.index.ficheById.get(r.ficheId)?.city ?? ""));
  const pool = inCities.length > 0 ? inCities : ranked;
  // "Et l'expo d'œuvres au CCAS de Poitiers, elle existe depuis quand ?": so does what it names beside the value asked
  // (not how it asks: "Et leur budget ?", "combien de monde" ask it of every sheet in scope; nor a noun after a
  // demonstrative, "ces rencontres", which names the last answer's sheets in the asker's words)
  const pointed = new Set([...ctx.question.matchAll(POINTED)].map((m) => fold(m[1])));
  const specific = askedAbout(ctx.question, ctx.intent.fields, ctx.concepts, ctx.stats).filter((c) => !(c.label && pointed.has(fold(c.label))));
  // (the sheets holding most of them: "existe" is how it is asked, and no sheet need write it)
  const held = pool.map((r) => specific.filter((c) => covers(c, ctx.stats.ficheTerms.get(r.ficheId))).length);
  const most = Math.max(0, ...held);
  return (most > 0 ? pool.filter((_, i) => held[i] === most) : pool).slice(0, fieldMaxSheetsInScope);
}
