// The one place that reads the environment. Parsed once at start-up into a frozen object so a
// bad value stops the process before it listens, with a message naming the variable and the
// form it expects (STYLE.md §6, §7).
import { availableParallelism } from "node:os";
import { z } from "zod";
import { ConfigError, indexConfig, indexEnvSchema, optional, parseEnv, REPO_ROOT, type EmbedderSetting } from "../ingest/config.ts";

export { ConfigError, REPO_ROOT };
export type EmbedderChoice = EmbedderSetting;
export type LogLevel = "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";

export interface LlmConfig {
  baseUrl: string;
  apiKey: string;
  model: string;
  timeoutMs: number;
}

export interface Config {
  host: string;
  port: number;
  indexDir: string;
  seedsDir: string;
  embedder: EmbedderChoice;
  modelDir?: string;
  /** exact origins (`scheme://host[:port]`) allowed to call the API from a browser */
  allowedOrigins: readonly string[];
  /** requests per minute and client IP; 0 turns the limiter off (load tests) */
  rateLimitMax: number;
  bodyLimit: number;
  /** set only when LLM_BASE_URL is: the rewrite step is off otherwise */
  llm?: LlmConfig;
  logLevel: LogLevel;
  /** processes serving the API (server/cluster.ts); 1 serves from this process */
  workers: number;
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

const httpUrl = z.string().trim().refine(isHttpUrl, "an http(s) URL such as http://localhost:11434/v1");

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}

// INDEX_DIR, SEEDS_DIR, EMBEDDER, MODEL_DIR: shared with the ingest command (ingest/config.ts)
const envSchema = indexEnvSchema.extend({
  HOST: optional(z.string().trim()),
  PORT: optional(intIn(0, 65535)),
  ALLOWED_ORIGINS: optional(originList),
  RATE_LIMIT_MAX: optional(intIn(0, 1_000_000)),
  // Below 1 KiB even a short question with filters would be refused.
  BODY_LIMIT: optional(intIn(1024, 10 * 1024 * 1024)),
  LLM_BASE_URL: optional(httpUrl),
  LLM_API_KEY: optional(z.string()),
  LLM_MODEL: optional(z.string().trim()),
  LLM_TIMEOUT_MS: optional(intIn(100, 600_000)),
  WORKERS: optional(intIn(1, 64)),
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
    });
  }

  const config: Config = {
    host: e.HOST ?? "127.0.0.1",
    port: e.PORT ?? 3000,
    ...indexConfig(e),
    allowedOrigins: Object.freeze(e.ALLOWED_ORIGINS ?? []),
    rateLimitMax: e.RATE_LIMIT_MAX ?? 120,
    // room for a question plus a conversation history of 20 turns of up to 2,000 characters
    bodyLimit: e.BODY_LIMIT ?? 64 * 1024,
    ...(llm ? { llm } : {}),
    logLevel: e.LOG_LEVEL ?? "info",
    // one per core: a Node process runs its JavaScript on one (issue 11)
    workers: e.WORKERS ?? availableParallelism(),
  };
  return Object.freeze(config);
}
