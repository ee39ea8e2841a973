import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BrowserContext, Page } from "@playwright/test";
import { openWeek } from "../tests/e2e/calendar";
import { launchWithExtension } from "../tests/e2e/extension";
import { renderWeekPage } from "../tests/fixtures/calendar/render";

export interface BenchBrowser {
  context: BrowserContext;
  /** chrome-extension://<id>/<path>; throws in the browser without the extension */
  extensionUrl: (path: string) => string;
  /** A new tab showing the fixture Calendar week. */
  openCalendar: () => Promise<Page>;
  close: () => Promise<void>;
}

/**
 * A fresh profile each time. The browser without the extension gets the same flags as the one
 * with it, so the two differ only by the extension when their page costs are compared.
 */
export async function startBrowser({
  extension,
  extensionDir,
  args = [],
  reachable = [],
}: {
  extension: boolean;
  /** another copy of the build, in place of the one under test */
  extensionDir?: string;
  /** more command-line switches for Chromium */
  args?: string[];
  /** hosts besides Calendar that requests may go to, as a local stand-in serves them */
  reachable?: string[];
}): Promise<BenchBrowser> {
  const dir = mkdtempSync(join(tmpdir(), "prep-bench-"));
  const context = await launchWithExtension(dir, {
    extension,
    args,
    ...(extensionDir ? { extensionDir } : {}),
  });
  const allowed = ["calendar.google.com", ...reachable];
  await context.route(
    (url) => /^https?:$/.test(url.protocol) && !allowed.includes(url.host),
    (route) => route.abort(),
  );
  const calendarHtml = renderWeekPage();
  await context.route("https://calendar.google.com/**", (route) =>
    route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: calendarHtml }),
  );
  let extensionId: string | undefined;
  if (extension) {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent("serviceworker"));
    extensionId = new URL(worker.url()).host;
  }
  return {
    context,
    extensionUrl: (path) => {
      if (!extensionId) throw new Error("This browser runs without the extension.");
      return `chrome-extension://${extensionId}/${path}`;
    },
    openCalendar: async () => openWeek(await context.newPage()),
    close: async () => {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Waits until the extension's database exists, created by the page's own code at its version. */
export async function waitForDatabase(extensionPage: Page) {
  await extensionPage.waitForFunction(async () =>
    (await indexedDB.databases()).some((d) => d.name === "one-on-one-prep"),
  );
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
