// The chat page in a real browser against the real app over the index built from the seeds.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { startTestServer } from "../helpers/startTestServer.ts";
import { browserSkipReason, focused, launchBrowser, newPage, screenshot, seriousAxeViolations, tabUntil, WAIT, type Browser } from "./browser.ts";

interface FicheSummary {
  id: string;
  kind: string;
  city: string;
  title: string;
  fields: Record<string, string>;
}

describe.skipIf(Boolean(browserSkipReason()))("chat page", () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let fiches: FicheSummary[];

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    fiches = ((await (await fetch(`${server.url}/api/fiches`)).json()) as { fiches: FicheSummary[] }).fiches;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** A page starting from the default language: the choice is kept in localStorage otherwise. */
  async function newChatPage(): ReturnType<typeof newPage> {
    const opened = await newPage(browser);
    await opened.page.addInitScript(() => localStorage.clear());
    return opened;
  }

  async function ask(page: Page, question: string): Promise<void> {
    const before = await page.locator(".turn-assistant").count();
    await page.locator("#question").fill(question);
    await page.locator("#question").press("Enter");
    await page.locator(".turn-assistant:not([aria-busy])").nth(before).waitFor({ state: "attached" });
  }

  it("in English: answers « Which cities run PSSM trainings? » with Caen and Lille, and opens a cited passage highlighted", async () => {
    const { page, errors } = await newChatPage();
    await page.goto(server.url + "/");
    expect(await page.getAttribute("html", "lang")).toBe("fr");
    await page.locator("#lang-switch").click();
    expect(await page.getAttribute("html", "lang")).toBe("en");
    expect(await page.locator("#send").textContent()).toBe("Send");
    await page.locator(".example", { hasText: "Which cities run PSSM trainings?" }).waitFor({ state: "visible" });

    await ask(page, "Which cities run PSSM trainings?");
    const answer = (await page.locator(".answer-text").last().textContent()) ?? "";
    expect(answer).toContain("Caen");
    expect(answer).toContain("Lille");
    expect(await page.locator(".answer-text .cite-ref").count()).toBeGreaterThan(0);
    await page.waitForFunction(() => document.getElementById("live")?.textContent, null, { timeout: WAIT });
    expect(await page.locator("#live[aria-live=polite]").textContent()).toMatch(/^Answer: .*Caen/s);
    const cities = await page.locator(".answer-list .list-city").allTextContents();
    expect(cities).toEqual(expect.arrayContaining(["Caen", "Lille"]));
    // every turn carries the language it was asked in
    expect(await page.locator(".turn-user").last().getAttribute("lang")).toBe("en");
    await screenshot(page, "chat-en-answer");

    await page.locator(".answer-list > li", { hasText: /Caen|Lille/ }).first().locator(".cite-ref").first().click();
    const dialog = page.locator("#card-dialog[open]");
    await dialog.waitFor({ state: "visible" });
    const mark = dialog.locator("mark.cited").first();
    await mark.waitFor({ state: "visible" });
    expect((await mark.textContent())?.trim().length).toBeGreaterThan(0);
    // scrolled into view: the mark lies inside the dialog's visible box
    const [markBox, dialogBox] = [await mark.boundingBox(), await dialog.boundingBox()];
    expect(markBox && dialogBox).toBeTruthy();
    expect(markBox!.y).toBeGreaterThanOrEqual(dialogBox!.y);
    expect(markBox!.y).toBeLessThan(dialogBox!.y + dialogBox!.height);
    expect(await dialog.locator("dt").allTextContents()).toContain("Period");
    await screenshot(page, "chat-en-card");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("sends the conversation as history, with the cited sheets of the assistant turn", async () => {
    const { page } = await newChatPage();
    await page.goto(server.url + "/");
    await ask(page, "Quelles villes forment aux PSSM ?");
    await screenshot(page, "chat-fr-answer");
    const sent = page.waitForRequest((r) => r.url().endsWith("/api/ask"), { timeout: WAIT });
    await ask(page, "Quel est leur budget ?");
    const body = JSON.parse((await sent).postData() ?? "{}");
    expect(body.history).toHaveLength(2);
    expect(body.history[0]).toEqual({ role: "user", content: "Quelles villes forment aux PSSM ?" });
    expect(body.history[1].role).toBe("assistant");
    expect(body.history[1].ficheIds.length).toBeGreaterThan(0);
    expect(await page.locator(".turn-user").count()).toBe(2);

    await page.locator("#new-conversation").click();
    expect(await page.locator(".turn").count()).toBe(0);
    expect(await page.locator("#empty-state").isVisible()).toBe(true);
    await page.close();
  });

  it("fills the filters from the facets and applies them to the next question", async () => {
    const { page } = await newChatPage();
    await page.goto(server.url + "/");
    await page.locator("#filter-city option[value='Caen']").waitFor({ state: "attached" });
    expect(await page.locator("#filter-theme option").count()).toBeGreaterThan(1);
    await page.selectOption("#filter-city", "Caen");
    const sent = page.waitForRequest((r) => r.url().endsWith("/api/ask"), { timeout: WAIT });
    await ask(page, "Quelles villes forment aux PSSM ?");
    expect(JSON.parse((await sent).postData() ?? "{}").filters).toEqual({ city: "Caen" });
    const cities = await page.locator(".list-city").allTextContents();
    expect(cities.length).toBeGreaterThan(0);
    expect(new Set(cities)).toEqual(new Set(["Caen"]));
    await page.close();
  });

  it("copies an answer with its sources", async () => {
    await browser.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.url });
    const { page } = await newChatPage();
    await page.goto(server.url + "/");
    await ask(page, "Quelles villes forment aux PSSM ?");
    await page.locator(".copy").last().click();
    // the live region first reads the answer's summary, then the copy's confirmation: wait for the latter
    await page
      .waitForFunction(() => document.getElementById("live")?.textContent === "Réponse copiée dans le presse-papiers.", null, { timeout: WAIT })
      .catch(() => undefined);
    expect(await page.locator("#live").textContent()).toBe("Réponse copiée dans le presse-papiers.");
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain("Sources :");
    expect(copied).toMatch(/\[1\] .+ — .+/);
    expect(copied).toContain(`${server.url}/fiches/`);
    await page.close();
  });

  it("works with the keyboard only: ask, move to a citation, open its card, similar actions, Escape", async () => {
    const { page } = await newChatPage();
    await page.goto(server.url + "/");
    await tabUntil(page, (f) => f.id === "question");
    await page.keyboard.type("Quelles villes forment aux PSSM ?");
    await page.keyboard.press("Enter");
    await page.locator(".turn-assistant:not([aria-busy]) .cite-ref").first().waitFor({ state: "visible" });
    // the question box stays focused after sending; the answer sits above it
    const marker = await tabUntil(page, (f) => f.className.includes("cite-ref") || f.className.includes("citation"), {
      backwards: true,
    });
    await page.keyboard.press("Enter");
    await page.locator("#card-dialog[open] h2").waitFor({ state: "visible" });
    expect((await focused(page)).id).toBe("card-title");

    await tabUntil(page, (f) => f.className.includes("similar-button"));
    await page.keyboard.press("Enter");
    await page.locator("#card-dialog .similar-list > li").first().waitFor({ state: "visible" });
    await screenshot(page, "chat-similar");

    await page.keyboard.press("Escape");
    await page.locator("#card-dialog").waitFor({ state: "hidden" });
    const back = await focused(page);
    expect(back.className).toBe(marker.className);
    expect(back.text).toBe(marker.text);
    await page.close();
  });

  it("has no serious or critical axe-core violation, empty, answered and with a card open", async () => {
    const { page } = await newChatPage();
    await page.goto(server.url + "/");
    await page.locator(".example").first().waitFor({ state: "visible" });
    expect(await seriousAxeViolations(page)).toEqual([]);
    await ask(page, "Quelles villes forment aux PSSM ?");
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.locator(".cite-ref").first().click();
    await page.locator("#card-dialog[open] mark.cited").first().waitFor({ state: "visible" });
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.close();
  });

  it("opens the card of /fiches/:id directly, and prints only the card", async () => {
    const fiche = fiches.find((f) => f.kind === "fiche" && /Balades vertes/i.test(f.title)) ?? fiches[0];
    const { page, errors } = await newChatPage();
    await page.goto(`${server.url}/fiches/${encodeURIComponent(fiche.id)}`);
    const title = page.locator("#card-dialog[open] h2");
    await title.waitFor({ state: "visible" });
    expect(await title.textContent()).toBe(fiche.title);
    expect(await page.locator("#card-dialog .card-city").textContent()).toBe(fiche.city);
    await screenshot(page, "deep-link-card");

    await page.emulateMedia({ media: "print" });
    expect(await page.locator(".site-header").isHidden()).toBe(true);
    expect(await page.locator(".ask-form").isHidden()).toBe(true);
    expect(await page.locator("#card-dialog .card-toolbar").isHidden()).toBe(true);
    expect(await title.isVisible()).toBe(true);
    await screenshot(page, "deep-link-card-print");
    await page.emulateMedia({ media: "screen" });

    await page.keyboard.press("Escape");
    await page.locator("#card-dialog").waitFor({ state: "hidden" });
    // the dialog's "close" event, which restores the address, is a task queued after it hides
    await page.waitForFunction(() => location.pathname === "/", undefined, { timeout: 5_000 });
    expect(new URL(page.url()).pathname).toBe("/");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("renders a question written as HTML as text", async () => {
    const { page } = await newChatPage();
    let alerted = false;
    page.on("dialog", async (d) => {
      alerted = true;
      await d.dismiss();
    });
    await page.goto(server.url + "/");
    const attack = "<img src=x onerror=alert(1)>";
    await ask(page, attack);
    expect(await page.locator(".turn-user p").last().textContent()).toBe(attack);
    expect(await page.locator("img").count()).toBe(0);
    expect(alerted).toBe(false);
    await page.close();
  });

  it("fits a 360 px wide screen without horizontal scrolling", async () => {
    const { page } = await newChatPage();
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(server.url + "/");
    await ask(page, "Quelles villes forment aux PSSM ?");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await screenshot(page, "chat-360");
    await page.locator(".cite-ref").first().click();
    await page.locator("#card-dialog[open] h2").waitFor({ state: "visible" });
    await screenshot(page, "chat-360-card");
    await page.close();
  });
});
