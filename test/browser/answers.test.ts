// The chat page's answers in a real browser: in view, as lists with a map, stamped with their
// filters, exported, and kept across a reload.
import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { startTestServer } from "../helpers/startTestServer.ts";
import { browserSkipReason, launchBrowser, newPage, screenshot, seriousAxeViolations, WAIT, type Browser } from "./browser.ts";

/** Splits RFC 4180 CSV text into rows of fields. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") row.push(field), (field = "");
    else if (c === "\n") row.push(field.replace(/\r$/, "")), rows.push(row), (row = []), (field = "");
    else field += c;
  }
  if (field || row.length) row.push(field), rows.push(row);
  return rows;
}

describe.skipIf(Boolean(browserSkipReason()))("chat page answers", () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function freshPage(): ReturnType<typeof newPage> {
    const opened = await newPage(browser);
    await opened.page.addInitScript(() => {
      // the language choice persists in localStorage; each test starts in French
      if (!sessionStorage.getItem("test-started")) {
        localStorage.clear();
        sessionStorage.setItem("test-started", "1");
      }
    });
    return opened;
  }

  async function ask(page: Page, question: string): Promise<void> {
    const before = await page.locator(".turn-assistant").count();
    await page.locator("#question").fill(question);
    await page.locator("#question").press("Enter");
    await page.locator(".turn-assistant:not([aria-busy])").nth(before).waitFor({ state: "attached" });
  }

  /** True when the element's top lies inside the viewport, above the question box. */
  async function inView(page: Page, selector: string): Promise<boolean> {
    return page.evaluate((sel) => {
      const el = document.querySelectorAll(sel);
      const box = el[el.length - 1].getBoundingClientRect();
      const dock = document.querySelector(".ask-dock")!.getBoundingClientRect();
      return box.top >= 0 && box.top < dock.top - 40;
    }, selector);
  }

  it("shows the third question and the start of its answer without scrolling, and announces a short summary", async () => {
    const { page, errors } = await freshPage();
    await page.goto(server.url + "/");
    // the home page says what the corpus holds and that English works
    await page.locator("#corpus-summary").filter({ hasText: /\d+ fiches-action.* de \d+ villes/ }).waitFor({ state: "visible" });
    expect(await page.locator("#corpus-summary").textContent()).toContain("en anglais");
    await ask(page, "Quelles villes forment aux PSSM ?");
    await ask(page, "Quel est le budget des Pôles Ressources Santé de Lille ?");
    await ask(page, "Quelles villes agissent sur le logement ?");
    expect(await inView(page, ".turn-user")).toBe(true);
    expect(await inView(page, ".turn-assistant .answer-text")).toBe(true);
    // the third answer's announcement, not the second's still there (the live region is rewritten when the answer lands)
    await page.waitForFunction(() => /^Réponse : \d+ fiche\(s\)/.test(document.getElementById("live")?.textContent ?? ""), null, { timeout: WAIT });
    const live = (await page.locator("#live").textContent()) ?? "";
    expect(live).toMatch(/^Réponse : \d+ fiche\(s\) dans \d+ ville\(s\)/);
    expect(live.length).toBeLessThan(200);
    await screenshot(page, "answers-third-in-view");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("renders a list answer as a list grouped by city, with no Sources block, and a map of its cities", async () => {
    const { page } = await freshPage();
    await page.goto(server.url + "/");
    await ask(page, "Quelles villes forment aux PSSM ?");
    const turn = page.locator(".turn-assistant").last();
    const cities = await turn.locator(".answer-list > li > .list-city").allTextContents();
    expect(cities).toEqual(expect.arrayContaining(["Caen", "Lille"]));
    expect(await turn.locator(".answer-list .list-item").count()).toBeGreaterThanOrEqual(cities.length);
    expect(await turn.locator(".citations").count()).toBe(0);
    // the map: the départements of Caen (14) and Lille (59) drawn as places, and the same as text
    const map = turn.locator(".france-map");
    await map.locator(".map-list").waitFor({ state: "visible" });
    expect(await map.locator("path.dep-on[data-dep='14']").count()).toBe(1);
    expect(await map.locator("path.dep-on[data-dep='59']").count()).toBe(1);
    const listed = (await map.locator(".map-list").textContent()) ?? "";
    expect(listed).toContain("Calvados (14)");
    expect(listed).toContain("Caen");
    expect(listed).toContain("Lille");
    expect(await map.locator("svg").getAttribute("role")).toBe("img");
    await map.scrollIntoViewIfNeeded();
    await screenshot(page, "answers-list-map");
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.close();
  });

  it("shows an active filter as a chip, stamps the answer with it, and drops it when the chip is removed", async () => {
    const { page } = await freshPage();
    await page.goto(server.url + "/");
    await page.locator("#filter-city option[value='Caen']").waitFor({ state: "attached" });
    const themesBefore = await page.locator("#filter-theme option").count();
    await page.selectOption("#filter-city", "Caen");
    // counts follow the combination: fewer themes remain once a city is chosen
    expect(await page.locator("#filter-theme option").count()).toBeLessThan(themesBefore);
    const chip = page.locator("#filter-chip-list .chip");
    expect(await chip.allTextContents()).toEqual(["Ville : Caen×"]);
    await ask(page, "Quelles villes forment aux PSSM ?");
    expect(await page.locator(".turn-assistant .filters-used").last().textContent()).toBe("Filtres appliqués : Ville : Caen");
    await screenshot(page, "answers-filter-chip");

    await chip.locator(".chip-remove").click();
    expect(await chip.count()).toBe(0);
    expect(await page.locator("#filter-city").inputValue()).toBe("");
    const sent = page.waitForRequest((r) => r.url().endsWith("/api/ask"), { timeout: WAIT });
    await ask(page, "Quelles villes forment aux PSSM ?");
    expect(JSON.parse((await sent).postData() ?? "{}").filters).toEqual({});
    expect(await page.locator(".turn-assistant .filters-used").last().isHidden()).toBe(true);
    await page.close();
  });

  it("downloads a list answer as CSV whose rows are the cited sheets, quoted properly", async () => {
    const { page } = await freshPage();
    await page.goto(server.url + "/");
    await ask(page, "Quelles villes agissent sur le logement ?");
    const turn = page.locator(".turn-assistant").last();
    const items = await turn.locator(".answer-list .list-item").evaluateAll((lis) =>
      lis.map((li) => ({ id: li.getAttribute("data-fiche") ?? "", city: li.closest("ul")!.parentElement!.querySelector(".list-city")!.textContent })));
    const [download] = await Promise.all([page.waitForEvent("download"), turn.locator(".csv-download").click()]);
    const text = (await readFile((await download.path())!, "utf8")).replace(/^\ufeff/, "");
    const rows = parseCsv(text).filter((r) => r.length > 1);
    expect(rows[0]).toEqual(["ville", "fiche", "lien", "passage cité"]);
    const body = rows.slice(1);
    expect(body.map((r) => r[2])).toEqual(items.map((i) => `${server.url}/fiches/${encodeURIComponent(i.id)}`));
    expect(body.map((r) => r[0])).toEqual(items.map((i) => i.city));
    for (const r of body) expect(r).toHaveLength(4);
    await page.close();
  });

  it("keeps the conversation across a reload, and the next question still carries it as history", async () => {
    const { page } = await freshPage();
    await page.goto(server.url + "/");
    await ask(page, "Quelles villes forment aux PSSM ?");
    const answer = await page.locator(".answer-text").last().textContent();
    await page.reload();
    await page.locator(".turn-user").first().waitFor({ state: "visible" });
    expect(await page.locator(".turn-user").count()).toBe(1);
    expect(await page.locator(".answer-text").last().textContent()).toBe(answer);
    expect(await page.locator("#empty-state").isHidden()).toBe(true);
    const sent = page.waitForRequest((r) => r.url().endsWith("/api/ask"), { timeout: WAIT });
    await ask(page, "Quel est leur budget ?");
    expect(JSON.parse((await sent).postData() ?? "{}").history).toHaveLength(2);
    // Markdown export of the whole conversation, with its sources
    const [download] = await Promise.all([page.waitForEvent("download"), page.locator("#export-md").click()]);
    const md = await readFile((await download.path())!, "utf8");
    expect(md).toContain("> Quelles villes forment aux PSSM ?");
    expect(md).toContain("> Quel est leur budget ?");
    expect(md).toMatch(/\[\^1-1\]: .+ — \[.+\]\(http:\/\/127\.0\.0\.1:\d+\/fiches\/.+\)/);
    await page.locator("#new-conversation").click();
    await page.reload();
    expect(await page.locator(".turn").count()).toBe(0);
    await page.close();
  });

  it("keeps each turn's language after switching the page to English", async () => {
    const { page } = await freshPage();
    await page.goto(server.url + "/");
    await ask(page, "Quelles villes forment aux PSSM ?");
    await page.locator("#lang-switch").click();
    await ask(page, "Which cities run PSSM trainings?");
    const langs = await page.locator(".turn").evaluateAll((turns) => turns.map((t) => t.getAttribute("lang")));
    expect(langs).toEqual(["fr", "fr", "en", "en"]);
    await page.close();
  });

  it("shows an abstention's closest sheets from the real API, apart from sources, with no citation", async () => {
    const { page } = await freshPage();
    await page.goto(server.url + "/");
    await ask(page, "Quelles villes forment aux PSSM ?");
    const last = page.locator(".turn-assistant").last();
    expect(await last.locator(".suggestions li").count()).toBe(0);
    await ask(page, "Quelles actions de zoothérapie avec des lamas ?");
    const abstained = page.locator(".turn-assistant").last();
    await abstained.locator(".suggestions").waitFor({ state: "visible" });
    expect(await abstained.locator(".suggestions li").count()).toBeGreaterThan(0);
    expect(await abstained.locator(".suggestions a").first().getAttribute("href")).toMatch(/^\/fiches\//);
    expect(await abstained.locator(".citation, .cite-ref").count()).toBe(0);
    expect(await page.locator(".turn-assistant").first().locator(".citation, .cite-ref").count()).toBeGreaterThan(0);
    await page.close();
  });

  it("renders closest-sheet suggestions apart from sources, as text", async () => {
    const { page } = await freshPage();
    await page.goto(server.url + "/");
    await page.locator(".example").first().waitFor({ state: "visible" });
    // a string, not a function: vitest rewrites import() inside functions it compiles
    const rendered = await page.evaluate(`(async () => {
      const { renderSuggestions } = await import("/assets/app.js");
      const node = renderSuggestions([{ ficheId: "x-1", city: "Ville", title: "<b>Titre</b>" }]);
      return { heading: node.querySelector("h3")?.textContent, link: node.querySelector("a")?.getAttribute("href"),
        text: node.querySelector("a")?.textContent, bold: node.querySelectorAll("b").length, cls: node.className };
    })()`);
    expect(rendered).toEqual({ heading: "Fiches les plus proches", link: "/fiches/x-1", text: "Ville — <b>Titre</b>", bold: 0, cls: "suggestions" });
    await page.close();
  });
});
