import { writeFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { selfEmail } from "../fixtures/calendar/events";
import { type PageEvent, renderWeekPage, weekUrl } from "../fixtures/calendar/render";
import { closeEvent, expectPrepFor, openFixtureEvent, openWeek } from "./calendar";
import { expect, test } from "./extension";
import { exportTo, showOptionsPlace } from "./options-page";
import { dayAt, meeting, person, seedDatabase } from "./seed";

const sam = { email: selfEmail, name: "Sam Lee", organizer: true };

/** Every row of the database, as an extension page reads it. */
async function allRows(page: Page): Promise<Record<string, unknown[]>> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open("one-on-one-prep");
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const tables = [
      "people",
      "meetings",
      "agendaItems",
      "actionItems",
      "feedback",
      "growthPlans",
      "questionsAsked",
    ];
    const out: Record<string, unknown[]> = {};
    for (const table of tables) {
      out[table] = await new Promise<unknown[]>((resolve) => {
        const r = db.transaction(table).objectStore(table).getAll();
        r.onsuccess = () => resolve(r.result);
      });
    }
    db.close();
    return out;
  });
}

test("addresses with accents, IDN domains, look-alike letters and zero-width characters are kept, flagged, and their backup imports back identically", async ({
  context,
  serveCalendar,
  openExtensionPage,
}, testInfo) => {
  const guests: [string, { email: string; name: string }][] = [
    ["jose", { email: "JO\u200BSÉ@Exämple.com", name: "José Núñez" }],
    ["ivan", { email: "ivan@example.com", name: "Ivan Petrov" }],
    // Cyrillic "і" in place of the Latin "i": another address that reads the same
    ["ivan2", { email: "\u0456van@example.com", name: "Іван Петров" }],
    ["li", { email: "li.lei@例え.jp", name: "李雷" }],
  ];
  const events: PageEvent[] = guests.map(([key, guest], i) => ({
    key,
    title: `1:1 ${guest.name}`,
    eventId: `addr${i}q7w2e9r4t1y6u3i8o5p0`,
    date: "2026-10-14",
    start: `${10 + i}:00`,
    end: `${10 + i}:30`,
    when: `Wednesday, October 14, 2026 ⋅ ${10 + i}:00 – ${10 + i}:30am`,
    guests: [sam, guest],
  }));
  await serveCalendar(renderWeekPage());
  const page = await openWeek(await context.newPage(), weekUrl(events));
  for (const [key, guest] of guests) {
    await openFixtureEvent(page, key);
    await expectPrepFor(page, guest.name);
    await closeEvent(page);
  }

  const options = await openExtensionPage("options.html");
  await expect(options.getByTestId("person-José Núñez")).toContainText("josé@exämple.com");
  await expect(options.getByTestId("person-李雷")).toContainText("li.lei@例え.jp");
  await expect(options.getByTestId("person-Іван Петров").getByTestId("look-alike")).toHaveText(
    /Looks like Ivan Petrov \(ivan@example\.com\)/,
  );
  await expect(options.getByTestId("person-Ivan Petrov").getByTestId("look-alike")).toHaveText(
    /Looks like Іван Петров/,
  );

  const before = await allRows(options);
  await showOptionsPlace(options, "Backup and import");
  const first = await exportTo(options, testInfo.outputPath("first.json"));
  expect(first).toContain("josé@exämple.com");

  await options.getByLabel(/Type .delete everything. to confirm/).fill("delete everything");
  await options.getByRole("button", { name: "Delete everything" }).click();
  await expect(options.getByText("Everything was deleted.")).toBeVisible();

  await options.getByLabel("Import a backup").setInputFiles(testInfo.outputPath("first.json"));
  const preview = options.getByTestId("import-preview");
  await expect(preview.getByRole("row", { name: /^People/ }).getByRole("cell")).toHaveText(["4", "0", "0"]);
  await preview.getByRole("button", { name: "Import" }).click();
  await expect(preview).toContainText("Imported.");
  expect(await allRows(options)).toEqual(before);
  const second = await exportTo(options, testInfo.outputPath("second.json"));
  const withoutTime = (text: string) => text.replace(/"exportedAt": "[^"]+"/, "");
  expect(withoutTime(second)).toBe(withoutTime(first));
});

test("importing over existing data lists what differs, newest first, side by side, and never overwrites newer notes unasked", async ({
  openExtensionPage,
}, testInfo) => {
  const options = await openExtensionPage("options.html#backup");
  await seedDatabase(options, {
    people: [person("priya", "Priya Raman")],
    meetings: [
      meeting("m1", "priya", dayAt(-14), { notes: "Offsite budget is stuck.", updatedAt: dayAt(-14, 11) }),
      meeting("m2", "priya", dayAt(-7), { notes: "Wants the API review.", updatedAt: dayAt(-7, 11) }),
    ],
  });
  await options.reload();
  const file = testInfo.outputPath("backup.json");
  const backup = JSON.parse(await exportTo(options, file));

  // Since the backup: notes written here for the first meeting; the backup's copy of the second
  // changed elsewhere.
  await seedDatabase(options, {
    meetings: [
      meeting("m1", "priya", dayAt(-14), {
        notes: "Offsite budget is stuck. Finance approved it today.",
        updatedAt: dayAt(-1),
      }),
      meeting("m2", "priya", dayAt(-7), { notes: "Wants the API review.", updatedAt: dayAt(-7, 11) }),
    ],
  });
  const m2 = backup.data.meetings.find((m: { id: string }) => m.id === "m2");
  m2.notes = "Wants the API review, and to mentor Alex.";
  m2.updatedAt = dayAt(-2);
  writeFileSync(file, JSON.stringify(backup));

  await options.reload();
  await options.getByLabel("Import a backup").setInputFiles(file);
  const preview = options.getByTestId("import-preview");
  await expect(preview.getByRole("row", { name: /^Meetings/ }).getByRole("cell")).toHaveText(["0", "2", "0"]);
  const differences = preview.getByTestId("import-difference");
  await expect(differences).toHaveCount(2);
  // Newest first: this computer's edit of the first meeting, a day ago.
  await expect(differences.nth(0)).toContainText("Priya Raman");
  await expect(differences.nth(0).locator("figure").nth(0)).toContainText("Finance approved it today.");
  await expect(differences.nth(0).locator("figure").nth(1)).toContainText("Offsite budget is stuck.");
  await expect(differences.nth(1).locator("figure").nth(1)).toContainText("and to mentor Alex.");
  for (const i of [0, 1])
    await expect(differences.nth(i).getByRole("radio", { name: "Keep both (suggested)" })).toBeChecked();
  await differences.nth(1).getByRole("radio", { name: "Take the backup's" }).check();
  await preview.getByRole("button", { name: "Import" }).click();
  await expect(preview).toContainText(
    "Imported. Of the records that differed, it took the backup's in 1, kept both in 1.",
  );

  const meetings = new Map(
    (
      (await allRows(options)).meetings as { id: string; notes: string; otherVersions?: { text: string }[] }[]
    ).map((m) => [m.id, m]),
  );
  expect(meetings.get("m1")?.notes).toBe("Offsite budget is stuck. Finance approved it today.");
  expect(meetings.get("m1")?.otherVersions?.map((v) => v.text)).toEqual(["Offsite budget is stuck."]);
  expect(meetings.get("m2")?.notes).toBe("Wants the API review, and to mentor Alex.");
});

test("with Deutsch picked, the import preview names what differs in German: the meeting, its notes, and a field", async ({
  openExtensionPage,
}, testInfo) => {
  const options = await openExtensionPage("options.html#settings");
  await options.getByLabel("Language").selectOption({ label: "Deutsch" });
  await expect(options.getByLabel("Sprache")).toHaveValue("de");
  await seedDatabase(options, {
    people: [person("priya", "Priya Raman")],
    meetings: [meeting("m1", "priya", Date.UTC(2026, 10, 3, 10), { notes: "Budget steht fest." })],
  });
  await options.goto(options.url().replace(/#.*$/, "#backup"));
  await options.reload();
  const file = testInfo.outputPath("backup.json");
  const backup = JSON.parse(await exportTo(options, file, "Alles exportieren (JSON)"));
  backup.data.meetings[0].notes = "Budget steht fest. Offsite im Mai.";
  backup.data.meetings[0].happiness = 8;
  writeFileSync(file, JSON.stringify(backup));

  await options.getByLabel("Sicherung importieren").setInputFiles(file);
  const difference = options.getByTestId("import-preview").getByTestId("import-difference");
  await expect(difference).toContainText("1:1 am 03.11.2026");
  await expect(difference).toContainText("außerdem abweichend: Zufriedenheit");
  await expect(difference.locator("figcaption").first()).toHaveText("Notizen: Ihre Fassung");
  await expect(difference.locator("figcaption").nth(1)).toHaveText("Notizen: Fassung der Sicherung");
});

test("a backup holding a date no calendar can show is refused with the field named, and nothing changes", async ({
  openExtensionPage,
}, testInfo) => {
  const options = await openExtensionPage("options.html#backup");
  await seedDatabase(options, {
    people: [person("priya", "Priya Raman")],
    meetings: [meeting("m1", "priya", dayAt(-7), { notes: "Kept as it is." })],
  });
  await options.reload();
  const file = testInfo.outputPath("backup.json");
  const backup = JSON.parse(await exportTo(options, file));
  backup.data.meetings[0].startsAt = 8.64e15 + 1;
  writeFileSync(file, JSON.stringify(backup));
  const before = await allRows(options);
  await options.getByLabel("Import a backup").setInputFiles(file);
  await expect(options.getByRole("alert")).toHaveText(
    "This backup can't be imported. The problem is at meetings[0].startsAt: not a date between 1970 and 2200.",
  );
  await expect(options.getByTestId("import-preview")).toHaveCount(0);
  expect(await allRows(options)).toEqual(before);
  // The views that show dates still show them.
  const stats = await openExtensionPage("popup.html#stats");
  await expect(stats.getByTestId("cadence-Priya Raman")).toBeVisible();
});

test("with Deutsch picked, a refused backup and a refused name are said in German, and nothing changes", async ({
  openExtensionPage,
}, testInfo) => {
  const options = await openExtensionPage("options.html#settings");
  await options.getByLabel("Language").selectOption({ label: "Deutsch" });
  await expect(options.getByLabel("Sprache")).toHaveValue("de");
  await seedDatabase(options, {
    people: [person("priya", "Priya Raman")],
    meetings: [meeting("m1", "priya", dayAt(-7), { notes: "Bleibt, wie es ist." })],
  });
  await options.goto(options.url().replace(/#.*$/, "#backup"));
  await options.reload();
  const file = testInfo.outputPath("backup.json");
  const backup = JSON.parse(await exportTo(options, file, "Alles exportieren (JSON)"));
  backup.data.meetings[0].startsAt = 8.64e15 + 1;
  writeFileSync(file, JSON.stringify(backup));
  const before = await allRows(options);
  await options.getByLabel("Sicherung importieren").setInputFiles(file);
  await expect(options.getByRole("alert")).toHaveText(
    "Diese Sicherung kann nicht importiert werden. Das Problem liegt bei meetings[0].startsAt: kein Datum zwischen 1970 und 2200.",
  );
  expect(await allRows(options)).toEqual(before);

  await options.goto(options.url().replace(/#.*$/, "#people"));
  const name = options.getByLabel("Name von Priya Raman");
  await name.fill("   ");
  await name.blur();
  await expect(options.getByRole("alert")).toHaveText("Ein Name darf nicht leer sein.");
  expect(await allRows(options)).toEqual(before);
});
