import type { Browser, ElementHandle, Frame, Page } from "puppeteer-core";
import { type DriveServer, serveDriveLocally } from "../fixtures/drive/drive-server";
import { FakeDrive } from "../fixtures/drive/fake-drive";
import { FakeTokenEndpoint } from "../fixtures/google/fake-token-endpoint";
import {
  button,
  closeEvent,
  eventually,
  expect,
  launchFirefox,
  notesIn,
  openCalendarIn,
  openEvent,
  openExtensionTab,
  prepFor,
  test,
} from "./firefox";

const CLIENT_ID = "1234-abc.apps.googleusercontent.com";
const PASSPHRASE = "Blue kettle at dawn, 1987";
const LAPTOP_NOTES = "Priya wants to lead the payments migration. Überraschung für Jörg.";
const DESKTOP_NOTES = "Agreed: Priya runs the migration kickoff on Monday.";
const JORDAN_NOTES = "Jordan asked about the on-call rota.";

/**
 * The browser's consent screens, which a headless Firefox can't click through: the optional
 * permission prompt grants, and Google's sign-in window hands back `token` at once, or with
 * `"code"` answers a code flow's sign-in by asking the fake Google served beside the fake Drive.
 * Everything after them, Drive included, is the extension's own code over real HTTPS.
 */
async function answerConsent(options: Page, token: string) {
  await options.evaluate((accessToken) => {
    const api = (globalThis as unknown as { browser: Record<string, object> }).browser;
    const permissions = api.permissions as Record<string, unknown>;
    Object.defineProperty(api, "permissions", {
      configurable: true,
      value: new Proxy(permissions, {
        get: (target, name) =>
          name === "request" || name === "remove" ? async () => true : Reflect.get(target, name),
      }),
    });
    Object.defineProperty(api, "identity", {
      configurable: true,
      value: {
        getRedirectURL: () => "https://prep.extensions.allizom.org/",
        launchWebAuthFlow: async ({ url }: { url: string }) => {
          if (accessToken === "code")
            return (
              await fetch("https://oauth2.googleapis.com/test-sign-in", {
                method: "POST",
                body: new URLSearchParams({ url }),
              })
            ).text();
          // Google grants what the sign-in asked for, and lists it.
          const asked = new URL(url).searchParams;
          const state = asked.get("state") ?? "";
          const scope = encodeURIComponent(asked.get("scope") ?? "");
          return `https://prep.extensions.allizom.org/#access_token=${accessToken}&token_type=Bearer&expires_in=3600&scope=${scope}&state=${state}`;
        },
      },
    });
  }, token);
}

/** The sync state line in Options, once it says `text`. */
async function stateSays(options: Page, text: string, timeout = 30_000) {
  await options.waitForFunction(
    (wanted) => document.querySelector('[data-testid="device-sync-state"]')?.textContent?.includes(wanted),
    { timeout },
    text,
  );
}

/** A field of Options' sync section by its label (the Calendar section has its own client id). */
async function syncField(options: Page, label: string): Promise<ElementHandle<HTMLInputElement>> {
  const handle = await options.waitForFunction(
    (wanted) => {
      const section = [...document.querySelectorAll("section")].find((s) =>
        s.querySelector("h2")?.textContent?.startsWith("Sync across devices"),
      );
      const found = [...(section?.querySelectorAll("label") ?? [])].find(
        (l) => l.textContent?.trim().startsWith(wanted) && l.htmlFor,
      );
      return found ? document.getElementById(found.htmlFor) : null;
    },
    {},
    label,
  );
  return handle as unknown as ElementHandle<HTMLInputElement>;
}

/** Options on its sync section, in a tab of its own, Google connected. */
async function syncOptions(firefox: Browser, from: Frame): Promise<Page> {
  const options = await openExtensionTab(firefox, from, "options.html#sync");
  await (await syncField(options, "OAuth client id")).type(CLIENT_ID);
  await answerConsent(options, "token-1");
  await (await button(options, "Turn on sync")).click();
  return options;
}

let server: DriveServer | undefined;
const browsers: Browser[] = [];
test.afterEach(async () => {
  await Promise.all(browsers.splice(0).map((b) => b.close()));
  await server?.close();
  server = undefined;
});

test("Firefox: notes written in one Firefox reach another through the manager's Drive, encrypted, and an edit comes back", async () => {
  test.setTimeout(180_000);
  const drive = new FakeDrive();
  server = await serveDriveLocally(drive);
  const computer = async () => {
    const firefox = await launchFirefox({ prefs: server?.firefoxPrefs ?? {}, acceptInsecureCerts: true });
    browsers.push(firefox);
    return firefox;
  };

  /** A Firefox where `name`'s 1:1 holds `notes`, its sync options open and Google connected. */
  const computerWith = async (event: string, name: string, notes: string) => {
    const firefox = await computer();
    const calendar = await openCalendarIn(firefox);
    await openEvent(calendar, event);
    const prep = await prepFor(calendar, name);
    await (await notesIn(prep)).type(notes, { delay: 0 });
    await prep.waitForFunction(() => document.body.textContent?.includes("Saved"));
    const options = await syncOptions(firefox, prep);
    await closeEvent(calendar);
    return { calendar, options };
  };

  // The laptop has been used for a while before sync is turned on.
  const { calendar: laptopCalendar, options: laptopOptions } = await computerWith(
    "priyaWeekly1",
    "Priya Raman",
    LAPTOP_NOTES,
  );
  await (await syncField(laptopOptions, "Sync passphrase")).type(PASSPHRASE);
  await (await syncField(laptopOptions, "Repeat the passphrase")).type(PASSPHRASE);
  await (await button(laptopOptions, "Start syncing")).click();
  await (await button(laptopOptions, "I've saved it")).click();
  await stateSays(laptopOptions, "Synced");
  expect(drive.byName("key")).toHaveLength(1);

  // A second computer: another Firefox profile, where only Jordan's 1:1 was ever opened.
  const { calendar: desktopCalendar, options: desktopOptions } = await computerWith(
    "jordan1on1",
    "Jordan Kim",
    JORDAN_NOTES,
  );
  await (await syncField(desktopOptions, "Sync passphrase")).type(PASSPHRASE);
  await (await button(desktopOptions, "Start syncing")).click();
  await stateSays(desktopOptions, "Synced");

  // Back to Calendar's tab, as the manager would: the options tab took the focus.
  await desktopCalendar.bringToFront();
  await openEvent(desktopCalendar, "priyaWeekly1");
  const desktopPrep = await prepFor(desktopCalendar, "Priya Raman");
  const desktopNotes = await notesIn(desktopPrep);
  await eventually(() => desktopNotes.evaluate((t) => t.value), LAPTOP_NOTES);
  await desktopNotes.evaluate((t) => t.select());
  await desktopNotes.type(DESKTOP_NOTES, { delay: 0 });
  await desktopPrep.waitForFunction(() => document.body.textContent?.includes("Saved"));
  await closeEvent(desktopCalendar);
  await (await button(desktopOptions, "Sync now")).click();
  await desktopOptions.waitForFunction(
    () => !document.querySelector('[data-testid="device-sync-state"]')?.textContent?.includes("waiting"),
  );
  await (await button(laptopOptions, "Sync now")).click();
  await stateSays(laptopOptions, "Synced");

  await laptopCalendar.bringToFront();
  await openEvent(laptopCalendar, "priyaWeekly1");
  const laptopAgain = await notesIn(await prepFor(laptopCalendar, "Priya Raman"));
  await eventually(() => laptopAgain.evaluate((t) => t.value), DESKTOP_NOTES, 15_000);
  await closeEvent(laptopCalendar);
  // What the desktop held before it joined came across too.
  await openEvent(laptopCalendar, "jordan1on1");
  const jordanOnLaptop = await notesIn(await prepFor(laptopCalendar, "Jordan Kim"));
  await eventually(() => jordanOnLaptop.evaluate((t) => t.value), JORDAN_NOTES);

  // Each Firefox lists the other; nothing readable ever left: not the notes, the name, the email
  // nor the passphrase.
  await eventually(
    () =>
      laptopOptions.evaluate(() =>
        [...document.querySelectorAll('[data-testid="synced-devices"] li')].map((li) => li.textContent),
      ),
    ["Firefox · Linux (this computer)", "Firefox · Linux · active today"],
  );
  const sent = drive.requests.map((r) => `${r.url} ${Buffer.from(r.body).toString("latin1")}`).join("\n");
  for (const secret of [
    "Priya",
    "priya",
    "Jordan",
    "migration",
    "on-call",
    "J\u00c3\u00b6rg",
    "Blue kettle",
    "notes",
  ])
    expect(sent).not.toContain(secret);
});

test("Firefox: with the OAuth client's secret, sync signs in by code and renews an expired token with no sign-in window", async () => {
  test.setTimeout(120_000);
  const SECRET = "GOCSPX-fakeSecretForTheFakeGoogle01";
  const drive = new FakeDrive();
  const google = new FakeTokenEndpoint(CLIENT_ID, SECRET, (token) => {
    drive.token = token;
  });
  server = await serveDriveLocally(drive, google);
  const firefox = await launchFirefox({ prefs: server.firefoxPrefs, acceptInsecureCerts: true });
  browsers.push(firefox);
  const calendar = await openCalendarIn(firefox);
  await openEvent(calendar, "priyaWeekly1");
  const prep = await prepFor(calendar, "Priya Raman");
  await (await notesIn(prep)).type(LAPTOP_NOTES, { delay: 0 });
  await prep.waitForFunction(() => document.body.textContent?.includes("Saved"));
  const options = await openExtensionTab(firefox, prep, "options.html#sync");
  await (await syncField(options, "OAuth client id")).type(CLIENT_ID);
  await (await syncField(options, "OAuth client secret")).type(SECRET);
  await answerConsent(options, "code");
  await (await button(options, "Turn on sync")).click();
  await (await syncField(options, "Sync passphrase")).type(PASSPHRASE);
  await (await syncField(options, "Repeat the passphrase")).type(PASSPHRASE);
  await (await button(options, "Start syncing")).click();
  await (await button(options, "I've saved it")).click();
  await stateSays(options, "Synced");
  expect(google.exchanges.map((form) => form.get("redirect_uri"))).toEqual([
    "https://prep.extensions.allizom.org/",
  ]);

  // The token runs out; the background renews it from the refresh token. A sign-in window, which
  // nobody could answer here, would leave sync paused for a reconnect instead.
  await options.evaluate(async () => {
    const { session } = (
      globalThis as unknown as {
        browser: {
          storage: {
            session: { get(key: string): Promise<Record<string, object>>; set(v: object): Promise<void> };
          };
        };
      }
    ).browser.storage;
    const { deviceSyncToken } = await session.get("deviceSyncToken");
    await session.set({ deviceSyncToken: { ...deviceSyncToken, expiresAt: Date.now() - 1 } });
  });
  const before = drive.requests.length;
  await (await button(options, "Sync now")).click();
  await options.waitForFunction(() => document.body.textContent?.includes("Sync finished."), {
    timeout: 30_000,
  });
  expect(google.renewals).toHaveLength(1);
  expect(
    drive.requests.slice(before).every((r) => r.headers.get("authorization") === `Bearer ${drive.token}`),
  ).toBe(true);
  await stateSays(options, "Synced");
});
