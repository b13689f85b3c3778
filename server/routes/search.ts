// GET /api/search: ranked passages, the evaluation's view of retrieval (DESIGN.md, Targets).
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AssistantServices } from "../contracts.ts";
import { resolveFilters } from "../filters.ts";
import { sendCached, sendAndCache, type ResponseCache } from "../cachedReply.ts";
import { SearchQuerySchema, SearchResponseSchema, errorResponses } from "../schemas.ts";

export interface SearchRouteOptions {
  services: AssistantServices;
  /** serialised answers of this worker; absent: nothing is cached */
  cache?: ResponseCache;
}

export const searchRoutes: FastifyPluginAsyncZod<SearchRouteOptions> = async (app, { services, cache }) => {
  app.get(
    "/api/search",
    {
      schema: {
        summary: "Passages of the fiches ranked for a query",
        querystring: SearchQuerySchema,
        response: { 200: SearchResponseSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { q, k, ...filters } = request.query;
      const { facets } = services.listFiches();
      // canonical filter spellings, so that `city=lille` and `city=Lille` share an entry; an unknown value throws here, before the cache
      const resolved = resolveFilters(filters, facets);
      // everything the answer depends on besides the build: the trimmed question, k and the filters
      const key = cache && JSON.stringify(["search", q, k, resolved.city, resolved.axis, resolved.theme, resolved.determinant, resolved.qpv]);
      if (cache && key) {
        const body = cache.get(facets, key);
        if (body) return sendCached(reply, body);
      }
      let degraded = false;
      const results = await services.search(q, { k, filters: resolved, onDenseFallback: () => (degraded = true) });
      // results from BM25 alone (the embeddings service failed) are not what this question gets once it is back
      return sendAndCache(reply, { results }, cache && key && !degraded ? { cache, build: facets, key } : undefined);
    },
  );
};
