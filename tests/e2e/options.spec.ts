import { readFileSync, writeFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { selfEmail } from "../fixtures/calendar/events";
import { type PageEvent, renderWeekPage, weekUrl } from "../fixtures/calendar/render";
import {
  closeEvent,
  expectPrepFor,
  fixtureEvents,
  openEvent,
  openWeek,
  PREP_BUTTON,
  SIDEBAR,
  sidebar,
} from "./calendar";
import { openSyncOptions, policyCopied } from "./drive-sync";
import { expect, test } from "./extension";
import { optionsLink, showOptionsPlace } from "./options-page";
import { actionItem, dayAt, meeting, person, seedDatabase } from "./seed";

const mentoring: PageEvent = {
  key: "mentoring",
  title: "Mentoring: Alex",
  eventId: "m3n7o1r5i9n3g7a1l5e9x3",
  calendarId: selfEmail,
  date: "2026-10-16",
  start: "14:00",
  end: "14:30",
  when: "Friday, October 16, 2026 ⋅ 2:00 – 2:30pm",
  // An outside mentor: without a 1:1 word in the title, not a 1:1.
  guests: [
    { email: selfEmail, name: "Sam Lee", organizer: true },
    { email: "alex@mentors.example.net", name: "Alex Okafor" },
  ],
};

test("a keyword added in options makes matching titles 1:1s at once, and an override can be undone there", async ({
  context,
  serveCalendar,
  openExtensionPage,
}) => {
  await serveCalendar(renderWeekPage());
  const page = await openWeek(await context.newPage(), weekUrl([mentoring, fixtureEvents.priyaWeekly1]));
  await page.locator('[role="grid"] [data-fixture-key="mentoring"]').click();
  await page.waitForTimeout(300);
  await expect(page.locator(SIDEBAR)).toHaveCount(0);
  await closeEvent(page).catch(() => {});

  const options = await openExtensionPage("options.html#settings");
  await options.getByLabel(/Also treat titles with these words as 1:1s/).fill("mentoring");
  await options.getByLabel(/Never treat titles/).focus();
  await expect(options.getByText("Saved.")).toBeVisible();
  // No organisation set anything in this browser, and options says nothing of one.
  await expect(options.getByText(/organisation/i)).toHaveCount(0);
  await expect(options.getByText(/Company domain|Sync across devices:/)).toHaveCount(0);

  await page.bringToFront();
  await page.locator('[role="grid"] [data-fixture-key="mentoring"]').click();
  await expectPrepFor(page, "Alex Okafor");
  await closeEvent(page);

  await openEvent(page, fixtureEvents.priyaWeekly1);
  await sidebar(page)
    .getByRole("button", { name: /Not a 1:1\? Hide prep/ })
    .click();
  await expect(page.locator(PREP_BUTTON)).toBeVisible();
  await options.bringToFront();
  const overrides = options.getByTestId("overrides");
  await expect(overrides).toContainText("1:1 Priya / Sam: never a 1:1");
  await overrides.getByRole("button", { name: "Undo" }).click();
  await expect(overrides).toHaveCount(0);
  await page.bringToFront();
  await expectPrepFor(page, "Priya Raman");
});

test("people can be renamed, archived and merged: merging asks first, cancel changes nothing, and undo gives both back with their notes", async ({
  openExtensionPage,
}, testInfo) => {
  const options = await openExtensionPage("options.html");
  await seedDatabase(options, {
    people: [person("p1", "Priya Raman"), person("p2", "Priya R.", { email: "priya.raman@example.org" })],
    meetings: [
      meeting("m1", "p1", dayAt(-14), { notes: "Talked about the offsite." }),
      meeting("m2", "p2", dayAt(-7), { notes: "Wants to lead the API review." }),
    ],
    actionItems: [actionItem("Old-address item", "p2", "m2", { dueAt: dayAt(-1, 23) })],
  });
  await options.reload();
  const chooseMerge = async () => {
    await options
      .getByLabel("Person to merge away")
      .selectOption({ label: "Priya R. (priya.raman@example.org)" });
    await options.getByLabel("Person to keep").selectOption({ label: "Priya Raman (p1@example.com)" });
    await options.getByRole("button", { name: "Merge…" }).click();
  };
  const question = options.getByRole("form", { name: "Merge “Priya R.” into “Priya Raman”?" });

  await chooseMerge();
  await expect(question).toContainText("Priya R.'s 1 meeting and 1 action item move to Priya Raman.");
  await expect(question.getByRole("button", { name: "Merge", exact: true })).toBeFocused();
  await question.getByRole("button", { name: "Cancel" }).click();
  await expect(question).toHaveCount(0);
  await expect(options.getByRole("button", { name: "Merge…" })).toBeFocused();
  await expect(options.getByTestId("person-Priya R.")).toBeVisible();

  await chooseMerge();
  await question.getByRole("button", { name: "Merge", exact: true }).click();
  await expect(options.getByText("Merged Priya R. into Priya Raman: every record moved.")).toBeVisible();
  await expect(options.getByTestId("person-Priya R.")).toHaveCount(0);

  const stats = await openExtensionPage("popup.html#stats");
  await expect(stats.getByTestId("cadence-Priya Raman")).toContainText("2 of 2 (100%)");
  await expect(stats.getByRole("heading", { name: /Priya Raman/ })).toBeVisible();

  await options.bringToFront();
  await options.getByRole("button", { name: "Undo merge" }).click();
  await expect(
    options.getByText("Undone: Priya R. and Priya Raman are two people again, each with their own records."),
  ).toBeVisible();
  await expect(options.getByTestId("person-Priya R.")).toContainText("priya.raman@example.org");
  // Each has their own notes and items back, in the Markdown export of each.
  for (const [name, notes, item] of [
    ["Priya R.", "Wants to lead the API review.", "Old-address item"],
    ["Priya Raman", "Talked about the offsite.", undefined],
  ] as const) {
    const downloading = options.waitForEvent("download");
    await options.getByTestId(`person-${name}`).getByRole("button", { name: "Export as Markdown" }).click();
    const file = testInfo.outputPath(`${name}.md`);
    await (await downloading).saveAs(file);
    const md = readFileSync(file, "utf8");
    expect(md).toContain(notes);
    expect(md.includes("Old-address item")).toBe(item !== undefined);
    expect(md).not.toContain(
      name === "Priya R." ? "Talked about the offsite." : "Wants to lead the API review.",
    );
  }
  await stats.reload();
  await expect(stats.getByTestId("cadence-Priya R.")).toBeVisible();

  await options.bringToFront();
  await options.getByLabel("Name of Priya Raman").fill("Priya Raman-Ortiz");
  await options.getByLabel("Name of Priya Raman").press("Tab");
  await expect(options.getByText("Renamed.")).toBeVisible();
  await options.getByTestId("person-Priya Raman-Ortiz").getByRole("button", { name: "Archive" }).click();
  await expect(options.getByText("Priya Raman-Ortiz archived; nothing was deleted.")).toBeVisible();
  await stats.reload();
  await expect(stats.getByTestId("cadence-Priya Raman-Ortiz")).toHaveCount(0);
});

/**
 * Watches for a progress bar by its label: whether it showed, however briefly (a few rows go in
 * a moment), and every line of text beside it while it did.
 */
async function watchProgress(page: Page, label: string) {
  await page.evaluate((name) => {
    const seen = { shown: false, texts: [] as string[] };
    const look = () => {
      const bar = document.querySelector(`progress[aria-label="${name}"]`);
      if (!bar) return;
      seen.shown = true;
      const text = bar.parentElement?.textContent ?? "";
      if (seen.texts.at(-1) !== text) seen.texts.push(text);
    };
    new MutationObserver(look).observe(document.body, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
    });
    (window as unknown as Record<string, typeof seen>)[name] = seen;
  }, label);
  return () =>
    page.evaluate(
      (name) => (window as unknown as Record<string, { shown: boolean; texts: string[] }>)[name],
      label,
    );
}

test("reached by keyboard through the side navigation: export, then import: a preview first, all or nothing, idempotent; a bad file changes nothing", async ({
  openExtensionPage,
}, testInfo) => {
  const options = await openExtensionPage("options.html");
  await seedDatabase(options, {
    people: [person("p1", "Priya Raman")],
    meetings: [meeting("m1", "p1", dayAt(-7), { notes: "Wants to mentor the new hire" })],
  });
  await options.reload();
  // Keyboard only: past the link in the introduction to the navigation, down to the backup, in.
  await expect(optionsLink(options, "People")).toHaveAttribute("aria-current", "page");
  await options.keyboard.press("Tab");
  await options.keyboard.press("Tab");
  await expect(optionsLink(options, "People")).toBeFocused();
  for (let i = 0; i < 4; i++) await options.keyboard.press("Tab");
  await expect(optionsLink(options, "Backup and import")).toBeFocused();
  await options.keyboard.press("Enter");
  await expect(options).toHaveURL(/options\.html#backup$/);
  await expect(optionsLink(options, "Backup and import")).toHaveAttribute("aria-current", "page");
  await expect(optionsLink(options, "People")).not.toHaveAttribute("aria-current");
  await expect(options.getByTestId("person-Priya Raman")).toBeHidden();
  await options.keyboard.press("Tab");
  const exportButton = options.getByRole("button", { name: "Export everything (JSON)" });
  await expect(exportButton).toBeFocused();
  const exportProgress = await watchProgress(options, "Export progress");
  const downloading = options.waitForEvent("download");
  await options.keyboard.press("Enter");
  const file = testInfo.outputPath("backup.json");
  await (await downloading).saveAs(file);
  // Shown while it ran, counting the person and the meeting, and gone once the file is saved.
  const exported = await exportProgress();
  expect(exported?.shown).toBe(true);
  for (const text of exported?.texts ?? []) expect(text).toMatch(/^Exporting…( [12] records so far)?$/);
  await expect(options.getByRole("status").filter({ hasText: /^Saved 1-1-prep-backup-/ })).toBeVisible();
  await expect(options.getByRole("progressbar", { name: "Export progress" })).toHaveCount(0);
  await expect(exportButton).toBeEnabled();
  const backup = JSON.parse(readFileSync(file, "utf8"));
  expect(backup).toMatchObject({ format: "one-on-one-prep-backup", version: 2 });
  expect(JSON.stringify(backup)).toContain("Wants to mentor the new hire");

  // The same file again: nothing to add or change.
  await options.getByLabel("Import a backup").setInputFiles(file);
  const preview = options.getByTestId("import-preview");
  await expect(preview.getByRole("row", { name: /^Meetings/ }).getByRole("cell")).toHaveText(["0", "0", "1"]);
  await preview.getByRole("button", { name: "Import" }).click();
  await expect(preview).toContainText("Imported.");

  // A hostile, truncated file: a clear message and nothing written.
  const broken = testInfo.outputPath("broken.json");
  writeFileSync(broken, JSON.stringify(backup).slice(0, 120));
  await options.getByLabel("Import a backup").setInputFiles(broken);
  await expect(options.getByRole("alert")).toContainText("This backup is incomplete");
  await expect(options.getByTestId("import-preview")).toHaveCount(0);

  // A feedback half-written in the popup names its person too.
  const popup = await openExtensionPage("popup.html");
  await popup.getByLabel("Behavior").fill("Priya walked the new hire through the rota");
  await popup.close();

  // Delete everything, behind a typed confirmation; then the backup brings it all back.
  const remove = options.getByRole("button", { name: "Delete everything" });
  await expect(remove).toBeDisabled();
  await options.getByLabel(/Type .delete everything. to confirm/).fill("delete everything");
  await remove.click();
  await expect(options.getByText("Everything was deleted.")).toBeVisible();
  const reopened = await openExtensionPage("popup.html");
  await expect(reopened.getByLabel("Behavior")).toHaveValue("");
  await reopened.close();
  await showOptionsPlace(options, "People");
  await expect(options.getByText("People appear here once you open a 1:1")).toBeVisible();
  await showOptionsPlace(options, "Backup and import");
  await options.getByLabel("Import a backup").setInputFiles(file);
  await expect(
    options
      .getByTestId("import-preview")
      .getByRole("row", { name: /^Meetings/ })
      .getByRole("cell"),
  ).toHaveText(["1", "0", "0"]);
  const importProgress = await watchProgress(options, "Import progress");
  await options.getByTestId("import-preview").getByRole("button", { name: "Import" }).click();
  await expect(options.getByTestId("import-preview")).toContainText("Imported.");
  // Shown while it ran: first the check against what is here, then the two records written.
  const imported = await importProgress();
  expect(imported?.shown).toBe(true);
  for (const text of imported?.texts ?? [])
    expect(text).toMatch(
      /^(Checking the backup against your notes…|Importing: [0-2] of 2 records written(, about \d+ seconds? left)?)$/,
    );
  await expect(options.getByRole("progressbar", { name: "Import progress" })).toHaveCount(0);

  // A reload keeps the place; at a narrow width the navigation sits above it.
  await options.reload();
  await expect(exportButton).toBeVisible();
  await options.setViewportSize({ width: 600, height: 800 });
  const nav = await options.getByRole("navigation", { name: "Options" }).boundingBox();
  const place = await options.getByTestId("options-backup").boundingBox();
  expect(nav && place && nav.y + nav.height <= place.y).toBe(true);
  await showOptionsPlace(options, "People");
  await expect(options.getByTestId("person-Priya Raman")).toBeVisible();
});

test("a person's Markdown export calls a past 1:1 held and one still ahead planned", async ({
  openExtensionPage,
}) => {
  const options = await openExtensionPage("options.html");
  await seedDatabase(options, {
    people: [person("p1", "Priya Raman")],
    meetings: [
      meeting("past", "p1", dayAt(-7), { status: "planned", notes: "Talked about the offsite." }),
      meeting("ahead", "p1", dayAt(7), { status: "planned" }),
    ],
  });
  await options.reload();
  const downloading = options.waitForEvent("download");
  await options.getByTestId("person-Priya Raman").getByRole("button", { name: "Export as Markdown" }).click();
  const file = test.info().outputPath("priya.md");
  await (await downloading).saveAs(file);
  const md = readFileSync(file, "utf8");
  // Newest first: the one ahead, then last week's.
  expect(md.match(/ · (held|planned|skipped|cancelled)$/gm)).toEqual([" · planned", " · held"]);
  expect(md).toContain("Talked about the offsite.");
});

test("once the browser's policy is copied, Options offers sync without asking managed storage, whose first answer can take seconds", async ({
  context,
  extensionId,
}) => {
  await policyCopied(context, extensionId);
  // Managed storage that never answers, in every page from here on: what a page waited on for the
  // first seconds after the browser started.
  await context.addInitScript(() => {
    const { chrome } = globalThis as unknown as {
      chrome: { storage: { managed: { get: (...args: unknown[]) => Promise<unknown> } } };
    };
    const asked = globalThis as unknown as { managedAsked: number };
    asked.managedAsked = 0;
    chrome.storage.managed.get = () => {
      asked.managedAsked += 1;
      return new Promise(() => {});
    };
  });
  const options = await openSyncOptions(context, extensionId);
  await expect(options.getByRole("button", { name: "Turn on sync" })).toBeVisible();
  await expect(options.getByTestId("options-sync").getByLabel("OAuth client id")).toBeEditable();
  await options.reload();
  await expect(options.getByRole("button", { name: "Turn on sync" })).toBeVisible();
  expect(await options.evaluate(() => (globalThis as unknown as { managedAsked: number }).managedAsked)).toBe(
    0,
  );
});
