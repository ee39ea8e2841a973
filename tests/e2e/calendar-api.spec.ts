import type { BrowserContext, Page } from "@playwright/test";
import { fixtureEvents } from "../fixtures/calendar/events";
import { renderWeekPage } from "../fixtures/calendar/render";
import {
  type ApiEventJson,
  apiEvent,
  FakeCalendarApi,
  googleError,
} from "../fixtures/calendar-api/fake-calendar-api";
import { expectPrepFor, openEvent, openWeek, PREP_BUTTON, SIDEBAR } from "./calendar";
import { answerGoogleSignIn, answerPermissionPrompt } from "./consent";
import { expect, test } from "./extension";
import { dayAt, meeting, person, seedDatabase } from "./seed";

/**
 * The optional Calendar API end to end, against a fake API served where Google's would be. Only
 * the consent steps are stubbed (the permission prompt and Google's sign-in window, which a
 * headless browser cannot click through); everything after them is the built extension's own.
 */

const CLIENT_ID = "1234-abc.apps.googleusercontent.com";
const WEEK = 7 * 86_400_000;
const HOUR = 3_600_000;
const me = { email: "sam@example.com", self: true, organizer: true, responseStatus: "accepted" };

function instance(
  series: string,
  name: string,
  email: string,
  at: number,
  extra: Partial<ApiEventJson> = {},
) {
  const stamp = new Date(at)
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
  return apiEvent(`${series}_${stamp}`, new Date(at).toISOString(), {
    summary: `${name} / Sam`,
    recurringEventId: series,
    attendees: [me, { email, displayName: name, responseStatus: "accepted" }],
    ...extra,
  });
}

/** Dana weekly for eleven weeks (one cancelled, one she declined) and next week; Eli in two days; a team meeting. */
function calendarOfSam(now: number) {
  const at = (weeks: number) => Math.floor((now + weeks * WEEK) / HOUR) * HOUR;
  const dana = [-11, -10, -9, -8, -7, -6, -5, -4, -3, -2, -1, 1].map((w) =>
    instance("dana", "Dana Park", "dana@example.com", at(w)),
  );
  const declined = dana[8] as ApiEventJson;
  declined.attendees = [
    me,
    { email: "dana@example.com", displayName: "Dana Park", responseStatus: "declined" },
  ];
  const eli = instance("eli", "Eli Novak", "eli@example.com", at(2 / 7));
  const team = apiEvent("team1", new Date(at(0.5 / 7)).toISOString(), {
    summary: "Team sync",
    attendees: [me, { email: "a@example.com" }, { email: "b@example.com" }],
  });
  const api = new FakeCalendarApi([...dana, eli, team]);
  api.cancel((dana[6] as ApiEventJson).id);
  return api;
}

interface Traffic {
  /** every request to anywhere but Calendar's page, in order */
  outside: string[];
  revoked: string[];
}

/** Serves `api` at Google's address and records every request that leaves for anywhere else. */
async function serveGoogle(context: BrowserContext, api: FakeCalendarApi | undefined): Promise<Traffic> {
  const traffic: Traffic = { outside: [], revoked: [] };
  await context.route(/^https?:\/\/(?!calendar\.google\.com\/)/, async (route) => {
    const request = route.request();
    traffic.outside.push(`${request.method()} ${request.url()}`);
    const cors = {
      "access-control-allow-origin": "*",
      "access-control-allow-headers": "authorization, content-type",
      "access-control-allow-methods": "GET, POST",
      "access-control-expose-headers": "retry-after",
    };
    // The stubbed consent grants no real host permission, so the worker's requests are CORS ones.
    if (request.method() === "OPTIONS") return route.fulfill({ status: 204, headers: cors });
    if (api && request.url().startsWith("https://oauth2.googleapis.com/revoke")) {
      traffic.revoked.push(request.postData() ?? "");
      return route.fulfill({ status: 200, headers: cors, body: "{}" });
    }
    if (!api || !request.url().startsWith("https://www.googleapis.com/")) return route.abort();
    const response = await api.fetch(request.url(), { method: request.method(), headers: request.headers() });
    return route.fulfill({
      status: response.status,
      headers: { ...Object.fromEntries(response.headers), ...cors },
      body: await response.text(),
    });
  });
  return traffic;
}

/** The Calendar section's own field: sync across devices asks for a client id too, once its state has loaded. */
const calendarClientId = (options: Page) =>
  options.getByRole("region", { name: "Google Calendar API (optional)" }).getByLabel("OAuth client id");

async function connect(options: Page) {
  await answerPermissionPrompt(options, true);
  await answerGoogleSignIn(options, "token-1");
  await calendarClientId(options).fill(CLIENT_ID);
  await options.getByRole("button", { name: "Connect Google Calendar" }).click();
  await expect(options.getByTestId("calendar-state")).toContainText("Last synced", { timeout: 15_000 });
}

/** Clicks "Sync now" and waits until that sync is over (the buttons are disabled meanwhile). */
async function syncNow(options: Page) {
  const button = options.getByRole("button", { name: "Sync now" });
  await button.click();
  await expect(button).toBeEnabled({ timeout: 15_000 });
  await expect(options.getByTestId("calendar-state")).not.toContainText("Syncing");
}

async function countRows(page: Page) {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open("one-on-one-prep");
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const count = (table: string) =>
      new Promise<number>((resolve) => {
        const request = db.transaction(table).objectStore(table).count();
        request.onsuccess = () => resolve(request.result);
      });
    const counts = { people: await count("people"), meetings: await count("meetings") };
    db.close();
    return counts;
  });
}

test("without a connection, nothing goes over the network", async ({
  context,
  calendarPage,
  openExtensionPage,
  serviceWorker,
}) => {
  const traffic = await serveGoogle(context, undefined);
  const popup = await openExtensionPage("popup.html#upcoming");
  await expect(popup.getByTestId("upcoming-empty")).toContainText("connect the Calendar API in options");
  const options = await openExtensionPage("options.html#calendar");
  await expect(options.getByRole("button", { name: "Connect Google Calendar" })).toBeVisible();
  // Without a policy the manager brings their own client.
  await expect(calendarClientId(options)).toBeEditable();
  await expect(options.getByText(/organisation/i)).toHaveCount(0);
  // The periodic sync runs too, and does nothing.
  await serviceWorker.evaluate(() => new Promise((resolve) => setTimeout(resolve, 500)));
  await calendarPage.reload();
  expect(traffic.outside).toEqual([]);
});

test("a bad client id gets a clear message, and nothing is asked of Google", async ({
  context,
  openExtensionPage,
}) => {
  const traffic = await serveGoogle(context, calendarOfSam(Date.now()));
  const options = await openExtensionPage("options.html#calendar");
  await calendarClientId(options).fill("not-a-client-id");
  await options.getByRole("button", { name: "Connect Google Calendar" }).click();
  await expect(options.getByRole("alert")).toContainText("apps.googleusercontent.com");
  expect(traffic.outside).toEqual([]);
});

test("connects, syncs, lists the week's 1:1s, counts cadence from the history, and never duplicates", async ({
  context,
  openExtensionPage,
}) => {
  const api = calendarOfSam(Date.now());
  const traffic = await serveGoogle(context, api);
  const options = await openExtensionPage("options.html#calendar");
  await connect(options);
  expect(api.requests[0]?.authorization).toBe("Bearer token-1");
  expect(traffic.outside.every((r) => r.includes("https://www.googleapis.com/calendar/v3/"))).toBe(true);

  const popup = await openExtensionPage("popup.html#upcoming");
  const rows = popup.getByTestId("upcoming-row");
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText("Eli Novak");
  await expect(rows.nth(1)).toContainText("Dana Park");
  const link = rows.nth(0).getByRole("link", { name: /Open prep/ });
  await expect(link).toHaveAttribute("href", /^https:\/\/calendar\.google\.com\/calendar\/r\/event\?eid=/);

  await popup.getByRole("tab", { name: "Stats" }).click();
  const dana = popup.getByTestId("cadence-Dana Park");
  await expect(dana).toContainText("9 of");
  await expect(dana).toContainText("1 skipped, 1 cancelled");

  const first = await countRows(popup);
  expect(first).toEqual({ people: 2, meetings: 13 });
  await syncNow(options);
  await syncNow(options);
  expect(await countRows(popup)).toEqual(first);
  // The later syncs were incremental ones.
  expect(api.requests.at(-1)?.url.searchParams.get("syncToken")).toMatch(/^sync-/);
});

test("survives an expired sync token, a refused token, rate limits and outages", async ({
  context,
  openExtensionPage,
  serviceWorker,
}) => {
  const api = calendarOfSam(Date.now());
  await serveGoogle(context, api);
  const options = await openExtensionPage("options.html#calendar");
  await connect(options);
  const state = options.getByTestId("calendar-state");

  // 410: the sync token expired; a full sync runs instead and a new 1:1 arrives with it.
  type Storage = { chrome: { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } } };
  const { syncToken } = await serviceWorker.evaluate(
    async () =>
      (await (globalThis as unknown as Storage).chrome.storage.local.get("calendarSyncState"))
        .calendarSyncState as { syncToken: string },
  );
  api.expireSyncToken(syncToken);
  api.put(instance("omar", "Omar Haddad", "omar@example.com", Date.now() + 3 * 86_400_000));
  await syncNow(options);
  await expect(state).toContainText("Connected.");
  const popup = await openExtensionPage("popup.html#upcoming");
  await expect(popup.getByTestId("upcoming-row")).toHaveCount(3);

  // 401: the token is refused; one silent sign-in gets a new one and the sync carries on.
  api.validTokens.clear();
  api.validTokens.add("token-2");
  await answerGoogleSignIn(serviceWorker, "token-2");
  await syncNow(options);
  await expect(state).toContainText("Connected.");
  expect(api.requests.at(-1)?.authorization).toBe("Bearer token-2");

  // 429 and 503, again and again: the manager is told, and what was synced stays.
  const limited = () => googleError(429, "rateLimitExceeded", "Rate Limit Exceeded", { "retry-after": "0" });
  api.queue(...Array.from({ length: 6 }, () => limited));
  await syncNow(options);
  await expect(state).toContainText("slow down");
  const down = () => googleError(503, "backendError", "Backend Error", { "retry-after": "0" });
  api.queue(...Array.from({ length: 6 }, () => down));
  await syncNow(options);
  await expect(state).toContainText("not answering");
  await popup.reload();
  await expect(popup.getByTestId("upcoming-row")).toHaveCount(3);
  await expect(popup.getByRole("status")).toContainText("not answering");

  // Google recovers.
  await syncNow(options);
  await expect(state).toContainText("Connected.");

  // 401 that no new token fixes: the manager is asked to reconnect, and can.
  api.validTokens.clear();
  await options.getByRole("button", { name: "Sync now" }).click();
  await expect(state).toContainText("sign in again");
  await expect(options.getByRole("button", { name: "Sync now" })).toBeHidden();
  await popup.reload();
  await expect(popup.getByRole("alert")).toContainText("sign in again");
  // The popup's link lands on the Calendar place of the options, where the button is.
  const opening = popup
    .context()
    .waitForEvent("page", { predicate: (p) => p.url().includes("options.html") });
  await popup.getByRole("button", { name: "Reconnect in options" }).click();
  const linked = await opening;
  await expect(linked).toHaveURL(/options\.html#calendar$/);
  await expect(linked.getByRole("button", { name: "Reconnect" })).toBeVisible();
  await linked.close();
  api.validTokens.add("token-3");
  // Both consent screens answer again for this click: Chrome can hand the page fresh API bindings
  // in between, without the stand-ins set up when the test first connected.
  await answerPermissionPrompt(options, true);
  await answerGoogleSignIn(options, "token-3");
  await options.getByRole("button", { name: "Reconnect" }).click();
  await expect(state).toContainText("Last synced");
  await expect(state).not.toContainText("sign in again");
});

test("disconnecting revokes the token and takes back what the sync added, keeping what was written", async ({
  context,
  openExtensionPage,
  serviceWorker,
}) => {
  const api = calendarOfSam(Date.now());
  const traffic = await serveGoogle(context, api);
  const options = await openExtensionPage("options.html#calendar");
  await connect(options);
  const popup = await openExtensionPage("popup.html");
  // A note in one of Dana's meetings, as the sidebar would write it.
  await popup.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve) => {
      const open = indexedDB.open("one-on-one-prep");
      open.onsuccess = () => resolve(open.result);
    });
    const store = db.transaction("meetings", "readwrite").objectStore("meetings");
    type Row = { id: string; title?: string; startsAt: number; notes: string; updatedAt: number };
    const all = await new Promise<Row[]>((resolve) => {
      const request = store.getAll();
      request.onsuccess = () => resolve(request.result);
    });
    const dana = all.filter((m) => m.title === "Dana Park / Sam").sort((a, b) => a.startsAt - b.startsAt)[0];
    if (dana) store.put({ ...dana, notes: "Wants to lead the launch", updatedAt: Date.now() });
    await new Promise((resolve) => {
      store.transaction.oncomplete = resolve;
    });
    db.close();
  });
  await answerGoogleSignIn(serviceWorker, "unused");
  await options.getByRole("button", { name: "Disconnect" }).click();
  await expect(options.getByText("Disconnected.")).toBeVisible();
  await expect(options.getByRole("button", { name: "Connect Google Calendar" })).toBeVisible();
  expect(traffic.revoked).toEqual(["token=token-1"]);
  expect(await countRows(popup)).toEqual({ people: 1, meetings: 1 });

  const before = traffic.outside.length;
  const reopened = await openExtensionPage("popup.html#upcoming");
  await expect(reopened.getByTestId("upcoming-empty")).toBeVisible();
  expect(traffic.outside.length).toBe(before);
});

test("with the Calendar API connected, a 1:1 whose guests the page hides still gets its prep", async ({
  context,
  openExtensionPage,
  serveCalendar,
}) => {
  // "Weekly sync" with Taylor, as the page shows it when it cannot read the guest rows.
  const weekly = fixtureEvents.weeklySync;
  const hidden = { ...weekly, guests: weekly.guests.map((g) => ({ ...g, email: "" })) };
  await serveCalendar(renderWeekPage([hidden]));
  const page = await openWeek(await context.newPage());
  await openEvent(page, hidden);
  // From the title alone it is not a 1:1: only the small button is offered.
  await expect(page.locator(PREP_BUTTON)).toBeVisible();
  await expect(page.locator(SIDEBAR)).toHaveCount(0);

  // Google lists the whole guest list for the same instance.
  const api = new FakeCalendarApi([
    apiEvent(weekly.eventId, weekly.startsAt, {
      summary: weekly.title,
      recurringEventId: weekly.seriesId,
      attendees: [
        me,
        { email: "taylor@example.com", displayName: "Taylor Brooks", responseStatus: "accepted" },
      ],
    }),
  ]);
  await serveGoogle(context, api);
  const options = await openExtensionPage("options.html#calendar");
  await connect(options);

  await page.bringToFront();
  await page.keyboard.press("Escape");
  await openEvent(page, hidden);
  await expectPrepFor(page, "Taylor Brooks");
});

test("an upcoming 1:1 in the popup opens its event in Calendar, with its prep beside it", async ({
  context,
  openExtensionPage,
  serveCalendar,
}) => {
  const priya = fixtureEvents.priyaWeekly1;
  const popup = await openExtensionPage("popup.html");
  await seedDatabase(popup, {
    people: [person("priya", "Priya Raman", { email: "priya@example.com" })],
    meetings: [
      meeting("next", "priya", dayAt(1), {
        status: "planned",
        eid: priya.eid,
        eventInstanceId: priya.eventId,
      }),
    ],
  });
  await serveCalendar(renderWeekPage());
  const upcoming = await openExtensionPage("popup.html#upcoming");
  const opened = context.waitForEvent("page", {
    predicate: (p) => p.url().startsWith("https://calendar.google.com/"),
  });
  await upcoming.getByRole("link", { name: /Open prep for the 1:1 with Priya Raman/ }).click();
  const calendar = await opened;
  await expect(calendar).toHaveURL(/\/calendar\/r\/event\?eid=/);
  await expectPrepFor(calendar, "Priya Raman");
});
