// Builds the HTTP application over any AssistantServices and never listens (fastify/demo's
// app.ts vs server.ts): tests drive it with app.inject, server/main.ts starts it. Order
// matters: swagger and the rate limiter hook `onRoute`, so they are registered before routes.
import { randomUUID } from "node:crypto";
import path from "node:path";
import Fastify, { type FastifyBaseLogger, type FastifyReply, type FastifyInstance, type FastifyServerOptions, type RawServerDefault } from "fastify";
import type { IncomingMessage, ServerResponse } from "node:http";
import cors from "@fastify/cors";
import helmet from "helmet";
import rateLimit from "@fastify/rate-limit";
import { Redis } from "ioredis";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import { REPO_ROOT, type Config } from "./config.ts";
import type { AssistantServices } from "./contracts.ts";
import { corsDelegator } from "./cors.ts";
import { AppError, errorBody, handleError, handleNotFound } from "./errors.ts";
import { isHttps, trustedPeer } from "./trustedProxy.ts";
import { createLlmRewriter, type Rewriter } from "./llm/rewriteWithLlm.ts";
import { askRoutes } from "./routes/ask.ts";
import { ficheRoutes } from "./routes/fiches.ts";
import { healthRoutes } from "./routes/health.ts";
import { swaggerUiOptions } from "./routes/docsUi.ts";
import { notFoundHandler } from "./routes/pages.ts";
import { searchRoutes } from "./routes/search.ts";
import { createResponseCache } from "./responseCache.ts";
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
  frameAncestors: ["'self'"], // plus FRAME_ANCESTORS, see cspDirectives
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

/** HSTS (RFC 6797 §7.2): sent over HTTPS only, which behind a TLS proxy means X-Forwarded-Proto from a trusted one. */
const HSTS = "max-age=31536000; includeSubDomains";

/** The API is what costs: quotas apply to /api/* only, never to the page, its assets or probes. */
function apiRateLimit(url: string, method: string, config: Readonly<Config>): { max: number; timeWindow: string } | undefined {
  if (!url.startsWith("/api/")) return undefined;
  return { max: url === "/api/ask" && method === "POST" ? config.rateLimitAskMax : config.rateLimitMax, timeWindow: "1 minute" };
}

export function buildApp(config: Readonly<Config>, services: AssistantServices, opts: BuildAppOptions = {}): App {
  const { timeouts } = config;
  const app = Fastify({
    logger: opts.logger ?? { level: config.logLevel },
    bodyLimit: config.bodyLimit,
    // Slow clients (a body trickled byte by byte, headers never finished, idle keep-alives) are
    // dropped so they cannot hold sockets and file descriptors; Fastify's default is no limit.
    requestTimeout: timeouts.requestMs,
    connectionTimeout: timeouts.idleMs,
    keepAliveTimeout: timeouts.keepAliveMs,
    // Node checks headers/request time-outs every connectionsCheckingInterval (30 s by default).
    http: { headersTimeout: timeouts.headersMs, connectionsCheckingInterval: Math.min(1_000, timeouts.headersMs) },
    trustProxy: config.trustProxy === false ? false : typeof config.trustProxy === "number" ? config.trustProxy : [...config.trustProxy],
    // Random ids: a 5xx answer quotes one, and sequential ids would collide across restarts.
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    // Errors raised before routing (a URL that does not decode: `/%`, `%E0%A4%A`) bypass the
    // error handler; answer them in the catalogue's shape too.
    frameworkErrors: (_error, _request, reply) => {
      void (reply as FastifyReply).code(400).send(errorBody(new AppError("BAD_REQUEST", { detail: "The URL is malformed." })));
    },
  }).withTypeProvider<ZodTypeProvider>();

  const trusted = trustedPeer(config.trustProxy);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  const webDir = opts.webDir ?? path.join(REPO_ROOT, "web");
  app.setNotFoundHandler(notFoundHandler(webDir, handleNotFound));

  app.addHook("onRequest", (request, reply, done) => {
    reply.header("x-request-id", request.id);
    done();
  });
  // onSend, not onRequest: helmet sets its headers (on the raw response) in an onRequest hook.
  app.addHook("onSend", (request, reply, payload, done) => {
    if (EMBEDDABLE.test(request.url)) reply.header("cross-origin-resource-policy", "cross-origin");
    if (isHttps(request, trusted)) reply.header("strict-transport-security", HSTS);
    done(null, payload);
  });

  const directives = { ...CSP_DIRECTIVES, frameAncestors: ["'self'", ...config.frameAncestors] };
  // helmet's middleware, built once: @fastify/helmet builds it again from its options on every request
  // (~0.1 ms of CPU each, as much as a third of a /api/search at ×1). The same headers on every answer.
  const securityHeaders = helmet({
    contentSecurityPolicy: { useDefaults: false, directives },
    hsts: false,
    // X-Frame-Options cannot list origins; CSP frame-ancestors supersedes it where both exist.
    ...(config.frameAncestors.length > 0 ? { frameguard: false } : {}),
  });
  // helmet 8.1+ throws rather than passing an error on, so `done` is only ever called without one
  app.addHook("onRequest", (request, reply, done) => securityHeaders(request.raw, reply.raw, done as () => void));
  app.register(cors, { delegator: corsDelegator(config.allowedOrigins) });
  if (config.rateLimitMax > 0) {
    // Each /api route gets its own quota per client (request.ip: X-Forwarded-For through trusted
    // proxies only), set on the route before the limiter's own onRoute hook reads it.
    app.addHook("onRoute", (route) => {
      const methods = [route.method].flat();
      const limit = apiRateLimit(route.url, String(methods[0]), config);
      if (limit && route.config?.rateLimit === undefined) route.config = { ...route.config, rateLimit: limit };
    });
    const redis = config.redisUrl ? connectRedis(config.redisUrl, app) : undefined;
    app.register(rateLimit, {
      global: false,
      ...(redis ? { redis, nameSpace: "fiches-rate-limit-" } : {}),
      // Redis down: serve without quotas rather than fail every request (logged by connectRedis).
      skipOnError: true,
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
  // one per app, so one per worker process: the bound is a worker's
  const cache = createResponseCache(config.responseCache);
  app.register(askRoutes, { services, ...(rewriter ? { rewriter } : {}), ...(cache ? { cache } : {}) });
  app.register(searchRoutes, { services, ...(cache ? { cache } : {}) });
  app.register(ficheRoutes, { services });
  app.register(webRoutes, { services, webDir });

  return app;
}

/** A client that fails fast when Redis is away (no queue, one retry), and is closed with the app. */
function connectRedis(url: string, app: App): Redis {
  const redis = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 2_000, lazyConnect: false });
  let down = false;
  redis.on("error", (err) => {
    if (!down) app.log.warn({ err: err.message }, "rate-limit store unreachable: quotas are not enforced until it is back");
    down = true;
  });
  redis.on("ready", () => (down = false));
  app.addHook("onReady", async () => {
    if (redis.status !== "ready") await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 2_000);
      redis.once("ready", () => (clearTimeout(timer), resolve()));
    });
  });
  app.addHook("onClose", async () => {
    redis.disconnect();
  });
  return redis;
}
