// GET /api/search: ranked passages, the evaluation's view of retrieval (DESIGN.md, Targets).
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AssistantServices } from "../contracts.ts";
import { resolveFilters } from "../filters.ts";
import { SearchQuerySchema, SearchResponseSchema, errorResponses } from "../schemas.ts";

export const searchRoutes: FastifyPluginAsyncZod<{ services: AssistantServices }> = async (app, { services }) => {
  app.get(
    "/api/search",
    {
      schema: {
        summary: "Passages of the fiches ranked for a query",
        querystring: SearchQuerySchema,
        response: { 200: SearchResponseSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { q, k, ...filters } = request.query;
      const resolved = resolveFilters(filters, services.listFiches().facets);
      return { results: await services.search(q, { k, filters: resolved }) };
    },
  );
};
