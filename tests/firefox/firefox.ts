import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test as base, expect } from "@playwright/test";
import puppeteer, { type Browser, type ElementHandle, type Frame, type Page } from "puppeteer-core";
import { ROOT } from "../e2e/paths";
import { renderWeekPage } from "../fixtures/calendar/render";

export { expect };

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? "/usr/bin/firefox-esr";
export const FIREFOX_EXTENSION_DIR = join(ROOT, process.env.PREP_OUT_DIR ?? ".output", "firefox-mv2");
export const CALENDAR_URL = "https://calendar.google.com/calendar/u/0/r/week";
export const SIDEBAR = "[data-one-on-one-prep]";

export interface FirefoxFixtures {
  firefox: Browser;
  /** Opens a tab that is served our fixture week for calendar.google.com, as Calendar would be. */
  openCalendar: (html?: string) => Promise<Page>;
  /** An extension page (popup.html, options.html…), in a frame of a Calendar tab. */
  openExtensionPage: (path: string) => Promise<Frame>;
}

/**
 * Only Calendar's address is served (our fixture), the extension's own pages load, and every other
 * request is refused: nothing of 1:1 Prep's goes over the network.
 */
async function serve(page: Page, html: string) {
  await page.setRequestInterception(true);
  page.on("request", (request) => {
    const url = request.url();
    if (url.startsWith("https://calendar.google.com/"))
      void request.respond({ status: 200, contentType: "text/html; charset=utf-8", body: html });
    else if (url.startsWith("moz-extension://") || url.startsWith("data:") || url.startsWith("blob:"))
      void request.continue();
    else void request.abort();
  });
}

/**
 * A Firefox with 1:1 Prep installed, its welcome tab already seen and closed. `prefs` and
 * `acceptInsecureCerts` serve a test that sends the extension's Drive requests to this machine.
 */
export async function launchFirefox(
  options: { prefs?: Record<string, string | number | boolean>; acceptInsecureCerts?: boolean } = {},
): Promise<Browser> {
  const browser = await puppeteer.launch({
    browser: "firefox",
    executablePath: FIREFOX_PATH,
    headless: true,
    ...(options.acceptInsecureCerts ? { acceptInsecureCerts: true } : {}),
    // A fresh profile each time, and no background traffic of Firefox's own.
    extraPrefsFirefox: {
      "app.update.enabled": false,
      "browser.shell.checkDefaultBrowser": false,
      "datareporting.policy.dataSubmissionEnabled": false,
      "extensions.getAddons.cache.enabled": false,
      "network.captive-portal-service.enabled": false,
      "network.connectivity-service.enabled": false,
      "browser.safebrowsing.downloads.remote.enabled": false,
      ...options.prefs,
    },
  });
  await browser.installExtension(FIREFOX_EXTENSION_DIR);
  await closeWelcomeTab(browser);
  return browser;
}

/** A tab of `firefox` served our fixture week for calendar.google.com, as Calendar would be. */
export async function openCalendarIn(firefox: Browser, html = renderWeekPage()): Promise<Page> {
  const page = await firefox.newPage();
  await page.setViewport({ width: 1280, height: 800 });
  await serve(page, html);
  await page.goto(CALENDAR_URL);
  await page.waitForSelector('[role="grid"] [role="button"][data-eventid]');
  return page;
}

export const test = base.extend<FirefoxFixtures>({
  // Its own time, not the test's: starting Firefox beside the Chromium suite can take a while, and
  // a start that fails then says why (the welcome tab's deadline is within this).
  firefox: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies as a pattern.
    async ({}, use) => {
      const browser = await launchFirefox();
      await use(browser);
      await browser.close();
    },
    { timeout: 90_000 },
  ],
  openCalendar: async ({ firefox }, use) => {
    await use((html) => openCalendarIn(firefox, html));
  },
  openExtensionPage: async ({ openCalendar }, use) => {
    await use(async (path) => {
      // WebDriver may not take a tab to an extension page, and a web page may not open one, but
      // the extension's own frame may load another of its pages: the sidebar frame (reached by
      // opening a 1:1) is turned into the page asked for. Firefox gives a frame inside a web page
      // the extension APIs a content script has (runtime, storage), which is all these pages use.
      const calendar = await openCalendar();
      await openEvent(calendar, "priyaWeekly1");
      const sidebarFrame = await prepFor(calendar, "Priya Raman");
      await sidebarFrame.evaluate((url) => location.assign(url), `/${path}`);
      const element = (await calendar.waitForSelector(
        `${SIDEBAR} iframe[src$="/${path}"], ${SIDEBAR} iframe`,
      )) as ElementHandle<HTMLIFrameElement>;
      let frame = await element.contentFrame();
      const deadline = Date.now() + 30_000;
      while (!frame?.url().endsWith(`/${path}`) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        frame = await element.contentFrame();
      }
      if (!frame) throw new Error(`No frame for ${path}`);
      await frame.waitForFunction(() => document.readyState === "complete");
      return frame;
    });
  },
});

export async function openEvent(page: Page, key: string) {
  await page.click(`[role="grid"] [data-fixture-key="${key}"]`);
  await page.waitForSelector('[role="dialog"]:not([aria-hidden="true"]) #rAECCd');
}

export async function closeEvent(page: Page) {
  await page.click('[role="dialog"]:not([aria-hidden="true"]) [aria-label="Close"]');
  await page.waitForFunction((selector) => !document.querySelector(selector), {}, SIDEBAR);
}

/** The sidebar's frame once it shows the prep for `name`. */
export async function prepFor(page: Page, name: string): Promise<Frame> {
  const element = (await page.waitForSelector(`${SIDEBAR} iframe`)) as ElementHandle<HTMLIFrameElement>;
  const frame = await element.contentFrame();
  if (!frame) throw new Error("The sidebar has no frame.");
  await frame.waitForFunction(
    (expected) => document.querySelector("h1")?.textContent === expected,
    { timeout: 10_000 },
    `1:1 with ${name}`,
  );
  return frame;
}

export async function notesIn(frame: Frame): Promise<ElementHandle<HTMLTextAreaElement>> {
  return (await frame.waitForSelector(
    'textarea[aria-label^="Notes for the 1:1"]',
  )) as ElementHandle<HTMLTextAreaElement>;
}

/** Polls `read` until it returns `expected` (deep equality by JSON), or fails after `timeout`. */
export async function eventually<T>(read: () => Promise<T>, expected: T, timeout = 5000): Promise<void> {
  const deadline = Date.now() + timeout;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await read();
    if (JSON.stringify(last) === JSON.stringify(expected)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  expect(last as unknown).toEqual(expected);
}

export const weekHtml = () => readFileSync(join(ROOT, "tests/fixtures/calendar/week.html"), "utf8");

/** The form control a visible label names, as a person finds it. */
export async function byLabel(page: Page | Frame, text: string): Promise<ElementHandle<HTMLElement>> {
  const handle = await page.waitForFunction(
    (wanted) => {
      for (const label of document.querySelectorAll("label")) {
        if (label.textContent?.trim().startsWith(wanted) && label.htmlFor)
          return document.getElementById(label.htmlFor);
      }
      return null;
    },
    {},
    text,
  );
  return handle as unknown as ElementHandle<HTMLElement>;
}

/** The first button whose text is `name`. */
export async function button(page: Page | Frame, name: string): Promise<ElementHandle<HTMLButtonElement>> {
  const handle = await page.waitForFunction(
    (wanted) =>
      [...document.querySelectorAll("button")].find((b) => b.textContent?.trim() === wanted) ?? null,
    {},
    name,
  );
  return handle as unknown as ElementHandle<HTMLButtonElement>;
}

/** How long one look into a tab may take before its address is taken from the browser instead. */
const LOOK_MS = 2_000;

/** Installing opens the welcome page; each test proves it, then starts without that tab. */
async function closeWelcomeTab(firefox: Browser) {
  // A deadline, not a number of looks: each look evaluates in every tab, and on a loaded machine
  // (the Chromium suite beside this one) a look can take far longer than the pause between them.
  const deadline = Date.now() + 60_000;
  let seen: string[] = [];
  while (Date.now() < deadline) {
    seen = [];
    for (const page of await firefox.pages()) {
      // page.url() can stay about:blank for a tab the extension opened; the document knows better.
      // A look into a tab that is still loading can go unanswered: it gives up after a while.
      const href = await Promise.race([
        page.evaluate(() => location.href),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error("no answer")), LOOK_MS)),
      ]).catch(() => page.url());
      if (href.endsWith("/welcome.html")) {
        await page.close();
        return;
      }
      seen.push(href);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Installing the extension didn't open its welcome page; tabs: ${seen.join(", ")}`);
}

/**
 * An extension page in a tab of its own, opened by one of the extension's frames: a frame inside
 * a web page gets only the APIs a content script has, a tab of the extension's own gets them all
 * (the toolbar button's badge among them), and WebDriver may not open one itself.
 */
export async function openExtensionTab(firefox: Browser, from: Frame, path: string): Promise<Page> {
  const url = await from.evaluate((p) => new URL(`/${p}`, location.href).href, path);
  const before = new Set(await firefox.pages());
  await from.evaluate((u) => void window.open(u, "_blank"), url);
  // A deadline, not a number of looks, for the reason closeWelcomeTab gives.
  for (const deadline = Date.now() + 30_000; Date.now() < deadline; ) {
    for (const page of await firefox.pages()) {
      if (before.has(page)) continue;
      const href = await page.evaluate(() => location.href).catch(() => "");
      if (href === url) {
        await page.waitForFunction(() => document.readyState === "complete");
        return page;
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${path} did not open in a tab`);
}

/** Sets a form control's value as typing would, so React hears it (date inputs take no typing). */
export async function setValue(control: ElementHandle<HTMLInputElement>, value: string) {
  await control.evaluate((input, v) => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")?.set?.call(input, v);
    input.dispatchEvent(new Event("input", { bubbles: true }));
    input.dispatchEvent(new Event("change", { bubbles: true }));
  }, value);
}
