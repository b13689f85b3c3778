import { describe, expect, it } from "vitest";
import { FicheCardSchema, FicheListResponseSchema, SimilarResponseSchema } from "../schemas.ts";
import { buildTestApp } from "../../test/helpers/testApp.ts";
import { getTestServices } from "../../test/helpers/testServices.ts";

async function firstFicheId(): Promise<string> {
  const res = await (await buildTestApp()).inject({ url: "/api/fiches" });
  return res.json().fiches.find((f: { kind: string }) => f.kind === "fiche").id;
}

describe("GET /api/fiches", () => {
  it("lists the fiches with facet counts for the filters", async () => {
    const res = await (await buildTestApp()).inject({ url: "/api/fiches" });
    expect(res.statusCode).toBe(200);
    const body = FicheListResponseSchema.parse(res.json());
    expect(body.fiches.length).toBeGreaterThan(20);
    expect(Object.keys(body.facets.cities).length).toBeGreaterThan(5);
    const total = Object.values(body.facets.cities).reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(0);
  });

  it("tags the catalogue with its build, and answers a revalidation of the same build with 304 and no body", async () => {
    const app = await buildTestApp();
    const first = await app.inject({ url: "/api/fiches" });
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^".+"$/);
    expect(first.headers["cache-control"]).toBe("no-cache");
    const again = await app.inject({ url: "/api/fiches", headers: { "if-none-match": etag } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe("");
    const other = await app.inject({ url: "/api/fiches", headers: { "if-none-match": '"another build"' } });
    expect(other.statusCode).toBe(200);
    expect(other.json().fiches.length).toBe(first.json().fiches.length);
  });

  it("writes the catalogue card by card, the same JSON as the schema's whole serialisation", async () => {
    const res = await (await buildTestApp()).inject({ url: "/api/fiches" });
    expect(res.headers["content-type"]).toBe("application/json; charset=utf-8");
    const listed = (await getTestServices()).listFiches();
    expect(res.body).toBe(JSON.stringify(FicheListResponseSchema.parse(listed)));
  });
});

describe("GET /api/fiches/:id", () => {
  it("returns the fiche with all its fields", async () => {
    const id = await firstFicheId();
    const res = await (await buildTestApp()).inject({ url: `/api/fiches/${encodeURIComponent(id)}` });
    expect(res.statusCode).toBe(200);
    const card = FicheCardSchema.parse(res.json());
    expect(card.id).toBe(id);
    expect(Object.keys(card.fields).length).toBeGreaterThan(3);
  });

  it("returns 404 naming the id when no fiche has it", async () => {
    const res = await (await buildTestApp()).inject({ url: "/api/fiches/atlantis--rien" });
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toMatchObject({ code: "UNKNOWN_FICHE", field: "id" });
    expect(res.json().error.message).toContain("atlantis--rien");
  });
});

describe("GET /api/fiches/:id/similar", () => {
  it("returns other fiches with what they share, at most k", async () => {
    const id = await firstFicheId();
    const res = await (await buildTestApp()).inject({ url: `/api/fiches/${encodeURIComponent(id)}/similar?k=3` });
    expect(res.statusCode).toBe(200);
    const { similar } = SimilarResponseSchema.parse(res.json());
    expect(similar.length).toBeGreaterThan(0);
    expect(similar.length).toBeLessThanOrEqual(3);
    expect(similar.map((r) => r.fiche.id)).not.toContain(id);
  });

  it("returns 404 naming the id when no fiche has it", async () => {
    const res = await (await buildTestApp()).inject({ url: "/api/fiches/atlantis--rien/similar" });
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toMatchObject({ code: "UNKNOWN_FICHE", field: "id" });
  });

  it("returns 400 naming k when it is out of range", async () => {
    const id = await firstFicheId();
    const res = await (await buildTestApp()).inject({ url: `/api/fiches/${encodeURIComponent(id)}/similar?k=0` });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe("k");
  });
});
