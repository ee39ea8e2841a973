import {
  closeEvent,
  expectPrepFor,
  fixtureEvents,
  openEvent,
  openWeek,
  PREP_BUTTON,
  pageErrors,
  SIDEBAR,
  sidebar,
} from "./calendar";
import { expect, test } from "./extension";

const { priyaWeekly1, priyaWeekly2, teamMeeting, focusBlock, interview, jordan1on1 } = fixtureEvents;

test.afterEach(async ({ context }) => {
  for (const page of context.pages()) expect(pageErrors(page)).toEqual([]);
});

test("the prep sidebar appears beside a 1:1 and not beside a group meeting, a focus block or an interview", async ({
  calendarPage: page,
}) => {
  await openEvent(page, priyaWeekly1);
  await expectPrepFor(page, "Priya Raman");
  await expect(sidebar(page).getByText("First 1:1 with Priya Raman here")).toBeVisible();
  await closeEvent(page);

  for (const event of [teamMeeting, focusBlock]) {
    await openEvent(page, event);
    // Give the content script a few frames to decide, then check it stayed quiet.
    await page.waitForTimeout(300);
    await expect(page.locator(SIDEBAR)).toHaveCount(0);
    await expect(page.locator(PREP_BUTTON)).toHaveCount(0);
    await closeEvent(page);
  }

  // One outside guest: not a 1:1, but the detector could be wrong, so a small button offers the prep.
  await openEvent(page, interview);
  await expect(page.locator(PREP_BUTTON)).toBeVisible();
  await expect(page.locator(SIDEBAR)).toHaveCount(0);
  await closeEvent(page);

  await openEvent(page, jordan1on1);
  await expectPrepFor(page, "Jordan Kim");
  // Never mounted twice, however often Calendar re-renders the dialog.
  await page.waitForTimeout(300);
  await expect(page.locator(SIDEBAR)).toHaveCount(1);
});

test("notes typed in the sidebar are there after a reload, even when the dialog closed mid-word", async ({
  calendarPage: page,
}) => {
  await openEvent(page, priyaWeekly1);
  const notes = sidebar(page).getByRole("textbox", { name: /Notes for the 1:1/ });
  await notes.pressSequentially("Priya wants to lead the migra", { delay: 5 });
  // Close straight away, as a manager clicking elsewhere would.
  await page.locator('[role="dialog"]:not([aria-hidden="true"]) [aria-label="Close"]').click();
  await expect(page.locator(SIDEBAR)).toHaveCount(0);

  await page.reload();
  await openWeek(page);
  await openEvent(page, priyaWeekly1);
  await expect(sidebar(page).getByRole("textbox", { name: /Notes for the 1:1/ })).toHaveValue(
    "Priya wants to lead the migra",
  );
});

test("an action item from one meeting stays open in the next until it is ticked there; last time's notes show", async ({
  calendarPage: page,
}) => {
  await openEvent(page, priyaWeekly1);
  const first = sidebar(page);
  await first.getByRole("textbox", { name: /Notes for the 1:1/ }).fill("Talked about the on-call rota.");
  await first.getByRole("textbox", { name: "New action item" }).fill("Send Priya the conference budget");
  await first.getByRole("textbox", { name: "New action item" }).press("Enter");
  await expect(first.getByTestId("agreed-items")).toContainText("Send Priya the conference budget");
  await closeEvent(page);

  await openEvent(page, priyaWeekly2);
  const second = sidebar(page);
  await expect(second.getByText(/Last met 13 Oct/)).toBeVisible();
  await expect(second.getByTestId("previous-notes")).toHaveText("Talked about the on-call rota.");
  const carried = second.getByTestId("open-items");
  await expect(carried).toContainText("Send Priya the conference budget");
  await expect(carried).toContainText("open since 13 Oct, 1 meeting");
  await carried.getByRole("checkbox", { name: /Send Priya the conference budget/ }).check();
  await expect(second.getByRole("heading", { name: "Still open" })).toBeVisible();
  await closeEvent(page);

  // Done everywhere: back in the first meeting the item is ticked too.
  await openEvent(page, priyaWeekly1);
  await expect(
    sidebar(page)
      .getByTestId("agreed-items")
      .getByRole("checkbox", { name: /Send Priya the conference budget/ }),
  ).toBeChecked();
});

test("'not a 1:1' is remembered for the whole series, and can be undone", async ({ calendarPage: page }) => {
  await openEvent(page, priyaWeekly1);
  await expectPrepFor(page, "Priya Raman");
  await sidebar(page)
    .getByRole("button", { name: /Not a 1:1\? Hide prep for this series/ })
    .click();
  await expect(page.locator(SIDEBAR)).toHaveCount(0);
  await expect(page.locator(PREP_BUTTON)).toBeVisible();
  await closeEvent(page);

  await page.reload();
  await openWeek(page);
  await openEvent(page, priyaWeekly2);
  await page.waitForTimeout(300);
  await expect(page.locator(SIDEBAR)).toHaveCount(0);

  // The small button still opens the prep, and from there the choice can be undone.
  await page.locator(PREP_BUTTON).click();
  await expectPrepFor(page, "Priya Raman");
  await sidebar(page)
    .getByRole("button", { name: /Always show prep for this series/ })
    .click();
  await expect(sidebar(page).getByText("You marked this series as a 1:1.")).toBeVisible();
});

test("an event the detector missed can be marked as a 1:1 for its series", async ({ calendarPage: page }) => {
  await openEvent(page, interview);
  await page.locator(PREP_BUTTON).click();
  await expectPrepFor(page, "Casey Morgan");
  await sidebar(page)
    .getByRole("button", { name: /Always show prep for this event/ })
    .click();
  await closeEvent(page);
  await openEvent(page, interview);
  await expectPrepFor(page, "Casey Morgan");
});

test("a prep opened through the small button stays open when detection's settings change meanwhile", async ({
  calendarPage: page,
  serviceWorker,
}) => {
  await openEvent(page, interview);
  await page.locator(PREP_BUTTON).click();
  await expectPrepFor(page, "Casey Morgan");
  // Changed elsewhere while the prep is open: in options, by sync from another computer, or by
  // the organisation's policy the browser hands over seconds after it starts.
  await serviceWorker.evaluate(async () => {
    const g = globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } };
    await g.chrome.storage.local.set({ detectionSettings: { keywords: ["skip-level"], exclusions: [] } });
  });
  // Long enough for the detector to hear of the change and answer again, as it does within frames.
  await page.waitForTimeout(1000);
  await expect(page.locator(SIDEBAR)).toHaveCount(1);
  await expectPrepFor(page, "Casey Morgan");
});

test("keyboard only: Escape closes the prep, the small button brings it back", async ({
  calendarPage: page,
}) => {
  await openEvent(page, jordan1on1);
  await expectPrepFor(page, "Jordan Kim");
  // From Calendar's dialog into the prep, then Tab to the notes.
  await page.keyboard.press("Alt+Shift+P");
  const notes = sidebar(page).getByRole("textbox", { name: /Notes for the 1:1/ });
  for (let i = 0; i < 40 && !(await notes.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press("Tab");
  }
  await expect(notes).toBeFocused();
  await page.keyboard.type("Keyboard only");
  await page.keyboard.press("Escape");
  await expect(page.locator(SIDEBAR)).toHaveCount(0);
  await page.locator(PREP_BUTTON).focus();
  await page.keyboard.press("Enter");
  await expect(sidebar(page).getByRole("textbox", { name: /Notes for the 1:1/ })).toHaveValue(
    "Keyboard only",
  );
  // Add an action item with the keyboard alone.
  await sidebar(page).getByRole("textbox", { name: "New action item" }).focus();
  await page.keyboard.type("Share the interview rubric");
  await page.keyboard.press("Enter");
  await expect(sidebar(page).getByTestId("agreed-items")).toContainText("Share the interview rubric");
});

test("a prep closed with Escape stays closed for that event only: the next event opened shows its own", async ({
  calendarPage: page,
}) => {
  await openEvent(page, jordan1on1);
  await expectPrepFor(page, "Jordan Kim");
  await sidebar(page).getByRole("heading", { level: 1 }).click();
  await page.keyboard.press("Escape");
  await expect(page.locator(SIDEBAR)).toHaveCount(0);
  // Straight to another event, as Calendar allows, without closing the dialog first.
  await openEvent(page, priyaWeekly1);
  await expectPrepFor(page, "Priya Raman");
});
