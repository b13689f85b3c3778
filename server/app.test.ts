import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ERRORS } from "./errors.ts";
import { buildTestApp, wrapServices } from "../test/helpers/testApp.ts";

const INTRANET = "https://intranet.ville-exemple.fr";
let webDir: string;

beforeAll(async () => {
  webDir = await mkdtemp(path.join(os.tmpdir(), "web-"));
  await mkdir(path.join(webDir, "assets"));
  await writeFile(path.join(webDir, "index.html"), "<!doctype html><title>Assistant</title>");
  await writeFile(path.join(webDir, "widget.js"), "customElements.define('x-a', class extends HTMLElement {});");
  await writeFile(path.join(webDir, "assets", "app.css"), "body { margin: 0 }");
});
afterAll(() => rm(webDir, { recursive: true, force: true }));

describe("security headers", () => {
  it("sets a same-origin CSP and the helmet headers on every answer", async () => {
    const app = await buildTestApp({}, { webDir });
    for (const url of ["/", "/api/fiches", "/health"]) {
      const res = await app.inject({ url });
      const csp = String(res.headers["content-security-policy"]);
      expect(csp, url).toContain("default-src 'self'");
      expect(csp, url).toContain("script-src 'self'");
      expect(csp, url).toContain("object-src 'none'");
      expect(csp, url).not.toContain("upgrade-insecure-requests");
      expect(res.headers["x-content-type-options"], url).toBe("nosniff");
      expect(res.headers["x-frame-options"], url).toBe("SAMEORIGIN");
      expect(res.headers["referrer-policy"], url).toBe("no-referrer");
      expect(res.headers["x-powered-by"], url).toBeUndefined();
    }
  });
});

describe("CORS", () => {
  it("echoes a listed origin in Access-Control-Allow-Origin", async () => {
    const app = await buildTestApp({ ALLOWED_ORIGINS: INTRANET });
    const res = await app.inject({ url: "/api/fiches", headers: { origin: INTRANET } });
    expect(res.headers["access-control-allow-origin"]).toBe(INTRANET);
    expect(res.headers.vary).toContain("Origin");
  });

  it("gives no Access-Control-Allow-Origin to an unlisted origin", async () => {
    const app = await buildTestApp({ ALLOWED_ORIGINS: INTRANET });
    const res = await app.inject({ url: "/api/fiches", headers: { origin: "https://ailleurs.example.com" } });
    expect(res.headers["access-control-allow-origin"]).toBeUndefined();
  });

  it("answers a preflight from a listed origin with the allowed methods", async () => {
    const app = await buildTestApp({ ALLOWED_ORIGINS: INTRANET });
    const res = await app.inject({
      method: "OPTIONS",
      url: "/api/ask",
      headers: { origin: INTRANET, "access-control-request-method": "POST", "access-control-request-headers": "content-type" },
    });
    expect(res.statusCode).toBe(204);
    expect(res.headers["access-control-allow-origin"]).toBe(INTRANET);
    expect(res.headers["access-control-allow-methods"]).toContain("POST");
    expect(String(res.headers["access-control-allow-headers"]).toLowerCase()).toContain("content-type");
  });

  it("refuses a preflight from an unlisted origin with 403 and no CORS header", async () => {
    const app = await buildTestApp({ ALLOWED_ORIGINS: INTRANET });
    const res = await app.inject({
      method: "OPTIONS",
      url: "/api/ask",
      headers: { origin: "https://ailleurs.example.com", "access-control-request-method": "POST" },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe("ORIGIN_NOT_ALLOWED");
    expect(res.headers["access-control-allow-origin"]).toBeUndefined();
  });

  it("lets the page's own same-origin POST through when no origin is listed", async () => {
    const app = await buildTestApp();
    const res = await app.inject({
      method: "POST",
      url: "/api/ask",
      headers: { origin: "http://localhost:3000", host: "localhost:3000" },
      payload: { question: "Quelles villes forment aux PSSM ?" },
    });
    expect(res.statusCode).toBe(200);
  });
});

describe("rate limiting", () => {
  it("answers 429 in JSON once RATE_LIMIT_MAX requests were made in a minute", async () => {
    const app = await buildTestApp({ RATE_LIMIT_MAX: "3" });
    const codes: number[] = [];
    for (let i = 0; i < 4; i++) codes.push((await app.inject({ url: "/api/fiches" })).statusCode);
    expect(codes).toEqual([200, 200, 200, 429]);
    const res = await app.inject({ url: "/api/fiches" });
    expect(res.json().error.code).toBe("RATE_LIMITED");
    expect(res.headers["retry-after"]).toBeDefined();
  });

  it("never limits /health or /ready", async () => {
    const app = await buildTestApp({ RATE_LIMIT_MAX: "1" });
    for (let i = 0; i < 5; i++) {
      expect((await app.inject({ url: "/health" })).statusCode).toBe(200);
      expect((await app.inject({ url: "/ready" })).statusCode).toBe(200);
    }
  });
});

describe("body limit", () => {
  it("answers 413 in JSON when the body exceeds BODY_LIMIT", async () => {
    const app = await buildTestApp({ BODY_LIMIT: "2048" });
    const history = Array.from({ length: 5 }, () => ({ role: "user", content: "x".repeat(600) }));
    const res = await app.inject({ method: "POST", url: "/api/ask", payload: { question: "PSSM ?", history } });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe("BODY_TOO_LARGE");
  });
});

describe("unexpected errors", () => {
  it("answers a generic 500 with a request id and no stack trace, and logs the error", async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const services = await wrapServices({
      ask: async () => {
        throw new Error("docstore.json is corrupted at /srv/index");
      },
    });
    const app = await buildTestApp({}, { services, logger: { level: "error", stream } });
    const res = await app.inject({ method: "POST", url: "/api/ask", payload: { question: "Quelles villes forment aux PSSM ?" } });
    expect(res.statusCode).toBe(500);
    const body = res.json();
    expect(body).toEqual({ error: { code: "INTERNAL", message: ERRORS.INTERNAL.message(), requestId: res.headers["x-request-id"] } });
    expect(res.body).not.toMatch(/docstore|corrupted|\/srv|\.ts:\d+/);
    const log = lines.join("");
    expect(log).toContain("corrupted");
    expect(log).toContain(body.error.requestId);
  });
});

describe("GET /docs", () => {
  it("serves an OpenAPI document generated from the schemas, listing /api/ask", async () => {
    const app = await buildTestApp();
    const res = await app.inject({ url: "/docs/json" });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(["/api/ask", "/api/search", "/api/fiches", "/api/fiches/{id}", "/api/fiches/{id}/similar", "/health", "/ready"]),
    );
    const body = doc.paths["/api/ask"].post.requestBody.content["application/json"].schema;
    expect(body.required).toContain("question");
    expect(body.properties.question.maxLength).toBe(2000);
  });

  it("serves the Swagger UI page", async () => {
    const app = await buildTestApp();
    const res = await app.inject({ url: "/docs/" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("text/html");
  });
});

describe("static files", () => {
  it("serves the chat page at /", async () => {
    const res = await (await buildTestApp({}, { webDir })).inject({ url: "/" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("text/html");
    expect(res.body).toContain("<title>Assistant</title>");
  });

  it("serves /widget.js loadable from other origins", async () => {
    const res = await (await buildTestApp({}, { webDir })).inject({ url: "/widget.js" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("javascript");
    expect(res.headers["cross-origin-resource-policy"]).toBe("cross-origin");
  });

  it("serves files under /assets/ from web/assets", async () => {
    const app = await buildTestApp({}, { webDir });
    const res = await app.inject({ url: "/assets/app.css" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("text/css");
    expect((await app.inject({ url: "/assets/missing.js" })).json().error.code).toBe("NOT_FOUND");
  });

  it("serves the page for a deep link to a known fiche and 404 JSON for an unknown one", async () => {
    const app = await buildTestApp({}, { webDir });
    const id = (await app.inject({ url: "/api/fiches" })).json().fiches[0].id;
    const ok = await app.inject({ url: `/fiches/${encodeURIComponent(id)}` });
    expect(ok.statusCode).toBe(200);
    expect(ok.headers["content-type"]).toContain("text/html");
    const missing = await app.inject({ url: "/fiches/no-such-sheet" });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error).toMatchObject({ code: "UNKNOWN_FICHE", field: "id" });
  });

  it("does not serve files of web/ outside index.html, widget.js and assets/", async () => {
    const app = await buildTestApp({}, { webDir });
    expect((await app.inject({ url: "/index.html/../widget.js" })).statusCode).not.toBe(500);
    expect((await app.inject({ url: "/assets/../index.html" })).statusCode).toBe(404);
  });

  it("answers 404 JSON for an unknown route", async () => {
    const res = await (await buildTestApp({}, { webDir })).inject({ url: "/api/nothing" });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe("NOT_FOUND");
  });
});
