// The embeddable widget in a real browser, on a host page of another origin, against the real
// app over the index built from the seeds.
import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { startTestServer } from "../helpers/startTestServer.ts";
import { browserSkipReason, focused, launchBrowser, newPage, screenshot, seriousAxeViolations, tabUntil, WAIT, type Browser } from "./browser.ts";
import { startHostPage, type HostPage } from "./hostPage.ts";

const W = "villes-sante-assistant";

describe.skipIf(Boolean(browserSkipReason()))("widget <villes-sante-assistant> embedded on another origin", () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let allowedHost: HostPage;
  let refusedHost: HostPage;
  let browser: Browser;

  beforeAll(async () => {
    allowedHost = await startHostPage();
    refusedHost = await startHostPage('data-lang="fr" data-accent-color="#ffcc00" data-title="Aide santé mentale"');
    server = await startTestServer({ allowedOrigins: [allowedHost.origin] });
    allowedHost.assistantUrl = server.url;
    refusedHost.assistantUrl = server.url;
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await allowedHost?.close();
    await refusedHost?.close();
  });

  async function openWidget(page: Page, origin: string): Promise<void> {
    await page.goto(origin + "/", { timeout: WAIT });
    await page.locator(`${W} .launcher`).click();
    await page.locator(`${W} #q`).waitFor({ state: "visible" });
  }

  async function askInWidget(page: Page, question: string): Promise<void> {
    await page.locator(`${W} #q`).fill(question);
    await page.locator(`${W} #q`).press("Enter");
    await page.locator(`${W} .turn:not([aria-busy])`).last().waitFor({ state: "attached" });
  }

  it("registers one element and appends it once, with no global besides it", async () => {
    const { page, errors } = await newPage(browser);
    await page.goto(allowedHost.origin + "/");
    await page.locator(`${W} .launcher`).waitFor({ state: "visible" });
    // loading the script a second time must neither throw nor add a second element
    await page.addScriptTag({ url: `${server.url}/widget.js` });
    expect(await page.locator(W).count()).toBe(1);
    // globals of this page = keys of its window that a blank frame's window lacks
    const globals = await page.evaluate(() => {
      const frame = document.createElement("iframe");
      document.body.append(frame);
      const blank = new Set(Object.keys(frame.contentWindow ?? {}));
      frame.remove();
      return Object.keys(window).filter((k) => !blank.has(k) && !/^\d+$/.test(k));
    });
    expect(globals).toEqual([]);
    expect(await page.evaluate((name) => customElements.get(name)?.name, W)).toBe("VillesSanteAssistant");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("is plain ASCII, so a host page in a legacy charset decodes its French right", async () => {
    const source = await readFile(new URL("../../web/widget.js", import.meta.url), "utf8");
    expect(source).toMatch(/^[\x00-\x7f]*$/);
  });

  it("answers « Quelles villes forment aux PSSM ? » with Caen and Lille, cited, and opens a card with its budget", async () => {
    const { page, errors } = await newPage(browser);
    await openWidget(page, allowedHost.origin);
    await askInWidget(page, "Quelles villes forment aux PSSM ?");
    const answer = (await page.locator(`${W} .a`).last().textContent()) ?? "";
    expect(answer).toContain("Caen");
    expect(answer).toContain("Lille");
    expect(await page.locator(`${W} .a .cite`).count()).toBeGreaterThan(0);
    const live = page.locator(`${W} [aria-live=polite]`);
    await live.filter({ hasText: "Caen" }).waitFor({ state: "attached" });
    // a short summary is read out, not the whole answer
    expect(await live.textContent()).toMatch(/^Réponse : \d+ fiche\(s\) dans \d+ ville\(s\) : .*Caen/);
    // a list answer is a list grouped by city, each sheet a citation button
    const cities = await page.locator(`${W} ul.list > li > .lcity`).allTextContents();
    expect(cities).toEqual(expect.arrayContaining(["Caen", "Lille"]));
    expect(await page.locator(`${W} ul.list .cite`).count()).toBeGreaterThanOrEqual(cities.length);
    expect(await page.locator(`${W} .turn`).last().getAttribute("lang")).toBe("fr");
    // the map of the list's places, drawn from the assistant's files across origins
    await page.locator(`${W} figure.map ul li`).first().waitFor({ state: "visible" });
    expect(await page.locator(`${W} figure.map path.on[data-dep="14"]`).count()).toBe(1);
    expect(await page.locator(`${W} figure.map ul`).textContent()).toContain("Calvados (14)");
    await page.locator(`${W} figure.map`).scrollIntoViewIfNeeded();
    await screenshot(page, "widget-list-map");
    await page.locator(`${W} .q`).last().scrollIntoViewIfNeeded();
    await screenshot(page, "widget-answer");

    // the Caen and Lille PSSM sheets both state a budget
    const pssm = page.locator(`${W} .cite`, { hasText: /Premiers Secours en Santé Mentale|PSSM/ }).first();
    await pssm.click();
    await page.locator(`${W} .card h2`).waitFor({ state: "visible" });
    await expect(page.locator(`${W} .card dd[data-field^="budget"]`).count()).resolves.toBeGreaterThan(0);
    const budgetLabel = await page.locator(`${W} .card dt`, { hasText: /Budget/ }).first().textContent();
    expect(budgetLabel).toMatch(/Budget/);
    expect(await page.locator(`${W} .card mark`).count()).toBeGreaterThan(0);
    await screenshot(page, "widget-card");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("on a refused origin, names the origin to add to ALLOWED_ORIGINS before any question", async () => {
    const { page } = await newPage(browser);
    const asked: string[] = [];
    page.on("request", (r) => r.url().endsWith("/api/ask") && asked.push(r.url()));
    await openWidget(page, refusedHost.origin);
    expect(await page.locator(`${W} #title`).textContent()).toBe("Aide santé mentale");
    // a light accent (#ffcc00) gets dark text, by contrast ratio
    expect(await page.locator(`${W} .launcher`).evaluate((b) => getComputedStyle(b).color)).toBe("rgb(17, 17, 17)");
    const note = page.locator(`${W} .refused[role="alert"]`);
    await note.waitFor({ state: "visible" });
    expect(await note.textContent()).toContain(`ajouter exactement ${refusedHost.origin} à la variable ALLOWED_ORIGINS`);
    expect(await note.locator("code").first().textContent()).toBe(refusedHost.origin);
    expect(await page.locator(`${W} #q`).isDisabled()).toBe(true);
    expect(asked).toEqual([]);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, "widget-refused-origin");
    await page.close();
  });

  it("keeps the conversation across a reload, and starts a new one on request", async () => {
    const { page } = await newPage(browser);
    await openWidget(page, allowedHost.origin);
    await askInWidget(page, "Quelles villes forment aux PSSM ?");
    // the answer's text without its map, which fills its list of départements whenever its data arrives (a race)
    const settledAnswer = () =>
      page.locator(`${W} .a`).last().evaluate((el) => {
        const copy = el.cloneNode(true) as Element;
        for (const figure of copy.querySelectorAll("figure")) figure.remove();
        return copy.textContent;
      });
    const answer = await settledAnswer();
    expect(answer).toContain("Former aux PSSM");
    await page.reload();
    await page.locator(`${W} .launcher`).click();
    await page.locator(`${W} .q`).first().waitFor({ state: "visible" });
    expect(await page.locator(`${W} .q`).allTextContents()).toEqual(["Quelles villes forment aux PSSM ?"]);
    expect(await settledAnswer()).toBe(answer);
    const sent = page.waitForRequest((r) => r.url().endsWith("/api/ask"), { timeout: WAIT });
    await askInWidget(page, "Quel est leur budget ?");
    expect(JSON.parse((await sent).postData() ?? "{}").history).toHaveLength(2);
    // the third question sits in view at the top of the panel, its answer below it
    await askInWidget(page, "Quelles villes agissent sur le logement ?");
    const [q, panel] = [await page.locator(`${W} .q`).last().boundingBox(), await page.locator(`${W} .chat`).boundingBox()];
    expect(q!.y).toBeGreaterThanOrEqual(panel!.y - 1);
    expect(q!.y + q!.height + 40).toBeLessThan(panel!.y + panel!.height);
    await screenshot(page, "widget-third-answer");

    await page.locator(`${W} .head .new`).click();
    expect(await page.locator(`${W} .turn`).count()).toBe(0);
    expect(await page.locator(`${W} .examples`).isVisible()).toBe(true);
    expect((await focused(page)).id).toBe("q");
    await page.reload();
    await page.locator(`${W} .launcher`).click();
    expect(await page.locator(`${W} .turn`).count()).toBe(0);
    await page.close();
  });

  it("works with the keyboard only: Tab to the launcher, ask, open a citation, Escape back, Escape closed", async () => {
    const { page } = await newPage(browser);
    await page.goto(allowedHost.origin + "/");
    await page.locator(`${W} .launcher`).waitFor({ state: "visible" });
    await tabUntil(page, (f) => f.inShadow && f.className.includes("launcher"));
    await page.keyboard.press("Enter");
    expect((await focused(page)).id).toBe("q");
    await page.keyboard.type("Quelles villes forment aux PSSM ?");
    await page.keyboard.press("Enter");
    await page.locator(`${W} .cite`).first().waitFor({ state: "visible" });
    // the question box keeps the focus after sending; the citations sit above it
    const citation = await tabUntil(page, (f) => f.inShadow && f.className.includes("cite"), { backwards: true });
    await page.keyboard.press("Enter");
    await page.locator(`${W} .card h2`).waitFor({ state: "visible" });
    expect((await focused(page)).tag).toBe("h2");
    await page.keyboard.press("Escape");
    expect(await page.locator(`${W} .card`).isHidden()).toBe(true);
    expect((await focused(page)).text).toBe(citation.text);
    await page.keyboard.press("Escape");
    expect(await page.locator(`${W} .panel`).isHidden()).toBe(true);
    expect((await focused(page)).className).toContain("launcher");
    await page.close();
  });

  it("has no serious or critical axe-core violation, open with an answer and with a card", async () => {
    const { page } = await newPage(browser);
    await openWidget(page, allowedHost.origin);
    await askInWidget(page, "Quelles villes forment aux PSSM ?");
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.locator(`${W} .cite`).first().click();
    await page.locator(`${W} .card h2`).waitFor({ state: "visible" });
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.close();
  });

  it("renders a question written as HTML as text", async () => {
    const { page } = await newPage(browser);
    let alerted = false;
    page.on("dialog", async (d) => {
      alerted = true;
      await d.dismiss();
    });
    await openWidget(page, allowedHost.origin);
    const attack = "<img src=x onerror=alert(1)>";
    await askInWidget(page, attack);
    expect(await page.locator(`${W} .q`).last().textContent()).toBe(attack);
    expect(await page.locator(`${W} img, img`).count()).toBe(0);
    expect(alerted).toBe(false);
    await page.close();
  });
});
