import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ConsoleMessage, Page } from "@playwright/test";
import { renderWeekPage } from "../fixtures/calendar/render";
import {
  closeEvent,
  expectPrepFor,
  fixtureEvents,
  openEvent,
  openWeek,
  pageErrors,
  SIDEBAR,
  sidebar,
} from "./calendar";
import { test as base, expect, launchWithExtension } from "./extension";
import { storedNotes } from "./seed";

/**
 * Chrome disables an unpacked extension that reloads itself unless developer mode is on, which
 * is how anyone running it unpacked has it; a store update reloads it the same way.
 */
const test = base.extend({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies as a pattern.
  context: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), "prep-e2e-"));
    mkdirSync(join(dir, "Default"));
    writeFileSync(
      join(dir, "Default", "Preferences"),
      JSON.stringify({ extensions: { ui: { developer_mode: true } } }),
    );
    const context = await launchWithExtension(dir);
    await context.route(/^https?:\/\/(?!calendar\.google\.com\/)/, (route) => route.abort());
    await use(context);
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  },
});

const { priyaWeekly1, jordan1on1 } = fixtureEvents;

function consoleProblems(page: Page): string[] {
  const seen: string[] = [];
  page.on("console", (message: ConsoleMessage) => {
    if (message.type() === "error" || /1:1 Prep|Extension context invalidated/.test(message.text()))
      seen.push(`${message.type()}: ${message.text()}`);
  });
  return seen;
}

test("an extension reload with the prep open leaves Calendar working, with nothing broken left behind", async ({
  calendarPage: page,
  context,
  serviceWorker,
  extensionId,
}) => {
  const problems = consoleProblems(page);
  await openEvent(page, priyaWeekly1);
  await expectPrepFor(page, "Priya Raman");
  const notes = sidebar(page).getByRole("textbox", { name: /Notes for the 1:1/ });
  await notes.pressSequentially("Written just before the update", { delay: 5 });

  // What an update does to a running extension. The worker goes away mid-call.
  await serviceWorker
    .evaluate(() =>
      (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload(),
    )
    .catch(() => {});

  // The old content script notices it is orphaned and takes its panel with it, even while the page
  // is still (no DOM change to wake it): no stale prep whose close button no longer works.
  await expect(
    page.locator(`${SIDEBAR}, [data-one-on-one-prep-closing], [data-one-on-one-prep-button]`),
  ).toHaveCount(0, { timeout: 5_000 });
  expect(await page.locator(`iframe[src^="chrome-extension://${extensionId}/"]`).count()).toBe(0);

  // Calendar itself carries on: events open and close, and the orphaned script stays silent
  // through all the page's mutations.
  await closeEvent(page);
  await openEvent(page, jordan1on1);
  await page.waitForTimeout(300);
  await expect(page.locator(SIDEBAR)).toHaveCount(0);
  await closeEvent(page);
  expect(pageErrors(page)).toEqual([]);
  expect(problems).toEqual([]);

  // Chrome does not inject the new version into open tabs; a newly loaded Calendar gets it, and
  // the notes typed before the update are there.
  const fresh = await openWeek(await context.newPage());
  await openEvent(fresh, priyaWeekly1);
  await expectPrepFor(fresh, "Priya Raman");
  await expect(sidebar(fresh).getByRole("textbox", { name: /Notes for the 1:1/ })).toHaveValue(
    "Written just before the update",
  );
  expect(pageErrors(fresh)).toEqual([]);
});

test("two Calendar tabs on the same 1:1 follow each other's notes, and nothing typed is lost", async ({
  context,
  serveCalendar,
  openExtensionPage,
}) => {
  await serveCalendar(renderWeekPage());
  const a = await openWeek(await context.newPage());
  const b = await openWeek(await context.newPage());
  for (const tab of [a, b]) {
    await openEvent(tab, priyaWeekly1);
    await expectPrepFor(tab, "Priya Raman");
  }
  const notesA = sidebar(a).getByRole("textbox", { name: /Notes for the 1:1/ });
  const notesB = sidebar(b).getByRole("textbox", { name: /Notes for the 1:1/ });

  await a.bringToFront();
  await notesA.pressSequentially("Alpha from tab A.", { delay: 5 });
  // Switching tabs takes focus from the field; headless tabs all keep focus, so say so.
  await notesA.blur();
  await b.bringToFront();
  await expect(notesB).toHaveValue("Alpha from tab A.");

  await notesB.press("End");
  await notesB.pressSequentially(" Beta from tab B.", { delay: 5 });
  await notesB.blur();
  await a.bringToFront();
  await expect(notesA).toHaveValue("Alpha from tab A. Beta from tab B.");

  await notesA.press("End");
  await notesA.pressSequentially(" Gamma.", { delay: 5 });
  await notesA.blur();
  const everything = "Alpha from tab A. Beta from tab B. Gamma.";
  await expect(notesB).toHaveValue(everything);
  const popup = await openExtensionPage("popup.html");
  await expect.poll(() => storedNotes(popup, priyaWeekly1.eventId)).toBe(everything);
  expect([...pageErrors(a), ...pageErrors(b)]).toEqual([]);
});
