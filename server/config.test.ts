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
      bodyLimit: 64 * 1024,
      logLevel: "info",
      workers: availableParallelism(),
    });
    expect(config.llm).toBeUndefined();
  });

  it("reads WORKERS, and refuses a count that is not a positive integer", () => {
    expect(loadConfig({ WORKERS: "1" }).workers).toBe(1);
    expect(() => loadConfig({ WORKERS: "0" })).toThrow(/WORKERS/);
    expect(() => loadConfig({ WORKERS: "two" })).toThrow(/WORKERS/);
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
    ["EMBEDDER", "openai", /EMBEDDER: expected one of auto, builtin, transformers, got "openai"/],
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
