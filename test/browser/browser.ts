// Debian's chromium driven by playwright-core (never `playwright install`): one persistent
// context per test file over a fresh profile folder, plus the small helpers the browser tests
// share (deep focus, keyboard walks, screenshots, axe-core).
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type BrowserContext, type Page } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const FLAGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--disable-quic",
];
const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));
const SCREENSHOTS = path.join(REPO_ROOT, "test-output/screenshots");
/** Every wait in these tests is bounded by this, so a broken page fails instead of hanging. */
export const WAIT = 20_000;

/**
 * Why the browser suites cannot run here, or undefined. In CI (CI set) a missing chromium is
 * an error, not a skip: the suites must run there.
 */
export function browserSkipReason(): string | undefined {
  if (existsSync(CHROMIUM)) return undefined;
  const reason = `browser tests skipped: no chromium at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH)`;
  if (process.env.CI) throw new Error(reason.replace("skipped", "cannot run"));
  console.warn(reason);
  return reason;
}

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<Browser> {
  const profile = await mkdtemp(path.join(os.tmpdir(), "fiches-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: FLAGS,
    viewport: { width: 1200, height: 850 },
    locale: "fr-FR",
    // no smooth scrolling: screenshots and positions are taken once scrolling is over
    reducedMotion: "reduce",
    timeout: WAIT,
  });
  context.setDefaultTimeout(WAIT);
  return {
    context,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** A new page that fails the test on uncaught page errors (collected in `errors`). */
export async function newPage(browser: Browser): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (err) => errors.push(err.message));
  return { page, errors };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}

export interface FocusInfo {
  tag: string;
  id: string;
  className: string;
  text: string;
  inShadow: boolean;
}

/** The focused element, looking through open shadow roots. */
export async function focused(page: Page): Promise<FocusInfo> {
  return page.evaluate(() => {
    let el = document.activeElement;
    let inShadow = false;
    while (el?.shadowRoot?.activeElement) {
      el = el.shadowRoot.activeElement;
      inShadow = true;
    }
    return {
      tag: el?.tagName.toLowerCase() ?? "",
      id: el?.id ?? "",
      className: typeof el?.className === "string" ? el.className : "",
      text: (el?.textContent ?? "").trim().slice(0, 200),
      inShadow,
    };
  });
}

/** Presses Tab (Shift+Tab with `backwards`) until `accept(focus)` holds; fails after `max` presses. */
export async function tabUntil(
  page: Page,
  accept: (f: FocusInfo) => boolean,
  { max = 60, backwards = false } = {},
): Promise<FocusInfo> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(backwards ? "Shift+Tab" : "Tab");
    const f = await focused(page);
    if (accept(f)) return f;
  }
  throw new Error(`no matching element reached after ${max} Tab presses`);
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

const axeSource = readFile(path.join(REPO_ROOT, "node_modules/axe-core/axe.min.js"), "utf8");

/**
 * axe-core's serious and critical violations on the page as it is now. The source is injected
 * with page.evaluate, which the page's CSP (script-src 'self') does not govern, unlike a
 * <script> tag added by addScriptTag.
 */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(await axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: any[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map((v) => ({
      id: v.id as string,
      impact: v.impact as string | null,
      help: v.help as string,
      nodes: (v.nodes as { target: unknown }[]).map((n) => JSON.stringify(n.target)),
    }));
  });
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}
