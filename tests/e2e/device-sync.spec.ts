import type { BrowserContext, Page } from "@playwright/test";
import { FakeDrive, googleError } from "../fixtures/drive/fake-drive";
import { FakeTokenEndpoint } from "../fixtures/google/fake-token-endpoint";
import { closeEvent, expectPrepFor, fixtureEvents, openEvent, openWeek, sidebar } from "./calendar";
import {
  answerGoogleSignIn,
  answerGoogleSignInWith,
  answerPermissionPrompt,
  recordSignInWindows,
} from "./consent";
import {
  CLIENT_ID,
  joinWith,
  openSyncOptions,
  serveDrive,
  startAsFirstComputer,
  state,
  turnOnSync,
  withAnotherComputer,
} from "./drive-sync";
import { expect, test } from "./extension";
import { exportTo, showOptionsPlace } from "./options-page";
import { dayAt, meeting, person, seedDatabase } from "./seed";

const PASSPHRASE = "Blue kettle at dawn, 1987";

type StorageArea = {
  get(key: string | null): Promise<Record<string, unknown>>;
  set(items: object): Promise<void>;
};
type Chrome = { chrome: { storage: { local: StorageArea; session: StorageArea } } };

/** The first computer, holding `seed`, once sync is on and everything is in Drive. */
async function syncedFirstComputer(
  laptop: BrowserContext,
  extensionId: string,
  drive: FakeDrive,
  seed: Parameters<typeof seedDatabase>[1],
) {
  await serveDrive(laptop, drive);
  const laptopOptions = await openSyncOptions(laptop, extensionId);
  await seedDatabase(laptopOptions, seed);
  await laptopOptions.reload();
  await startAsFirstComputer(laptopOptions, PASSPHRASE, 60_000);
  await expect(state(laptopOptions)).not.toContainText("waiting");
  return laptopOptions;
}

/** Every meeting the page's extension holds, read straight from its database. */
function meetingsIn(page: Page) {
  return page.evaluate(
    () =>
      new Promise<{ id: string; notes: string }[]>((resolve, reject) => {
        const open = indexedDB.open("one-on-one-prep");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction("meetings").objectStore("meetings").getAll();
          all.onsuccess = () => resolve(all.result as { id: string; notes: string }[]);
        };
      }),
  );
}
/** The manager writes `notes` in Priya's weekly 1:1 in Calendar, saved, and closes the event. */
async function writeNotes(calendar: Page, notes: string): Promise<Page> {
  await openWeek(calendar);
  await openEvent(calendar, fixtureEvents.priyaWeekly1);
  await sidebar(calendar)
    .getByRole("textbox", { name: /Notes for the 1:1/ })
    .fill(notes);
  await expect(sidebar(calendar).getByText("Saved", { exact: true })).toBeVisible();
  await closeEvent(calendar);
  return calendar;
}

/**
 * Sync now, until it has finished and nothing of this computer's is left to send. On a page of
 * its own: a "Sync finished." left from an earlier round must not stand for this one.
 */
async function syncNow(options: Page) {
  await options.reload();
  await options.getByRole("button", { name: "Sync now" }).click();
  await expect(options.getByText("Sync finished.")).toBeVisible({ timeout: 20_000 });
  await expect(state(options)).not.toContainText("waiting", { timeout: 20_000 });
}

/** A computer with `notes` written in Priya's 1:1, and an empty Drive it can reach. */
async function computerWithNotes(laptop: BrowserContext, notes: string) {
  const drive = new FakeDrive();
  await serveDrive(laptop, drive);
  return { drive, laptopCalendar: await writeNotes(await laptop.newPage(), notes) };
}

/** The first computer, once `notes` are written in Priya's 1:1 and everything is in Drive. */
async function firstComputerWithNotes(laptop: BrowserContext, extensionId: string, notes: string) {
  const { drive, laptopCalendar } = await computerWithNotes(laptop, notes);
  const laptopOptions = await openSyncOptions(laptop, extensionId);
  await startAsFirstComputer(laptopOptions, PASSPHRASE);
  await expect(state(laptopOptions)).not.toContainText("waiting", { timeout: 20_000 });
  return { drive, laptopCalendar, laptopOptions };
}

const LAPTOP_NOTES = "Priya wants to lead the payments migration. Überraschung für Jörg.";
const DESKTOP_NOTES = "Agreed: Priya runs the migration kickoff on Monday.";

/** Weekly 1:1s with two people, `weeks` of them, each with a line of notes. */
function weeklyOneOnOnes(weeks: number): Parameters<typeof seedDatabase>[1] {
  return {
    people: [person("priya", "Priya Raman"), person("jordan", "Jordan Lee")],
    meetings: Array.from({ length: weeks }, (_, i) =>
      meeting(`m${i}`, i % 2 ? "priya" : "jordan", dayAt(-7 * (i + 1)), {
        notes: `Week ${i}: ${LAPTOP_NOTES}`,
      }),
    ),
  };
}

/** A new computer joins and holds every one of `weeklyOneOnOnes(weeks)`, notes and all. */
async function restoresEveryWeek(drive: FakeDrive, extensionId: string, weeks: number) {
  await withAnotherComputer(drive, extensionId, async (desktopOptions) => {
    await joinWith(desktopOptions, PASSPHRASE, 60_000);
    const restored = (await meetingsIn(desktopOptions)).map((m) => `${m.id} ${m.notes}`);
    expect(restored.sort()).toEqual(
      Array.from({ length: weeks }, (_, i) => `m${i} Week ${i}: ${LAPTOP_NOTES}`).sort(),
    );
  });
}

test("notes written on one computer reach another through the manager's Drive, encrypted, and an edit comes back", async ({
  context: laptop,
  extensionId,
}) => {
  test.setTimeout(120_000);
  const drive = new FakeDrive();
  await serveDrive(laptop, drive);

  // The laptop has been used for a while before sync is turned on.
  const laptopCalendar = await openWeek(await laptop.newPage());
  await openEvent(laptopCalendar, fixtureEvents.priyaWeekly1);
  await expectPrepFor(laptopCalendar, "Priya Raman");
  await sidebar(laptopCalendar)
    .getByRole("textbox", { name: /Notes for the 1:1/ })
    .fill(LAPTOP_NOTES);
  await expect(sidebar(laptopCalendar).getByText("Saved", { exact: true })).toBeVisible();
  await closeEvent(laptopCalendar);

  const laptopOptions = await openSyncOptions(laptop, extensionId);
  await turnOnSync(laptopOptions);
  await laptopOptions.getByLabel("Sync passphrase", { exact: true }).fill(PASSPHRASE);
  await laptopOptions.getByLabel("Repeat the passphrase").fill(PASSPHRASE);
  await laptopOptions.getByRole("button", { name: "Start syncing" }).click();
  const recoveryKey = laptopOptions.getByTestId("recovery-key");
  await expect(recoveryKey).toBeVisible({ timeout: 20_000 });
  await laptopOptions.getByRole("button", { name: "I've saved it" }).click();
  await expect(recoveryKey).toHaveCount(0);
  await expect(state(laptopOptions)).toContainText("Synced", { timeout: 20_000 });

  // A second computer: another browser profile with nothing in it.
  await withAnotherComputer(drive, extensionId, async (desktopOptions, desktop) => {
    // The desktop had opened the same 1:1 before it joined: it holds an empty meeting of its own
    // for it, which meets the laptop's when they sync.
    const desktopCalendar = await openWeek(await desktop.newPage());
    await openEvent(desktopCalendar, fixtureEvents.priyaWeekly1);
    await expect(sidebar(desktopCalendar).getByRole("textbox", { name: /Notes for the 1:1/ })).toHaveValue(
      "",
    );
    await closeEvent(desktopCalendar);

    const passphrase = desktopOptions.getByLabel("Sync passphrase", { exact: true });
    await passphrase.fill("Blue kettle at dusk");
    await desktopOptions.getByRole("button", { name: "Start syncing" }).click();
    await expect(desktopOptions.getByRole("alert")).toContainText("passphrase", { timeout: 20_000 });
    // A wrong passphrase changes nothing: the field keeps what was typed, and nothing is synced.
    await expect(passphrase).toHaveValue("Blue kettle at dusk");
    await expect(state(desktopOptions)).toHaveCount(0);

    await passphrase.fill(PASSPHRASE);
    await desktopOptions.getByRole("button", { name: "Start syncing" }).click();
    await expect(state(desktopOptions)).toContainText("Synced", { timeout: 20_000 });

    await openWeek(desktopCalendar);
    await openEvent(desktopCalendar, fixtureEvents.priyaWeekly1);
    await expectPrepFor(desktopCalendar, "Priya Raman");
    const desktopNotes = sidebar(desktopCalendar).getByRole("textbox", { name: /Notes for the 1:1/ });
    await expect(desktopNotes).toHaveValue(LAPTOP_NOTES);
    await desktopNotes.fill(DESKTOP_NOTES);
    await expect(sidebar(desktopCalendar).getByText("Saved", { exact: true })).toBeVisible();
    await closeEvent(desktopCalendar);

    await syncNow(desktopOptions);
    await expect(state(desktopOptions)).toContainText("Synced");
    await syncNow(laptopOptions);
    await expect(state(laptopOptions)).toContainText("Synced");
    // Each computer sees the other in the shared list, named by browser and system only.
    for (const options of [laptopOptions, desktopOptions])
      await expect(options.getByRole("list", { name: "Computers syncing" }).getByRole("listitem")).toHaveText(
        ["Chrome · Linux (this computer)", "Chrome · Linux · active today"],
      );

    await laptopCalendar.reload();
    await openWeek(laptopCalendar);
    await openEvent(laptopCalendar, fixtureEvents.priyaWeekly1);
    await expect(sidebar(laptopCalendar).getByRole("textbox", { name: /Notes for the 1:1/ })).toHaveValue(
      DESKTOP_NOTES,
      { timeout: 10_000 },
    );
  });

  // Nothing readable ever left: not the notes, the name, the email nor the passphrase.
  const sent = drive.requests.map((r) => `${r.url} ${Buffer.from(r.body).toString("latin1")}`).join("\n");
  for (const secret of [
    "Priya",
    "priya",
    "migration",
    "Jörg",
    "J\u00c3\u00b6rg",
    "Blue kettle",
    "notes",
    "people",
    "Chrome \u00c2\u00b7 Linux",
  ])
    expect(sent).not.toContain(secret);
  expect(drive.requests.some((r) => r.method === "POST")).toBe(true);
});

test("two computers writing the same 1:1 apart both keep their text, an item removed on one goes from both, and a third computer restores exactly what they hold", async ({
  context: laptop,
  extensionId,
}, testInfo) => {
  test.setTimeout(180_000);
  const drive = new FakeDrive();
  await serveDrive(laptop, drive);
  const BEFORE = "Priya: conference budget, on-call rota.";
  const ON_LAPTOP = "Laptop: budget approved, rota moves to Kraków.";
  const ON_DESKTOP = "Desktop: Priya asks for a mentor, 四半期の目標.";
  const notesBox = (calendar: Page) => sidebar(calendar).getByRole("textbox", { name: /Notes for the 1:1/ });
  const theirItems = (calendar: Page) => sidebar(calendar).getByTestId("agenda-theirs").locator(".item-text");

  const laptopCalendar = await openWeek(await laptop.newPage());
  await openEvent(laptopCalendar, fixtureEvents.priyaWeekly1);
  await expectPrepFor(laptopCalendar, "Priya Raman");
  await notesBox(laptopCalendar).fill(BEFORE);
  const addTheirs = sidebar(laptopCalendar).getByRole("textbox", { name: "Add to Their items" });
  for (const item of ["Conference budget", "On-call rota"]) {
    await addTheirs.fill(item);
    await addTheirs.press("Enter");
  }
  await expect(theirItems(laptopCalendar)).toHaveText(["Conference budget", "On-call rota"]);
  await expect(sidebar(laptopCalendar).getByText("Saved", { exact: true })).toBeVisible();
  await closeEvent(laptopCalendar);
  const laptopOptions = await openSyncOptions(laptop, extensionId);
  await startAsFirstComputer(laptopOptions, PASSPHRASE);
  await expect(state(laptopOptions)).not.toContainText("waiting", { timeout: 20_000 });

  await withAnotherComputer(drive, extensionId, async (desktopOptions, desktop) => {
    await joinWith(desktopOptions, PASSPHRASE);
    const desktopCalendar = await openWeek(await desktop.newPage());
    await openEvent(desktopCalendar, fixtureEvents.priyaWeekly1);
    await expect(notesBox(desktopCalendar)).toHaveValue(BEFORE);
    await expect(theirItems(desktopCalendar)).toHaveText(["Conference budget", "On-call rota"]);

    // Apart: each computer writes over the same notes before it hears of the other's.
    await notesBox(desktopCalendar).fill(ON_DESKTOP);
    await expect(sidebar(desktopCalendar).getByText("Saved", { exact: true })).toBeVisible();
    await closeEvent(desktopCalendar);
    await openEvent(laptopCalendar, fixtureEvents.priyaWeekly1);
    await notesBox(laptopCalendar).fill(ON_LAPTOP);
    await sidebar(laptopCalendar).getByRole("button", { name: "Remove “On-call rota”" }).click();
    await expect(theirItems(laptopCalendar)).toHaveText(["Conference budget"]);
    await expect(sidebar(laptopCalendar).getByText("Saved", { exact: true })).toBeVisible();
    await closeEvent(laptopCalendar);

    for (const options of [laptopOptions, desktopOptions, laptopOptions, desktopOptions])
      await syncNow(options);

    // Both computers show the same notes, with the other text kept beside them, and the item gone.
    const shown: string[] = [];
    for (const calendar of [laptopCalendar, desktopCalendar]) {
      await calendar.reload();
      await openWeek(calendar);
      await openEvent(calendar, fixtureEvents.priyaWeekly1);
      await expectPrepFor(calendar, "Priya Raman");
      await expect(theirItems(calendar)).toHaveText(["Conference budget"]);
      const notes = await notesBox(calendar).inputValue();
      expect([ON_LAPTOP, ON_DESKTOP]).toContain(notes);
      await expect(sidebar(calendar).getByTestId("other-versions")).toContainText(
        notes === ON_LAPTOP ? ON_DESKTOP : ON_LAPTOP,
      );
      shown.push(notes);
      await closeEvent(calendar);
    }
    expect(shown[1]).toBe(shown[0]);

    // A third computer restores everything, and a backup of each of the three holds the same
    // notes and rows. Settings stay each computer's own: the address it read from its Calendar.
    await withAnotherComputer(drive, extensionId, async (thirdOptions) => {
      await joinWith(thirdOptions, PASSPHRASE);
      const rowsOf = (text: string) => JSON.stringify((JSON.parse(text) as { data: unknown }).data, null, 1);
      const backups = [];
      for (const [name, options] of [
        ["laptop", laptopOptions],
        ["desktop", desktopOptions],
        ["third", thirdOptions],
      ] as const) {
        await showOptionsPlace(options, "Backup and import");
        backups.push(rowsOf(await exportTo(options, testInfo.outputPath(`${name}.json`))));
      }
      expect(backups[0]).toContain(ON_LAPTOP);
      expect(backups[0]).toContain(ON_DESKTOP);
      expect(backups[0]).not.toContain("On-call rota");
      expect(backups[1]).toBe(backups[0]);
      expect(backups[2]).toBe(backups[0]);
    });
  });
});

test("with the OAuth client's secret, sync stays connected: an expired token is renewed with no sign-in window, and turning sync off gives the grant back", async ({
  context,
  extensionId,
  serviceWorker,
}) => {
  test.setTimeout(90_000);
  const SECRET = "GOCSPX-fakeSecretForTheFakeGoogle01";
  const drive = new FakeDrive();
  const google = new FakeTokenEndpoint(CLIENT_ID, SECRET, (token) => {
    drive.token = token;
  });
  await serveDrive(context, drive, google);
  const options = await openSyncOptions(context, extensionId);
  const section = options.locator("section", { has: options.getByRole("button", { name: "Turn on sync" }) });
  await section.getByLabel("OAuth client id").fill(CLIENT_ID);
  await section.getByLabel("OAuth client secret (optional)").fill(SECRET);
  await answerPermissionPrompt(options, true);
  await answerGoogleSignInWith(options, (url) => google.signInAnswer(url));
  await options.getByRole("button", { name: "Turn on sync" }).click();
  await options.getByLabel("Sync passphrase", { exact: true }).fill(PASSPHRASE);
  await options.getByLabel("Repeat the passphrase").fill(PASSPHRASE);
  await options.getByRole("button", { name: "Start syncing" }).click();
  await options.getByRole("button", { name: "I've saved it" }).click({ timeout: 20_000 });
  await expect(state(options)).toContainText("Synced", { timeout: 20_000 });
  // One sign-in, by code: exchanged once, with the verifier the sign-in was asked with.
  expect(google.exchanges).toHaveLength(1);
  expect(google.exchanges[0]?.get("code_verifier")).toMatch(/^[\w-]{43}$/);
  // Neither the secret nor the refresh token is in extension storage, which content scripts read.
  const storage = await serviceWorker.evaluate(async () =>
    JSON.stringify(await (globalThis as unknown as Chrome).chrome.storage.local.get(null)),
  );
  expect(storage).not.toContain(SECRET);
  expect(storage).not.toContain("refresh-");

  // An hour on, the token has run out and nobody is at the computer to sign in.
  await recordSignInWindows(serviceWorker);
  await serviceWorker.evaluate(async () => {
    const { session } = (globalThis as unknown as Chrome).chrome.storage;
    const { deviceSyncToken } = await session.get("deviceSyncToken");
    await session.set({ deviceSyncToken: { ...(deviceSyncToken as object), expiresAt: Date.now() - 1 } });
  });
  await writeNotes(await context.newPage(), LAPTOP_NOTES);
  // Waited for to its end: a state line read before the edit showed up there would pass at once.
  await syncNow(options);
  await expect(state(options)).toContainText("Synced");
  expect(google.renewals).toHaveLength(1);
  expect(
    await serviceWorker.evaluate(
      () => (globalThis as unknown as { __signInWindows: string[] }).__signInWindows,
    ),
  ).toEqual([]);
  // The note went up under the renewed token.
  const renewed = drive.token;
  expect(
    drive.requests.some((r) => r.method === "POST" && r.headers.get("authorization") === `Bearer ${renewed}`),
  ).toBe(true);

  await options.getByRole("button", { name: "Turn off sync" }).click();
  await expect(options.getByRole("button", { name: "Turn on sync" })).toBeVisible({ timeout: 10_000 });
  expect(google.revoked).toEqual([expect.stringMatching(/^refresh-/)]);
});

test("a synced copy removed from Drive deletes nothing here, and the manager can upload everything again", async ({
  context,
  extensionId,
}) => {
  const { drive, laptopCalendar: calendar } = await computerWithNotes(context, LAPTOP_NOTES);

  const options = await openSyncOptions(context, extensionId);
  await startAsFirstComputer(options, PASSPHRASE);

  // The app's data removed from Drive (Drive's "Manage apps", or another account).
  drive.files.clear();
  await options.getByRole("button", { name: "Sync now" }).click();
  await expect(state(options)).toContainText("Nothing here was deleted", { timeout: 20_000 });
  expect(drive.files.size).toBe(0);
  // The popup says so too, and shows the way to the settings where it is mended.
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(popup.getByTestId("popup-sync-state")).toContainText("Nothing here was deleted");
  await expect(popup.getByRole("button", { name: "Open sync settings" })).toBeVisible();
  await popup.close();
  await openEvent(calendar, fixtureEvents.priyaWeekly1);
  await expect(sidebar(calendar).getByRole("textbox", { name: /Notes for the 1:1/ })).toHaveValue(
    LAPTOP_NOTES,
  );

  await options.getByRole("button", { name: "Upload again" }).click();
  await expect(state(options)).toContainText("Synced", { timeout: 20_000 });
  const names = [...drive.files.values()].map((f) => f.name);
  expect(names).toContain("key");
  expect(names.some((name) => name.startsWith("b-"))).toBe(true);
});

test("a computer that turned sync off and on again takes in what the other wrote meanwhile, without undoing it", async ({
  context: laptop,
  extensionId,
}) => {
  test.setTimeout(120_000);
  const { drive, laptopCalendar, laptopOptions } = await firstComputerWithNotes(
    laptop,
    extensionId,
    DESKTOP_NOTES,
  );

  await withAnotherComputer(drive, extensionId, async (desktopOptions, desktop) => {
    await joinWith(desktopOptions, PASSPHRASE);
    await desktopOptions.getByRole("button", { name: "Turn off sync" }).click();
    await expect(desktopOptions.getByRole("button", { name: "Turn on sync" })).toBeVisible({
      timeout: 10_000,
    });

    // While the desktop is off, the laptop writes over the notes the desktop still holds.
    await writeNotes(laptopCalendar, LAPTOP_NOTES);
    await syncNow(laptopOptions);

    await turnOnSync(desktopOptions);
    await joinWith(desktopOptions, PASSPHRASE);
    await expect(state(desktopOptions)).not.toContainText("waiting", { timeout: 20_000 });
    await syncNow(laptopOptions);

    for (const calendar of [await openWeek(await desktop.newPage()), laptopCalendar]) {
      await calendar.reload();
      await openWeek(calendar);
      await openEvent(calendar, fixtureEvents.priyaWeekly1);
      await expectPrepFor(calendar, "Priya Raman");
      await expect(sidebar(calendar).getByRole("textbox", { name: /Notes for the 1:1/ })).toHaveValue(
        LAPTOP_NOTES,
      );
      // Not a clash: the desktop's copy was only older.
      await expect(sidebar(calendar).getByTestId("other-versions")).toHaveCount(0);
      await closeEvent(calendar);
    }
  });
});

test("a computer whose synced key was replaced on another asks for the new passphrase, refuses the old one, and goes on syncing", async ({
  context: laptop,
  extensionId,
}) => {
  test.setTimeout(120_000);
  const NEW_PASSPHRASE = "Green teapot at noon, 2026";
  const { drive, laptopOptions } = await firstComputerWithNotes(laptop, extensionId, LAPTOP_NOTES);

  // The desktop deletes the synced copy and starts it afresh under a passphrase of its own.
  await withAnotherComputer(drive, extensionId, async (desktopOptions) => {
    await joinWith(desktopOptions, PASSPHRASE);
    await desktopOptions.getByRole("button", { name: "Delete synced copy" }).click();
    await desktopOptions
      .getByRole("alertdialog")
      .getByRole("button", { name: "Delete the synced copy" })
      .click();
    await expect(desktopOptions.getByRole("button", { name: "Turn on sync" })).toBeVisible({
      timeout: 20_000,
    });
    await startAsFirstComputer(desktopOptions, NEW_PASSPHRASE);
  });

  await laptopOptions.reload();
  await laptopOptions.getByRole("button", { name: "Sync now" }).click();
  await expect(state(laptopOptions)).toContainText("locked with another passphrase", { timeout: 20_000 });
  // Nothing says it finished, and the passphrase here can't be changed until the new one is in.
  await expect(laptopOptions.getByText("Sync finished.")).toHaveCount(0);
  await expect(laptopOptions.getByRole("button", { name: "Change passphrase" })).toHaveCount(0);
  const inDrive = () => [...drive.files.values()].map((f) => `${f.name}@${f.version}`).sort();
  const before = inDrive();

  // The old passphrase no longer opens anything: refused, and nothing changes, here or in Drive.
  const passphrase = laptopOptions.getByLabel("Sync passphrase", { exact: true });
  await passphrase.fill(PASSPHRASE);
  await laptopOptions.getByRole("button", { name: "Go on syncing" }).click();
  await expect(laptopOptions.getByText("This passphrase doesn't open your synced notes")).toBeVisible({
    timeout: 20_000,
  });
  await expect(passphrase).toHaveValue(PASSPHRASE);
  expect(inDrive()).toEqual(before);

  await passphrase.fill(NEW_PASSPHRASE);
  await laptopOptions.getByRole("button", { name: "Go on syncing" }).click();
  await expect(state(laptopOptions)).toContainText("Synced", { timeout: 20_000 });
  await expect(state(laptopOptions)).not.toContainText("locked with another passphrase");
  await expect(state(laptopOptions)).not.toContainText("waiting", { timeout: 20_000 });
  await expect(laptopOptions.getByLabel("Sync passphrase", { exact: true })).toHaveCount(0);
  await expect(laptopOptions.getByRole("button", { name: "Change passphrase" })).toBeVisible();
});

test("a first sync Drive throttles resumes where it stopped with nothing sent twice, and Delete synced copy empties Drive but keeps every note", async ({
  context,
  extensionId,
}) => {
  const { drive, laptopCalendar: calendar } = await computerWithNotes(context, LAPTOP_NOTES);

  // The first upload of notes is refused: Drive's rate limit, as a large first sync can meet.
  let refused = 0;
  drive.failNext(
    () => {
      refused += 1;
      return googleError(429, "rateLimitExceeded", { "retry-after": "0" });
    },
    (r) => r.method === "POST" && /"name":\s*"[bs]-/.test(Buffer.from(r.body).toString("latin1")),
  );
  const options = await openSyncOptions(context, extensionId);
  await turnOnSync(options);
  await options.getByLabel("Sync passphrase", { exact: true }).fill(PASSPHRASE);
  await options.getByLabel("Repeat the passphrase").fill(PASSPHRASE);
  await options.getByRole("button", { name: "Start syncing" }).click();
  await options.getByRole("button", { name: "I've saved it" }).click({ timeout: 20_000 });
  await expect.poll(() => refused, { timeout: 20_000 }).toBe(1);

  // Sync backs off and goes on by itself: the notes reach Drive, and no file is there twice.
  const names = () => [...drive.files.values()].map((file) => file.name);
  await expect.poll(() => names().some((name) => /^[bs]-/.test(name)), { timeout: 30_000 }).toBe(true);
  await expect(state(options)).toContainText("Synced", { timeout: 20_000 });
  await expect(state(options)).not.toContainText("waiting", { timeout: 20_000 });
  expect(new Set(names()).size).toBe(names().length);
  // The popup says so too.
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(popup.getByTestId("popup-sync-state")).toContainText("Synced");
  await popup.close();

  // Delete synced copy: Drive's folder is emptied, sync is off, and every note stays here.
  await options.getByRole("button", { name: "Delete synced copy" }).click();
  await options.getByRole("alertdialog").getByRole("button", { name: "Delete the synced copy" }).click();
  await expect(options.getByText("The synced copy is deleted, and sync is off here.")).toBeVisible({
    timeout: 20_000,
  });
  expect(drive.files.size).toBe(0);
  await expect(options.getByRole("button", { name: "Turn on sync" })).toBeVisible();
  await openEvent(calendar, fixtureEvents.priyaWeekly1);
  await expect(sidebar(calendar).getByRole("textbox", { name: /Notes for the 1:1/ })).toHaveValue(
    LAPTOP_NOTES,
  );
});

test("a new passphrase set on one computer: the other keeps syncing without it, and a computer added later needs it", async ({
  context: laptop,
  extensionId,
}) => {
  test.setTimeout(150_000);
  const NEW_PASSPHRASE = "Seven quiet herons, fjällräven";
  const drive = new FakeDrive();
  await serveDrive(laptop, drive);
  const laptopOptions = await openSyncOptions(laptop, extensionId);
  await startAsFirstComputer(laptopOptions, PASSPHRASE);

  await withAnotherComputer(drive, extensionId, async (desktopOptions, desktop) => {
    await joinWith(desktopOptions, PASSPHRASE);

    const [keyBefore] = drive.byName("key");
    // A copy: the fake Drive replaces a file's contents on the same record.
    const keyBytesBefore = new Uint8Array(keyBefore?.bytes ?? []);
    const dataFilesBefore = [...drive.files.values()].filter((f) => f.name !== "key").map((f) => f.name);

    // A mistyped current passphrase changes nothing and keeps what was typed.
    await laptopOptions.getByRole("button", { name: "Change passphrase" }).click();
    const change = laptopOptions.getByRole("form", { name: "A new sync passphrase" });
    await change.getByLabel("Current passphrase").fill("Blue kettle at dusk");
    await change.getByLabel("New passphrase").fill(NEW_PASSPHRASE);
    await change.getByLabel("Repeat the passphrase").fill(NEW_PASSPHRASE);
    await change.getByRole("button", { name: "Change passphrase" }).click();
    await expect(laptopOptions.getByRole("alert")).toContainText("doesn't open your synced notes", {
      timeout: 20_000,
    });
    await expect(change.getByLabel("New passphrase")).toHaveValue(NEW_PASSPHRASE);
    expect(drive.byName("key")[0]?.bytes).toEqual(keyBytesBefore);

    await change.getByLabel("Current passphrase").fill(PASSPHRASE);
    await change.getByRole("button", { name: "Change passphrase" }).click();
    await expect(laptopOptions.getByRole("status").filter({ hasText: "Passphrase changed" })).toBeVisible({
      timeout: 20_000,
    });
    await expect(change).toHaveCount(0);
    // The same key file, wrapped again; no note was encrypted or uploaded again.
    const [keyAfter] = drive.byName("key");
    expect(keyAfter?.id).toBe(keyBefore?.id);
    expect(keyAfter?.bytes).not.toEqual(keyBytesBefore);
    expect([...drive.files.values()].filter((f) => f.name !== "key").map((f) => f.name)).toEqual(
      dataFilesBefore,
    );

    // Notes written on the laptop after the change still reach the desktop, untouched by it.
    await writeNotes(await laptop.newPage(), LAPTOP_NOTES);
    await syncNow(laptopOptions);
    await syncNow(desktopOptions);
    await expect(state(desktopOptions)).toContainText("Synced");
    const desktopCalendar = await openWeek(await desktop.newPage());
    await openEvent(desktopCalendar, fixtureEvents.priyaWeekly1);
    await expect(sidebar(desktopCalendar).getByRole("textbox", { name: /Notes for the 1:1/ })).toHaveValue(
      LAPTOP_NOTES,
      { timeout: 10_000 },
    );

    // The synced copy removed from Drive: the desktop, which never typed the new passphrase, puts
    // its key back wrapped under the new one, not the one it joined with.
    drive.files.clear();
    await desktopOptions.getByRole("button", { name: "Sync now" }).click();
    await expect(state(desktopOptions)).toContainText("Nothing here was deleted", { timeout: 20_000 });
    await desktopOptions.getByRole("button", { name: "Upload again" }).click();
    await expect(state(desktopOptions)).toContainText("Synced", { timeout: 20_000 });

    // Turned off and on again, the desktop is a computer added now: the old passphrase is refused.
    await desktopOptions.getByRole("button", { name: "Turn off sync" }).click();
    // Turning off gives Drive up to 5 s to take this computer off the list before it goes on.
    await expect(desktopOptions.getByRole("button", { name: "Turn on sync" })).toBeVisible({
      timeout: 10_000,
    });
    await turnOnSync(desktopOptions);
    const passphrase = desktopOptions.getByLabel("Sync passphrase", { exact: true });
    await passphrase.fill(PASSPHRASE);
    await desktopOptions.getByRole("button", { name: "Start syncing" }).click();
    await expect(desktopOptions.getByRole("alert")).toContainText("passphrase", { timeout: 20_000 });
    await passphrase.fill(NEW_PASSPHRASE);
    await desktopOptions.getByRole("button", { name: "Start syncing" }).click();
    await expect(state(desktopOptions)).toContainText("Synced", { timeout: 20_000 });
  });
});

test("years of notes too large for one Drive request go up as a resumable upload and come back whole on another computer", async ({
  context: laptop,
  extensionId,
}) => {
  test.setTimeout(150_000);
  const drive = new FakeDrive();
  // Forty long meetings' notes: more than the 4 MB sent with their metadata in one request.
  const notes = (i: number) => `Meeting ${i}: ${"Roadmap, hiring, the migration. ".repeat(3300)}`;
  await syncedFirstComputer(laptop, extensionId, drive, {
    people: [person("priya", "Priya Raman")],
    meetings: Array.from({ length: 40 }, (_, i) =>
      meeting(`m${i}`, "priya", dayAt(-7 * (i + 1)), { notes: notes(i) }),
    ),
  });
  const resumable = drive.requests.filter((r) => r.url.searchParams.get("uploadType") === "resumable");
  expect(resumable.map((r) => r.method)).toEqual(["POST", "PUT"]);
  expect(resumable[1]?.body.length).toBeGreaterThan(4 * 1024 * 1024);

  await withAnotherComputer(drive, extensionId, async (desktopOptions) => {
    await joinWith(desktopOptions, PASSPHRASE, 60_000);
    const restored = (await meetingsIn(desktopOptions)).map((m) => m.notes);
    expect(restored.sort()).toEqual(Array.from({ length: 40 }, (_, i) => notes(i)).sort());
  });
});

test("a first upload of years of 1:1s goes to Drive as one snapshot, not batch after batch, and another computer restores every one", async ({
  context: laptop,
  extensionId,
}) => {
  test.setTimeout(150_000);
  const drive = new FakeDrive();
  // Forty years of weekly 1:1s with two people: more versions than one batch holds.
  const weeks = 2100;
  await syncedFirstComputer(laptop, extensionId, drive, weeklyOneOnOnes(weeks));
  const uploaded = [...drive.files.values()]
    .map((file) => file.name)
    .filter((name) => name !== "key" && name !== "devices");
  expect(uploaded).toHaveLength(1);
  expect(uploaded[0]).toMatch(/^s-[a-z0-9]+-0*1$/);

  await restoresEveryWeek(drive, extensionId, weeks);
});

test("a first sync cut off by the browser stopping the extension's worker goes on when the worker wakes, with nothing sent twice", async ({
  context: laptop,
  extensionId,
}) => {
  test.setTimeout(150_000);
  const drive = new FakeDrive();
  await serveDrive(laptop, drive);
  const options = await openSyncOptions(laptop, extensionId);
  // Years of 1:1s: a first upload that goes as one snapshot.
  const weeks = 2100;
  await seedDatabase(options, weeklyOneOnOnes(weeks));
  await options.reload();

  // The browser stops an extension's worker when it likes (idle, memory, an update). Here it
  // happens while the first snapshot is on its way: Drive has stored it, but the answer is lost.
  // Chromium's own page for service workers stops it as the browser would.
  const workers = await laptop.newPage();
  await workers.goto("chrome://serviceworker-internals/");
  const ours = workers.locator(".serviceworker-registration", { hasText: extensionId });
  let cutOff = 0;
  await laptop.route("https://www.googleapis.com/upload/**", async (route) => {
    const request = route.request();
    const body = request.postDataBuffer();
    if (cutOff > 0 || request.method() !== "POST" || !body || !/"name":\s*"s-/.test(body.toString("latin1")))
      return route.fallback();
    cutOff += 1;
    await drive.fetch(request.url(), {
      method: "POST",
      headers: request.headers(),
      body: new Uint8Array(body),
    });
    await ours.getByRole("button", { name: "Stop" }).first().click();
    await expect(ours).toContainText("Running Status: STOPPED");
    await route.abort().catch(() => {});
  });
  await turnOnSync(options);
  await options.getByLabel("Sync passphrase", { exact: true }).fill(PASSPHRASE);
  await options.getByLabel("Repeat the passphrase").fill(PASSPHRASE);
  await options.getByRole("button", { name: "Start syncing" }).click();
  await options.getByRole("button", { name: "I've saved it" }).click({ timeout: 20_000 });
  await expect.poll(() => cutOff, { timeout: 30_000 }).toBe(1);
  await expect(ours).toContainText("Running Status: STOPPED");
  const snapshots = () => [...drive.files.values()].filter((file) => /^s-/.test(file.name));
  expect(snapshots()).toHaveLength(1);
  const snapshotPosts = () =>
    drive.requests.filter(
      (r) => r.method === "POST" && /"name":\s*"s-/.test(Buffer.from(r.body).toString("latin1")),
    ).length;
  expect(snapshotPosts()).toBe(1);

  // Anything the extension does wakes its worker: here the manager opens the popup.
  const popup = await laptop.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(popup.getByTestId("popup-sync-state")).toContainText("Synced", { timeout: 30_000 });
  await expect(popup.getByTestId("popup-sync-state")).not.toContainText("waiting");
  await popup.close();
  const names = [...drive.files.values()].map((file) => file.name);
  expect(new Set(names).size).toBe(names.length);
  // The woken worker sent the snapshot again under the id it had kept, and Drive said it has it.
  expect(snapshotPosts()).toBe(2);
  expect(snapshots()).toHaveLength(1);
  expect(names.filter((name) => /^b-/.test(name))).toEqual([]);

  await restoresEveryWeek(drive, extensionId, weeks);
});

test("out of reach of Drive, sync says it is offline with the changes waiting and sends them once back; a token Google refuses pauses it until the manager reconnects", async ({
  context: laptop,
  extensionId,
}) => {
  test.setTimeout(120_000);
  const { drive, laptopCalendar, laptopOptions } = await firstComputerWithNotes(
    laptop,
    extensionId,
    LAPTOP_NOTES,
  );
  const popupSays = async (line: string | RegExp) => {
    const popup = await laptop.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    await expect(popup.getByTestId("popup-sync-state")).toHaveText(line);
    await popup.close();
  };
  const sentFiles = () => [...drive.files.values()].filter((file) => /^[bs]-/.test(file.name)).length;
  /** "Sync now" runs into trouble: `line` says what, in Options and the popup; nothing went up. */
  const syncNowStopsAt = async (line: string, sent: number) => {
    await laptopOptions.reload();
    await laptopOptions.getByRole("button", { name: "Sync now" }).click();
    await expect(state(laptopOptions)).toHaveText(line, { timeout: 20_000 });
    // Nothing claims the sync went through.
    await expect(laptopOptions.getByText("Sync finished.")).toHaveCount(0);
    await popupSays(line);
    expect(sentFiles()).toBe(sent);
  };
  /** The run got through: said so, nothing left waiting, `sent` files of changes in Drive. */
  const finishedWith = async (sent: number) => {
    await expect(laptopOptions.getByText("Sync finished.")).toBeVisible({ timeout: 20_000 });
    await expect(state(laptopOptions)).toContainText("Synced");
    await expect(state(laptopOptions)).not.toContainText("waiting");
    expect(sentFiles()).toBe(sent);
    await popupSays(/^Synced/);
  };

  // The network drops: every request to Google fails as it does with no connection.
  let offline = true;
  await laptop.route(/^https:\/\/www\.googleapis\.com\//, (route) =>
    offline ? route.abort("internetdisconnected") : route.fallback(),
  );
  await writeNotes(laptopCalendar, DESKTOP_NOTES);
  const sentBefore = sentFiles();
  await syncNowStopsAt("Offline, will try again. 1 change waiting", sentBefore);

  // Back online: the waiting change goes up.
  offline = false;
  await laptopOptions.getByRole("button", { name: "Sync now" }).click();
  await finishedWith(sentBefore + 1);

  // Google stops taking the token (the manager signed out, or revoked access): sync pauses and
  // keeps the change queued until Google is reconnected.
  drive.token = "token-2";
  await writeNotes(laptopCalendar, `${DESKTOP_NOTES} Then the budget.`);
  await syncNowStopsAt("Paused: reconnect Google. 1 change waiting", sentBefore + 1);
  // The popup shows the way to where it is mended.
  const popup = await laptop.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  const opened = laptop.waitForEvent("page");
  await popup.getByRole("button", { name: "Reconnect in options" }).click();
  const syncSettings = await opened;
  await expect(syncSettings).toHaveURL(/\/options\.html#sync$/);
  await expect(syncSettings.getByRole("button", { name: "Reconnect Google" })).toBeVisible();
  await syncSettings.close();
  await popup.close();

  await answerPermissionPrompt(laptopOptions, true);
  await answerGoogleSignIn(laptopOptions, "token-2");
  await laptopOptions.getByRole("button", { name: "Reconnect Google" }).click();
  await finishedWith(sentBefore + 2);
});
