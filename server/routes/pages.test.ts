import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../config.ts";
import { buildTestApp } from "../../test/helpers/testApp.ts";

const webDir = path.join(REPO_ROOT, "web");
const html = { accept: "text/html,application/xhtml+xml,*/*;q=0.8" };

describe("HTML pages", () => {
  it("serves the catalogue page at /fiches", async () => {
    const res = await (await buildTestApp({}, { webDir })).inject({ url: "/fiches", headers: html });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("text/html");
  });

  it("answers a browser the 404 page for an unknown sheet or path, and JSON on API paths", async () => {
    const app = await buildTestApp({}, { webDir });
    for (const url of ["/fiches/no-such-sheet", "/nowhere"]) {
      const res = await app.inject({ url, headers: html });
      expect(res.statusCode).toBe(404);
      expect(res.headers["content-type"]).toContain("text/html");
      expect(res.body).toContain("Page introuvable");
    }
    const api = await app.inject({ url: "/api/nothing", headers: html });
    expect(api.statusCode).toBe(404);
    expect(api.json().error.code).toBe("NOT_FOUND");
  });
});

describe("GET /api/origin", () => {
  const allowed = "https://intranet.example.fr";
  it("says yes to a listed origin", async () => {
    const app = await buildTestApp({ ALLOWED_ORIGINS: allowed });
    const res = await app.inject({ url: "/api/origin", headers: { origin: allowed } });
    expect(res.json()).toEqual({ allowed: true, origin: allowed });
    expect(res.headers["access-control-allow-origin"]).toBe(allowed);
  });

  it("says no to another origin, readable by it, naming it", async () => {
    const app = await buildTestApp({ ALLOWED_ORIGINS: allowed });
    const other = "http://wiki.ville.example";
    const res = await app.inject({ url: "/api/origin", headers: { origin: other } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ allowed: false, origin: other });
    expect(res.headers["access-control-allow-origin"]).toBe(other);
    // the other API routes still refuse it
    const search = await app.inject({ url: "/api/search?q=PSSM", headers: { origin: other } });
    expect(search.headers["access-control-allow-origin"]).toBeUndefined();
  });
});

describe("GET /api/places", () => {
  it("locates every city of the corpus in a département", async () => {
    const app = await buildTestApp();
    const cities = Object.keys((await app.inject({ url: "/api/fiches" })).json().facets.cities);
    const { places } = (await app.inject({ url: "/api/places" })).json();
    expect(places.map((p: { name: string }) => p.name).sort()).toEqual([...cities].sort());
    for (const p of places) expect(p.departement).toMatch(/^(\d[\dAB]|97\d)$/);
  });
});
