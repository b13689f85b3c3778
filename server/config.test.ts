import { availableParallelism } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, REPO_ROOT, loadConfig } from "./config.ts";

describe("loadConfig", () => {
  it("gives the documented defaults for an empty environment", () => {
    const config = loadConfig({});
    expect(config).toEqual({
      host: "127.0.0.1",
      port: 3000,
      indexDir: path.join(REPO_ROOT, "index"),
      seedsDir: path.join(REPO_ROOT, "seeds"),
      embedder: "auto",
      allowedOrigins: [],
      rateLimitMax: 120,
      rateLimitAskMax: 30,
      trustProxy: false,
      bodyLimit: 64 * 1024,
      timeouts: { headersMs: 10_000, requestMs: 30_000, keepAliveMs: 5_000, idleMs: 60_000 },
      frameAncestors: [],
      reindexPollMs: 2_000,
      seedsPollMs: 5_000,
      warmUpMs: 3_000,
      logLevel: "info",
      workers: availableParallelism(),
      responseCache: { entries: 1_000, maxBytes: 16 * 2 ** 20, admitSlots: 4096 },
    });
    expect(config.llm).toBeUndefined();
  });

  it("reads WORKERS, and refuses a count that is not a positive integer", () => {
    expect(loadConfig({ WORKERS: "1" }).workers).toBe(1);
    expect(() => loadConfig({ WORKERS: "0" })).toThrow(/WORKERS/);
    expect(() => loadConfig({ WORKERS: "two" })).toThrow(/WORKERS/);
  });

  it("reads CACHE_ENTRIES, 0 turning the response cache off, and refuses a negative count", () => {
    expect(loadConfig({ CACHE_ENTRIES: "0" }).responseCache.entries).toBe(0);
    expect(loadConfig({ CACHE_ENTRIES: "250" }).responseCache.entries).toBe(250);
    expect(() => loadConfig({ CACHE_ENTRIES: "-1" })).toThrow(/CACHE_ENTRIES/);
  });

  it("reads WARM_UP_MS, 0 turning the warm-up off, and refuses a negative or fractional time", () => {
    expect(loadConfig({ WARM_UP_MS: "0" }).warmUpMs).toBe(0);
    expect(loadConfig({ WARM_UP_MS: "1500" }).warmUpMs).toBe(1500);
    expect(() => loadConfig({ WARM_UP_MS: "-1" })).toThrow(/WARM_UP_MS/);
    expect(() => loadConfig({ WARM_UP_MS: "1.5" })).toThrow(/WARM_UP_MS/);
  });

  it("reads the deployment variables: proxies, Redis, time-outs, framing", () => {
    const config = loadConfig({
      TRUST_PROXY: "10.0.0.5, 10.1.0.0/16,::1",
      REDIS_URL: "redis://cache:6379",
      RATE_LIMIT_ASK_MAX: "10",
      HEADERS_TIMEOUT_MS: "2000",
      REQUEST_TIMEOUT_MS: "4000",
      KEEP_ALIVE_TIMEOUT_MS: "1000",
      IDLE_TIMEOUT_MS: "20000",
      FRAME_ANCESTORS: "https://intranet.ville.fr",
    });
    expect(config).toMatchObject({
      trustProxy: ["10.0.0.5", "10.1.0.0/16", "::1"],
      redisUrl: "redis://cache:6379",
      rateLimitAskMax: 10,
      timeouts: { headersMs: 2000, requestMs: 4000, keepAliveMs: 1000, idleMs: 20000 },
      frameAncestors: ["https://intranet.ville.fr"],
    });
    expect(loadConfig({ TRUST_PROXY: "2" }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: "true" }).trustProxy).toBe(1);
    expect(() => loadConfig({ TRUST_PROXY: "10.0.0.0/99" })).toThrow(/TRUST_PROXY: expected a hop count or comma-separated/);
    expect(() => loadConfig({ TRUST_PROXY: "proxy.local" })).toThrow(/TRUST_PROXY/);
    expect(() => loadConfig({ REDIS_URL: "cache:6379" })).toThrow(/REDIS_URL: expected a URL such as redis:/);
    expect(() => loadConfig({ HEADERS_TIMEOUT_MS: "5000", REQUEST_TIMEOUT_MS: "1000" })).toThrow(/HEADERS_TIMEOUT_MS: expected at most REQUEST_TIMEOUT_MS/);
    expect(() => loadConfig({ LLM_BASE_URL: "http://llm/v1", LLM_MODEL: "m", LLM_TIMEOUT_MS: "30000", IDLE_TIMEOUT_MS: "20000" })).toThrow(/IDLE_TIMEOUT_MS/);
  });

  it("returns a frozen object", () => {
    const config = loadConfig({});
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.allowedOrigins)).toBe(true);
  });

  it("reads every variable", () => {
    const config = loadConfig({
      HOST: "0.0.0.0",
      PORT: "8080",
      INDEX_DIR: "/srv/index",
      SEEDS_DIR: "/srv/seeds",
      EMBEDDER: "builtin",
      MODEL_DIR: "/srv/models",
      ALLOWED_ORIGINS: "https://intranet.ville.fr, http://localhost:5173/",
      RATE_LIMIT_MAX: "30",
      BODY_LIMIT: "32768",
      LLM_BASE_URL: "http://localhost:11434/v1/",
      LLM_MODEL: "mistral",
      LLM_TIMEOUT_MS: "5000",
      LOG_LEVEL: "warn",
    });
    expect(config).toMatchObject({
      host: "0.0.0.0",
      port: 8080,
      indexDir: "/srv/index",
      seedsDir: "/srv/seeds",
      embedder: "builtin",
      modelDir: "/srv/models",
      allowedOrigins: ["https://intranet.ville.fr", "http://localhost:5173"],
      rateLimitMax: 30,
      bodyLimit: 32768,
      logLevel: "warn",
      llm: { baseUrl: "http://localhost:11434/v1", model: "mistral", timeoutMs: 5000, apiKey: "not-needed" },
    });
  });

  it("resolves relative directories against the working directory", () => {
    expect(loadConfig({ INDEX_DIR: "tmp/idx" }).indexDir).toBe(path.resolve("tmp/idx"));
  });

  it("treats an empty variable as unset", () => {
    expect(loadConfig({ PORT: "", ALLOWED_ORIGINS: "" })).toMatchObject({ port: 3000, allowedOrigins: [] });
  });

  it("keeps the API key when one is given", () => {
    const config = loadConfig({ LLM_BASE_URL: "https://albert.api.etalab.gouv.fr/v1", LLM_MODEL: "m", LLM_API_KEY: "sk-1" });
    expect(config.llm?.apiKey).toBe("sk-1");
    expect(config.llm?.timeoutMs).toBe(15000);
  });

  it.each([
    ["PORT", "abc", /PORT: expected an integer between 0 and 65535, got "abc"/],
    ["PORT", "70000", /PORT: expected an integer between 0 and 65535/],
    ["EMBEDDER", "e5", /EMBEDDER: expected one of auto, builtin, transformers, openai, got "e5"/],
    ["EMBEDDER", "openai", /EMBEDDINGS_BASE_URL: expected the embeddings service's URL when EMBEDDER=openai/],
    ["EMBEDDINGS_BASE_URL", "localhost:11434", /EMBEDDINGS_BASE_URL: expected an http\(s\) URL/],
    ["EMBEDDINGS_QUERY_TIMEOUT_MS", "fast", /EMBEDDINGS_QUERY_TIMEOUT_MS: expected an integer/],
    ["ALLOWED_ORIGINS", "https://a.fr/page", /ALLOWED_ORIGINS: expected a comma-separated list of origins/],
    ["ALLOWED_ORIGINS", "*", /ALLOWED_ORIGINS/],
    ["RATE_LIMIT_MAX", "-1", /RATE_LIMIT_MAX: expected an integer/],
    ["BODY_LIMIT", "10", /BODY_LIMIT: expected an integer between 1024/],
    ["LLM_BASE_URL", "localhost:11434", /LLM_BASE_URL: expected an http\(s\) URL/],
    ["LLM_TIMEOUT_MS", "fast", /LLM_TIMEOUT_MS: expected an integer/],
    ["LOG_LEVEL", "verbose", /LOG_LEVEL: expected one of fatal/],
  ])("rejects %s=%s with a message naming the variable and the expected form", (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });

  it("asks for LLM_MODEL when LLM_BASE_URL is set without it", () => {
    expect(() => loadConfig({ LLM_BASE_URL: "http://localhost:11434/v1" })).toThrow(/LLM_MODEL: expected a model name/);
  });
});
