import {
  answerPermissionPrompt,
  clickNotification,
  recordNotifications,
  shownNotifications as shown,
} from "./consent";
import { expect, test } from "./extension";
import { actionItem, meeting, person, seedDatabase } from "./seed";

/**
 * Reminders before a 1:1. The notification permission prompt and the notification centre cannot
 * be driven headless, so both are stood in for (see consent.ts).
 */

const MINUTE = 60_000;

test("reminds once before a 1:1 with something waiting, and the reminder opens its event", async ({
  openExtensionPage,
  serviceWorker,
}) => {
  const options = await openExtensionPage("options.html#calendar");
  const start = Date.now() + 5 * MINUTE;
  await seedDatabase(options, {
    people: [person("dana", "Dana Park"), person("eli", "Eli Novak"), person("fritz", "Fritz Weber")],
    meetings: [
      meeting("past", "dana", Date.now() - 7 * 86_400_000),
      meeting("next", "dana", start, { status: "planned", eid: "ZGFuYV9uZXh0IHNhbUBleGFtcGxlLmNvbQ" }),
      // Nothing waits for Eli: no reminder.
      meeting("eli-next", "eli", start + MINUTE, { status: "planned" }),
      // Half an hour away: reminded only once the lead is an hour.
      meeting("fritz-next", "fritz", start + 25 * MINUTE, { status: "planned" }),
    ],
    actionItems: [
      actionItem("Send Dana the budget", "dana", "past", { dueAt: Date.now() + 86_400_000 }),
      actionItem("Ask Fritz about the launch", "fritz", "fritz-next", { dueAt: Date.now() + 86_400_000 }),
      actionItem("Book Fritz's training", "fritz", "fritz-next", { dueAt: Date.now() + 86_400_000 }),
    ],
  });
  await recordNotifications(serviceWorker);
  await answerPermissionPrompt(options, true);

  await options.getByLabel(/Remind me before a 1:1/).selectOption("10");
  await expect(options.getByText("Saved.")).toBeVisible();
  await expect.poll(() => shown(serviceWorker), { timeout: 10_000 }).toHaveLength(1);
  const [reminder] = await shown(serviceWorker);
  expect(reminder).toMatchObject({
    id: "prep-reminder:next",
    title: "1:1 with Dana Park soon",
    message: "1 open action item. Click to open the prep.",
  });

  // Set again (the worker reschedules), it stays one reminder.
  await options.getByLabel(/Remind me before a 1:1/).selectOption("15");
  await serviceWorker.evaluate(() => new Promise((resolve) => setTimeout(resolve, 2000)));
  expect(await shown(serviceWorker)).toHaveLength(1);

  await clickNotification(serviceWorker, "prep-reminder:next");
  // The tab's own navigation is not served here (it opens outside the test's routes), so read
  // where the browser was asked to go.
  type Tabs = { chrome: { tabs: { query(q: object): Promise<{ url?: string; pendingUrl?: string }[]> } } };
  await expect
    .poll(() =>
      serviceWorker.evaluate(async () =>
        (await (globalThis as unknown as Tabs).chrome.tabs.query({})).map((t) => t.pendingUrl || t.url),
      ),
    )
    .toContain("https://calendar.google.com/calendar/r/event?eid=ZGFuYV9uZXh0IHNhbUBleGFtcGxlLmNvbQ");

  // With Deutsch picked in options, the next reminder is in German, plural and all.
  await options.goto(options.url().replace(/#.*$/, "#settings"));
  await options.getByLabel("Language").selectOption({ label: "Deutsch" });
  await expect(options.locator("html")).toHaveAttribute("lang", "de");
  await options.goto(options.url().replace(/#.*$/, "#calendar"));
  // A new page: the stand-in for the permission prompt goes with it.
  await answerPermissionPrompt(options, true);
  await options.getByLabel(/Vor einem 1:1 mit offenen Punkten/).selectOption("60");
  await expect(options.getByText("Gespeichert.")).toBeVisible();
  await expect.poll(() => shown(serviceWorker), { timeout: 10_000 }).toHaveLength(2);
  expect((await shown(serviceWorker))[1]).toMatchObject({
    id: "prep-reminder:fritz-next",
    title: "1:1 mit Fritz Weber in Kürze",
    message: "2 offene Aufgaben. Klicken Sie, um die Vorbereitung zu öffnen.",
  });
});

test("turning reminders on is refused cleanly when notifications are not allowed", async ({
  openExtensionPage,
}) => {
  const options = await openExtensionPage("options.html#calendar");
  await answerPermissionPrompt(options, false);
  const select = options.getByLabel(/Remind me before a 1:1/);
  await select.selectOption("10");
  await expect(options.getByRole("alert")).toContainText("permission to show notifications");
  await options.reload();
  await expect(options.getByLabel(/Remind me before a 1:1/)).toHaveValue("0");
});
