import type { Frame, Page } from "@playwright/test";
import { selfEmail } from "../fixtures/calendar/events";
import { type PageEvent, renderWeekPage } from "../fixtures/calendar/render";
import { isTypable, samplePayloads, xssTexts } from "../fixtures/xss/payloads";
import { pwnedFrames, trackErrors } from "../fixtures/xss/probe";
import { fixtureEvents, openEvent, openWeek, PREP_BUTTON, pageErrors, SIDEBAR, sidebar } from "./calendar";
import { expect, test } from "./extension";
import { actionItem, dayAt, meeting, person, seedDatabase } from "./seed";

/** What the extension keeps of page text: control characters and runs of spaces become one space. */
function asReadFromPage(text: string, max: number): string {
  return text
    .slice(0, max * 4)
    .replace(/[\p{Cc}\s]+/gu, " ")
    .trim()
    .slice(0, max);
}

/** Where two long texts first differ, with a little context; undefined when they are equal. */
function firstDifference(actual: string, expected: string) {
  if (actual === expected) return undefined;
  let at = 0;
  while (at < actual.length && actual[at] === expected[at]) at++;
  return {
    at,
    lengths: [actual.length, expected.length],
    actual: JSON.stringify(actual.slice(Math.max(0, at - 20), at + 40)),
    expected: JSON.stringify(expected.slice(Math.max(0, at - 20), at + 40)),
  };
}

/** Compares lists of possibly huge strings without printing them whole. */
function listDifference(actual: readonly (string | null)[], expected: readonly string[]) {
  if (actual.length !== expected.length) return { lengths: [actual.length, expected.length] };
  for (const [i, text] of expected.entries()) {
    const diff = firstDifference(actual[i] ?? "", text);
    if (diff) return { index: i, ...diff };
  }
  return undefined;
}

async function sidebarFrame(page: Page): Promise<Frame> {
  const frame = await (await page.locator(`${SIDEBAR} iframe`).elementHandle())?.contentFrame();
  if (!frame) throw new Error("The sidebar has no frame.");
  return frame;
}

/** The popup opens on its Feedback tab; the Stats tab is chosen by the URL it is opened with. */
async function showStats(popup: Page) {
  const url = new URL(popup.url());
  url.hash = "stats";
  await popup.goto(url.href);
  await popup.reload();
}

interface FixtureControls {
  __fixture: { open(keyOrEid: string): boolean; close(): void };
}

/** Opens a fixture event by key (chips overlap, so not by clicking) and waits for the prep. */
async function openPrep(page: Page, key: string): Promise<Frame> {
  await page.evaluate((k) => (window as unknown as FixtureControls).__fixture.open(k), key);
  await page.locator(`${SIDEBAR}, ${PREP_BUTTON}`).first().waitFor();
  // Detection may say "not sure"; the small button then opens the prep all the same.
  if ((await page.locator(SIDEBAR).count()) === 0) await page.locator(PREP_BUTTON).click();
  const frame = await sidebarFrame(page);
  await frame.waitForSelector("h1");
  return frame;
}

async function closeDialog(page: Page) {
  await page.evaluate(() => (window as unknown as FixtureControls).__fixture.close());
  await expect(page.locator(SIDEBAR)).toHaveCount(0);
}

test.describe.configure({ timeout: 90_000 });

test("event titles and guest names read from the page stay text in the page, the sidebar, popup and options", async ({
  context,
  serveCalendar,
  openExtensionPage,
}) => {
  // Every payload is a title and, shifted by one, a guest's name; each event is a weekly meeting
  // with one colleague, so detection treats it as a 1:1 (or offers the button).
  const events: PageEvent[] = xssTexts.map((title, i) => ({
    key: `x${i}`,
    title,
    eventId: `x55${i.toString(32).padStart(4, "0")}abc_20261013T160000Z`,
    calendarId: selfEmail,
    date: "2026-10-13",
    start: "16:00",
    end: "16:30",
    guests: [
      { email: selfEmail, name: "Sam Lee", organizer: true, response: "accepted" },
      { email: `guest${i}@example.com`, name: xssTexts[(i + 1) % xssTexts.length] ?? "" },
    ],
  }));
  const hugeTitle = `1:1 ${'<img src=x onerror="window.__pwned=1">'.repeat(2_700)}`.slice(0, 100_000);
  events.push({
    key: "huge",
    title: hugeTitle,
    eventId: "x55hugeabc_20261013T160000Z",
    calendarId: selfEmail,
    date: "2026-10-13",
    start: "16:00",
    end: "16:30",
    guests: [
      { email: selfEmail, name: "Sam Lee", organizer: true, response: "accepted" },
      { email: "huge@example.com", name: hugeTitle },
    ],
  });
  expect(hugeTitle.length).toBe(100_000);
  await serveCalendar(renderWeekPage(events));
  const page = await openWeek(await context.newPage());

  const sample = new Set(samplePayloads(20));
  const opened = events.filter((e) => e.key === "huge" || sample.has(e.title));
  expect(opened.length).toBe(21);
  for (const event of opened) {
    const frame = await openPrep(page, event.key ?? "");
    const shown = await frame.evaluate(() => {
      const heading = document.querySelector("h1");
      return {
        pwned: (window as Window & { __pwned?: unknown }).__pwned,
        // Rendered as text: the heading holds one text run, never elements made from the name.
        elements: heading?.childElementCount,
        text: heading?.textContent,
      };
    });
    const name = event.guests?.[1]?.name ?? "";
    expect(shown.pwned).toBeUndefined();
    expect(shown.elements).toBe(0);
    expect(shown.text).toMatch(/^1:1 with ./su);
    if (isTypable(name, 200) && !name.includes(",")) {
      expect(shown.text?.replace(/\s+/g, " ")).toBe(`1:1 with ${asReadFromPage(name, 200)}`);
    }
    await closeDialog(page);
  }
  expect(await pwnedFrames(context)).toEqual([]);
  expect(pageErrors(page)).toEqual([]);

  // The names now live in the database; the popup's picker and stats and the options page list them.
  const popup = await openExtensionPage("popup.html");
  const popupErrors = trackErrors(popup);
  await popup.getByRole("combobox", { name: "Who is it for?" }).focus();
  await expect(popup.getByRole("option")).toHaveCount(opened.length);
  await showStats(popup);
  await expect(popup.locator(".cadence-table tbody tr")).toHaveCount(opened.length);
  const options = await openExtensionPage("options.html");
  const optionsErrors = trackErrors(options);
  await expect(options.locator(".people-table tbody tr")).toHaveCount(opened.length);
  expect(await pwnedFrames(context)).toEqual([]);
  expect([...popupErrors, ...optionsErrors]).toEqual([]);
});

test("text typed into every field is saved and shown as text everywhere it is read back", async ({
  calendarPage: page,
  openExtensionPage,
}) => {
  // Lower-case-distinct, so the people picker and name matching keep each one apart.
  const seen = new Set<string>();
  const typable = samplePayloads(200, (t) => isTypable(t, 200)).filter((t) => {
    const key = t.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const pick = (offset: number) => typable.slice(offset, offset + 20);
  const actionTexts = pick(0);
  const agendaTexts = pick(20);
  const questionTexts = pick(40);
  const names = pick(60).slice(0, 10);
  const renames = pick(80).slice(0, 10);
  const sbi = pick(100);
  expect(sbi).toHaveLength(20);
  const notes = xssTexts.join("\n");

  await openEvent(page, fixtureEvents.priyaWeekly1);
  let frame = sidebar(page);
  await frame.getByRole("heading", { level: 1 }).waitFor();
  const notesBox = frame.getByRole("textbox", { name: /Notes for the 1:1/ });
  await notesBox.fill(notes);
  // A textarea keeps line breaks as "\n" only; whatever it holds now is what must come back.
  const typedNotes = await notesBox.inputValue();
  expect(typedNotes.length).toBeGreaterThan(100_000);
  // Lone surrogates do not survive the trip into the browser; everything else arrives as typed.
  expect(
    firstDifference(
      typedNotes.replace(/\uFFFD/g, ""),
      notes
        .replace(/\r\n?/g, "\n")
        .replace(/\p{Cs}/gu, "")
        .replace(/\uFFFD/g, ""),
    ),
  ).toBeUndefined();
  const newItem = frame.getByRole("textbox", { name: "New action item" });
  for (const text of actionTexts) {
    await newItem.fill(text);
    await newItem.press("Enter");
    // The field clears once the write has finished (typing before that is a race of its own).
    await expect(newItem).toHaveValue("");
  }
  const theirs = frame.getByRole("textbox", { name: "Add to Their items" });
  for (const text of agendaTexts) {
    await theirs.fill(text);
    await theirs.press("Enter");
    await expect(theirs).toHaveValue("");
  }
  const own = frame.getByRole("textbox", { name: "Your own question" });
  for (const text of questionTexts) {
    await own.fill(text);
    await own.press("Enter");
    await expect(own).toHaveValue("");
  }

  // Popup: SBI feedback for Priya, then for new people named by payloads. Across the twenty saves
  // each SBI field gets each SBI payload once; Priya's ten saves cover all twenty between them.
  const popup = await openExtensionPage("popup.html");
  const popupErrors = trackErrors(popup);
  const who = popup.getByRole("combobox", { name: "Who is it for?" });
  const saved = popup.locator(".success");
  for (let i = 0; i < 20; i++) {
    const forPriya = i < 10;
    const name = forPriya ? "Priya Raman" : (names[i - 10] ?? "");
    await who.fill(forPriya ? "Priya" : name);
    // The new-person choice is last in the list; a payload may also match someone's name.
    if (!forPriya) await who.press("ArrowUp");
    await who.press("Enter");
    const [situation, behavior, impact, request] = [0, 5, 10, 15].map((k) => sbi[(i + k) % 20] ?? "");
    await popup.getByLabel("Situation").fill(situation ?? "");
    await popup.getByLabel("Behavior").fill(behavior ?? "");
    await popup.getByLabel("Impact").fill(impact ?? "");
    await popup.getByLabel("Request (optional)").fill(request ?? "");
    await popup.getByRole("radio", { name: i % 2 ? "Redirecting" : "Reinforcing" }).check();
    await popup.getByLabel("Request (optional)").press("Control+Enter");
    await expect(saved).toHaveText(`Queued for your next 1:1 with ${name}.`);
  }

  // Options: rename people (seeded, so renames do not touch anyone above).
  const options = await openExtensionPage("options.html");
  const optionsErrors = trackErrors(options);
  await seedDatabase(options, {
    people: renames.map((_, i) => person(`r${i}`, `Rename me ${i}`)),
  });
  await options.reload();
  for (const [i, name] of renames.entries()) {
    const field = options.getByLabel(`Name of Rename me ${i}`, { exact: true });
    await field.fill(name);
    await field.press("Tab");
    await expect(options.getByTestId(`person-${name}`)).toHaveCount(1);
  }

  // Read everything back from fresh views.
  const calendarErrors = [...pageErrors(page)];
  await openWeek(page);
  await openEvent(page, fixtureEvents.priyaWeekly1);
  frame = sidebar(page);
  const notesAgain = frame.getByRole("textbox", { name: /Notes for the 1:1/ });
  await expect.poll(async () => firstDifference(await notesAgain.inputValue(), typedNotes)).toBeUndefined();
  // Each section loads on its own; wait for its items before reading them.
  const textsOf = async (testId: string, count: number) => {
    const items = frame.getByTestId(testId).locator(".item-text");
    await expect(items).toHaveCount(count);
    return items.evaluateAll((nodes) => nodes.map((n) => n.textContent));
  };
  expect(await textsOf("agreed-items", actionTexts.length)).toEqual(actionTexts);
  expect(await textsOf("agenda-theirs", agendaTexts.length)).toEqual(agendaTexts);
  expect(await textsOf("agenda-mine", questionTexts.length)).toEqual(questionTexts);
  await expect(frame.getByTestId("feedback-queue").getByRole("listitem")).toHaveCount(10);
  const queue = await frame.getByTestId("feedback-queue").evaluate((ul) => ({
    text: ul.textContent ?? "",
    elements: ul.querySelectorAll("img,svg,script,iframe").length,
  }));
  for (const text of sbi) expect(queue.text).toContain(text);
  expect(queue.elements).toBe(0);

  // Every name is an option of the popup's people picker, as text.
  await popup.reload();
  await popup.getByRole("combobox", { name: "Who is it for?" }).focus();
  const everyone = [...names, ...renames, "Priya Raman"].sort();
  await expect(popup.getByRole("option")).toHaveCount(everyone.length);
  const choices = await popup
    .getByRole("option")
    .evaluateAll((nodes) => nodes.map((n) => n.textContent ?? ""));
  expect(choices.sort()).toEqual(everyone);
  await showStats(popup);
  await expect(popup.getByTestId("cadence-Priya Raman")).toBeVisible();
  await options.reload();
  await expect(options.locator(".people-table tbody tr")).toHaveCount(everyone.length);
  const listed = await options
    .locator(".people-table tbody input[type=text]")
    .evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
  expect(listed.sort()).toEqual(everyone);

  expect(await pwnedFrames(page.context())).toEqual([]);
  expect([...calendarErrors, ...pageErrors(page), ...popupErrors, ...optionsErrors]).toEqual([]);
});

test("the whole corpus as stored action items renders as text in the sidebar and the popup", async ({
  context,
  serveCalendar,
  openExtensionPage,
}) => {
  const popup = await openExtensionPage("popup.html#stats");
  const popupErrors = trackErrors(popup);
  const priya = person("p1", "Priya Raman", { email: "priya@example.com" });
  const earlier = meeting("m0", "p1", Date.UTC(2026, 9, 6, 16));
  await seedDatabase(popup, {
    people: [priya],
    meetings: [earlier],
    actionItems: xssTexts.map((text, i) =>
      actionItem(`a${String(i).padStart(3, "0")}`, "p1", "m0", {
        text,
        dueAt: dayAt(-2),
        createdAt: dayAt(-40) + i,
      }),
    ),
  });
  await popup.reload();
  const overdue = popup.locator(".overdue-person .item-text");
  await expect(overdue).toHaveCount(xssTexts.length);
  expect(
    listDifference(await overdue.evaluateAll((nodes) => nodes.map((n) => n.textContent)), xssTexts),
  ).toBeUndefined();

  await serveCalendar(renderWeekPage());
  const page = await openWeek(await context.newPage());
  await openEvent(page, fixtureEvents.priyaWeekly1);
  const carried = sidebar(page).getByTestId("open-items").locator(".item-text");
  await expect(carried).toHaveCount(xssTexts.length);
  expect(
    listDifference(await carried.evaluateAll((nodes) => nodes.map((n) => n.textContent)), xssTexts),
  ).toBeUndefined();
  expect(
    await sidebar(page)
      .getByTestId("open-items")
      .evaluate((ul) => ul.querySelectorAll("img,svg,script,iframe,a,math,object,embed").length),
  ).toBe(0);

  expect(await pwnedFrames(context)).toEqual([]);
  expect([...pageErrors(page), ...popupErrors]).toEqual([]);
});
