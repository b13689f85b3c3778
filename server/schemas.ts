// The HTTP contract: one zod schema per body, query, params and response. Fastify validates
// requests and serialises responses with them (fastify-type-provider-zod) and /docs is
// generated from them, so this file, DESIGN.md's API section and contracts.ts must agree;
// the type assertions at the bottom make tsc fail when they drift from contracts.ts.
//
// Avoid z.preprocess here: its input side cannot be expressed in JSON Schema, so the field
// would show as "any" in /docs. Transforms after a typed schema are fine.
import { z } from "zod";
import type { AskResult, FacetCounts, FicheCard, ReadyInfo, SearchHit, SimilarFiche } from "./contracts.ts";
import { MAX_QUESTION_CHARS } from "./errors.ts";

// ---- shared pieces ----

// Facet values are short labels; the bound only keeps junk out of logs and error messages.
const filterValue = z.string().trim().max(200);

export const FiltersSchema = z
  .strictObject({
    city: filterValue.optional(),
    axis: filterValue.optional(),
    theme: filterValue.optional(),
    determinant: filterValue.optional(),
    qpv: z.boolean().optional().describe("true: only sheets whose territory includes a QPV"),
  })
  .describe("Values must be among the facets of GET /api/fiches (case and accents are ignored)");

const ficheId = z.string().trim().min(1).max(200);

export const FicheCardSchema = z.object({
  id: z.string(),
  kind: z.enum(["fiche", "synthese"]),
  city: z.string(),
  title: z.string(),
  axis: z.string().optional(),
  fields: z.record(z.string(), z.string()).describe("canonical field name -> clean text"),
  labels: z.record(z.string(), z.string()).describe("canonical field name -> label as written in the sheet"),
});

const passage = {
  ficheId: z.string(),
  city: z.string(),
  title: z.string(),
  field: z.string(),
  fieldLabel: z.string(),
  excerpt: z.string(),
  score: z.number(),
  start: z.number().int().describe("offset of the excerpt in the field value"),
  end: z.number().int(),
};

export const CitationSchema = z.object({ n: z.number().int().min(1), ...passage });

export const ErrorResponseSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    field: z.string().optional().describe("the request field at fault"),
    requestId: z.string().optional().describe("5xx only: quote it when reporting the problem"),
  }),
});

// ---- POST /api/ask ----

export const AskBodySchema = z.object({
  question: z.string().trim().min(1).max(MAX_QUESTION_CHARS),
  filters: FiltersSchema.optional(),
  history: z
    .array(
      z.object({
        role: z.enum(["user", "assistant"]),
        content: z.string().max(8000),
        ficheIds: z.array(ficheId).max(50).optional(),
      }),
    )
    // Follow-ups only need the last few turns; the body limit bounds the rest anyway.
    .max(20)
    .optional(),
  k: z.number().int().min(1).max(20).optional().describe("how many passages to retrieve"),
});

export const AskResponseSchema = z.object({
  answer: z.string().describe("plain text (never HTML) with [n] markers pointing at citations"),
  intent: z.enum(["list", "field", "similar", "general", "none"]),
  lang: z.enum(["fr", "en"]),
  citations: z.array(CitationSchema),
  fiches: z.array(FicheCardSchema),
  embedder: z.string(),
  tookMs: z.number(),
  suggestions: z
    .array(z.object({ ficheId: z.string(), city: z.string(), title: z.string() }))
    .optional()
    .describe("when no sheet answers the question (or none within the filters): the closest sheets, shown apart from sources, never cited"),
  notice: z.string().optional().describe("set when part of the answer's pipeline could not be used: semantic search (the ranking is BM25's alone) or the optional LLM rewrite"),
});

// ---- GET /api/search ----

const queryBool = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");

export const SearchQuerySchema = z.object({
  q: z.string().trim().min(1).max(MAX_QUESTION_CHARS),
  k: z.coerce.number().int().min(1).max(50).default(10),
  city: filterValue.optional(),
  axis: filterValue.optional(),
  theme: filterValue.optional(),
  determinant: filterValue.optional(),
  qpv: queryBool.optional(),
});

export const SearchResponseSchema = z.object({
  results: z.array(z.object({ ...passage, chunkId: z.string() })),
});

// ---- /api/fiches ----

export const FicheParamsSchema = z.object({ id: ficheId });

export const SimilarQuerySchema = z.object({ k: z.coerce.number().int().min(1).max(20).default(5) });

export const FacetCountsSchema = z.object({
  cities: z.record(z.string(), z.number()),
  axes: z.record(z.string(), z.number()),
  themes: z.record(z.string(), z.number()),
  determinants: z.record(z.string(), z.number()),
  qpv: z.number().describe("number of sheets run in a QPV"),
});

export const FicheListResponseSchema = z.object({ fiches: z.array(FicheCardSchema), facets: FacetCountsSchema });

export const SimilarResponseSchema = z.object({
  similar: z.array(
    z.object({
      fiche: FicheCardSchema,
      score: z.number(),
      shared: z.array(z.object({ field: z.string(), values: z.array(z.string()) })).describe("facets both sheets share"),
    }),
  ),
});

// ---- probes ----

export const HealthResponseSchema = z.object({ status: z.literal("ok") });

export const ReadyResponseSchema = z.object({
  status: z.literal("ready"),
  embedder: z.string(),
  dimension: z.number(),
  fiches: z.number(),
  chunks: z.number(),
  builtAt: z.string(),
  stale: z.boolean().optional(),
  staleReason: z.string().optional(),
});

/** Error answers a route may give, for /docs; the handler in errors.ts always sends this shape. */
export const errorResponses = {
  "4xx": ErrorResponseSchema,
  "5xx": ErrorResponseSchema,
} as const;

// ---- drift guards: each line fails to compile if a schema and contracts.ts disagree ----

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const assertSame = <T extends true>(_: T) => undefined;
assertSame<Same<z.output<typeof AskResponseSchema>, AskResult>>(true);
assertSame<Same<z.output<typeof FicheCardSchema>, FicheCard>>(true);
assertSame<Same<z.output<typeof FacetCountsSchema>, FacetCounts>>(true);
assertSame<Same<z.output<typeof SearchResponseSchema>["results"][number], SearchHit>>(true);
assertSame<Same<z.output<typeof SimilarResponseSchema>["similar"][number], SimilarFiche>>(true);
assertSame<Same<Omit<z.output<typeof ReadyResponseSchema>, "status">, ReadyInfo>>(true);
