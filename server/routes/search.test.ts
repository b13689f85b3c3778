import { describe, expect, it } from "vitest";
import { SearchResponseSchema } from "../schemas.ts";
import { buildTestApp } from "../../test/helpers/testApp.ts";

describe("GET /api/search", () => {
  it("returns ranked passages, each with its fiche's city and title", async () => {
    const res = await (await buildTestApp()).inject({ url: "/api/search?q=PSSM&k=5" });
    expect(res.statusCode).toBe(200);
    const { results } = SearchResponseSchema.parse(res.json());
    expect(results.length).toBeGreaterThan(0);
    expect(results.length).toBeLessThanOrEqual(5);
    for (const r of results) {
      expect(r.city).not.toBe("");
      expect(r.title).not.toBe("");
      expect(r.end).toBeGreaterThanOrEqual(r.start);
    }
  });

  it("keeps only passages of the filtered city, whatever its case", async () => {
    const app = await buildTestApp();
    const city = Object.keys((await app.inject({ url: "/api/fiches" })).json().facets.cities)[0] as string;
    const res = await app.inject({ url: `/api/search?q=${encodeURIComponent("santé mentale")}&city=${encodeURIComponent(city.toLowerCase())}` });
    expect(res.statusCode).toBe(200);
    for (const r of res.json().results) expect(r.city).toBe(city);
  });

  it("returns 400 naming the filter when its value is unknown", async () => {
    const res = await (await buildTestApp()).inject({ url: "/api/search?q=PSSM&theme=Astrologie" });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: "UNKNOWN_FILTER_VALUE", field: "theme" });
  });

  it("returns 400 naming q when it is missing or blank", async () => {
    const app = await buildTestApp();
    for (const url of ["/api/search", "/api/search?q=%20"]) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error.field, url).toBe("q");
    }
  });

  it("returns 400 naming k or qpv when they are malformed", async () => {
    const app = await buildTestApp();
    expect((await app.inject({ url: "/api/search?q=PSSM&k=0" })).json().error.field).toBe("k");
    expect((await app.inject({ url: "/api/search?q=PSSM&k=abc" })).json().error.field).toBe("k");
    expect((await app.inject({ url: "/api/search?q=PSSM&qpv=maybe" })).json().error.field).toBe("qpv");
  });

  it("treats an empty filter as no filter", async () => {
    const res = await (await buildTestApp()).inject({ url: "/api/search?q=PSSM&city=&theme=" });
    expect(res.statusCode).toBe(200);
  });
});
