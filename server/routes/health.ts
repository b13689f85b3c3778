// Probes. /health says the process answers; /ready says the index is loaded and usable.
// Neither is rate-limited: orchestrators poll them and must not be told 429.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AssistantServices } from "../contracts.ts";
import { AppError } from "../errors.ts";
import { HealthResponseSchema, ReadyResponseSchema, errorResponses } from "../schemas.ts";

export const healthRoutes: FastifyPluginAsyncZod<{ services: AssistantServices }> = async (app, { services }) => {
  app.get(
    "/health",
    { config: { rateLimit: false }, schema: { summary: "Liveness", response: { 200: HealthResponseSchema } } },
    async () => ({ status: "ok" as const }),
  );

  app.get(
    "/ready",
    {
      config: { rateLimit: false },
      schema: { summary: "Readiness: index loaded, embedder id, counts", response: { 200: ReadyResponseSchema, ...errorResponses } },
    },
    async (request) => {
      try {
        return { status: "ready" as const, ...services.ready() };
      } catch (err) {
        // A service that knows what is wrong (INDEX_MISMATCH…) says so; anything else is "not yet".
        if (err instanceof AppError) throw err;
        request.log.warn({ err }, "not ready");
        throw new AppError("NOT_READY", {}, { cause: err });
      }
    },
  );
};
