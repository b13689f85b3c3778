// The index settings both commands read (the ingest CLI and the server): where the index and
// the seeds are, which embedder, where a local model is. Each variable is parsed here once;
// server/config.ts extends this schema with the HTTP settings.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";

/** Repository root: the folder above ingest/. Defaults are anchored here, not at the cwd. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export const EMBEDDER_SETTINGS = ["auto", "builtin", "transformers"] as const;
export type EmbedderSetting = (typeof EMBEDDER_SETTINGS)[number];
export const embedderSetting = z.enum(EMBEDDER_SETTINGS, "one of auto, builtin, transformers");

export interface IndexConfig {
  indexDir: string;
  seedsDir: string;
  embedder: EmbedderSetting;
  modelDir?: string;
}

// An empty variable (`PORT=`) means "not set": shells and .env files produce them often.
export const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), schema.optional());

export const indexEnvSchema = z.object({
  INDEX_DIR: optional(z.string().trim()),
  SEEDS_DIR: optional(z.string().trim()),
  EMBEDDER: optional(embedderSetting),
  MODEL_DIR: optional(z.string().trim()),
});

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
  return {
    indexDir: resolveFrom(e.INDEX_DIR, path.join(REPO_ROOT, "index")),
    seedsDir: resolveFrom(e.SEEDS_DIR, path.join(REPO_ROOT, "seeds")),
    embedder: e.EMBEDDER ?? "auto",
    ...(e.MODEL_DIR ? { modelDir: path.resolve(e.MODEL_DIR) } : {}),
  };
}

export function loadIndexConfig(env: NodeJS.ProcessEnv = process.env): Readonly<IndexConfig> {
  return Object.freeze(indexConfig(parseEnv(indexEnvSchema, env)));
}
