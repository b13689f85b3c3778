// The retrieval side of the API (AssistantServices) over a loaded index: intent-aware search,
// extractive answers with citations, sheet cards and similar sheets.
import type { Fiche } from "../../ingest/types.ts";
import type { AskRequest, AskResult, AssistantServices, FicheCard, Filters, Lang, SearchHit } from "./types.ts";
import { topicAbsent, unknownPlace } from "./decide/abstain.ts";
import { answerField } from "./compose/answerField.ts";
import { answerGeneral } from "./compose/answerGeneral.ts";
import { answerList, selectListSheets } from "./compose/answerList.ts";
import { answerSimilar, reasonChunk, referenceFiche, SIMILAR_COUNT } from "./compose/answerSimilar.ts";
import type { BuiltAnswer } from "./compose/builtAnswer.ts";
import { detectIntent, stripQuestionFrame } from "./understand/detectIntent.ts";
import { MESSAGES } from "./compose/messages.ts";
import { covers, isSpecific, mergeConcepts, namedEntities, questionConcepts, splitExamples, type Concept } from "./understand/concepts.ts";
import { citiesNamed, queryTerms, type QueryContext } from "./understand/queryContext.ts";
import { rankForQuestion } from "./retrieve/rankForQuestion.ts";
import { selectExcerpt } from "./compose/selectExcerpt.ts";
import { corpusStats, type CorpusStats } from "./retrieve/corpusStats.ts";
import { facetCounts } from "./retrieve/facets.ts";
import { ficheFilter } from "./retrieve/ficheFilter.ts";
import { similarFiches } from "./retrieve/similarFiches.ts";
import type { LoadedIndex } from "../services/loadIndex.ts";

/** Language and search text of a question; `added` are the glossary's French terms for an English one. */
export type ExpandQuery = (question: string, lang?: Lang) => { lang: Lang; expanded: string; added: string[]; concepts: string[][] };

const MAX_HITS_PER_SHEET = 2;

export function toCard(f: Fiche): FicheCard {
  return {
    id: f.id,
    kind: f.kind,
    city: f.city,
    title: f.title,
    ...(f.axis ? { axis: f.axis } : {}),
    fields: Object.fromEntries(f.fields.map((x) => [x.name, x.value])),
    labels: Object.fromEntries(f.fields.map((x) => [x.name, x.label])),
  };
}

/** At most k citations: answer lines citing a later one go with it, so every [n] stays valid. */
function keepFirstCitations(built: BuiltAnswer, k: number): BuiltAnswer {
  const lines = built.answer.split("\n").filter((line) => [...line.matchAll(/\[(\d+)\]/g)].every((m) => Number(m[1]) <= k));
  return { answer: lines.join("\n"), citations: built.citations.slice(0, k) };
}

export function createAssistant(index: LoadedIndex, expand: ExpandQuery): AssistantServices {
  const stats: CorpusStats = corpusStats(index.chunks, index.fiches);
  const facets = facetCounts(index.fiches);
  const cards = index.fiches.map(toCard);

  const context = (question: string, filters: Filters | undefined, scope?: Set<string>): QueryContext => {
    const searchable = stripQuestionFrame(question) || question;
    // the language from the whole question: its frame ("Which cities…") is what says English
    const { lang } = expand(question);
    const { expanded } = expand(searchable, lang);
    const terms = queryTerms(expanded);
    // concepts serve answers (abstention, lists), not search: computed on first use
    let concepts: Concept[] | undefined;
    let entities: string[] | undefined;
    const conceptsOf = (text: string) => questionConcepts(text, expand(text, lang).concepts, lang, stats);
    const allConcepts = () => {
      const { main, examples } = splitExamples(searchable);
      return [...conceptsOf(main), ...examples.map((e) => mergeConcepts(conceptsOf(e))).filter((c) => c !== undefined)];
    };
    const userFilter = ficheFilter(filters);
    const filter = scope ? (f: Fiche) => scope.has(f.id) && (!userFilter || userFilter(f)) : userFilter;
    return {
      index,
      stats,
      question,
      lang,
      text: expanded,
      terms,
      termSet: new Set(terms),
      get concepts() {
        return (concepts ??= allConcepts());
      },
      get entities() {
        return (entities ??= namedEntities(splitExamples(searchable).main, stats));
      },
      intent: detectIntent(question),
      filter,
      cities: citiesNamed(question, index.fiches),
    };
  };

  /** Why the corpus cannot answer, if it cannot. */
  const abstention = (ctx: QueryContext, topFicheId: string | undefined): string | undefined => {
    const place = unknownPlace(ctx.question, stats);
    if (place) return MESSAGES[ctx.lang].unknownPlace(place);
    if (!topFicheId || topicAbsent(ctx.concepts, stats.ficheTerms.get(topFicheId), stats)) return MESSAGES[ctx.lang].nothing;
    return undefined;
  };

  /** A follow-up over earlier sheets: none of them holds any specific concept the question asks about. */
  const scopedAbstention = (ctx: QueryContext, ranked: { ficheId: string }[]): string | undefined => {
    const specific = ctx.concepts.filter((c) => !c.unknown && isSpecific(c, stats));
    if (specific.length === 0 || ctx.intent.kind === "field") return undefined;
    const anyCovers = ranked.some((r) => specific.some((c) => covers(c, stats.ficheTerms.get(r.ficheId))));
    return anyCovers ? undefined : MESSAGES[ctx.lang].noneInScope;
  };

  const hitFrom = (ctx: QueryContext, chunk: (typeof index.chunks)[number], score: number): SearchHit => {
    const { excerpt, start, end } = selectExcerpt(chunk, ctx.termSet);
    return { ficheId: chunk.ficheId, city: chunk.city, title: chunk.title, field: chunk.field, fieldLabel: chunk.fieldLabel, excerpt, score: Math.round(score * 1e4) / 1e4, chunkId: chunk.id, start, end };
  };

  return {
    async search(q, { k, filters }) {
      const ctx = context(q, filters);
      const ranked = await rankForQuestion(ctx, ctx.intent.kind === "field" ? ctx.intent.fields : undefined);
      if (ctx.intent.kind === "similar") {
        const ref = referenceFiche(ctx, ranked);
        if (ref) {
          return similarFiches(index, stats, ref.id, Math.max(k, SIMILAR_COUNT), ctx.filter)
            .map((hit) => ({ hit, chunk: reasonChunk(ctx, hit) }))
            .filter((x) => x.chunk)
            .map(({ hit, chunk }) => hitFrom(ctx, chunk!, hit.score))
            .slice(0, k);
        }
      }
      // a list question's search shows first the sheets its answer lists, then the others
      const listed = ctx.intent.kind === "list" ? selectListSheets(ctx, ranked) : [];
      const order = [...listed, ...ranked.filter((r) => !listed.includes(r))];
      const hits: SearchHit[] = [];
      for (const r of order) {
        for (const { chunk, score } of r.chunks.slice(0, MAX_HITS_PER_SHEET)) hits.push(hitFrom(ctx, chunk, score));
        if (hits.length >= k) break;
      }
      return hits.slice(0, k);
    },

    async ask(req: AskRequest): Promise<AskResult> {
      const started = performance.now();
      const previous = [...(req.history ?? [])].reverse().find((t) => t.role === "assistant" && t.ficheIds?.length);
      const probe = detectIntent(req.question);
      const scope = probe.followUp && previous?.ficheIds ? new Set(previous.ficheIds) : undefined;
      const ctx = { ...context(req.question, req.filters, scope), k: req.k };
      const ranked = await rankForQuestion(ctx, ctx.intent.fields.length ? ctx.intent.fields : undefined);

      let built: BuiltAnswer;
      const refusal = scope ? scopedAbstention(ctx, ranked) : abstention(ctx, ranked[0]?.ficheId);
      if (refusal) built = { answer: refusal, citations: [] };
      else if (ctx.intent.kind === "similar") {
        const ref = referenceFiche(ctx, ranked);
        built = ref ? answerSimilar(ctx, ref) : { answer: MESSAGES[ctx.lang].nothing, citations: [] };
      } else if (ctx.intent.kind === "list") built = answerList(ctx, ranked);
      else if (ctx.intent.kind === "field") built = answerField(ctx, ranked, scope !== undefined);
      else built = answerGeneral(ctx, ranked);

      if (req.k !== undefined && built.citations.length > req.k) built = keepFirstCitations(built, req.k);
      const citedIds = [...new Set(built.citations.map((c) => c.ficheId))];
      return {
        answer: built.answer,
        intent: built.citations.length ? ctx.intent.kind : "none",
        lang: ctx.lang,
        citations: built.citations,
        fiches: citedIds.map((id) => toCard(index.ficheById.get(id)!)),
        embedder: index.manifest.embedder.id,
        tookMs: Math.round(performance.now() - started),
      };
    },

    listFiches: () => ({ fiches: cards, facets }),
    getFiche: (id) => {
      const f = index.ficheById.get(id);
      return f ? toCard(f) : undefined;
    },
    async similar(id, k) {
      return similarFiches(index, stats, id, k).map((h) => ({ fiche: toCard(h.fiche), score: Math.round(h.score * 1e4) / 1e4, shared: h.shared }));
    },
    ready: () => ({
      embedder: index.manifest.embedder.id,
      dimension: index.manifest.embedder.dimension,
      fiches: index.manifest.counts.fiches,
      chunks: index.manifest.counts.chunks,
      builtAt: index.manifest.builtAt,
    }),
  };
}
