import type { Page } from "@playwright/test";
import { selfEmail } from "../fixtures/calendar/events";
import { type PageEvent, renderWeekPage, weekUrl } from "../fixtures/calendar/render";
import { expectPrepFor, openWeek, SIDEBAR } from "./calendar";
import { expect, test } from "./extension";

/**
 * Calendar fills its dialog in steps, title first and guests later. 1:1 Prep decides once the
 * card has settled, so nothing of ours appears and then vanishes for one dialog.
 */

const sam = { email: selfEmail, name: "Sam Lee", organizer: true };
const lateGroup: PageEvent = {
  key: "lateGroup",
  title: "1:1 Priya / Sam",
  eventId: "l4teGr0up5yncq2w9e1r",
  date: "2026-10-14",
  start: "10:00",
  end: "10:30",
  guests: [
    sam,
    { email: "priya@example.com", name: "Priya Raman" },
    { email: "jordan@example.com", name: "Jordan Kim" },
    { email: "lee@example.com", name: "Lee Park" },
    { email: "alex@example.com", name: "Alex Moreau" },
  ],
  guestsLateMs: 120,
};
const lateOneOnOne: PageEvent = {
  key: "lateOneOnOne",
  title: "Priya / Sam",
  eventId: "l4te0ne0n0neq2w9e1rt",
  date: "2026-10-15",
  start: "10:00",
  end: "10:30",
  guests: [sam, { email: "priya@example.com", name: "Priya Raman" }],
  guestsLateMs: 120,
};

/**
 * Counts, in the page itself, every panel or button of ours that is put in and taken out: added
 * with its mark, or marked later (a frame loaded ahead, taken into use), and unmarked or removed.
 */
async function countOurElements(page: Page) {
  await page.addInitScript(() => {
    const seen = { added: 0, removed: 0 };
    (window as unknown as { __ours: typeof seen }).__ours = seen;
    const MARKS = ["data-one-on-one-prep", "data-one-on-one-prep-button"];
    const ours = (node: Node) => node instanceof Element && MARKS.some((mark) => node.hasAttribute(mark));
    new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.addedNodes) if (ours(node)) seen.added++;
        for (const node of record.removedNodes) if (ours(node)) seen.removed++;
        if (record.type !== "attributes") continue;
        const marked = (record.target as Element).hasAttribute(record.attributeName ?? "");
        if (marked && record.oldValue === null) seen.added++;
        if (!marked && record.oldValue !== null && record.target.isConnected) seen.removed++;
      }
    }).observe(document, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeOldValue: true,
      attributeFilter: ["data-one-on-one-prep", "data-one-on-one-prep-button"],
    });
  });
}

const ours = (page: Page) => page.evaluate(() => (window as unknown as { __ours: object }).__ours);

test("a title that says 1:1 shows nothing, not even for a moment, when the guests that arrive later make it a group", async ({
  context,
  serveCalendar,
}) => {
  await serveCalendar(renderWeekPage([lateGroup, lateOneOnOne]));
  const page = await context.newPage();
  await countOurElements(page);
  await openWeek(page, weekUrl([lateGroup, lateOneOnOne]));

  await page.locator('[role="grid"] [data-fixture-key="lateGroup"]').click();
  const dialog = page.locator('[role="dialog"]:not([aria-hidden="true"])');
  await expect(dialog.locator('[role="treeitem"]')).toHaveCount(5);
  await page.waitForTimeout(1_000);
  expect(await ours(page)).toEqual({ added: 0, removed: 0 });

  await dialog.getByRole("button", { name: "Close" }).click();
  await expect(dialog).toHaveCount(0);

  // A real 1:1 whose guests arrive late: the prep appears once and stays.
  await page.locator('[role="grid"] [data-fixture-key="lateOneOnOne"]').click();
  await expectPrepFor(page, "Priya Raman");
  await page.waitForTimeout(500);
  await expect(page.locator(SIDEBAR)).toBeVisible();
  expect(await ours(page)).toEqual({ added: 1, removed: 0 });
});
