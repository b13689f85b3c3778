// Builds the HTTP application over any AssistantServices and never listens (fastify/demo's
// app.ts vs server.ts): tests drive it with app.inject, server/main.ts starts it. Order
// matters: swagger and the rate limiter hook `onRoute`, so they are registered before routes.
import { randomUUID } from "node:crypto";
import path from "node:path";
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyServerOptions, type RawServerDefault } from "fastify";
import type { IncomingMessage, ServerResponse } from "node:http";
import cors from "@fastify/cors";
import helmet from "@fastify/helmet";
import rateLimit from "@fastify/rate-limit";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import { REPO_ROOT, type Config } from "./config.ts";
import type { AssistantServices } from "./contracts.ts";
import { corsDelegator } from "./cors.ts";
import { AppError, handleError, handleNotFound } from "./errors.ts";
import { createLlmRewriter, type Rewriter } from "./llm/rewriteWithLlm.ts";
import { askRoutes } from "./routes/ask.ts";
import { ficheRoutes } from "./routes/fiches.ts";
import { healthRoutes } from "./routes/health.ts";
import { swaggerUiOptions } from "./routes/docsUi.ts";
import { notFoundHandler } from "./routes/pages.ts";
import { searchRoutes } from "./routes/search.ts";
import { webRoutes } from "./routes/web.ts";

export type App = FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, FastifyBaseLogger, ZodTypeProvider>;

export interface BuildAppOptions {
  /** folder holding index.html, widget.js and assets/ (default: web/ at the repo root) */
  webDir?: string;
  /** Fastify logger options; default: pino at config.logLevel */
  logger?: FastifyServerOptions["logger"];
  /** replaces the LLM rewriter built from config.llm; null turns the rewrite off */
  rewriter?: Rewriter | null;
}

// Our own page and swagger-ui load only same-origin files; styles may be inline (style
// attributes), scripts may not. upgrade-insecure-requests is dropped because the server is
// also reached over plain http (localhost, intranet behind a TLS proxy), where it breaks assets.
const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  baseUri: ["'self'"],
  connectSrc: ["'self'"],
  fontSrc: ["'self'", "data:"],
  formAction: ["'self'"],
  frameAncestors: ["'self'"],
  imgSrc: ["'self'", "data:"],
  objectSrc: ["'none'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  upgradeInsecureRequests: null,
};

// Files a host page loads with <script src>/<link href> from another origin: with helmet's
// default `Cross-Origin-Resource-Policy: same-origin` the browser would refuse them.
const EMBEDDABLE = /^\/(?:widget\.js|assets\/)/;

export function buildApp(config: Readonly<Config>, services: AssistantServices, opts: BuildAppOptions = {}): App {
  const app = Fastify({
    logger: opts.logger ?? { level: config.logLevel },
    bodyLimit: config.bodyLimit,
    // Random ids: a 5xx answer quotes one, and sequential ids would collide across restarts.
    genReqId: () => randomUUID(),
    requestIdHeader: false,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  const webDir = opts.webDir ?? path.join(REPO_ROOT, "web");
  app.setNotFoundHandler(notFoundHandler(webDir, handleNotFound));

  app.addHook("onRequest", async (request, reply) => {
    reply.header("x-request-id", request.id);
  });
  // onSend, not onRequest: helmet sets its headers in a later onRequest hook.
  app.addHook("onSend", (request, reply, payload, done) => {
    if (EMBEDDABLE.test(request.url)) reply.header("cross-origin-resource-policy", "cross-origin");
    done(null, payload);
  });

  app.register(helmet, { contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES } });
  app.register(cors, { delegator: corsDelegator(config.allowedOrigins) });
  if (config.rateLimitMax > 0) {
    app.register(rateLimit, {
      max: config.rateLimitMax,
      timeWindow: "1 minute",
      errorResponseBuilder: (_request, ctx) =>
        new AppError("RATE_LIMITED", { detail: `The limit is ${ctx.max} requests per minute; retry in ${ctx.after}.` }),
    });
  }

  app.register(swagger, {
    openapi: {
      info: {
        title: "Fiches-action assistant",
        description: "Questions over the mental-health action sheets of the Réseau français Villes-Santé, answered with cited passages.",
        version: "0.1.0",
      },
    },
    transform: jsonSchemaTransform,
  });
  app.register(swaggerUi, swaggerUiOptions);

  const rewriter = opts.rewriter === undefined ? (config.llm ? createLlmRewriter(config.llm) : undefined) : (opts.rewriter ?? undefined);
  app.register(healthRoutes, { services });
  app.register(askRoutes, { services, ...(rewriter ? { rewriter } : {}) });
  app.register(searchRoutes, { services });
  app.register(ficheRoutes, { services });
  app.register(webRoutes, { services, webDir });

  return app;
}
