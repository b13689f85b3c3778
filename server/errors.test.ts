import { Writable } from "node:stream";
import Fastify from "fastify";
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { IndexError } from "../ingest/store/index.ts";
import { AppError, ERRORS, handleError, handleNotFound, toAppError } from "./errors.ts";
import { AskBodySchema } from "./schemas.ts";

function appWith(logLines: string[] = []) {
  const stream = new Writable({
    write(chunk, _enc, done) {
      logLines.push(String(chunk));
      done();
    },
  });
  const app = Fastify({ logger: { level: "error", stream }, bodyLimit: 16 * 1024 }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  app.setNotFoundHandler(handleNotFound);
  app.post("/ask", { schema: { body: AskBodySchema } }, async () => ({ ok: true }));
  app.get("/q", { schema: { querystring: z.object({ k: z.coerce.number().int().max(5) }) } }, async () => ({ ok: true }));
  app.get("/fiche", async () => {
    throw new AppError("UNKNOWN_FICHE", { field: "id", detail: '"nope"' });
  });
  app.get("/boom", async () => {
    throw new Error("secret path /srv/index/docstore.json exploded");
  });
  return app;
}

describe("the error catalogue", () => {
  it("gives every code a 4xx or 5xx status and a message", () => {
    for (const [code, spec] of Object.entries(ERRORS)) {
      expect(spec.status, code).toBeGreaterThanOrEqual(400);
      expect(spec.message({}), code).toMatch(/\S/);
    }
  });
});

describe("handleError", () => {
  it("answers an AppError with its code, message and field", async () => {
    const res = await appWith().inject({ method: "GET", url: "/fiche" });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: { code: "UNKNOWN_FICHE", field: "id", message: expect.stringContaining('"nope"') } });
  });

  it("returns 400 QUESTION_EMPTY naming the field when the question is blank", async () => {
    const res = await appWith().inject({ method: "POST", url: "/ask", payload: { question: "   " } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: "QUESTION_EMPTY", field: "question" });
  });

  it("returns 400 QUESTION_TOO_LONG naming the field over 2000 characters", async () => {
    const res = await appWith().inject({ method: "POST", url: "/ask", payload: { question: "a".repeat(2001) } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: "QUESTION_TOO_LONG", field: "question" });
  });

  it("names the nested path of an invalid field", async () => {
    const res = await appWith().inject({ method: "POST", url: "/ask", payload: { question: "q", filters: { qpv: "yes" } } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: "VALIDATION", field: "filters.qpv" });
  });

  it("names an unknown filter key", async () => {
    const res = await appWith().inject({ method: "POST", url: "/ask", payload: { question: "q", filters: { town: "Lille" } } });
    expect(res.json().error).toMatchObject({ code: "VALIDATION", field: "filters.town" });
  });

  it("names a query parameter", async () => {
    const res = await appWith().inject({ method: "GET", url: "/q?k=9" });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: "VALIDATION", field: "k" });
  });

  it("maps a too large body to 413 and bad JSON to 400", async () => {
    const big = await appWith().inject({ method: "POST", url: "/ask", payload: { question: "a".repeat(20_000) } });
    expect(big.statusCode).toBe(413);
    expect(big.json().error.code).toBe("BODY_TOO_LARGE");
    const bad = await appWith().inject({ method: "POST", url: "/ask", payload: "{", headers: { "content-type": "application/json" } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe("INVALID_JSON");
  });

  it("answers an unexpected error with a generic 500 and a request id, and logs the error", async () => {
    const logs: string[] = [];
    const res = await appWith(logs).inject({ method: "GET", url: "/boom" });
    expect(res.statusCode).toBe(500);
    const body = res.json();
    expect(body).toEqual({ error: { code: "INTERNAL", message: ERRORS.INTERNAL.message(), requestId: expect.any(String) } });
    expect(res.body).not.toMatch(/secret|exploded|at .*\.ts/);
    expect(logs.join("")).toContain("exploded");
    expect(logs.join("")).toContain(body.error.requestId);
  });

  it("answers an unknown route with 404 JSON", async () => {
    const res = await appWith().inject({ method: "GET", url: "/nowhere" });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe("NOT_FOUND");
  });
});

describe("toAppError on index errors", () => {
  it("answers 503 without the index's paths, which stay in the log", () => {
    const damaged = toAppError(new IndexError("INDEX_DAMAGED", "/srv/index/builds/x/lexical.json", "the index file is unreadable"));
    expect(damaged).toMatchObject({ code: "INDEX_UNAVAILABLE", statusCode: 503 });
    expect(damaged?.message).not.toContain("/srv");
    expect(toAppError(new IndexError("INDEX_EMBEDDER_MISMATCH", "/srv/index/manifest.json", "other embedder"))).toMatchObject({ code: "INDEX_MISMATCH", statusCode: 503 });
  });
});
