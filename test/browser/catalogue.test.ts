// The catalogue (/fiches), a sheet page, the 404 page and /docs in a real browser against the
// real app over the index built from the seeds.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { startTestServer } from "../helpers/startTestServer.ts";
import { browserSkipReason, launchBrowser, newPage, screenshot, seriousAxeViolations, type Browser } from "./browser.ts";

interface Card {
  id: string;
  kind: string;
  city: string;
  title: string;
  fields: Record<string, string>;
}

describe.skipIf(Boolean(browserSkipReason()))("catalogue /fiches", () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let fiches: Card[];

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    fiches = ((await (await fetch(`${server.url}/api/fiches`)).json()) as { fiches: Card[] }).fiches;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const cardIds = (page: Page) => page.locator("#cards .fiche-card").evaluateAll((cards) => cards.map((c) => c.getAttribute("data-id")));
  const countOf = async (page: Page, facet: string, value: string) =>
    (await page.locator(`#facets label[for="${await page.locator(`#facets input[data-facet="${facet}"][data-value="${value}"]`).getAttribute("id")}"] .facet-count`).textContent()) ?? "";

  it("lists every sheet, then narrows with a facet and a word, counts following; chips remove the choices", async () => {
    const { page, errors } = await newPage(browser);
    await page.goto(`${server.url}/fiches`);
    await page.locator("#cards .fiche-card").first().waitFor({ state: "visible" });
    expect((await cardIds(page)).sort()).toEqual(fiches.map((f) => f.id).sort());
    expect(await page.locator("#corpus-summary").textContent()).toMatch(/\d+ fiches-action.* de \d+ villes.*anglais/);
    // the map lists every city of the corpus as text beside the drawing
    await page.locator("#map-slot .map-list").waitFor({ state: "visible" });
    const mapText = (await page.locator("#map-slot .map-list").textContent()) ?? "";
    for (const city of new Set(fiches.map((f) => f.city))) expect(mapText).toContain(city);
    await screenshot(page, "catalogue-all");

    const caen = fiches.filter((f) => f.city === "Caen");
    await page.locator('#facets input[data-facet="city"][data-value="Caen"]').check();
    expect((await cardIds(page)).sort()).toEqual(caen.map((f) => f.id).sort());
    expect(new URL(page.url()).searchParams.getAll("city")).toEqual(["Caen"]);
    // other facets now count only Caen's sheets; the city facet still offers the others
    expect(await countOf(page, "city", "Lille")).toBe(`(${fiches.filter((f) => f.city === "Lille").length})`);

    await page.locator("#cat-search").fill("PSSM");
    const pssm = caen.filter((f) => /PSSM/i.test(Object.values(f.fields).join(" ") + f.title));
    await page.waitForFunction((n) => document.querySelectorAll("#cards .fiche-card").length === n, pssm.length);
    expect(pssm.length).toBeGreaterThan(0);
    expect(pssm.length).toBeLessThan(caen.length);
    expect(await page.locator("#chips .chip").allTextContents()).toEqual(["« PSSM »×", "Ville : Caen×"]);
    await screenshot(page, "catalogue-narrowed");
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.locator("#chips .chip", { hasText: "Ville : Caen" }).locator(".chip-remove").click();
    await page.locator("#chips .chip").first().locator(".chip-remove").click();
    expect((await cardIds(page)).length).toBe(fiches.length);

    // a card opens its sheet page
    await page.locator("#cards .fiche-card a").first().click();
    await page.locator("#card-dialog[open] h2").waitFor({ state: "visible" });
    expect(new URL(page.url()).pathname).toMatch(/^\/fiches\/.+/);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, "sheet-page");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("fits a 360 px wide screen", async () => {
    const { page } = await newPage(browser);
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`${server.url}/fiches`);
    await page.locator("#cards .fiche-card").first().waitFor({ state: "visible" });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await screenshot(page, "catalogue-360");
    await page.close();
  });

  it("answers an unknown sheet or path with the HTML 404 page", async () => {
    const { page } = await newPage(browser);
    for (const path of ["/fiches/no-such-sheet", "/no/such/page"]) {
      const response = await page.goto(server.url + path);
      expect(response?.status()).toBe(404);
      expect(await page.locator("h1").textContent()).toBe("Page introuvable");
      expect(await page.locator("a[href='/fiches']").count()).toBe(1);
    }
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, "not-found");
    await page.close();
  });

  it("/docs has no serious or critical axe-core violation", async () => {
    const { page } = await newPage(browser);
    await page.goto(`${server.url}/docs`);
    await page.locator(".opblock").first().waitFor({ state: "visible" });
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, "docs");
    await page.close();
  });
});
