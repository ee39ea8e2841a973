import { fixtureEvents, selfEmail } from "../fixtures/calendar/events";
import { type PageEvent, renderWeekPage, weekUrl } from "../fixtures/calendar/render";
import { closeEvent, expectPrepFor, openFixtureEvent, openWeek, SIDEBAR, sidebar } from "./calendar";
import { expect, test } from "./extension";

const sam = { email: selfEmail, name: "Sam Lee", organizer: true };
const priya = { email: "priya@example.com", name: "Priya Raman" };
const jordan = { email: "jordan@example.com", name: "Jordan Kim" };

const event = (key: string, title: string, guests: PageEvent["guests"], date: string): PageEvent => ({
  key,
  title,
  eventId: `${key.toLowerCase()}q2w9e1r5t7y`,
  date,
  start: "11:00",
  end: "11:30",
  guests,
});

const week: PageEvent[] = [
  event("turkish", "Birebir görüşme", [sam, priya], "2026-10-12"),
  event("russian", "Встреча один на один", [sam, jordan], "2026-10-13"),
  event("training", "1:1 training for new managers", [sam, priya], "2026-10-14"),
  event(
    "teamList",
    "Weekly 1:1",
    [sam, { email: "platform-team@example.com", name: "Platform team" }],
    "2026-10-15",
  ),
];

test("titles in other languages open the prep; a meeting about 1:1s or with a team's address does not", async ({
  context,
  serveCalendar,
}) => {
  await serveCalendar(renderWeekPage(week));
  const page = await openWeek(await context.newPage(), weekUrl(week));

  await openFixtureEvent(page, "turkish");
  await expectPrepFor(page, "Priya Raman");
  await closeEvent(page);
  await openFixtureEvent(page, "russian");
  await expectPrepFor(page, "Jordan Kim");
  await closeEvent(page);

  for (const key of ["training", "teamList"]) {
    await openFixtureEvent(page, key);
    // The small button may be offered (one guest); the prep itself is not shown.
    await page.waitForTimeout(500);
    await expect(page.locator(SIDEBAR)).toHaveCount(0);
    await closeEvent(page);
  }
});

/** A layout that prints the account's address nowhere. */
const withoutAccountAddress = (html: string) =>
  html
    .replace('<div id="xUserEmail">sam@example.com</div>', "")
    .replace("Google Account: Sam Lee  (sam@example.com)", "Google Account: Sam Lee");

test("when the page doesn't show who the manager is, a 1:1 between two guests asks once who it is with", async ({
  context,
  serveCalendar,
}) => {
  // On a calendar the team shares, whose owner is neither guest.
  const shared: PageEvent = {
    ...event("shared", "1:1 Priya / Sam", [sam, priya], "2026-10-13"),
    calendarId: "eng-leads@group.calendar.google.com",
  };
  const events = [shared, fixtureEvents.jordan1on1];
  await serveCalendar(withoutAccountAddress(renderWeekPage(events)));
  const page = await openWeek(await context.newPage(), weekUrl(events));
  await openFixtureEvent(page, "shared");
  const prep = sidebar(page);
  await expect(prep.getByRole("heading", { name: "Who is this 1:1 with?" })).toBeVisible();
  // Nothing is shown or filed under a guess meanwhile.
  await expect(prep.getByRole("textbox")).toHaveCount(0);
  await prep.getByRole("button", { name: "Priya Raman" }).click();
  await expectPrepFor(page, "Priya Raman");
  await closeEvent(page);

  await openFixtureEvent(page, "jordan1on1");
  await expectPrepFor(page, "Jordan Kim");
});

test("when the page doesn't show who the manager is, an event on their own calendar says it: its 1:1 opens the prep straight away", async ({
  context,
  serveCalendar,
}) => {
  // No word in the title says 1:1: only knowing who the manager is makes it one.
  const own = event("own", "Priya / Sam", [sam, priya], "2026-10-13");
  const shared: PageEvent = {
    ...event("sharedNoMarker", "Priya / Sam", [sam, priya], "2026-10-14"),
    calendarId: "eng-leads@group.calendar.google.com",
  };
  const events = [own, shared];
  await serveCalendar(withoutAccountAddress(renderWeekPage(events)));
  const page = await openWeek(await context.newPage(), weekUrl(events));
  await openFixtureEvent(page, "own");
  await expectPrepFor(page, "Priya Raman");
  await closeEvent(page);
  // The same meeting on a calendar nobody among the guests owns: no one to take for the manager.
  await openFixtureEvent(page, "sharedNoMarker");
  await page.waitForTimeout(500);
  await expect(page.locator(SIDEBAR)).toHaveCount(0);
});
