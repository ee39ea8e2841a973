import { describe, expect, it, vi } from "vitest";
import {
  CalendarApiError,
  type ListEventsOptions,
  listEvents,
  type TokenProvider,
  toSyncedEvent,
} from "@/lib/calendar-api";
import {
  type ApiEventJson,
  apiEvent,
  FakeCalendarApi,
  googleError,
  jsonResponse,
  recordingSleep,
  sequence,
} from "../../fixtures/calendar-api/fake-calendar-api";

const NOW = Date.parse("2026-10-14T12:00:00Z");
const SERIES = "5r0c3k8t2m1q9v7b4n6d";

/** Weekly 1:1 instances on Tuesdays 16:00Z from Sep 1 to Nov 3, a single 1:1, and an old event. */
function calendar(): ApiEventJson[] {
  const weekly = Array.from({ length: 10 }, (_, week) => {
    const start = new Date(Date.UTC(2026, 8, 1 + week * 7, 16));
    const suffix = start
      .toISOString()
      .replace(/[-:]/g, "")
      .replace(/\.\d{3}/, "");
    return apiEvent(`${SERIES}_${suffix}`, start.toISOString(), {
      summary: "1:1 Priya / Sam",
      recurringEventId: SERIES,
      attendees: [
        { email: "sam@example.com", organizer: true, self: true, responseStatus: "accepted" },
        { email: "Priya@Example.com", displayName: "Priya Raman", responseStatus: "accepted" },
      ],
    });
  });
  return [
    ...weekly,
    apiEvent("0h4j8l2n6p0r4t8v1b5d9f3h", "2026-10-14T10:00:00Z", { summary: "Jordan <> Sam" }),
    apiEvent("old1", "2025-01-07T10:00:00Z", { summary: "Long ago" }),
  ];
}

function tokens(...answers: string[]): TokenProvider & { calls: { refresh: boolean }[] } {
  const calls: { refresh: boolean }[] = [];
  const provider = async (options: { refresh: boolean }) => {
    calls.push(options);
    const answer = answers[Math.min(calls.length - 1, answers.length - 1)];
    if (answer === undefined) throw new Error("no token");
    return answer;
  };
  return Object.assign(provider, { calls });
}

function setup(events: ApiEventJson[] = calendar()) {
  const api = new FakeCalendarApi(events);
  const { sleeps, sleep } = recordingSleep();
  const getToken = tokens("token-1");
  const options: ListEventsOptions = {
    fetch: api.fetch,
    getToken,
    now: NOW,
    retry: { sleep, random: sequence(0.5, 0.25, 0.75, 0.1, 0.9), now: () => NOW },
  };
  return { api, sleeps, getToken, options };
}

async function failure(promise: Promise<unknown>): Promise<CalendarApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CalendarApiError);
  return error as CalendarApiError;
}

describe("listEvents: full sync", () => {
  it("collects every page inside the default window and returns the sync token", async () => {
    const { api, options } = setup();
    const result = await listEvents({ ...options, pageSize: 3 });

    // 10 weekly instances and the single event are in the window; the 2025 event is not.
    expect(result.events.map((e) => e.id)).toHaveLength(11);
    expect(result.events.map((e) => e.id)).not.toContain("old1");
    expect(new Set(result.events.map((e) => e.id)).size).toBe(11);
    expect(result.full).toBe(true);
    expect(result.nextSyncToken).toBe("sync-12");
    expect(result.window).toEqual({
      timeMin: Date.parse("2026-04-15T12:00:00.000Z"),
      timeMax: Date.parse("2026-11-11T12:00:00.000Z"),
    });

    expect(api.requests).toHaveLength(4);
    const [first, ...rest] = api.requests;
    expect(first?.url.origin + (first?.url.pathname ?? "")).toBe(
      "https://www.googleapis.com/calendar/v3/calendars/primary/events",
    );
    expect(Object.fromEntries(first?.url.searchParams ?? [])).toEqual({
      singleEvents: "true",
      showDeleted: "true",
      maxResults: "3",
      timeMin: "2026-04-15T12:00:00.000Z",
      timeMax: "2026-11-11T12:00:00.000Z",
    });
    expect(rest.map((r) => r.url.searchParams.get("pageToken"))).toEqual([
      "page:3:12",
      "page:6:12",
      "page:9:12",
    ]);
    for (const request of api.requests) {
      expect(request.authorization).toBe("Bearer token-1");
      expect(request.init.method).toBe("GET");
      expect(request.init.credentials).toBe("omit");
      expect(request.url.searchParams.get("timeMin")).toBe("2026-04-15T12:00:00.000Z");
      expect(request.url.searchParams.has("syncToken")).toBe(false);
    }
  });

  it("asks for 250 events a page by default and honours an explicit window", async () => {
    const { api, options } = setup();
    const result = await listEvents({
      ...options,
      timeMin: Date.parse("2026-10-01T00:00:00Z"),
      timeMax: Date.parse("2026-10-15T00:00:00Z"),
    });
    expect(api.requests).toHaveLength(1);
    expect(api.requests[0]?.url.searchParams.get("maxResults")).toBe("250");
    expect(api.requests[0]?.url.searchParams.get("timeMax")).toBe("2026-10-15T00:00:00.000Z");
    expect(result.events.map((e) => e.id).sort()).toEqual([
      "0h4j8l2n6p0r4t8v1b5d9f3h",
      `${SERIES}_20261006T160000Z`,
      `${SERIES}_20261013T160000Z`,
    ]);
  });

  it("URL-encodes the calendar id", async () => {
    const { api, options } = setup();
    api.calendarId = "team/ops@group.calendar.google.com";
    await listEvents({ ...options, calendarId: "team/ops@group.calendar.google.com" });
    expect(api.requests[0]?.url.pathname).toBe(
      "/calendar/v3/calendars/team%2Fops%40group.calendar.google.com/events",
    );
  });

  it("refuses a window that ends before it starts, before any request", async () => {
    const { api, options } = setup();
    await expect(listEvents({ ...options, timeMin: NOW, timeMax: NOW })).rejects.toThrow(RangeError);
    await expect(
      listEvents({ ...options, syncToken: "sync-1", timeMin: NOW, timeMax: NOW - 1 }),
    ).rejects.toThrow(RangeError);
    expect(api.requests).toHaveLength(0);
  });

  it("uses the global fetch when none is given", async () => {
    const { api, options } = setup();
    // A spy, not a stubbed global: undoing stubbed globals would also undo the fake browser's.
    const spy = vi.spyOn(globalThis, "fetch").mockImplementation(api.fetch as typeof fetch);
    const { fetch: _unused, ...withoutFetch } = options;
    const result = await listEvents(withoutFetch);
    expect(result.events).toHaveLength(11);
    expect(spy).toHaveBeenCalledTimes(1);
  });
});

describe("listEvents: incremental sync", () => {
  it("lists changed and cancelled instances since the token, without a time window", async () => {
    const { api, options } = setup();
    const first = await listEvents({ ...options, pageSize: 4 });
    expect(first.full).toBe(true);

    const moved = `${SERIES}_20261020T160000Z`;
    const cancelled = `${SERIES}_20261027T160000Z`;
    api.put(
      apiEvent(moved, "2026-10-21T09:00:00Z", {
        summary: "1:1 Priya / Sam (moved)",
        recurringEventId: SERIES,
        originalStartTime: { dateTime: "2026-10-20T16:00:00Z" },
        updated: "2026-10-14T13:00:00.000Z",
      }),
    );
    api.cancel(cancelled);
    api.requests.length = 0;

    const next = await listEvents({ ...options, syncToken: first.nextSyncToken });
    expect(next.full).toBe(false);
    expect(next.window).toBeUndefined();
    expect(next.nextSyncToken).toBe("sync-14");
    expect(next.events.map((e) => e.id)).toEqual([moved, cancelled]);

    expect(api.requests).toHaveLength(1);
    const params = api.requests[0]?.url.searchParams;
    expect(Object.fromEntries(params ?? [])).toEqual({
      singleEvents: "true",
      showDeleted: "true",
      maxResults: "250",
      syncToken: "sync-12",
    });

    const [movedRecord, cancelledRecord] = next.events.map(toSyncedEvent);
    expect(movedRecord).toMatchObject({
      eventInstanceId: moved,
      seriesId: SERIES,
      status: "confirmed",
      title: "1:1 Priya / Sam (moved)",
      startsAt: Date.parse("2026-10-21T09:00:00Z"),
      updated: Date.parse("2026-10-14T13:00:00Z"),
    });
    expect(cancelledRecord).toEqual({
      eventInstanceId: cancelled,
      seriesId: SERIES,
      title: "",
      recurring: true,
      status: "cancelled",
      startsAt: Date.parse("2026-10-27T16:00:00Z"),
    });

    // Nothing changed since: an empty list and the same token.
    const quiet = await listEvents({ ...options, syncToken: next.nextSyncToken });
    expect(quiet).toEqual({ events: [], nextSyncToken: "sync-14", full: false });
  });

  it("pages through an incremental sync too", async () => {
    const { api, options } = setup();
    for (const event of calendar().slice(0, 7)) api.put({ ...event, summary: `${event.summary} (renamed)` });
    const result = await listEvents({ ...options, syncToken: "sync-12", pageSize: 3 });
    expect(result.events).toHaveLength(7);
    expect(api.requests.map((r) => r.url.searchParams.get("syncToken"))).toEqual([
      "sync-12",
      "sync-12",
      "sync-12",
    ]);
    expect(
      api.requests.some((r) => r.url.searchParams.has("timeMin") || r.url.searchParams.has("orderBy")),
    ).toBe(false);
  });

  it("drops an expired sync token (410) and does a full sync in the same call", async () => {
    const { api, options } = setup();
    api.expireSyncToken("sync-5");
    const result = await listEvents({ ...options, syncToken: "sync-5" });
    expect(result.full).toBe(true);
    expect(result.events).toHaveLength(11);
    expect(result.nextSyncToken).toBe("sync-12");
    expect(api.requests).toHaveLength(2);
    expect(api.requests[0]?.url.searchParams.get("syncToken")).toBe("sync-5");
    expect(api.requests[1]?.url.searchParams.has("syncToken")).toBe(false);
    expect(api.requests[1]?.url.searchParams.get("timeMin")).toBe("2026-04-15T12:00:00.000Z");
  });

  it("discards pages already read when the token expires part-way", async () => {
    const { api, options } = setup();
    for (const event of calendar().slice(0, 5)) api.put(event);
    api.queue(
      (request) => api.serve(request),
      () => googleError(410, "fullSyncRequired", "Sync token is no longer valid."),
    );
    const result = await listEvents({ ...options, syncToken: "sync-12", pageSize: 3 });
    expect(api.requests.map((r) => r.url.searchParams.get("syncToken"))).toEqual([
      "sync-12",
      "sync-12",
      null,
      null,
      null,
      null,
    ]);
    expect(result.full).toBe(true);
    expect(result.events).toHaveLength(11);
    expect(new Set(result.events.map((e) => e.id)).size).toBe(11);
  });

  it("reports a 410 on a full sync as an error instead of starting over forever", async () => {
    const { api, options } = setup();
    api.queue(() => googleError(410, "deleted", "Resource has been deleted"));
    const error = await failure(listEvents(options));
    expect(error.kind).toBe("http");
    expect(error.status).toBe(410);
    expect(api.requests).toHaveLength(1);
  });
});

describe("listEvents: tokens", () => {
  it("asks for a fresh token once after a 401 and retries", async () => {
    const { api, options } = setup();
    api.validTokens.clear();
    api.validTokens.add("token-2");
    const getToken = tokens("token-1", "token-2");
    const result = await listEvents({ ...options, getToken, pageSize: 4 });
    expect(result.events).toHaveLength(11);
    expect(getToken.calls).toEqual([{ refresh: false }, { refresh: true }]);
    expect(api.requests.map((r) => r.authorization)).toEqual([
      "Bearer token-1",
      "Bearer token-2",
      "Bearer token-2",
      "Bearer token-2",
    ]);
  });

  it("gives up with kind auth when the fresh token is refused too", async () => {
    const { api, options, sleeps } = setup();
    api.validTokens.clear();
    const getToken = tokens("token-1", "token-2");
    const error = await failure(listEvents({ ...options, getToken }));
    expect(error.kind).toBe("auth");
    expect(error.status).toBe(401);
    expect(getToken.calls).toEqual([{ refresh: false }, { refresh: true }]);
    expect(api.requests).toHaveLength(2);
    expect(sleeps).toEqual([]);
  });

  it("gives up with kind auth when the refresh fails", async () => {
    const { api, options } = setup();
    api.validTokens.clear();
    let calls = 0;
    const getToken: TokenProvider = async ({ refresh }) => {
      calls += 1;
      if (refresh) throw new Error("The user is not signed in.");
      return "token-1";
    };
    const error = await failure(listEvents({ ...options, getToken }));
    expect(error.kind).toBe("auth");
    expect(error.cause).toBeInstanceOf(Error);
    expect(calls).toBe(2);
    expect(api.requests).toHaveLength(1);
  });

  it("makes no request without a token, or with one that cannot be a header", async () => {
    const { api, options } = setup();
    const none = await failure(listEvents({ ...options, getToken: tokens() }));
    expect(none.kind).toBe("auth");
    const broken = await failure(listEvents({ ...options, getToken: tokens("token\r\nX-Evil: 1") }));
    expect(broken.kind).toBe("auth");
    expect(api.requests).toHaveLength(0);
  });
});

describe("listEvents: backoff", () => {
  it("retries a 429 after a jittered exponential wait", async () => {
    const { api, options, sleeps } = setup();
    api.queue(
      () => googleError(429, "rateLimitExceeded", "Rate Limit Exceeded"),
      () => googleError(429, "rateLimitExceeded", "Rate Limit Exceeded"),
    );
    const result = await listEvents(options);
    expect(result.events).toHaveLength(11);
    // random 0.5 of 1 s, then 0.25 of 2 s
    expect(sleeps).toEqual([500, 500]);
    expect(api.requests).toHaveLength(3);
  });

  it("waits as long as Retry-After says, in seconds or as a date", async () => {
    const { api, options, sleeps } = setup();
    api.queue(
      () => googleError(429, "rateLimitExceeded", "Rate Limit Exceeded", { "Retry-After": "7" }),
      () =>
        googleError(503, "backendError", "Backend Error", {
          "Retry-After": new Date(NOW + 12_000).toUTCString(),
        }),
    );
    await listEvents(options);
    expect(sleeps).toEqual([7000, 12_000]);
  });

  it("does not sleep through a Retry-After longer than its longest wait, and says how long", async () => {
    const { api, options, sleeps } = setup();
    api.queue(() => googleError(429, "rateLimitExceeded", "Rate Limit Exceeded", { "Retry-After": "120" }));
    const error = await failure(listEvents(options));
    expect(error.kind).toBe("rate-limited");
    expect(error.retryAfterMs).toBe(120_000);
    expect(sleeps).toEqual([]);
    expect(api.requests).toHaveLength(1);
  });

  it("treats the rate-limit 403s as rate limits and other 403s as refusals", async () => {
    const { api, options, sleeps } = setup();
    api.queue(
      () => googleError(403, "userRateLimitExceeded", "User Rate Limit Exceeded"),
      () => googleError(403, "rateLimitExceeded", "Rate Limit Exceeded"),
    );
    await listEvents(options);
    expect(sleeps).toEqual([500, 500]);

    api.queue(() =>
      googleError(403, "accessNotConfigured", "Google Calendar API has not been used in project 1"),
    );
    const error = await failure(listEvents(options));
    expect(error.kind).toBe("http");
    expect(error.status).toBe(403);
    expect(error.reason).toBe("accessNotConfigured");
    expect(error.message).toContain("Google Calendar API has not been used in project 1");
    expect(sleeps).toHaveLength(2);
  });

  it("stops after five retries of a 5xx with kind unavailable, with exact waits", async () => {
    const { api, options, sleeps } = setup();
    api.queue(...Array.from({ length: 6 }, () => () => googleError(500, "backendError", "Backend Error")));
    const error = await failure(listEvents(options));
    expect(error.kind).toBe("unavailable");
    expect(error.status).toBe(500);
    expect(api.requests).toHaveLength(6);
    // random 0.5, 0.25, 0.75, 0.1, 0.9 of 1, 2, 4, 8 and 16 s
    expect(sleeps).toEqual([500, 500, 3000, 800, 14_400]);
  });

  it("stops after five retries of a 429 with kind rate-limited", async () => {
    const { api, options } = setup();
    api.queue(
      ...Array.from({ length: 6 }, () => () => googleError(429, "rateLimitExceeded", "Rate Limit Exceeded")),
    );
    const error = await failure(listEvents(options));
    expect(error.kind).toBe("rate-limited");
    expect(api.requests).toHaveLength(6);
  });

  it("retries network failures and reports kind offline when they go on", async () => {
    const { api, options, sleeps } = setup();
    const down = () => Promise.reject(new TypeError("Failed to fetch"));
    api.queue(down);
    expect((await listEvents(options)).events).toHaveLength(11);
    expect(sleeps).toEqual([500]);

    api.queue(...Array.from({ length: 6 }, () => down));
    const error = await failure(listEvents(options));
    expect(error.kind).toBe("offline");
    expect(error.cause).toBeInstanceOf(TypeError);
  });

  it("retries a page whose body broke off", async () => {
    const { api, options, sleeps } = setup();
    const broken = () =>
      new Response(
        new ReadableStream({
          start(controller) {
            controller.enqueue(new TextEncoder().encode('{"items":['));
            controller.error(new TypeError("network error"));
          },
        }),
        { status: 200 },
      );
    api.queue(broken);
    expect((await listEvents(options)).events).toHaveLength(11);
    expect(sleeps).toEqual([500]);
    expect(api.requests).toHaveLength(2);
  });

  it("does not retry other 4xx", async () => {
    const { api, options, sleeps } = setup();
    api.queue(() => googleError(404, "notFound", "Not Found"));
    const error = await failure(listEvents(options));
    expect(error.kind).toBe("http");
    expect(error.status).toBe(404);
    expect(error.reason).toBe("notFound");
    expect(sleeps).toEqual([]);
    expect(api.requests).toHaveLength(1);
  });

  it("backs off on a retry after a token refresh without counting the refresh", async () => {
    const { api, options, sleeps } = setup();
    api.validTokens.add("token-2");
    api.queue(
      () => googleError(401, "authError", "Invalid Credentials"),
      () => googleError(503, "backendError", "Backend Error"),
    );
    const getToken = tokens("token-1", "token-2");
    await listEvents({ ...options, getToken });
    expect(sleeps).toEqual([500]);
    expect(getToken.calls).toEqual([{ refresh: false }, { refresh: true }]);
  });
});

describe("listEvents: what it accepts", () => {
  const page = (items: unknown, extra: Record<string, unknown> = { nextSyncToken: "sync-1" }) =>
    jsonResponse({ kind: "calendar#events", items, ...extra });

  it.each([
    ["items that are not a list", page({ 0: apiEvent("a", "2026-10-14T10:00:00Z") })],
    ["a title that is a number", page([apiEvent("a", "2026-10-14T10:00:00Z", { summary: 42 })])],
    ["a huge title", page([apiEvent("a", "2026-10-14T10:00:00Z", { summary: "x".repeat(10_000) })])],
    ["an empty id", page([apiEvent("", "2026-10-14T10:00:00Z")])],
    ["an id with spaces", page([apiEvent("a b", "2026-10-14T10:00:00Z")])],
    [
      "a huge guest email",
      page([
        apiEvent("a", "2026-10-14T10:00:00Z", { attendees: [{ email: `${"x".repeat(400)}@example.com` }] }),
      ]),
    ],
    [
      "a self flag that is a string",
      page([apiEvent("a", "2026-10-14T10:00:00Z", { attendees: [{ self: "true" }] })]),
    ],
    [
      "a start that is no time",
      page([apiEvent("a", "2026-10-14T10:00:00Z", { start: { dateTime: "tomorrow" } })]),
    ],
    [
      "a start time without a zone",
      page([apiEvent("a", "2026-10-14T10:00:00Z", { start: { dateTime: "2026-10-14T10:00:00" } })]),
    ],
    ["a sync token that is a number", page([], { nextSyncToken: 7 })],
    ["no sync token on the last page", page([], {})],
    ["a body that is not JSON", new Response("<html>Service Unavailable</html>", { status: 200 })],
    ["a JSON list", jsonResponse([])],
    ["null", jsonResponse("null")],
  ])("refuses %s with kind invalid-response", async (_name, response) => {
    const { api, options, sleeps } = setup();
    api.queue(() => response);
    const error = await failure(listEvents(options));
    expect(error.kind).toBe("invalid-response");
    expect(sleeps).toEqual([]);
  });

  it("refuses a body so large it cannot be an events page", async () => {
    const { api, options } = setup();
    api.queue(() => new Response(" ".repeat(17 * 1024 * 1024), { status: 200 }));
    expect((await failure(listEvents(options))).kind).toBe("invalid-response");
  });

  it("returns nothing when a later page is malformed", async () => {
    const { api, options } = setup();
    api.queue(
      (request) => api.serve(request),
      () => page([{ id: 5 }]),
    );
    const error = await failure(listEvents({ ...options, pageSize: 3 }));
    expect(error.kind).toBe("invalid-response");
    expect(error.message).toContain("items.0.id");
    expect(api.requests).toHaveLength(2);
    expect(api.requests[1]?.url.searchParams.get("pageToken")).toBe("page:3:12");
  });

  it("drops unknown fields and __proto__ keys without touching any prototype", async () => {
    const { api, options } = setup();
    const body =
      '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"nextSyncToken":"sync-1",' +
      '"items":[{"id":"a","summary":"1:1","__proto__":{"status":"cancelled","polluted":true},"start":{"dateTime":"2026-10-14T10:00:00Z","__proto__":{"x":1}},' +
      '"attendees":[{"email":"p@example.com","__proto__":{"self":true}}],"conferenceData":{"entryPoints":[]}}]}';
    api.queue(() => new Response(body, { status: 200 }));
    const result = await listEvents(options);
    expect(result.events).toEqual([
      {
        id: "a",
        summary: "1:1",
        start: { dateTime: "2026-10-14T10:00:00Z" },
        attendees: [{ email: "p@example.com" }],
      },
    ]);
    const [event] = result.events;
    expect(Object.getPrototypeOf(event)).toBe(Object.prototype);
    expect(event?.status).toBeUndefined();
    expect(event?.attendees?.[0]?.self).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("accepts nulls where Google's types allow them", async () => {
    const { api, options } = setup();
    api.queue(() => page([apiEvent("a", "2026-10-14T10:00:00Z", { summary: null, recurringEventId: null })]));
    const [event] = (await listEvents(options)).events;
    expect(event?.summary).toBeNull();
    expect(toSyncedEvent(event as NonNullable<typeof event>)).toMatchObject({ title: "", seriesId: "a" });
  });

  it("fails cleanly with kind too-many-pages when paging never ends", async () => {
    const { api, options } = setup();
    const endless = () => page([], { nextPageToken: "again" });
    api.queue(...Array.from({ length: 10 }, () => endless));
    const error = await failure(listEvents({ ...options, maxPages: 5 }));
    expect(error.kind).toBe("too-many-pages");
    expect(api.requests).toHaveLength(5);
  });
});
