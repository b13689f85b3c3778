// GET /api/fiches (cards + facet counts), /api/fiches/:id, /api/fiches/:id/similar.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AssistantServices, FicheCard } from "../contracts.ts";
import { AppError, quoteValue } from "../errors.ts";
import { catalogueStream } from "../catalogueStream.ts";
import {
  FicheCardSchema,
  FicheListResponseSchema,
  FicheParamsSchema,
  SimilarQuerySchema,
  SimilarResponseSchema,
  errorResponses,
} from "../schemas.ts";

/** The card, or a 404 naming the id; shared with the deep-link page route. */
export function requireFiche(services: AssistantServices, id: string): FicheCard {
  const fiche = services.getFiche(id);
  if (!fiche) throw new AppError("UNKNOWN_FICHE", { field: "id", detail: quoteValue(id) });
  return fiche;
}

export const ficheRoutes: FastifyPluginAsyncZod<{ services: AssistantServices }> = async (app, { services }) => {
  app.get(
    "/api/fiches",
    {
      schema: {
        summary: "All fiches with their fields, and facet counts for the filters",
        response: { 200: FicheListResponseSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      // one catalogue per build: a browser that has it revalidates and gets a 304, not the whole (~25 MB at ×100) again
      const { builtAt, fiches, chunks } = services.ready();
      const etag = `"${builtAt}/${fiches}/${chunks}"`;
      reply.header("etag", etag).header("cache-control", "no-cache");
      if (request.headers["if-none-match"] === etag) return reply.code(304).send();
      // written card by card (catalogueStream.ts), not serialised whole: the schema above documents it (a stream is sent
      // as it is, which the typed reply cannot say)
      return reply.type("application/json; charset=utf-8").send(catalogueStream(services.listFiches()) as never);
    },
  );

  app.get(
    "/api/fiches/:id",
    {
      schema: {
        summary: "One fiche with all its fields",
        params: FicheParamsSchema,
        response: { 200: FicheCardSchema, ...errorResponses },
      },
    },
    async (request) => requireFiche(services, request.params.id),
  );

  app.get(
    "/api/fiches/:id/similar",
    {
      schema: {
        summary: "The nearest other fiches, with the facets they share",
        params: FicheParamsSchema,
        querystring: SimilarQuerySchema,
        response: { 200: SimilarResponseSchema, ...errorResponses },
      },
    },
    async (request) => {
      requireFiche(services, request.params.id);
      return { similar: await services.similar(request.params.id, request.query.k) };
    },
  );
};
