import type { BrowserContext, Page } from "@playwright/test";
import { closeEvent, expectPrepFor, fixtureEvents, openEvent, sidebar } from "./calendar";
import { expect, test } from "./extension";
import { actionItem, dayAt, meeting, person, seedDatabase } from "./seed";

type Chrome = {
  chrome: { storage: { local: { get(key: string): Promise<object>; set(items: object): Promise<void> } } };
};

test("SBI feedback captured in the popup shows in the next 1:1's sidebar, and can be marked delivered", async ({
  calendarPage: page,
  openExtensionPage,
}) => {
  // Meet Priya once so she is on the list.
  await openEvent(page, fixtureEvents.priyaWeekly1);
  await expectPrepFor(page, "Priya Raman");
  await closeEvent(page);

  const popup = await openExtensionPage("popup.html");
  const who = popup.getByRole("combobox", { name: "Who is it for?" });
  await who.fill("pri");
  await who.press("Enter");
  await expect(popup.getByText("Priya Raman", { exact: true })).toBeVisible();
  await popup.getByLabel("Situation").fill("In Tuesday's incident review");
  await popup.getByLabel("Behavior").fill("you walked everyone through the timeline before taking questions");
  await popup
    .getByLabel("Impact")
    .fill("the new on-call engineers followed the whole story and asked sharper questions");
  await popup.getByRole("radio", { name: "Reinforcing" }).check();
  await popup.getByLabel("Impact").press("Enter");
  await expect(popup.getByText("Queued for your next 1:1 with Priya Raman.")).toBeVisible();
  await expect(popup.getByLabel("Situation")).toHaveValue("");

  await openEvent(page, fixtureEvents.priyaWeekly2);
  const queue = sidebar(page).getByTestId("feedback-queue");
  await expect(queue).toContainText("you walked everyone through the timeline");
  await queue.getByRole("button", { name: "Mark delivered" }).click();
  await expect(queue).toContainText("delivered in this 1:1");
});

test("the lint flags character instead of behavior, and the draft survives closing the popup", async ({
  openExtensionPage,
}) => {
  const popup = await openExtensionPage("popup.html");
  await popup.getByRole("combobox", { name: "Who is it for?" }).fill("Robin");
  await popup.getByRole("combobox", { name: "Who is it for?" }).press("Enter");
  await expect(popup.getByText("(new)")).toBeVisible();
  await popup.getByLabel("Situation").fill("In yesterday's planning meeting");
  await popup.getByLabel("Behavior").fill("you are careless");
  await expect(popup.locator('[data-finding="behavior-character"]')).toBeVisible();

  await popup.close();
  const again = await openExtensionPage("popup.html");
  await expect(again.getByLabel("Behavior")).toHaveValue("you are careless");
  await expect(again.getByText("Robin", { exact: true })).toBeVisible();
  await again.getByLabel("Behavior").fill("you merged the release branch without the checklist");
  await expect(again.locator('[data-finding="behavior-character"]')).toHaveCount(0);
  // Bad input gets a clear message and loses nothing.
  await again.getByLabel("Their work email").fill("not-an-email");
  await again.getByLabel("Impact").fill("we shipped a build with debug logging to customers");
  await again.getByRole("button", { name: "Save" }).click();
  // Nobody chose the kind: it is asked for, never assumed.
  await expect(again.getByRole("alert")).toHaveText(
    "Choose the kind: reinforcing (keep doing it) or redirecting (change it).",
  );
  await again.getByRole("radio", { name: "Redirecting" }).check();
  await again.getByRole("button", { name: "Save" }).click();
  await expect(again.getByRole("alert")).toHaveText("That email address doesn't look right.");
  await expect(again.getByLabel("Behavior")).toHaveValue(
    "you merged the release branch without the checklist",
  );
  await again.getByLabel("Their work email").fill("robin@example.com");
  await again.keyboard.press("Control+Enter");
  await expect(again.getByText("Queued for your next 1:1 with Robin.")).toBeVisible();
});

test("cadence and follow-through on the Stats tab match hand-computed figures", async ({
  openExtensionPage,
}) => {
  const popup = await openExtensionPage("popup.html#stats");
  await seedDatabase(popup, {
    people: [person("dana", "Dana Park"), person("eli", "Eli Novak")],
    meetings: [
      // Known for long before the 12-week window (the cancelled one sets when they started).
      meeting("d0", "dana", dayAt(-200), { status: "cancelled" }),
      meeting("d1", "dana", dayAt(-31)),
      meeting("d2", "dana", dayAt(-24)),
      meeting("d3", "dana", dayAt(-17), { status: "skipped" }),
      meeting("d4", "dana", dayAt(-10)),
      meeting("d5", "dana", dayAt(-3)),
      meeting("e0", "eli", dayAt(-200), { status: "cancelled" }),
      meeting("e1", "eli", dayAt(-20)),
    ],
    actionItems: [
      actionItem("on time", "dana", "d1", { dueAt: dayAt(-5, 23), doneAt: dayAt(-6) }),
      actionItem("late", "dana", "d1", { dueAt: dayAt(-4, 23), doneAt: dayAt(-2) }),
      actionItem("Send Dana the budget", "dana", "d4", { dueAt: dayAt(-3, 23) }),
      actionItem("theirs", "dana", "d4", { owner: "them", dueAt: dayAt(-2, 23), doneAt: dayAt(-1) }),
      actionItem("no due date", "eli", "e1", {}),
    ],
  });
  await popup.reload();

  // Dana: 4 held of 12 weekly 1:1s owed; the skipped week makes a 14-day gap; last seen 3 days ago.
  const dana = popup.getByTestId("cadence-Dana Park");
  await expect(dana).toContainText("4 of 12 (33%)");
  await expect(dana).toContainText("1 skipped, 0 cancelled");
  await expect(dana).toContainText("14 days");
  await expect(dana).toContainText("3 days ago");
  await expect(dana).not.toHaveClass(/past-cadence/);
  // Eli: one held 1:1, 20 days ago: past a weekly cadence.
  const eli = popup.getByTestId("cadence-Eli Novak");
  await expect(eli).toContainText("1 of 12 (8%)");
  await expect(eli).toContainText("20 days ago");
  await expect(eli).toHaveClass(/past-cadence/);
  // My items due in the last 90 days: one on time, one late, one still open; theirs does not count.
  await expect(popup.getByTestId("follow-through")).toContainText("33% of my action items done on time");
  await expect(popup.getByTestId("follow-through")).toContainText("1 of 3");
  await expect(popup.getByRole("heading", { name: "Overdue action items (1)" })).toBeVisible();

  // A cadence changed here is the person's cadence everywhere: every 4 weeks, Eli is within it.
  await popup.getByRole("combobox", { name: "Cadence with Eli Novak" }).selectOption("28");
  await expect(eli).not.toHaveClass(/past-cadence/);
  await expect(eli).toContainText("1 of 3 (33%)");
});

/** Opens the Stats tab and gives back the cadence table's text as it was first put on the page. */
async function firstCadenceTable(context: BrowserContext, extensionId: string): Promise<string> {
  const popup = await context.newPage();
  await popup.addInitScript(() => {
    const w = window as unknown as { firstTable?: string };
    const seen = new MutationObserver(() => {
      const body = document.querySelector(".cadence-table tbody");
      if (w.firstTable === undefined && body?.querySelector("tr")) {
        w.firstTable = body.textContent ?? "";
        seen.disconnect();
      }
    });
    seen.observe(document, { childList: true, subtree: true, characterData: true });
  });
  await popup.goto(`chrome-extension://${extensionId}/popup.html#stats`);
  const first = await popup.waitForFunction(() => (window as unknown as { firstTable?: string }).firstTable);
  const text = (await first.jsonValue()) as string;
  await popup.close();
  return text;
}

/** Until the Stats snapshot holds figures, built since the last write. */
async function snapshotBuilt(page: Page) {
  await page.waitForFunction(
    () =>
      new Promise<boolean>((resolve) => {
        const open = indexedDB.open("one-on-one-prep");
        open.onsuccess = () => {
          const get = open.result.transaction("statsSnapshot").objectStore("statsSnapshot").get("team");
          get.onsuccess = () => {
            open.result.close();
            resolve(Array.isArray(get.result?.meetings));
          };
        };
      }),
    undefined,
    { polling: 100 },
  );
}

test("Stats opens on the figures kept from last time, and never on figures a change has left behind", async ({
  context,
  extensionId,
  openExtensionPage,
}) => {
  const popup = await openExtensionPage("popup.html#stats");
  await seedDatabase(popup, {
    people: [person("dana", "Dana Park"), person("eli", "Eli Novak")],
    meetings: [
      meeting("d1", "dana", dayAt(-10)),
      meeting("d2", "dana", dayAt(-3)),
      meeting("e0", "eli", dayAt(-200), { status: "cancelled" }),
      meeting("e1", "eli", dayAt(-20)),
    ],
  });
  await popup.reload();
  await expect(popup.getByTestId("cadence-Eli Novak")).toContainText("1 of 12 (8%)");
  await snapshotBuilt(popup);
  expect(await firstCadenceTable(context, extensionId)).toContain("1 of 12 (8%)");

  // Changed, and Stats opened again at once: the first table shown already has it.
  await popup.getByRole("combobox", { name: "Cadence with Eli Novak" }).selectOption("28");
  await expect(popup.getByTestId("cadence-Eli Novak")).toContainText("1 of 3 (33%)");
  await popup.close();
  const afterChange = await firstCadenceTable(context, extensionId);
  expect(afterChange).toContain("1 of 3 (33%)");
  expect(afterChange).not.toContain("1 of 12");

  // Kept again for the next open, which shows it from the first paint.
  const page = await openExtensionPage("options.html");
  await snapshotBuilt(page);
  const kept = await firstCadenceTable(context, extensionId);
  expect(kept).toContain("1 of 3 (33%)");
  expect(kept).not.toContain("1 of 12");
});

test("an action item's owner reads You or the person's name, and a 200-character name stays inside the popup", async ({
  openExtensionPage,
}) => {
  const popup = await openExtensionPage("popup.html#stats");
  const longName = `Maximiliane ${"Alexandra-Wilhelmina ".repeat(9)}von Lindenberg-Østergård`.slice(0, 200);
  await seedDatabase(popup, {
    people: [person("max", longName), person("dana", "Dana Park")],
    meetings: [meeting("m1", "max", dayAt(-10)), meeting("d1", "dana", dayAt(-10))],
    actionItems: [
      actionItem("Send the offer letter", "max", "m1", { dueAt: dayAt(-2) }),
      actionItem("Draft the rollout plan", "max", "m1", { owner: "them", dueAt: dayAt(-3) }),
      actionItem("Book the offsite room", "dana", "d1", { owner: "them", dueAt: dayAt(-1) }),
    ],
  });
  await popup.reload();
  const overdue = popup.locator(".overdue-person");
  const mine = overdue.locator("li", { hasText: "Send the offer letter" });
  const theirs = overdue.locator("li", { hasText: "Draft the rollout plan" });
  await expect(mine.locator(".owner")).toHaveText("You");
  await expect(theirs.locator(".owner")).toHaveText(longName);
  await expect(theirs.locator(".owner")).toHaveAttribute("title", longName);
  await expect(overdue.locator("li", { hasText: "Book the offsite room" }).locator(".owner")).toHaveText(
    "Dana Park",
  );
  await expect(overdue.locator(".owner", { hasText: /^them$|^me$/ })).toHaveCount(0);
  // The name is cut with an ellipsis, not spilled past the popup's edge.
  const fits = await popup.evaluate(() => {
    const chip = Array.from(document.querySelectorAll<HTMLElement>(".owner")).find((e) => e.title);
    return {
      page: document.documentElement.scrollWidth <= document.documentElement.clientWidth,
      chip: chip ? chip.getBoundingClientRect().right <= document.documentElement.clientWidth : false,
      cut: chip ? chip.scrollWidth > chip.clientWidth : false,
    };
  });
  expect(fits).toEqual({ page: true, chip: true, cut: true });
  // The same name heading the overdue list and the cadence table: one line, cut, whole on hover.
  for (const name of [
    overdue.locator(".one-line", { hasText: longName }).first(),
    popup.locator(".cadence-table th .one-line", { hasText: longName }),
  ]) {
    await expect(name).toHaveAttribute("title", longName);
    expect(
      await name.evaluate((e) => e.scrollWidth > e.clientWidth && e.getBoundingClientRect().height < 24),
    ).toBe(true);
  }
  expect(
    await popup.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth),
  ).toBe(true);
});

test("the popup opens in the words it spoke last time, and speaks a language picked since then, however it was picked", async ({
  openExtensionPage,
  serviceWorker,
}) => {
  const first = await openExtensionPage("popup.html");
  await expect(first.getByRole("tab")).toHaveText(["Feedback", "Upcoming", "Stats", "Search"]);
  await first.close();
  expect(
    await serviceWorker.evaluate(() =>
      (globalThis as unknown as Chrome).chrome.storage.local.get("language"),
    ),
  ).toEqual({});

  // Not through options, which tells the pages to read their words anew: the popup finds out on
  // its own once it has shown the English it remembers.
  await serviceWorker.evaluate(() =>
    (globalThis as unknown as Chrome).chrome.storage.local.set({ language: "de" }),
  );
  const second = await openExtensionPage("popup.html");
  await expect(second.getByRole("tab")).toHaveText(["Feedback", "Termine", "Statistik", "Suche"]);
  await expect(second.locator("html")).toHaveAttribute("lang", "de");
  await second.getByLabel("Verhalten").fill("Du hast die Zeitleiste erklärt.");
  await second.close();

  // The German it spoke is what the next opening starts in, with the draft where it was left.
  const third = await openExtensionPage("popup.html");
  await expect(third.getByRole("tab")).toHaveText(["Feedback", "Termine", "Statistik", "Suche"]);
  await expect(third.getByLabel("Verhalten")).toHaveValue("Du hast die Zeitleiste erklärt.");
  expect(await third.evaluate(() => JSON.parse(localStorage.getItem("wordsInUse") ?? "{}").language)).toBe(
    "de",
  );
});
