// The one place that reads the environment. Parsed once at start-up into a frozen object so a
// bad value stops the process before it listens, with a message naming the variable and the
// form it expects (STYLE.md §6, §7).
import { isIP } from "node:net";
import { availableParallelism } from "node:os";
import { z } from "zod";
import { ConfigError, indexConfig, indexEnvSchema, optional, parseEnv, REPO_ROOT, type EmbedderSetting, type OpenAIEmbedderConfig } from "../ingest/config.ts";

export { ConfigError, REPO_ROOT };
export type EmbedderChoice = EmbedderSetting;
export type LogLevel = "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";

export interface LlmConfig {
  baseUrl: string;
  apiKey: string;
  model: string;
  timeoutMs: number;
  /** longest rewritten answer kept (characters); a longer one is cut at a sentence end */
  maxAnswerChars: number;
}

export interface Config {
  host: string;
  port: number;
  indexDir: string;
  seedsDir: string;
  embedder: EmbedderChoice;
  modelDir?: string;
  /** EMBEDDINGS_*: the embeddings service (ingest/config.ts) */
  openai?: OpenAIEmbedderConfig;
  /** exact origins (`scheme://host[:port]`) allowed to call the API from a browser */
  allowedOrigins: readonly string[];
  /** /api requests per minute, client and route; 0 turns the limiter off (load tests) */
  rateLimitMax: number;
  /** POST /api/ask per minute and client: an answer costs more than a search */
  rateLimitAskMax: number;
  /** shares the quotas between replicas when set (redis://host:port) */
  redisUrl?: string;
  /** proxies whose X-Forwarded-For/-Proto are believed: a hop count or addresses/CIDRs; false: none */
  trustProxy: false | number | readonly string[];
  bodyLimit: number;
  timeouts: Timeouts;
  /** origins allowed to frame the page (CSP frame-ancestors), besides the page's own */
  frameAncestors: readonly string[];
  /** how often the index pointer is polled besides file events (ms); 0: events only */
  reindexPollMs: number;
  /** how often the seeds are checked for changes, which rebuild the index (ms); 0: never */
  seedsPollMs: number;
  /** time a loaded build spends answering questions made of its own sheets before it serves (ms); 0: none */
  warmUpMs: number;
  /** set only when LLM_BASE_URL is: the rewrite step is off otherwise */
  llm?: LlmConfig;
  logLevel: LogLevel;
  /** processes serving the API (server/cluster.ts); 1 serves from this process */
  workers: number;
  /** serialised answers each worker keeps (server/responseCache.ts); entries 0: none */
  responseCache: Readonly<{ entries: number; maxBytes: number; admitSlots: number }>;
}

/** Node/Fastify socket timeouts, in ms (README, "Running it for real"). */
export interface Timeouts {
  /** all headers must arrive within this (http headersTimeout) */
  headersMs: number;
  /** the whole request, headers and body, must arrive within this (requestTimeout) */
  requestMs: number;
  /** an idle keep-alive connection is closed after this (keepAliveTimeout) */
  keepAliveMs: number;
  /** a socket silent this long both ways is closed (connectionTimeout): above LLM_TIMEOUT_MS */
  idleMs: number;
}

const intIn = (min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, `an integer between ${min} and ${max}`)
    .transform(Number)
    .pipe(z.number().int().min(min, `an integer between ${min} and ${max}`).max(max, `an integer between ${min} and ${max}`));

const originList = z
  .string()
  .transform((s) => s.split(",").map((o) => o.trim()).filter(Boolean))
  .superRefine((origins, ctx) => {
    for (const o of origins) {
      if (!isOrigin(o)) {
        ctx.addIssue({ code: "custom", message: `a comma-separated list of origins like https://intranet.example.fr (got "${o}")` });
      }
    }
  })
  .transform((origins) => origins.map((o) => new URL(o).origin));

/** An origin is scheme + host + optional port, nothing after: a path would never match `Origin:`. */
function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && value.replace(/\/$/, "") === url.origin;
  } catch {
    return false;
  }
}

/** TRUST_PROXY: `true`/a hop count, or comma-separated addresses and CIDRs (Fastify trustProxy). */
const trustProxy = z
  .string()
  .trim()
  .transform((s, ctx): false | number | string[] => {
    if (s === "false" || s === "0") return false;
    if (s === "true") return 1;
    if (/^\d+$/.test(s)) return Number(s);
    const list = s.split(",").map((a) => a.trim()).filter(Boolean);
    for (const a of list) {
      const [ip, bits, ...rest] = a.split("/");
      const family = isIP(ip ?? "");
      const maxBits = family === 4 ? 32 : 128;
      if (family === 0 || rest.length > 0 || (bits !== undefined && !(/^\d+$/.test(bits) && Number(bits) <= maxBits))) {
        ctx.addIssue({ code: "custom", message: `a hop count or comma-separated proxy addresses/CIDRs like 10.0.0.5,10.1.0.0/16 (got "${a}")` });
        return z.NEVER;
      }
    }
    return list;
  });

const redisUrl = z.string().trim().refine((v) => /^rediss?:\/\/[^\s]+$/.test(v), "a URL such as redis://127.0.0.1:6379");

const httpUrl = z.string().trim().refine(isHttpUrl, "an http(s) URL such as http://localhost:11434/v1");

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}

// INDEX_DIR, SEEDS_DIR, EMBEDDER, MODEL_DIR, EMBEDDINGS_*: shared with the ingest command (ingest/config.ts)
const envSchema = indexEnvSchema.extend({
  HOST: optional(z.string().trim()),
  PORT: optional(intIn(0, 65535)),
  ALLOWED_ORIGINS: optional(originList),
  RATE_LIMIT_MAX: optional(intIn(0, 1_000_000)),
  RATE_LIMIT_ASK_MAX: optional(intIn(1, 1_000_000)),
  REDIS_URL: optional(redisUrl),
  TRUST_PROXY: optional(trustProxy),
  HEADERS_TIMEOUT_MS: optional(intIn(100, 600_000)),
  REQUEST_TIMEOUT_MS: optional(intIn(100, 3_600_000)),
  KEEP_ALIVE_TIMEOUT_MS: optional(intIn(100, 600_000)),
  IDLE_TIMEOUT_MS: optional(intIn(100, 3_600_000)),
  FRAME_ANCESTORS: optional(originList),
  REINDEX_POLL_MS: optional(intIn(0, 3_600_000)),
  SEEDS_POLL_MS: optional(intIn(0, 3_600_000)),
  WARM_UP_MS: optional(intIn(0, 600_000)),
  // Below 1 KiB even a short question with filters would be refused.
  BODY_LIMIT: optional(intIn(1024, 10 * 1024 * 1024)),
  LLM_BASE_URL: optional(httpUrl),
  LLM_API_KEY: optional(z.string()),
  LLM_MODEL: optional(z.string().trim()),
  LLM_TIMEOUT_MS: optional(intIn(100, 600_000)),
  LLM_MAX_ANSWER_CHARS: optional(intIn(200, 100_000)),
  WORKERS: optional(intIn(1, 64)),
  CACHE_ENTRIES: optional(intIn(0, 1_000_000)),
  LOG_LEVEL: optional(z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], "one of fatal, error, warn, info, debug, trace, silent")),
});

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Readonly<Config> {
  const e = parseEnv(envSchema, env);

  let llm: LlmConfig | undefined;
  if (e.LLM_BASE_URL) {
    if (!e.LLM_MODEL) throw new ConfigError("LLM_MODEL", "a model name when LLM_BASE_URL is set (e.g. mistral-small)", env.LLM_MODEL);
    llm = Object.freeze({
      baseUrl: e.LLM_BASE_URL.replace(/\/+$/, ""),
      // Local servers (Ollama, vLLM) need no key, but the OpenAI client refuses an empty one.
      apiKey: e.LLM_API_KEY?.trim() || "not-needed",
      model: e.LLM_MODEL,
      timeoutMs: e.LLM_TIMEOUT_MS ?? 15_000,
      // the longest extractive answers (lists of ~20 sheets) are ~3,000 characters
      maxAnswerChars: e.LLM_MAX_ANSWER_CHARS ?? 6_000,
    });
  }

  // Node requires headersTimeout <= requestTimeout; a socket silent while the LLM thinks must
  // not be cut, so the idle time-out stays above LLM_TIMEOUT_MS.
  const requestMs = e.REQUEST_TIMEOUT_MS ?? 30_000;
  const headersMs = e.HEADERS_TIMEOUT_MS ?? Math.min(10_000, requestMs);
  if (headersMs > requestMs) throw new ConfigError("HEADERS_TIMEOUT_MS", `at most REQUEST_TIMEOUT_MS (${requestMs})`, env.HEADERS_TIMEOUT_MS);
  const idleMs = e.IDLE_TIMEOUT_MS ?? Math.max(60_000, (llm?.timeoutMs ?? 0) + 5_000);
  if (llm && idleMs <= llm.timeoutMs) throw new ConfigError("IDLE_TIMEOUT_MS", `more than LLM_TIMEOUT_MS (${llm.timeoutMs})`, env.IDLE_TIMEOUT_MS);

  const config: Config = {
    host: e.HOST ?? "127.0.0.1",
    port: e.PORT ?? 3000,
    ...indexConfig(e),
    allowedOrigins: Object.freeze(e.ALLOWED_ORIGINS ?? []),
    // per route: a page load makes 2-3 API calls, the assets are not counted
    rateLimitMax: e.RATE_LIMIT_MAX ?? 120,
    rateLimitAskMax: e.RATE_LIMIT_ASK_MAX ?? 30,
    ...(e.REDIS_URL ? { redisUrl: e.REDIS_URL } : {}),
    trustProxy: e.TRUST_PROXY === undefined || e.TRUST_PROXY === false ? false : typeof e.TRUST_PROXY === "number" ? e.TRUST_PROXY : Object.freeze(e.TRUST_PROXY),
    // room for a question plus a conversation history of 20 turns of up to 2,000 characters
    bodyLimit: e.BODY_LIMIT ?? 64 * 1024,
    timeouts: Object.freeze({ headersMs, requestMs, keepAliveMs: e.KEEP_ALIVE_TIMEOUT_MS ?? 5_000, idleMs }),
    frameAncestors: Object.freeze(e.FRAME_ANCESTORS ?? []),
    reindexPollMs: e.REINDEX_POLL_MS ?? 2_000,
    seedsPollMs: e.SEEDS_POLL_MS ?? 5_000,
    // server/services/warmUp.ts: at ×100 the first hundred questions asked once had a p95 of ~27 ms, later ones ~7 ms
    warmUpMs: e.WARM_UP_MS ?? 3_000,
    ...(llm ? { llm } : {}),
    logLevel: e.LOG_LEVEL ?? "info",
    // one per core: a Node process runs its JavaScript on one (issue 11)
    workers: e.WORKERS ?? availableParallelism(),
    responseCache: Object.freeze({
      // Untuned default: the widget's suggestions and a day's common questions are far fewer distinct
      // ones. Measured on the bench questions at ×1: a /api/search body is 3.8–7.2 KB at k 10 (mean
      // 5.9), 6–29 KB at k 50; an answer 0.2–39 KB (mean 17: it carries the cited sheets' cards).
      entries: e.CACHE_ENTRIES ?? 1_000,
      // So 1,000 answers can reach ~17 MB: the bytes bind first. A ×100 worker's live heap after 600
      // questions asked once and full collections is ~125 MB, its RSS ~420 MB, against the 500 MB target
      // after 1,000 questions (README, At scale): 16 MiB of bodies fits beside it.
      maxBytes: 16 * 2 ** 20,
      // An answer is kept at its second asking (server/assistant/askedBefore.ts): kept at its first, each
      // question asked once was promoted to the old generation and died there (×1, questions asked once,
      // one worker: 4 mark-compacts in 10 s, 1 with neither cache keeping them). A slot per recent key,
      // 16 KB: a question asked again within ~1,000 others is kept with 78% chance, within ~4,000 with 37%.
      admitSlots: 4096,
    }),
  };
  return Object.freeze(config);
}
