// GET /api/origin: tells the widget, before any question, whether its page's origin may call
// the API. A refused origin gets no CORS header from server/cors.ts, so the browser would hide
// any answer; this one route therefore always allows the asking origin to READ the reply, which
// only says yes or no and echoes the origin, so the widget can tell the editor what to add to
// ALLOWED_ORIGINS. Whether the origin is allowed is read from the header the CORS plugin set in
// its onRequest hook: one source of truth for the decision.
import { z } from "zod";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";

export const OriginResponseSchema = z.object({
  allowed: z.boolean(),
  origin: z.string().optional().describe("the Origin header of the request, when the browser sent one"),
});

export const originRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get("/api/origin", {
    schema: {
      summary: "Whether the calling page's origin may use the API (for the widget, before any question)",
      response: { 200: OriginResponseSchema },
    },
  }, async (request, reply) => {
    const origin = request.headers.origin;
    // no Origin: a same-origin GET or a non-browser client, which CORS does not concern
    if (!origin) return { allowed: true };
    const allowed = reply.getHeader("access-control-allow-origin") === origin;
    if (!allowed) {
      reply.header("access-control-allow-origin", origin);
      reply.header("vary", "Origin");
    }
    reply.header("cache-control", "no-store");
    return { allowed, origin };
  });
};
