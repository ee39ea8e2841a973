import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, test as base, chromium, type Page, type Worker } from "@playwright/test";
import { renderWeekPage } from "../fixtures/calendar/render";
import { openWeek } from "./calendar";
import { CHROMIUM_PATH, EXTENSION_DIR } from "./paths";

export const CALENDAR_URL = "https://calendar.google.com/calendar/u/0/r/week";

export interface ExtensionFixtures {
  /** leave open the welcome tab that installing opens, for the tests of that page */
  keepWelcome: boolean;
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  /** Serves `html` for every calendar.google.com page, as if it were Google Calendar. */
  serveCalendar: (html: string | (() => string)) => Promise<void>;
  /** Opens an extension page (popup.html, sidebar.html…) in a tab. */
  openExtensionPage: (path: string) => Promise<Page>;
  /** A tab showing the fixture Calendar week with its default events. */
  calendarPage: Page;
}

/**
 * Debian's Chromium with the flags this machine needs; `extension: false` gives the same browser
 * without 1:1 Prep, so the two differ only by the extension.
 */
export async function launchWithExtension(
  userDataDir: string,
  {
    extension = true,
    keepWelcome = false,
    extensionDir = EXTENSION_DIR,
    args = [],
  }: {
    extension?: boolean;
    keepWelcome?: boolean;
    /** another copy of the build, which Chromium gives an id of its own (from its path) */
    extensionDir?: string;
    /** more command-line switches for Chromium */
    args?: string[];
  } = {},
): Promise<BrowserContext> {
  const context = await launchBrowser(userDataDir, extension ? extensionDir : undefined, args);
  // Installing opens the welcome page. Every fresh profile proves it does; the tab is closed so
  // a test starts with only its own pages.
  if (extension && !keepWelcome) await (await welcomeTab(context)).close();
  return context;
}

/** The tab the extension opens on install, as soon as it shows the welcome page. */
export async function welcomeTab(context: BrowserContext): Promise<Page> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const tab = context.pages().find((p) => p.url().endsWith("/welcome.html"));
    if (tab) return tab;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error("Installing the extension didn't open its welcome page.");
}

function launchBrowser(
  userDataDir: string,
  extensionDir: string | undefined,
  args: string[],
): Promise<BrowserContext> {
  const defaultDisableFeatures = process.env.PREP_E2E_DEFAULT_DISABLE_FEATURES;
  const keptDisabled = (defaultDisableFeatures ?? "")
    .replace(/^--disable-features=/, "")
    .split(",")
    .filter((f) => f && f !== "ThirdPartyStoragePartitioning");
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    ignoreDefaultArgs: ["--disable-extensions", ...(defaultDisableFeatures ? [defaultDisableFeatures] : [])],
    args: [
      ...(extensionDir
        ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`]
        : []),
      ...(keptDisabled.length ? [`--disable-features=${keptDisabled.join(",")}`] : []),
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      ...args,
    ],
    viewport: { width: 1280, height: 800 },
    timezoneId: "UTC",
    // Dates follow the browser's language; the suite reads them as a British browser writes them.
    locale: "en-GB",
  });
}

export const test = base.extend<ExtensionFixtures>({
  keepWelcome: [false, { option: true }],
  context: async ({ keepWelcome }, use) => {
    const dir = mkdtempSync(join(tmpdir(), "prep-e2e-"));
    // Installing opens the welcome page; it is closed before anything else. Playwright's
    // context.route() visits every open page, and a tab closing underneath it fails the call with
    // "Target page, context or browser has been closed".
    const context = await launchWithExtension(dir, { keepWelcome });
    // The extension makes no network requests of its own; anything else a page asks for is refused.
    await context.route(/^https?:\/\/(?!calendar\.google\.com\/)/, (route) => route.abort());
    await use(context);
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  },
  serviceWorker: async ({ context }, use) => {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent("serviceworker"));
    await use(worker);
  },
  extensionId: async ({ serviceWorker }, use) => {
    await use(new URL(serviceWorker.url()).host);
  },
  serveCalendar: async ({ context }, use) => {
    await use(async (html) => {
      await context.route("https://calendar.google.com/**", (route) =>
        route.fulfill({
          status: 200,
          contentType: "text/html; charset=utf-8",
          body: typeof html === "string" ? html : html(),
        }),
      );
    });
  },
  calendarPage: async ({ context, serveCalendar }, use) => {
    await serveCalendar(renderWeekPage());
    await use(await openWeek(await context.newPage()));
  },
  openExtensionPage: async ({ context, extensionId }, use) => {
    await use(async (path) => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    });
  },
});

export const expect = test.expect;
