// The sheet a question names by quoting its title ("le budget des Pôles Ressources Santé",
// "actions similaires aux Balades vertes de Poitiers"), among the named cities' sheets.
import { analyze } from "../../../ingest/text/index.ts";
import type { Fiche } from "../../../ingest/types.ts";
import { citiesNamed, type QueryContext } from "../understand/queryContext.ts";
import type { RankedFiche } from "../retrieve/rankFiches.ts";
import { idf } from "../retrieve/corpusStats.ts";
import { TUNING } from "../tuning.ts";

/**
 * Each sheet's title terms, and the sheets (by position) whose title holds a term: once per sheet
 * list, so a question reads only the titles sharing its terms (the ×100 profile: a scan of every
 * title was 20% of a question's CPU).
 */
interface TitleIndex {
  terms: Set<string>[];
  sheetsByTerm: Map<string, number[]>;
  /** each sheet's position, by id */
  positions: Map<string, number>;
}
const titleIndexes = new WeakMap<readonly Fiche[], TitleIndex>();
function titleIndexOf(fiches: readonly Fiche[]): TitleIndex {
  let index = titleIndexes.get(fiches);
  if (index) return index;
  index = { terms: fiches.map((f) => new Set(analyze(f.title))), sheetsByTerm: new Map(), positions: new Map(fiches.map((f, at) => [f.id, at])) };
  const { sheetsByTerm } = index;
  index.terms.forEach((terms, at) => {
    for (const t of terms) sheetsByTerm.get(t)?.push(at) ?? sheetsByTerm.set(t, [at]);
  });
  titleIndexes.set(fiches, index);
  return index;
}

/** The terms of the question's words that name one of its cities, by name or demonym. */
function cityTermsOf(ctx: QueryContext): Set<string> {
  const words = ctx.question.split(/[^\p{L}\p{N}'’-]+/u).filter(Boolean);
  return new Set(words.filter((w) => citiesNamed(w, ctx.index.fiches).some((c) => ctx.cities.includes(c))).flatMap((w) => analyze(w)));
}

/** The sheet whose title the question quotes best (share of its title terms); ties go to the better ranked. */
/** `byRarity`: the share is of the title terms' weights, each its idf: « santé mentale », in most titles and most questions,
 * names no sheet as « Art » does ("Poitiers' art exhibitions… mental wellbeing" quotes « Regards sur l'Art », not
 * « Séminaire Santé mentale »). */
export function titleMatch(ctx: QueryContext, ranked: RankedFiche[], acrossFilters = false, byRarity = false): { fiche: Fiche; coverage: number; weighted: number } | undefined {
  const rank = new Map(ranked.map((r, i) => [r.ficheId, i]));
  const { fiches } = ctx.index;
  const index = titleIndexOf(fiches);
  // « le projet caennais »: a word naming a city the question names (its name, its demonym) bounds the sheets already; in
  // a title (« … des jeunes caennais(se)s ») it says where, not which action
  const cityWords = ctx.cities.length ? cityTermsOf(ctx) : new Set<string>();
  const best = (positions: Iterable<number>) => {
    let top: { fiche: Fiche; coverage: number; score: number; rank: number } | undefined;
    for (const at of positions) {
      const f = fiches[at];
      // a filter narrows the sheets a title may name too (a Limoges title does not answer within Caen)
      // (not the sheet a similar question names: "comparable à la Bibliothèque vivante de Montreuil", within Poitiers)
      if ((ctx.cities.length && !ctx.cities.includes(f.city)) || (ctx.filter && !acrossFilters && !ctx.filter(f))) continue;
      const titleTerms = index.terms[at];
      if (titleTerms.size === 0) continue;
      let hit = 0;
      let held = 0;
      let weight = 0;
      for (const t of titleTerms) {
        if (cityWords.has(t)) continue;
        const w = byRarity ? idf(ctx.stats, ctx.stats.df.get(t) ?? 0) : 1;
        weight += w;
        if (ctx.termSet.has(t)) (hit++, (held += w));
      }
      const coverage = hit / titleTerms.size;
      const score = weight > 0 ? held / weight : 0;
      const r = rank.get(f.id) ?? Infinity;
      if (!top || score > top.score || (score === top.score && (coverage > top.coverage || (coverage === top.coverage && r < top.rank)))) top = { fiche: f, coverage, score, rank: r };
    }
    return top;
  };
  const sharing = new Set<number>();
  for (const t of ctx.termSet) for (const at of index.sheetsByTerm.get(t) ?? []) sharing.add(at);
  // a sheet sharing a term beats every other (coverage > 0), read in the corpus's order for the same ties;
  // when none is eligible, every coverage is 0 and the best ranked sheet wins: read them all
  const found = best([...sharing].sort((a, b) => a - b)) ?? best(fiches.keys());
  return found && { fiche: found.fiche, coverage: found.coverage, weighted: found.score };
}

/** A sheet's analysed title terms (from the title index, built once per sheet list). */
export function titleTermsOf(fiches: readonly Fiche[], fiche: Fiche): ReadonlySet<string> {
  const index = titleIndexOf(fiches);
  const at = index.positions.get(fiche.id);
  return at === undefined ? new Set(analyze(fiche.title)) : index.terms[at];
}

/** The sheet a "similar to X" question is about: the one sheet writing an acronym the question names, else the best
 * title overlap, else the previous answer's first sheet (a follow-up naming none), else the top retrieved sheet of the
 * cities it names. */
export function referenceFiche(ctx: QueryContext, ranked: RankedFiche[]): Fiche | undefined {
  // "like Caen's RCP Psy": an acronym the question names that one sheet alone writes designates that action; a title
  // sharing the question's other words ("santé mentale") does not name it unless its sheet writes the acronym too (an
  // acronym several sheets write, "CHU", may be a partner of the action, not its name)
  // the filters narrow the near sheets, not the one the question compares them with
  const byTitle = titleMatch(ctx, ranked, true, true);
  // (after an answer, "Any other actions like that, … for mental health?" is about that answer's sheet: a title it shares
  // only common words with, « Séminaire Santé mentale », is no name it gives; there the share is by rarity too)
  const min = TUNING.similar.minTitleCoverage;
  const titled = byTitle && byTitle.coverage >= min && (!ctx.similarTo || byTitle.weighted >= min) ? byTitle.fiche : undefined;
  const holders = ctx.entities.length > 0 ? ctx.stats.sheetsHolding(ctx.entities) : [];
  const naming = holders.length === 1 ? ctx.index.ficheById.get(holders[0]) : undefined;
  if (naming && (!ctx.cities.length || ctx.cities.includes(naming.city)) && (!titled || !holders.includes(titled.id))) return naming;
  if (titled) return titled;
  const previous = ctx.similarTo ? ctx.index.ficheById.get(ctx.similarTo) : undefined;
  if (previous) return previous;
  const top = ranked.find((r) => !ctx.cities.length || ctx.cities.includes(ctx.index.ficheById.get(r.ficheId)!.city)) ?? ranked[0];
  return top ? ctx.index.ficheById.get(top.ficheId) : undefined;
}
