// The index settings both commands read (the ingest CLI and the server): where the index and
// the seeds are, which embedder, where a local model is. Each variable is parsed here once;
// server/config.ts extends this schema with the HTTP settings.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";

/** Repository root: the folder above ingest/. Defaults are anchored here, not at the cwd. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export const EMBEDDER_SETTINGS = ["auto", "builtin", "transformers", "openai"] as const;
export type EmbedderSetting = (typeof EMBEDDER_SETTINGS)[number];
export const embedderSetting = z.enum(EMBEDDER_SETTINGS, "one of auto, builtin, transformers, openai");

export interface IndexConfig {
  indexDir: string;
  seedsDir: string;
  embedder: EmbedderSetting;
  modelDir?: string;
  /** the OpenAI-compatible embeddings service: set whenever EMBEDDINGS_BASE_URL is */
  openai?: OpenAIEmbedderConfig;
}

/** An OpenAI-compatible `/v1/embeddings` service (Albert, Ollama, vLLM, TEI, Mistral). */
export interface OpenAIEmbedderConfig {
  /** up to and including `/v1`, no trailing slash */
  baseUrl: string;
  model: string;
  /** local servers need none; the OpenAI client refuses an empty one, so "not-needed" stands in */
  apiKey: string;
  /** e5-like models were trained with "query: " / "passage: " prefixes; empty for others */
  queryPrefix: string;
  passagePrefix: string;
  /** ingest: texts per request, requests in flight, retries after the first attempt, time-out of one request */
  batchSize: number;
  concurrency: number;
  maxRetries: number;
  timeoutMs: number;
  /** server: the most one question's embedding may take before retrieval answers from BM25 alone */
  queryTimeoutMs: number;
}

// An empty variable (`PORT=`) means "not set": shells and .env files produce them often.
export const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), schema.optional());

export const indexEnvSchema = z.object({
  INDEX_DIR: optional(z.string().trim()),
  SEEDS_DIR: optional(z.string().trim()),
  EMBEDDER: optional(embedderSetting),
  MODEL_DIR: optional(z.string().trim()),
  EMBEDDINGS_BASE_URL: optional(z.string().trim().refine(isHttpUrl, "an http(s) URL ending in /v1, such as http://localhost:11434/v1")),
  EMBEDDINGS_MODEL: optional(z.string().trim()),
  EMBEDDINGS_API_KEY: optional(z.string().trim()),
  // prefixes keep their spaces: "query: " is not "query:"
  EMBEDDINGS_QUERY_PREFIX: optional(z.string()),
  EMBEDDINGS_PASSAGE_PREFIX: optional(z.string()),
  EMBEDDINGS_BATCH_SIZE: optional(intIn(1, 2048)),
  EMBEDDINGS_CONCURRENCY: optional(intIn(1, 32)),
  EMBEDDINGS_MAX_RETRIES: optional(intIn(0, 10)),
  EMBEDDINGS_TIMEOUT_MS: optional(intIn(100, 600_000)),
  EMBEDDINGS_QUERY_TIMEOUT_MS: optional(intIn(50, 60_000)),
});

/** A string holding an integer in [min, max], as a number. */
export function intIn(min: number, max: number) {
  const message = `an integer between ${min} and ${max}`;
  return z.string().trim().regex(/^\d+$/, message).transform(Number).pipe(z.number().int().min(min, message).max(max, message));
}

export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}

/** Thrown for any unusable variable; the message is meant to be printed as is. */
export class ConfigError extends Error {
  constructor(readonly variable: string, expected: string, got: unknown) {
    super(`Invalid environment variable ${variable}: expected ${expected}, got ${JSON.stringify(got)}.`);
    this.name = "ConfigError";
  }
}

/** Parses the variables of `schema` from `env`, throwing a ConfigError naming the first bad one. */
export function parseEnv<S extends z.ZodObject>(schema: S, env: NodeJS.ProcessEnv): z.infer<S> {
  const picked = Object.fromEntries(Object.keys(schema.shape).map((k) => [k, env[k]]));
  const parsed = schema.safeParse(picked);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = String(issue.path[0]);
    throw new ConfigError(variable, issue.message, env[variable]);
  }
  return parsed.data;
}

/** Relative paths given in the environment follow the shell's cwd, as any CLI path does. */
const resolveFrom = (value: string | undefined, fallback: string) => (value ? path.resolve(value) : fallback);

export function indexConfig(e: z.infer<typeof indexEnvSchema>): IndexConfig {
  const openai = openaiConfig(e);
  return {
    indexDir: resolveFrom(e.INDEX_DIR, path.join(REPO_ROOT, "index")),
    seedsDir: resolveFrom(e.SEEDS_DIR, path.join(REPO_ROOT, "seeds")),
    embedder: e.EMBEDDER ?? "auto",
    ...(e.MODEL_DIR ? { modelDir: path.resolve(e.MODEL_DIR) } : {}),
    ...(openai ? { openai } : {}),
  };
}

/**
 * The embeddings service, or undefined when EMBEDDINGS_BASE_URL is unset. EMBEDDER=openai
 * needs the URL and the model; a URL without a model is refused too, whatever EMBEDDER says.
 * Defaults: 64 texts per request and 2 in flight (Albert and TEI accept far more, Ollama embeds
 * one batch at a time anyway), 3 retries, 30 s per request, 2 s for a question (a user waits).
 */
function openaiConfig(e: z.infer<typeof indexEnvSchema>): OpenAIEmbedderConfig | undefined {
  if (!e.EMBEDDINGS_BASE_URL) {
    if (e.EMBEDDER === "openai") throw new ConfigError("EMBEDDINGS_BASE_URL", "the embeddings service's URL when EMBEDDER=openai (e.g. http://localhost:11434/v1)", undefined);
    return undefined;
  }
  if (!e.EMBEDDINGS_MODEL) throw new ConfigError("EMBEDDINGS_MODEL", "the embedding model's name when EMBEDDINGS_BASE_URL is set (e.g. bge-m3)", undefined);
  return Object.freeze({
    baseUrl: e.EMBEDDINGS_BASE_URL.replace(/\/+$/, ""),
    model: e.EMBEDDINGS_MODEL,
    apiKey: e.EMBEDDINGS_API_KEY || "not-needed",
    queryPrefix: e.EMBEDDINGS_QUERY_PREFIX ?? "",
    passagePrefix: e.EMBEDDINGS_PASSAGE_PREFIX ?? "",
    batchSize: e.EMBEDDINGS_BATCH_SIZE ?? 64,
    concurrency: e.EMBEDDINGS_CONCURRENCY ?? 2,
    maxRetries: e.EMBEDDINGS_MAX_RETRIES ?? 3,
    timeoutMs: e.EMBEDDINGS_TIMEOUT_MS ?? 30_000,
    queryTimeoutMs: e.EMBEDDINGS_QUERY_TIMEOUT_MS ?? 2_000,
  });
}

export function loadIndexConfig(env: NodeJS.ProcessEnv = process.env): Readonly<IndexConfig> {
  return Object.freeze(indexConfig(parseEnv(indexEnvSchema, env)));
}
