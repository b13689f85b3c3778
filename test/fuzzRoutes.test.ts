// Property-based fuzz of every route over the real services (fast-check, app.inject): random and
// adversarial strings, huge and truncated bodies, wrong types, invalid UTF-8, traversal paths,
// odd methods and content types. The property: every request is answered, within a bound,
// with a status below 500, and nothing is logged at error level.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp, type App } from "../server/app.ts";
import { loadConfig } from "../server/config.ts";
import { getTestServices } from "./helpers/testServices.ts";

const RUNS = 5_200;
const PER_REQUEST_MS = 5_000;

const errorLogs: string[] = [];
let app: App;
let ficheIds: string[];
const statuses = new Map<number, number>();

beforeAll(async () => {
  const services = await getTestServices();
  ficheIds = services.listFiches().fiches.map((f) => f.id);
  app = buildApp(loadConfig({ RATE_LIMIT_MAX: "0", LOG_LEVEL: "warn" }), services, {
    logger: {
      level: "warn",
      stream: {
        write: (line: string) => {
          if ((JSON.parse(line) as { level: number }).level >= 50) errorLogs.push(line);
        },
      },
    },
  });
  await app.ready();
});
afterAll(() => app?.close());

// ---- arbitraries ----

const nasty = fc.constantFrom(
  "",
  " ",
  "\u0000",
  "\uFFFD\uFFFE",
  "\uD800",
  "<script>alert(1)</script>",
  "'; DROP TABLE fiches; --",
  "../../etc/passwd",
  "%2e%2e%2f",
  "${jndi:ldap://x}",
  "PSSM",
  "Quelles villes forment aux PSSM ?",
  "budget des Espaces Écoute Santé ?",
  "actions similaires aux Balades vertes de Poitiers",
  "__proto__",
  "constructor",
  "a".repeat(2001),
  "é".repeat(5000),
  "🙂".repeat(300),
);
const text = fc.oneof(nasty, fc.string({ maxLength: 80 }), fc.string({ unit: "binary", maxLength: 80 }), fc.string({ unit: "grapheme", maxLength: 40 }));
const wrongType = fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(text, { maxLength: 3 }), fc.dictionary(text, text, { maxKeys: 3 }));
const value = fc.oneof(text, wrongType);
const ficheId = () => fc.oneof(fc.constantFrom(...ficheIds), text);

const traversal = fc.constantFrom(
  "/assets/../package.json",
  "/assets/%2e%2e/package.json",
  "/assets/..%2f..%2fpackage.json",
  "/assets/%2e%2e%2f%2e%2e%2fpackage.json",
  "/assets/%c0%ae%c0%ae/package.json",
  "/assets/%00",
  "/assets/.%00./x",
  "/assets//etc/passwd",
  "/assets/..\\..\\package.json",
  "/docs/static/%5c..",
  "/docs/static/..%5c..%5cpackage.json",
  "/docs/static/%2e%2e/%2e%2e/package.json",
  "/docs/json",
  "/docs/yaml",
  "/widget.js/..",
  "/fiches/%2e%2e",
  "/api/fiches/..%2f..%2fpackage.json",
  "/%",
  "/%%",
  "/%E0%A4%A",
  "/api/ask%00",
  "/api/search?q=%",
  "/api/search?q=%FF%FE",
  `/api/fiches/${"a".repeat(5000)}`,
);

const enc = (s: string) => {
  try {
    return encodeURIComponent(s);
  } catch {
    return "%ED%A0%80"; // a lone surrogate cannot be percent-encoded as UTF-8: send its raw bytes
  }
};
const query = fc
  .array(fc.tuple(fc.constantFrom("q", "k", "city", "axis", "theme", "determinant", "qpv", "x", "__proto__"), value), { maxLength: 5 })
  .map((pairs) => pairs.map(([k, v]) => `${k}=${enc(typeof v === "string" ? v : JSON.stringify(v))}`).join("&"));

const apiPath = fc.oneof(
  fc.constant("/api/ask"),
  fc.constant("/api/search"),
  fc.constant("/api/fiches"),
  fc.constant("/health"),
  fc.constant("/ready"),
  fc.constant("/"),
  fc.constant("/widget.js"),
  fc.constant("/assets/app.js"),
  fc.constant("/docs"),
  fc.constant(null).chain(() => ficheId()).map((id) => `/api/fiches/${enc(id)}`),
  fc.constant(null).chain(() => ficheId()).map((id) => `/api/fiches/${enc(id)}/similar`),
  fc.constant(null).chain(() => ficheId()).map((id) => `/fiches/${enc(id)}`),
  text.map((s) => `/${enc(s)}`),
  traversal,
);

const askBody = fc.record(
  {
    question: value,
    filters: fc.oneof(fc.dictionary(fc.constantFrom("city", "axis", "theme", "determinant", "qpv", "x"), value, { maxKeys: 3 }), wrongType),
    history: fc.oneof(fc.array(fc.record({ role: fc.oneof(fc.constantFrom("user", "assistant"), text), content: value, ficheIds: fc.array(text, { maxLength: 3 }) }), { maxLength: 4 }), wrongType),
    k: fc.oneof(fc.integer({ min: -5, max: 100 }), wrongType),
  },
  { requiredKeys: [] },
);

const body = fc.oneof(
  { weight: 4, arbitrary: askBody.map((b) => JSON.stringify(b)) },
  { weight: 1, arbitrary: fc.json() },
  { weight: 1, arbitrary: askBody.chain((b) => fc.nat({ max: 60 }).map((n) => JSON.stringify(b).slice(0, n))) }, // truncated
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }).map((a) => Buffer.from(a)) }, // invalid UTF-8
  { weight: 1, arbitrary: fc.constantFrom(Buffer.from('{"question":"\xff\xfe PSSM"}', "latin1"), `{"question":"${"x".repeat(70_000)}"}`, "x".repeat(70_000), "[]", "null", '{"question":') },
);

const request = fc.record({
  method: fc.constantFrom("GET", "GET", "POST", "POST", "HEAD", "OPTIONS", "PUT", "DELETE", "PATCH"),
  path: apiPath,
  query: fc.option(query, { nil: undefined }),
  body: fc.option(body, { nil: undefined }),
  contentType: fc.constantFrom("application/json", "application/json", "application/json; charset=latin1", "text/plain", "multipart/form-data; boundary=x", undefined),
  accept: fc.constantFrom(undefined, "application/json", "text/event-stream", "*/*"),
  origin: fc.constantFrom(undefined, "https://evil.example", "null"),
});

describe("fuzzing every route", () => {
  it(`answers ${RUNS} random and adversarial requests with no 5xx, no hang and no error log`, async () => {
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const url = r.query ? `${r.path}${r.path.includes("?") ? "&" : "?"}${r.query}` : r.path;
        const headers: Record<string, string> = {};
        if (r.contentType) headers["content-type"] = r.contentType;
        if (r.accept) headers.accept = r.accept;
        if (r.origin) headers.origin = r.origin;
        const hasBody = r.body !== undefined && r.method !== "GET" && r.method !== "HEAD";
        const res = await Promise.race([
          app.inject({ method: r.method as "GET", url, headers, ...(hasBody ? { payload: r.body } : {}) }),
          new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${PER_REQUEST_MS} ms: ${r.method} ${url}`)), PER_REQUEST_MS)),
        ]);
        statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
        expect(res.statusCode, `${r.method} ${url} → ${res.body.slice(0, 200)}`).toBeLessThan(500);
      }),
      { numRuns: RUNS },
    );
    const total = [...statuses.values()].reduce((a, b) => a + b, 0);
    console.log(`fuzz: ${total} requests, statuses ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`);
    expect(total).toBeGreaterThanOrEqual(5_000);
    expect(errorLogs).toEqual([]);
  }, 240_000);
});
