import type { Page } from "@playwright/test";
import { people, selfEmail } from "../fixtures/calendar/events";
import { type PageEvent, renderWeekPage, weekUrl } from "../fixtures/calendar/render";
import { closeEvent, expectPrepFor, openWeek, SIDEBAR, sidebar } from "./calendar";
import { expect, test } from "./extension";
import { meeting, person, seedDatabase } from "./seed";

/** Weekly 1:1s with Priya across a month boundary: 29 Sep (Q3), then 13 and 20 Oct (Q4). */
const series = "9p8o7i6u5y4t3r2e1w0q";
const priyaOn = (date: string, weekday: string): PageEvent => ({
  key: `priya-${date}`,
  title: "1:1 Priya / Sam",
  eventId: `${series}_${date.replaceAll("-", "")}T160000Z`,
  calendarId: selfEmail,
  date,
  start: "16:00",
  end: "16:30",
  when: `${weekday} ⋅ 4:00 – 4:30pm\nWeekly on Tuesday`,
  guests: [{ ...people.sam, organizer: true }, people.priya],
});
const sep29 = priyaOn("2026-09-29", "Tuesday, September 29, 2026");
const oct13 = priyaOn("2026-10-13", "Tuesday, October 13, 2026");
const oct20 = priyaOn("2026-10-20", "Tuesday, October 20, 2026");

async function openInstance(page: Page, event: PageEvent) {
  await page.locator(`[role="grid"] [role="button"][data-fixture-key="${event.key}"]`).click();
  await expectPrepFor(page, "Priya Raman");
}

test.beforeEach(async ({ serveCalendar }) => {
  await serveCalendar(renderWeekPage());
});

test("a monthly deep dive records happiness, and next month's shows the trend", async ({
  context,
  openExtensionPage,
}) => {
  // Met since summer; Q3's career conversation was in August, so September's first 1:1 is the
  // month's deep dive.
  await seedDatabase(await openExtensionPage("options.html"), {
    people: [person("priya", "Priya Raman")],
    meetings: [meeting("aug", "priya", Date.UTC(2026, 7, 25, 16), { kind: "career" })],
  });
  const page = await openWeek(await context.newPage(), weekUrl([sep29, oct13, oct20]));
  const prep = sidebar(page);
  await openInstance(page, sep29);
  await expect(prep.getByTestId("guide-monthly")).toBeVisible();
  await prep.getByRole("radio", { name: "7" }).check();
  await prep.getByLabel("What would make it a 10?").fill("Less context switching between projects");
  await closeEvent(page);

  await openInstance(page, oct13);
  await expect(prep.getByTestId("guide-monthly")).toBeVisible();
  // One reading is a number, not a lone dot of a line.
  await expect(prep.getByTestId("happiness-trend")).toHaveText("Last reading: 7 (29 Sept)");
  await expect(prep.getByTestId("happiness-trend").locator("svg")).toHaveCount(0);
  await prep.getByRole("radio", { name: "8" }).check();
  await expect(prep.getByTestId("happiness-trend")).toContainText("7 (29 Sept) · 8 (13 Oct)");
  await expect(prep.getByTestId("happiness-trend").locator("svg polyline")).toHaveCount(1);
  await closeEvent(page);

  // A week later it is a plain weekly 1:1 again; the manager can still switch it.
  await openInstance(page, oct20);
  await expect(prep.getByTestId("guide-monthly")).toHaveCount(0);
  await prep.getByLabel("This 1:1 is a").selectOption("monthly");
  await expect(prep.getByTestId("guide-monthly")).toBeVisible();
});

test("the first 1:1 with someone is a weekly one, its time boxes fitted to the hour it lasts; a title that says what the meeting is picks that kind", async ({
  context,
}) => {
  const hourLong: PageEvent = {
    ...oct13,
    end: "17:00",
    when: "Tuesday, October 13, 2026 ⋅ 4:00 – 5:00pm\nWeekly on Tuesday",
  };
  const careerTalk: PageEvent = {
    ...priyaOn("2026-10-27", "Tuesday, October 27, 2026"),
    key: "priya-career",
    title: "Career conversation: Priya / Sam",
    eventId: "c4r33rt4lk0pr1y4s4m0001",
    when: "Tuesday, October 27, 2026 ⋅ 4:00 – 4:30pm",
  };
  const page = await openWeek(await context.newPage(), weekUrl([hourLong, careerTalk]));
  const prep = sidebar(page);
  // The first of the month, but the first with Priya too: a weekly 1:1, not a deep dive.
  await openInstance(page, hourLong);
  await expect(prep.getByLabel("This 1:1 is a")).toHaveValue("weekly");
  await expect(prep.getByTestId("guide-monthly")).toHaveCount(0);
  // An hour of time boxes in the template's 15/10/5 proportions; "My items" still gets what is left.
  const agenda = prep.getByRole("region", { name: /^Agenda/ });
  await expect(agenda.getByRole("heading", { level: 2 })).toHaveText("Agenda · 60 min");
  await expect(agenda.locator(".agenda-timebox")).toHaveText(["30 min", "20 min", "10 min", "if time"]);
  await closeEvent(page);
  await openInstance(page, careerTalk);
  await expect(prep.getByLabel("This 1:1 is a")).toHaveValue("career");
  await expect(prep.getByTestId("guide-career")).toBeVisible();
});

test("opening a prep doesn't make a 1:1 held: its time passing does, or the manager says what happened", async ({
  context,
  openExtensionPage,
}) => {
  // A week ago and two weeks ahead of today, whenever the test runs.
  const onDay = (days: number) => {
    const day = new Date(Date.now() + days * 86_400_000);
    const long = day.toLocaleDateString("en-US", {
      weekday: "long",
      month: "long",
      day: "numeric",
      year: "numeric",
      timeZone: "UTC",
    });
    return priyaOn(day.toISOString().slice(0, 10), long);
  };
  const lastWeek = onDay(-7);
  const soon = onDay(14);
  const page = await openWeek(await context.newPage(), weekUrl([lastWeek, soon]));
  const prep = sidebar(page);
  await openInstance(page, soon);
  const held = prep.getByLabel("Held?");
  await expect(held.locator("option:checked")).toHaveText("Not yet: counts once its time has passed");
  await closeEvent(page);
  await openInstance(page, lastWeek);
  await expect(held.locator("option:checked")).toHaveText("Yes, by its time");

  const stats = await openExtensionPage("popup.html#stats");
  const priya = stats.getByTestId("cadence-Priya Raman");
  // Last week's has passed; the one ahead was opened but hasn't happened.
  const heldOf = (n: number) => new RegExp(`(^|\\D)${n} of \\d+ \\(`);
  await expect(priya).toContainText(heldOf(1));
  await expect(priya).not.toContainText("skipped");

  await page.bringToFront();
  await held.selectOption({ label: "No, skipped this time" });
  await expect(priya).toContainText(heldOf(0));
  await expect(priya).toContainText("1 skipped, 0 cancelled");
  await expect(priya).toContainText("never");
  // Handed back to its time, it counts as held again.
  await held.selectOption("auto");
  await expect(priya).toContainText(heldOf(1));
  await expect(priya).not.toContainText("skipped");
});

test("a 200-character name and title stay on one line in the prep, cut with an ellipsis and whole on hover", async ({
  context,
}) => {
  const longName = `Maximiliane ${"Alexandra-Wilhelmina ".repeat(9)}von Lindenberg-Østergård`.slice(0, 200);
  const event: PageEvent = {
    ...oct13,
    key: "long-name",
    title: `1:1 ${longName} / Sam Lee — ${"quarterly planning and growth ".repeat(4)}`.slice(0, 200),
    eventId: "l0ngn4m3l0ngt1tl3000001",
    when: "Tuesday, October 13, 2026 ⋅ 4:00 – 4:30pm",
    guests: [
      { ...people.sam, organizer: true },
      { email: "max@example.com", name: longName },
    ],
  };
  const page = await openWeek(await context.newPage(), weekUrl([event]));
  await page.locator(`[role="grid"] [role="button"][data-fixture-key="${event.key}"]`).click();
  const heading = sidebar(page).getByRole("heading", { level: 1 });
  await expect(heading).toHaveText(`1:1 with ${longName}`);
  await expect(heading).toHaveAttribute("title", `1:1 with ${longName}`);
  const src = await page.locator(`${SIDEBAR} iframe`).getAttribute("src");
  const frame = page.frames().find((f) => f.url() === src);
  if (!frame) throw new Error("no prep frame");
  const layout = await frame.evaluate(() => {
    const h1 = document.querySelector("h1");
    return {
      fits: document.documentElement.scrollWidth <= document.documentElement.clientWidth,
      cut: h1 ? h1.scrollWidth > h1.clientWidth : false,
      oneLine: h1 ? h1.getBoundingClientRect().height < 30 : false,
    };
  });
  expect(layout).toEqual({ fits: true, cut: true, oneLine: true });
});

test("a question marked asked does not come back the next week; closed questions are flagged", async ({
  context,
}) => {
  const page = await openWeek(await context.newPage(), weekUrl([oct13, oct20]));
  await openInstance(page, oct13);
  const prep = sidebar(page);
  const first = prep.getByTestId("suggested-questions").locator("li").first();
  const askedId = await first.getAttribute("data-question-id");
  const askedText = await first.locator(".question-text").textContent();
  await first.getByRole("button", { name: /^Mark asked/ }).click();
  await expect(first.getByRole("button", { name: /^Asked/ })).toHaveAttribute("aria-pressed", "true");
  // Shuffle swaps one suggestion and keeps the others.
  const second = prep.getByTestId("suggested-questions").locator("li").nth(1);
  const before = await second.getAttribute("data-question-id");
  await second.getByRole("button", { name: /^Another question/ }).click();
  await expect(prep.getByTestId("suggested-questions").locator("li").nth(1)).not.toHaveAttribute(
    "data-question-id",
    before ?? "",
  );
  await expect(prep.getByTestId("suggested-questions").locator("li").first()).toHaveAttribute(
    "data-question-id",
    askedId ?? "",
  );

  const own = prep.getByLabel("Your own question");
  for (const closed of [
    "Everything going okay?",
    "Is the project on track?",
    "Don't you think X is the right approach?",
  ]) {
    await own.fill(closed);
    await expect(prep.locator("[data-lint]")).toBeVisible();
  }
  // The suggestion keeps what the question was about.
  await own.fill("Do you like the new team?");
  await prep.getByRole("button", { name: "Use the suggestion" }).click();
  await expect(own).toHaveValue("What do you think of the new team?");
  await expect(prep.locator("[data-lint]")).toHaveCount(0);
  await own.fill("What is the hardest part of your job right now?");
  await expect(prep.locator("[data-lint]")).toHaveCount(0);
  await closeEvent(page);

  await openInstance(page, oct20);
  await expect(prep.getByTestId("suggested-questions").locator("li")).toHaveCount(3);
  await expect(prep.getByTestId("suggested-questions")).not.toContainText(askedText ?? "");
  await expect(prep.locator(`[data-question-id="${askedId}"]`)).toHaveCount(0);
});

test("notes that read like a status report get one quiet reminder, which stays dismissed", async ({
  context,
}) => {
  const page = await openWeek(await context.newPage(), weekUrl([oct13]));
  await openInstance(page, oct13);
  const prep = sidebar(page);
  await prep
    .getByRole("textbox", { name: /Notes for the 1:1/ })
    .fill(
      "PLAT-142 done, merged\nPLAT-150 in progress, ETA Friday\nPLAT-151 blocked on infra review\nSprint 42 on track, 80% done",
    );
  await expect(prep.getByText("1:1s are for the person; status belongs in async updates.")).toBeVisible();
  await prep.getByRole("button", { name: "Dismiss" }).click();
  await expect(prep.getByText("1:1s are for the person")).toHaveCount(0);
  await closeEvent(page);
  await openInstance(page, oct13);
  await expect(prep.getByRole("textbox", { name: /Notes for the 1:1/ })).toHaveValue(/PLAT-142/);
  await expect(prep.getByText("1:1s are for the person")).toHaveCount(0);
});

test("the prep puts the meeting first: cadence, open items, notes with their saved state, then the rest, folded as the manager left it", async ({
  context,
  openExtensionPage,
}) => {
  await seedDatabase(await openExtensionPage("options.html"), {
    people: [person("priya", "Priya Raman")],
    meetings: [meeting("sep", "priya", Date.UTC(2026, 8, 29, 16), { notes: "Wants to lead the migration." })],
  });
  const page = await openWeek(await context.newPage(), weekUrl([oct13]));
  const prep = sidebar(page);
  await openInstance(page, oct13);
  // Two weeks after the last 1:1 of a weekly cadence.
  await expect(prep.getByTestId("cadence-status")).toHaveText("Meets weekly · 7 days late");
  await expect(prep.getByTestId("coaching")).toBeVisible();
  // The agenda reads its items before it shows; the order is judged once it has.
  await expect(prep.getByRole("heading", { name: /^Agenda/ })).toBeVisible();
  const headings = (await prep.locator("h2").allTextContents()).map((h) => h.split(" · ")[0]);
  expect(headings.slice(0, 5)).toEqual([
    "Still open",
    "Last time's notes",
    "Notes for this meeting",
    "Action items",
    "Agenda",
  ]);
  expect(headings.indexOf("Questions to ask")).toBeGreaterThan(4);

  const notes = prep.getByRole("textbox", { name: /Notes for the 1:1/ });
  await notes.fill("Asked about the migration timeline.");
  await expect(prep.getByTestId("save-state")).toHaveText("Saved");

  await prep.getByText("Questions to ask").click();
  await expect(prep.getByTestId("suggested-questions")).toBeHidden();
  await closeEvent(page);

  // The coaching line has been read; the folded section stays folded; the notes are there.
  await openInstance(page, oct13);
  await expect(notes).toHaveValue("Asked about the migration timeline.");
  await expect(prep.getByTestId("coaching")).toHaveCount(0);
  await expect(prep.getByTestId("suggested-questions")).toBeHidden();
  await prep.getByText("Questions to ask").click();
  await expect(prep.getByTestId("suggested-questions")).toBeVisible();
});
