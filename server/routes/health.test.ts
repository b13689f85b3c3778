import { describe, expect, it } from "vitest";
import { AppError } from "../errors.ts";
import { buildTestApp, wrapServices } from "../../test/helpers/testApp.ts";

describe("GET /health", () => {
  it("says the process is live", async () => {
    const res = await (await buildTestApp()).inject({ url: "/health" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: "ok" });
  });
});

describe("GET /ready", () => {
  it("reports the loaded index: embedder, dimension and counts", async () => {
    const res = await (await buildTestApp()).inject({ url: "/ready" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: "ready", embedder: expect.any(String), fiches: expect.any(Number), chunks: expect.any(Number) });
    expect(res.json().chunks).toBeGreaterThan(res.json().fiches);
  });

  it("answers 503 NOT_READY when the services cannot report", async () => {
    const services = await wrapServices({
      ready: () => {
        throw new Error("index still loading");
      },
    });
    const res = await (await buildTestApp({}, { services })).inject({ url: "/ready" });
    expect(res.statusCode).toBe(503);
    expect(res.json().error.code).toBe("NOT_READY");
    expect(res.body).not.toContain("loading");
  });

  it("passes on an index mismatch reported by the services", async () => {
    const services = await wrapServices({
      ready: () => {
        throw new AppError("INDEX_MISMATCH");
      },
    });
    const res = await (await buildTestApp({}, { services })).inject({ url: "/ready" });
    expect(res.statusCode).toBe(503);
    expect(res.json().error.code).toBe("INDEX_MISMATCH");
    expect(res.json().error.message).toContain("npm run ingest");
  });
});
