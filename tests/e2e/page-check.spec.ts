import { fixtureEvents, openEvent } from "./calendar";
import { expect, test } from "./extension";

const { priyaWeekly1, jordan1on1, teamMeeting } = fixtureEvents;

test("'Check this page' shows what 1:1 Prep reads of the open event, with names and emails masked, and a report to copy", async ({
  calendarPage: page,
  openExtensionPage,
}) => {
  await openEvent(page, priyaWeekly1);
  const popup = await openExtensionPage("popup.html");
  await expect(popup.getByTestId("page-warning")).toHaveCount(0);
  await popup.getByRole("button", { name: "Check this page" }).click();
  const check = popup.getByTestId("page-check");
  await expect(check).toContainText("Event: details dialog found");
  await expect(check).toContainText(`Title: ${priyaWeekly1.title.length} characters`);
  await expect(check).toContainText("Guests: 2 guests:");
  await expect(check).toContainText("P•••• R•••• <p••••@e••••.com>");
  await expect(check).toContainText("S•••• L•••• <s••••@e••••.com> (you, organizer)");
  await expect(check).toContainText("Decision: a 1:1");
  const report = await popup.getByLabel("Report to send us").inputValue();
  expect(report).toContain("eventDetails: ok");
  expect(report).toContain("Page: /calendar/");
  // Nothing in it says who the meeting is with, or what it is called.
  for (const secret of ["Priya", "Raman", "priya@", "example.com", priyaWeekly1.title, "sam"])
    expect(report.toLowerCase()).not.toContain(secret.toLowerCase());

  await popup.getByRole("button", { name: "Copy report" }).click();
  await expect(popup.getByText(/^Copied\./)).toBeVisible();
  // Pasted where the manager would paste it: the report, as shown.
  const pasted = await popup.context().newPage();
  await pasted.setContent("<textarea aria-label='mail'></textarea>");
  await pasted.getByLabel("mail").focus();
  await pasted.keyboard.press("Control+V");
  await expect(pasted.getByLabel("mail")).toHaveValue(report);
});

test("when event dialogs keep opening unread, the popup says Calendar changed its page and points at the check", async ({
  calendarPage: page,
  openExtensionPage,
}) => {
  // As if Calendar shipped a new dialog: it opens, but nothing 1:1 Prep knows is in it.
  await page.evaluate(() => {
    new MutationObserver(() => {
      for (const dialog of document.querySelectorAll('[role="dialog"]')) {
        dialog.removeAttribute("data-chips-dialog");
        dialog.setAttribute("role", "region");
      }
    }).observe(document.body, { childList: true, subtree: true, attributes: true });
  });
  for (const event of [priyaWeekly1, jordan1on1, teamMeeting]) {
    await page.locator(`[role="grid"] [role="button"][data-eventid="${event.eid}"]`).click();
    await page.waitForTimeout(1700);
    await page.keyboard.press("Escape");
  }
  const popup = await openExtensionPage("popup.html");
  const warning = popup.getByTestId("page-warning");
  await expect(warning).toContainText("Calendar changed its page; 1:1 Prep may miss meetings.");
  await warning.getByRole("button", { name: "Check this page" }).click();
  await expect(popup.getByTestId("page-check")).toContainText("Event (missing): none open");
  await expect(popup.getByLabel("Report to send us")).toHaveValue(/Event dialogs not read in a row: 3\n/);
});
