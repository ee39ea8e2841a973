import type { Page } from "@playwright/test";
import { selfEmail } from "../fixtures/calendar/events";
import { type PageEvent, renderWeekPage, weekUrl } from "../fixtures/calendar/render";
import { refuseOwnWrites, TYPED_BEFORE_CLOSING } from "../fixtures/refuse-writes";
import {
  closeEvent,
  expectPrepFor,
  fixtureEvents,
  openEvent,
  openFixtureEvent,
  openWeek,
  SIDEBAR,
  sidebar,
} from "./calendar";
import { expect, test } from "./extension";
import { meeting, person, seedDatabase } from "./seed";

const { priyaWeekly1 } = fixtureEvents;
const NOTES = /Notes for the 1:1/;
const sam = { email: selfEmail, name: "Sam Lee", organizer: true };

function notesIn(page: Page) {
  return sidebar(page).getByRole("textbox", { name: NOTES });
}

test("typing, then closing the tab at once, keeps every character (10 of 10 trials)", async ({
  context,
  calendarPage,
}) => {
  await calendarPage.close();
  const lost: string[] = [];
  let expected = "";
  for (let trial = 0; trial <= 10; trial++) {
    const page = await openWeek(await context.newPage());
    await openEvent(page, priyaWeekly1);
    await expectPrepFor(page, "Priya Raman");
    const notes = notesIn(page);
    await expect(notes).toBeEditable();
    // The closed tab's last write may still be landing while this page opens (on a busy machine it
    // can take a moment); the prep takes it in as it lands.
    const arrived = await expect(notes)
      .toHaveValue(expected)
      .then(
        () => true,
        () => false,
      );
    const shown = await notes.inputValue();
    if (!arrived)
      lost.push(`before trial ${trial}: shows ${JSON.stringify(shown)}, typed ${JSON.stringify(expected)}`);
    if (trial === 10) break;
    await notes.press("Control+End");
    const typed = ` trial ${trial}: the quick brown fox jumps over the lazy dog ${trial}`;
    await notes.pressSequentially(typed, { delay: 0 });
    expected = shown + typed;
    await page.close();
  }
  expect(lost).toEqual([]);
});

test("a frame whose own writes all fail still keeps what was typed when its tab closes", async ({
  context,
  calendarPage,
}) => {
  await openEvent(calendarPage, priyaWeekly1);
  await expectPrepFor(calendarPage, "Priya Raman");
  await expect(notesIn(calendarPage)).toBeEditable();
  const frame = await (await calendarPage.locator(`${SIDEBAR} iframe`).elementHandle())?.contentFrame();
  if (!frame) throw new Error("no sidebar frame");
  // As when a browser drops the writes of a page that is going away: none of this page's own
  // writes can land, so only what the background was handed survives.
  await frame.evaluate(refuseOwnWrites);
  const typed = TYPED_BEFORE_CLOSING;
  await notesIn(calendarPage).pressSequentially(typed, { delay: 0 });
  await calendarPage.close();

  const page = await openWeek(await context.newPage());
  await openEvent(page, priyaWeekly1);
  await expectPrepFor(page, "Priya Raman");
  await expect(notesIn(page)).toHaveValue(typed);
});

test("an event handed to another report starts their own notes; the first person's stay with them", async ({
  context,
  serveCalendar,
}) => {
  const slot = (guest: { email: string; name: string }): PageEvent => ({
    key: "slot",
    title: "Weekly 1:1",
    eventId: "h4nd0ver5l0t7q2w9e1r",
    date: "2026-10-14",
    start: "09:00",
    end: "09:30",
    when: "Wednesday, October 14, 2026 ⋅ 9:00 – 9:30am",
    guests: [sam, guest],
  });
  const ana = { email: "ana@example.com", name: "Ana Lima" };
  const bo = { email: "bo@example.com", name: "Bo Chen" };
  await serveCalendar(renderWeekPage());
  const page = await openWeek(await context.newPage(), weekUrl([slot(ana)]));
  await openFixtureEvent(page, "slot");
  await expectPrepFor(page, "Ana Lima");
  await notesIn(page).fill("Ana wants to move teams.");
  await closeEvent(page);

  // The series now has Bo as its guest.
  await openWeek(page, weekUrl([slot(bo)]));
  await page.reload();
  await page.locator('[role="grid"] [data-fixture-key="slot"]').waitFor();
  await openFixtureEvent(page, "slot");
  await expectPrepFor(page, "Bo Chen");
  await expect(notesIn(page)).toHaveValue("");
  await expect(sidebar(page).getByTestId("earlier-guest")).toHaveText(
    "This event was with Ana Lima before. Ana Lima's notes stay in their own prep; these are Bo Chen's.",
  );
  await notesIn(page).fill("Bo's first week.");
  await closeEvent(page);

  await openWeek(page, weekUrl([slot(ana)]));
  await page.reload();
  await page.locator('[role="grid"] [data-fixture-key="slot"]').waitFor();
  await openFixtureEvent(page, "slot");
  await expectPrepFor(page, "Ana Lima");
  await expect(notesIn(page)).toHaveValue("Ana wants to move teams.");
});

test("two same-title events on one day without a readable id keep their own notes; an event that can't be told apart says so", async ({
  context,
  serveCalendar,
}) => {
  const guests = [sam, { email: "priya@example.com", name: "Priya Raman" }];
  const base = { title: "1:1 Priya", date: "2026-10-14", hideEventId: true, guests };
  const events: PageEvent[] = [
    {
      ...base,
      key: "morning",
      start: "09:00",
      end: "09:30",
      when: "Wednesday, October 14, 2026 ⋅ 9:00 – 9:30am",
    },
    {
      ...base,
      key: "afternoon",
      start: "15:00",
      end: "15:30",
      when: "Wednesday, October 14, 2026 ⋅ 3:00 – 3:30pm",
    },
    { ...base, key: "unknown", start: "17:00", end: "17:30", when: "Some time this week" },
  ];
  await serveCalendar(renderWeekPage());
  const page = await openWeek(await context.newPage(), weekUrl(events));
  await openFixtureEvent(page, "morning");
  await expectPrepFor(page, "Priya Raman");
  await notesIn(page).fill("Morning: roadmap worries.");
  await closeEvent(page);

  await openFixtureEvent(page, "afternoon");
  await expectPrepFor(page, "Priya Raman");
  await expect(notesIn(page)).toHaveValue("");
  await notesIn(page).fill("Afternoon: promotion case.");
  await closeEvent(page);

  await openFixtureEvent(page, "morning");
  await expect(notesIn(page)).toHaveValue("Morning: roadmap worries.");
  await closeEvent(page);

  await openFixtureEvent(page, "unknown");
  await expect(page.locator(SIDEBAR)).toHaveCount(1);
  await expect(sidebar(page).getByTestId("unidentified-event")).toContainText(
    'can\'t tell it apart from other events called "1:1 Priya"',
  );
  await expect(notesIn(page)).toHaveCount(0);
});

test("two tabs on the same 1:1 show each other's edits live, merge them, and keep both texts when they clash", async ({
  context,
  calendarPage: first,
  openExtensionPage,
}) => {
  const second = await openWeek(await context.newPage());
  for (const page of [first, second]) {
    await openEvent(page, priyaWeekly1);
    await expectPrepFor(page, "Priya Raman");
  }
  await notesIn(first).fill("Budget is stuck.\nHiring: two offers out.");
  await expect(notesIn(second)).toHaveValue("Budget is stuck.\nHiring: two offers out.");

  // Different lines at once: both edits stay, in both tabs.
  await notesIn(first).press("Control+Home");
  await notesIn(first).press("End");
  await notesIn(first).pressSequentially(" Finance meets Friday.", { delay: 0 });
  await notesIn(second).press("Control+End");
  await notesIn(second).pressSequentially(" One accepted!", { delay: 0 });
  const merged = "Budget is stuck. Finance meets Friday.\nHiring: two offers out. One accepted!";
  await expect(notesIn(first)).toHaveValue(merged);
  await expect(notesIn(second)).toHaveValue(merged);

  // Both tabs type at the very end at the same moment: whatever the timing, no text is dropped
  // and both tabs end up showing the same.
  await notesIn(first).press("Control+End");
  await notesIn(second).press("Control+End");
  await Promise.all([
    notesIn(first).pressSequentially(" [first tab]", { delay: 0 }),
    notesIn(second).pressSequentially(" [second tab]", { delay: 0 }),
  ]);
  await expect
    .poll(async () => {
      const shown = await Promise.all(
        [first, second].map(async (p) =>
          [
            await notesIn(p).inputValue(),
            await sidebar(p).getByTestId("other-versions").allInnerTexts(),
          ].join("|"),
        ),
      );
      return shown[0] === shown[1] && shown[0]?.includes("[first tab]") && shown[0]?.includes("[second tab]");
    })
    .toBe(true);
  // The manager reads a clash's other version and lets it go, in either tab; both tabs follow.
  // (Clicked in the tab in front: a background tab paints no frames to click in.)
  const letGo = sidebar(second).getByRole("button", { name: "Let it go" });
  for (let left = await letGo.count(); left > 0; left--) {
    await letGo.first().click();
    await expect(letGo).toHaveCount(left - 1);
  }
  await expect(sidebar(first).getByTestId("other-versions")).toHaveCount(0);

  // A tab closed mid-edit over the same words that the open tabs changed: the open tabs keep what
  // they show, say so and show the closed tab's text beside it, until the manager folds it in.
  const now = await notesIn(first).inputValue();
  const options = await openExtensionPage("options.html");
  await options.evaluate(
    async ({ notes, eventId }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open("one-on-one-prep");
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const row = await new Promise<{ id: string }>((resolve) => {
        const r = db.transaction("meetings").objectStore("meetings").index("eventInstanceId").get(eventId);
        r.onsuccess = () => resolve(r.result);
      });
      const tx = db.transaction("unsavedEdits", "readwrite");
      tx.objectStore("unsavedEdits").put({
        id: "closed-tab",
        target: { kind: "notes", meetingId: row.id },
        text: `${notes.split(" ")[0]} Written in a tab that closed.`,
        bases: [notes.split(" ")[0]],
        editedAt: Date.now(),
      });
      await new Promise((resolve) => {
        tx.oncomplete = resolve;
      });
      db.close();
    },
    { notes: now, eventId: priyaWeekly1.eventId },
  );
  // Opening any page of the extension writes what a closed page left behind.
  await options.reload();
  for (const page of [first, second]) {
    const notice = sidebar(page).getByTestId("other-versions");
    await expect(notice).toContainText("also changed in another tab or window at the same time");
    await expect(notice).toContainText("Budget Written in a tab that closed.");
    await expect(notesIn(page)).toHaveValue(now);
  }
  await sidebar(second).getByRole("button", { name: "Add it below my notes" }).click();
  for (const page of [first, second]) {
    await expect(sidebar(page).getByTestId("other-versions")).toHaveCount(0);
    await expect(notesIn(page)).toHaveValue(`${now}\n\nBudget Written in a tab that closed.`);
  }
});

test("a meeting whose last edit is dated in the future still takes every edit", async ({
  calendarPage: page,
  openExtensionPage,
}) => {
  const options = await openExtensionPage("options.html");
  await seedDatabase(options, {
    people: [person("priya", "Priya Raman")],
    meetings: [
      meeting("m-future", "priya", Date.parse(priyaWeekly1.startsAt), {
        eventInstanceId: priyaWeekly1.eventId,
        notes: "Restored from a computer whose clock was wrong.",
        updatedAt: Date.UTC(2199, 11, 31),
      }),
    ],
  });
  await page.bringToFront();
  await openEvent(page, priyaWeekly1);
  await expectPrepFor(page, "Priya Raman");
  await notesIn(page).press("Control+End");
  await notesIn(page).pressSequentially(" Then we talked about the offsite.", { delay: 0 });
  await closeEvent(page);
  await page.reload();
  await openEvent(page, priyaWeekly1);
  await expect(notesIn(page)).toHaveValue(
    "Restored from a computer whose clock was wrong. Then we talked about the offsite.",
  );
});
