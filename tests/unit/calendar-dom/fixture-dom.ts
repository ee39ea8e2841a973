import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Window } from "happy-dom";
import { afterAll, afterEach } from "vitest";
import { fixtureEvents } from "../../fixtures/calendar/events";
import { fixtureDir, fixtureWeekUrl } from "../../fixtures/calendar/render";

export const staticFixtures = [
  "grid.html",
  "dialog-recurring-1on1.html",
  "dialog-group.html",
  "dialog-no-guests.html",
  "dialog-room.html",
  "dialog-de.html",
  "dialog-hidden-leftover.html",
  "edit-page.html",
  "edit-page-de.html",
] as const;
export type StaticFixture = (typeof staticFixtures)[number];

export const editUrl = (eid: string) => `https://calendar.google.com/calendar/u/0/r/eventedit/${eid}`;

/** The URL each static fixture pretends to be served at. */
export const fixtureUrls: Record<StaticFixture, string> = {
  "grid.html": fixtureWeekUrl,
  "dialog-recurring-1on1.html": fixtureWeekUrl,
  "dialog-group.html": fixtureWeekUrl,
  "dialog-no-guests.html": fixtureWeekUrl,
  "dialog-room.html": fixtureWeekUrl,
  "dialog-de.html": fixtureWeekUrl,
  "dialog-hidden-leftover.html": fixtureWeekUrl,
  "edit-page.html": editUrl(fixtureEvents.jordan1on1.eid),
  "edit-page-de.html": editUrl(fixtureEvents.focusBlock.eid),
};

const openWindows: Window[] = [];

afterEach(async () => {
  const windows = openWindows.splice(0);
  await Promise.all(windows.map((window) => window.happyDOM.close()));
});

const shared = new Map<StaticFixture, { window: Window; document: Document }>();

afterAll(async () => {
  const pages = Array.from(shared.values());
  shared.clear();
  await Promise.all(pages.map((page) => page.window.happyDOM.close()));
});

export interface LoadedPage {
  window: Window;
  document: Document;
}

/** A fresh happy-dom window showing `html` at `url`. Scripts run only when asked. */
export function loadHtml(html: string, url: string = fixtureWeekUrl, runScripts = false): LoadedPage {
  const window = new Window({
    url,
    width: 1280,
    height: 900,
    settings: { enableJavaScriptEvaluation: runScripts, navigator: { userAgent: "fixture" } },
  });
  openWindows.push(window);
  window.document.write(html);
  return { window, document: window.document as unknown as Document };
}

export function readFixture(name: string): string {
  return readFileSync(join(fixtureDir, name), "utf8");
}

export function loadFixture(name: StaticFixture, url: string = fixtureUrls[name]): Document {
  return loadHtml(readFixture(name), url).document;
}

/** One parsed copy per test file, for tests that only read. */
export function sharedFixture(name: StaticFixture): Document {
  let page = shared.get(name);
  if (!page) {
    const window = new Window({ url: fixtureUrls[name], width: 1280, height: 900 });
    window.document.write(readFixture(name));
    page = { window, document: window.document as unknown as Document };
    shared.set(name, page);
  }
  return page.document;
}
