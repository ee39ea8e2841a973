import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { createCalendarSync, FULL_SYNC_EVERY_MS, SYNC_AT_MOST_EVERY_MS } from "@/lib/calendar-sync";
import { PrepDatabase, saveMeetingNotes } from "@/lib/db";
import {
  readCalendarConnection,
  readCalendarSyncState,
  readCalendarToken,
  setCalendarConnection,
  setCalendarToken,
  setDetectionOverride,
} from "@/lib/settings";
import {
  type ApiEventJson,
  apiEvent,
  FakeCalendarApi,
  googleError,
} from "../../fixtures/calendar-api/fake-calendar-api";

const NOW = Date.parse("2026-11-25T12:00:00Z");
const WEEK = 7 * 86_400_000;
const CLIENT_ID = "1234-abc.apps.googleusercontent.com";

let db: PrepDatabase;
let n = 0;
beforeEach(async () => {
  db = new PrepDatabase(`calendar-sync-${++n}`);
  await db.open();
  // The permission calls of disconnect; the fake browser has no permissions API.
  (fakeBrowser as unknown as { permissions: unknown }).permissions = { remove: async () => true };
});
afterEach(async () => {
  await db.delete();
});

const sam = { email: "sam@example.com", self: true, organizer: true, responseStatus: "accepted" };

/** A weekly 1:1 series with `email`, as its instances: `weeks` from now. */
function oneOnOne(series: string, email: string, name: string, weeks: number[]): ApiEventJson[] {
  return weeks.map((w) => {
    const start = new Date(NOW + w * WEEK);
    const stamp = start
      .toISOString()
      .replace(/[-:]/g, "")
      .replace(/\.\d{3}/, "");
    return apiEvent(`${series}_${stamp}`, start.toISOString(), {
      summary: `${name} / Sam`,
      recurringEventId: series,
      attendees: [sam, { email, displayName: name, responseStatus: "accepted" }],
    });
  });
}

function groupMeeting(id: string, weeks: number): ApiEventJson {
  return apiEvent(id, new Date(NOW + weeks * WEEK).toISOString(), {
    summary: "Team sync",
    attendees: [sam, { email: "a@example.com" }, { email: "b@example.com" }],
  });
}

async function connect(token = "token-1") {
  await setCalendarConnection({ clientId: CLIENT_ID, connectedAt: NOW - WEEK });
  await setCalendarToken({ accessToken: token, expiresAt: NOW + 3_600_000 });
}

function setup(api: FakeCalendarApi, now = () => NOW) {
  const refreshToken = vi.fn(async () => ({ accessToken: "token-2", expiresAt: now() + 3_600_000 }));
  const sync = createCalendarSync({
    db,
    fetch: api.fetch,
    now,
    retry: { sleep: async () => {}, maxRetries: 2 },
    refreshToken,
  });
  return { ...sync, refreshToken };
}

describe("the Calendar API sync", () => {
  it("does nothing, and calls no network, while not connected", async () => {
    const api = new FakeCalendarApi(oneOnOne("dana", "dana@example.com", "Dana", [-1, 1]));
    const { sync } = setup(api);
    await sync(true);
    expect(api.requests).toEqual([]);
    expect(await db.meetings.count()).toBe(0);
    expect(await readCalendarSyncState()).toBeUndefined();
  });

  it("turns 1:1 instances into people and meetings with their statuses, and leaves group meetings out", async () => {
    const api = new FakeCalendarApi([
      ...oneOnOne("dana", "dana@example.com", "Dana", [-3, -2, -1, 1]),
      groupMeeting("team", -1),
    ]);
    await connect();
    const { sync } = setup(api);
    await sync(true);

    const people = await db.people.toArray();
    expect(people.map((p) => [p.email, p.displayName])).toEqual([["dana@example.com", "Dana"]]);
    const meetings = await db.meetings.orderBy("startsAt").toArray();
    expect(meetings.map((m) => m.status)).toEqual(["held", "held", "held", "planned"]);
    expect(meetings.every((m) => m.eid)).toBe(true);
    const state = await readCalendarSyncState();
    expect(state).toMatchObject({ phase: "ok", lastSyncAt: NOW, fullSyncAt: NOW });
    expect(state?.syncToken).toMatch(/^sync-/);
    expect(api.requests[0]?.url.searchParams.get("timeMin")).not.toBeNull();
    // What the content script uses when the page hides the guests.
    expect((await fakeBrowser.storage.local.get("calendarVerdicts")).calendarVerdicts).toEqual({
      dana: true,
      team: false,
    });
  });

  it("carries on incrementally: a cancelled instance is marked, and repeating adds no duplicates", async () => {
    const instances = oneOnOne("dana", "dana@example.com", "Dana", [-2, -1, 1]);
    const api = new FakeCalendarApi(instances);
    await connect();
    let now = NOW;
    const { sync } = setup(api, () => now);
    await sync(true);
    const [, cancelledOne] = instances;
    api.cancel(cancelledOne?.id ?? "");
    now += SYNC_AT_MOST_EVERY_MS;
    await sync(true);
    const last = api.requests.at(-1)?.url.searchParams;
    expect(last?.get("syncToken")).toMatch(/^sync-/);
    expect(last?.get("timeMin")).toBeNull();
    const cancelled = await db.meetings
      .where("eventInstanceId")
      .equals(cancelledOne?.id ?? "")
      .first();
    expect(cancelled?.status).toBe("cancelled");

    now += SYNC_AT_MOST_EVERY_MS;
    await sync(true);
    expect(await db.people.count()).toBe(1);
    expect(await db.meetings.count()).toBe(3);
  });

  it("does a full sync again once a day, to move the window along", async () => {
    const api = new FakeCalendarApi(oneOnOne("dana", "dana@example.com", "Dana", [-1]));
    await connect();
    let now = NOW;
    const { sync } = setup(api, () => now);
    await sync(true);
    now += FULL_SYNC_EVERY_MS;
    await setCalendarToken({ accessToken: "token-1", expiresAt: now + 3_600_000 });
    await sync(true);
    expect(api.requests.at(-1)?.url.searchParams.get("syncToken")).toBeNull();
    expect(await db.meetings.count()).toBe(1);
  });

  it("waits between popup-driven syncs, but not when asked to force", async () => {
    const api = new FakeCalendarApi(oneOnOne("dana", "dana@example.com", "Dana", [-1]));
    await connect();
    const { sync } = setup(api);
    await sync(false);
    await sync(false);
    expect(api.requests).toHaveLength(1);
    await sync(true);
    expect(api.requests).toHaveLength(2);
  });

  it("starts over with a full sync when Google says the sync token expired (410)", async () => {
    const api = new FakeCalendarApi(oneOnOne("dana", "dana@example.com", "Dana", [-1, 1]));
    await connect();
    let now = NOW;
    const { sync } = setup(api, () => now);
    await sync(true);
    const token = (await readCalendarSyncState())?.syncToken ?? "";
    api.expireSyncToken(token);
    api.put(oneOnOne("eli", "eli@example.com", "Eli", [2])[0] as ApiEventJson);
    now += SYNC_AT_MOST_EVERY_MS;
    await sync(true);
    const statuses = api.requests
      .slice(1)
      .map((r) => (r.url.searchParams.has("syncToken") ? "incremental" : "full"));
    expect(statuses).toEqual(["incremental", "full"]);
    expect((await db.people.toArray()).map((p) => p.email).sort()).toEqual([
      "dana@example.com",
      "eli@example.com",
    ]);
    expect(await db.meetings.count()).toBe(3);
    expect(await readCalendarSyncState()).toMatchObject({ phase: "ok" });
  });

  it("gets a new token once after a 401, and asks the manager to reconnect after a second", async () => {
    const api = new FakeCalendarApi(oneOnOne("dana", "dana@example.com", "Dana", [-1]));
    api.validTokens.clear();
    api.validTokens.add("token-2");
    await connect("stale-token");
    const { sync, refreshToken } = setup(api);
    await sync(true);
    expect(refreshToken).toHaveBeenCalledTimes(1);
    expect(await db.meetings.count()).toBe(1);
    expect((await readCalendarToken())?.accessToken).toBe("token-2");

    api.validTokens.clear();
    await sync(true);
    expect(await readCalendarSyncState()).toMatchObject({ phase: "reconnect" });
    expect(await readCalendarToken()).toBeUndefined();
    expect(await readCalendarConnection()).toBeDefined();
  });

  it("keeps what it had and says so when Google keeps rate-limiting (429) or failing (503)", async () => {
    const api = new FakeCalendarApi(oneOnOne("dana", "dana@example.com", "Dana", [-1]));
    await connect();
    let now = NOW;
    const { sync } = setup(api, () => now);
    await sync(true);
    const good = await readCalendarSyncState();
    const limited = () => googleError(429, "rateLimitExceeded", "Rate Limit Exceeded");
    api.queue(limited, limited, limited);
    now += SYNC_AT_MOST_EVERY_MS;
    await sync(true);
    expect(await readCalendarSyncState()).toMatchObject({
      phase: "error",
      syncToken: good?.syncToken,
      lastSyncAt: NOW,
      message: expect.stringMatching(/slow down/),
    });
    const down = () => googleError(503, "backendError", "Backend Error");
    api.queue(down, down, down);
    await sync(true);
    expect(await readCalendarSyncState()).toMatchObject({
      phase: "error",
      message: expect.stringMatching(/not answering/),
    });
    expect(await db.meetings.count()).toBe(1);

    // Google recovers: the next sync carries on from the kept token.
    await sync(true);
    expect(await readCalendarSyncState()).toMatchObject({ phase: "ok" });
    expect(api.requests.at(-1)?.url.searchParams.get("syncToken")).toBe(good?.syncToken);
  });

  it("honours the manager's 'not a 1:1' for a series", async () => {
    const api = new FakeCalendarApi(oneOnOne("dana", "dana@example.com", "Dana", [-1, 1]));
    await connect();
    await setDetectionOverride("dana", false);
    const { sync } = setup(api);
    await sync(true);
    expect(await db.meetings.count()).toBe(0);
  });

  it("disconnects: revokes the token and takes back what it added, keeping what the manager wrote", async () => {
    const api = new FakeCalendarApi([
      ...oneOnOne("dana", "dana@example.com", "Dana", [-2, -1]),
      ...oneOnOne("eli", "eli@example.com", "Eli", [-1]),
    ]);
    const revoked: string[] = [];
    const fetch: typeof api.fetch = async (input, init) => {
      if (input.startsWith("https://oauth2.googleapis.com/revoke")) {
        revoked.push(String(init.body));
        return new Response("{}", { status: 200 });
      }
      return api.fetch(input, init);
    };
    await connect();
    const calendar = createCalendarSync({ db, fetch, now: () => NOW, refreshToken: vi.fn() });
    await calendar.sync(true);
    const dana = await db.people.where("email").equals("dana@example.com").first();
    const written = await db.meetings
      .where("personId")
      .equals(dana?.id ?? "")
      .first();
    await saveMeetingNotes(db, written?.id ?? "", "Promotion case", NOW);

    await calendar.disconnect();
    expect(revoked).toEqual(["token=token-1"]);
    expect(await readCalendarConnection()).toBeUndefined();
    expect(await readCalendarToken()).toBeUndefined();
    expect(await readCalendarSyncState()).toBeUndefined();
    expect((await db.people.toArray()).map((p) => p.email)).toEqual(["dana@example.com"]);
    expect((await db.meetings.toArray()).map((m) => m.notes)).toEqual(["Promotion case"]);
    expect(await db.calendarEvents.count()).toBe(0);
    expect(await fakeBrowser.storage.local.get("calendarVerdicts")).toEqual({});

    const before = api.requests.length;
    await calendar.sync(true);
    expect(api.requests.length).toBe(before);
  });
});
