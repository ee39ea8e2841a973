import type { calendar_v3 } from "@googleapis/calendar";
import { describe, expect, expectTypeOf, it } from "vitest";
import {
  type CalendarApiEvent,
  calendarApiEventSchema,
  eidFromHtmlLink,
  type SyncedAttendee,
  type SyncedEvent,
  toEventSignals,
  toSyncedEvent,
} from "@/lib/calendar-api";
import { decodeEid } from "@/lib/calendar-dom";
import { type Attendee, classifyEvent } from "@/lib/detection";
import { type FixtureEvent, fixtureEvents, selfEmail } from "../../fixtures/calendar/events";
import { apiEvent } from "../../fixtures/calendar-api/fake-calendar-api";

/** The fixture calendar's events as the API would list them for the user (Sam). */
function fromFixture(fixture: FixtureEvent): CalendarApiEvent {
  const series = /^(.+)_\d{8}T\d{6}Z$/.exec(fixture.eventId)?.[1];
  return calendarApiEventSchema.parse({
    kind: "calendar#event",
    id: fixture.eventId,
    status: "confirmed",
    htmlLink: `https://www.google.com/calendar/event?eid=${fixture.eid}`,
    summary: fixture.title,
    start: { dateTime: `${fixture.date}T${fixture.start}:00Z`, timeZone: "UTC" },
    end: { dateTime: `${fixture.date}T${fixture.end}:00Z`, timeZone: "UTC" },
    organizer: { email: selfEmail, self: true },
    creator: { email: selfEmail, self: true },
    ...(series ? { recurringEventId: series } : {}),
    ...(fixture.guests.length > 0
      ? {
          attendees: fixture.guests.map((guest) => ({
            email: guest.email,
            displayName: guest.name,
            ...(guest.email === selfEmail ? { self: true } : {}),
            ...(guest.organizer ? { organizer: true } : {}),
            ...(guest.resource ? { resource: true } : {}),
            ...(guest.optional ? { optional: true } : {}),
            responseStatus: guest.response ?? "accepted",
          })),
        }
      : {}),
  });
}

const event = (id: string, start: string, overrides: Record<string, unknown> = {}) =>
  calendarApiEventSchema.parse(apiEvent(id, start, overrides));

describe("types", () => {
  it("keeps to Google's event type and detection's attendee shape", () => {
    expectTypeOf<CalendarApiEvent>().toExtend<calendar_v3.Schema$Event>();
    expectTypeOf<SyncedAttendee>().toExtend<Attendee>();
  });
});

describe("the same instance from the page and from the API", () => {
  it.each(Object.values(fixtureEvents))("$key has the id, series and start the page decodes", (fixture) => {
    const decoded = decodeEid(fixture.eid);
    const synced = toSyncedEvent(fromFixture(fixture));
    expect(decoded).not.toBeNull();
    expect(synced).toBeDefined();
    expect(synced?.eventInstanceId).toBe(decoded?.eventId);
    expect(synced?.seriesId).toBe(decoded?.seriesId);
    expect(synced?.eid).toBe(fixture.eid);
    expect(synced?.startsAt).toBe(Date.parse(fixture.startsAt));
    expect(synced?.recurring).toBe(fixture.recurring);
    if (decoded?.instanceStart) expect(synced?.startsAt).toBe(Date.parse(decoded.instanceStart));
  });

  it.each([
    ["priyaWeekly1", true, "priya@example.com"],
    ["jordan1on1", true, "jordan@example.com"],
    ["interview", false, undefined],
    ["teamMeeting", false, undefined],
    ["focusBlock", false, undefined],
  ] as const)("detection reads %s as the user expects", (key, isOneOnOne, counterpart) => {
    const verdict = classifyEvent(toEventSignals(fromFixture(fixtureEvents[key])));
    expect(verdict.isOneOnOne).toBe(isOneOnOne);
    if (counterpart) expect(verdict.counterpart?.email).toBe(counterpart);
  });
});

describe("toEventSignals", () => {
  it("maps the title, the guests and the recurrence", () => {
    const signals = toEventSignals(
      event("abc_20261013T160000Z", "2026-10-13T16:00:00Z", {
        summary: "1:1 Priya / Sam",
        recurringEventId: "abc",
        attendees: [
          { email: "Sam@Example.com", self: true, organizer: true, responseStatus: "accepted" },
          {
            email: "  Priya@Example.COM ",
            displayName: " Priya Raman ",
            optional: false,
            responseStatus: "needsAction",
            comment: "see you",
          },
          {
            email: "c_1880abc2def3@resource.calendar.google.com",
            resource: true,
            responseStatus: "accepted",
          },
        ],
      }),
    );
    expect(signals).toEqual({
      title: "1:1 Priya / Sam",
      recurring: true,
      selfEmail: "sam@example.com",
      attendees: [
        { email: "sam@example.com", self: true, organizer: true, responseStatus: "accepted" },
        {
          email: "priya@example.com",
          displayName: "Priya Raman",
          optional: false,
          responseStatus: "needsAction",
        },
        { email: "c_1880abc2def3@resource.calendar.google.com", resource: true, responseStatus: "accepted" },
      ],
    });
  });

  it("reads an event nobody was invited to as known to have no guests", () => {
    const signals = toEventSignals(event("blk", "2026-10-16T09:00:00Z", { summary: "1:1 prep" }));
    expect(signals.attendees).toEqual([]);
    expect(signals.recurring).toBe(false);
    expect(signals.selfEmail).toBe("sam@example.com");
    expect(classifyEvent(signals).isOneOnOne).toBe(false);
  });

  it("leaves the guests unknown when Google left them out", () => {
    const omitted = toEventSignals(
      event("big", "2026-10-16T09:00:00Z", {
        summary: "1:1 Alex",
        attendeesOmitted: true,
        attendees: [{ email: "sam@example.com", self: true }],
      }),
    );
    expect(omitted.attendees).toBeUndefined();
    const cancelled = toEventSignals(
      calendarApiEventSchema.parse({ id: "x_20261013T160000Z", status: "cancelled" }),
    );
    expect(cancelled.attendees).toBeUndefined();
    expect(cancelled.title).toBe("");
  });

  it("prefers the given address, lower-cased, and otherwise finds the user on the event", () => {
    const invited = event("inv", "2026-10-16T09:00:00Z", {
      organizer: { email: "priya@example.com" },
      creator: { email: "priya@example.com" },
      attendees: [
        { email: "priya@example.com", organizer: true },
        { email: "Sam@Example.com", self: true },
      ],
    });
    expect(toEventSignals(invited).selfEmail).toBe("sam@example.com");
    expect(toEventSignals(invited, " Sam.Lee@Example.com ").selfEmail).toBe("sam.lee@example.com");
    const stranger = event("str", "2026-10-16T09:00:00Z", {
      organizer: { email: "priya@example.com" },
      creator: { email: "priya@example.com" },
    });
    expect(toEventSignals(stranger).selfEmail).toBeUndefined();
  });

  it("drops nulls", () => {
    const signals = toEventSignals(
      event("n", "2026-10-16T09:00:00Z", {
        summary: null,
        recurringEventId: null,
        attendees: [{ email: null, displayName: null, self: null, responseStatus: null }],
      }),
    );
    expect(signals).toEqual({ title: "", recurring: false, attendees: [{}], selfEmail: "sam@example.com" });
  });
});

describe("toSyncedEvent", () => {
  it("keeps what the product stores", () => {
    const synced = toSyncedEvent(
      event("abc_20261013T160000Z", "2026-10-13T16:00:00Z", {
        summary: "1:1 Priya / Sam",
        recurringEventId: "abc",
        status: "tentative",
        start: { dateTime: "2026-10-13T18:00:00+02:00", timeZone: "Europe/Berlin" },
        end: { dateTime: "2026-10-13T18:30:00+02:00", timeZone: "Europe/Berlin" },
        updated: "2026-10-01T08:15:30.250Z",
        attendees: [
          { email: "sam@example.com", self: true, organizer: true, responseStatus: "declined" },
          { email: "priya@example.com", displayName: "x".repeat(300), responseStatus: "accepted" },
        ],
      }),
    );
    expect(synced).toEqual({
      eventInstanceId: "abc_20261013T160000Z",
      seriesId: "abc",
      eid: Buffer.from("abc_20261013T160000Z sam@example.com").toString("base64url"),
      title: "1:1 Priya / Sam",
      recurring: true,
      status: "tentative",
      startsAt: Date.parse("2026-10-13T16:00:00Z"),
      endsAt: Date.parse("2026-10-13T16:30:00Z"),
      updated: Date.parse("2026-10-01T08:15:30.250Z"),
      selfResponse: "declined",
      attendees: [
        { email: "sam@example.com", self: true, organizer: true, responseStatus: "declined" },
        { email: "priya@example.com", displayName: "x".repeat(200), responseStatus: "accepted" },
      ],
    } satisfies SyncedEvent);
  });

  it("uses the event's own id as the series of a single event, and confirmed when no status is given", () => {
    const synced = toSyncedEvent(event("single1", "2026-10-14T10:00:00Z", { status: undefined }));
    expect(synced).toMatchObject({ eventInstanceId: "single1", seriesId: "single1", status: "confirmed" });
    expect(synced?.attendees).toEqual([]);
  });

  it("shortens a long title to what a meeting record holds", () => {
    const synced = toSyncedEvent(event("long", "2026-10-14T10:00:00Z", { summary: "y".repeat(5000) }));
    expect(synced?.title).toHaveLength(1000);
  });

  it.each([
    ["an all-day event", { start: { date: "2026-10-16" }, end: { date: "2026-10-17" } }],
    ["out of office", { eventType: "outOfOffice" }],
    ["focus time", { eventType: "focusTime" }],
    ["a working location", { eventType: "workingLocation" }],
    ["a status Google may add", { status: "archived" }],
    ["a live event without a start time", { start: {} }],
    ["an event starting past 2200", { start: { dateTime: "9999-12-31T10:00:00Z" } }],
    ["an event starting before 1970", { start: { dateTime: "1969-12-31T10:00:00Z" } }],
  ])("skips %s", (_name, overrides) => {
    expect(toSyncedEvent(event("skip1", "2026-10-14T10:00:00Z", overrides))).toBeUndefined();
  });

  it("places a cancelled instance by its original start, or by its id", () => {
    const withOriginal = toSyncedEvent(
      calendarApiEventSchema.parse({
        id: "abc_20261013T160000Z",
        status: "cancelled",
        recurringEventId: "abc",
        originalStartTime: { dateTime: "2026-10-13T18:00:00+02:00" },
      }),
    );
    expect(withOriginal).toEqual({
      eventInstanceId: "abc_20261013T160000Z",
      seriesId: "abc",
      title: "",
      recurring: true,
      status: "cancelled",
      startsAt: Date.parse("2026-10-13T16:00:00Z"),
    });
    const bare = toSyncedEvent(
      calendarApiEventSchema.parse({ id: "abc_20261020T160000Z", status: "cancelled" }),
    );
    expect(bare?.startsAt).toBe(Date.parse("2026-10-20T16:00:00Z"));
  });

  it("keeps a cancelled event without any time, and skips a cancelled all-day instance", () => {
    expect(toSyncedEvent(calendarApiEventSchema.parse({ id: "gone1", status: "cancelled" }))).toEqual({
      eventInstanceId: "gone1",
      seriesId: "gone1",
      title: "",
      recurring: false,
      status: "cancelled",
    });
    // a suffix that is no real time is not a start
    for (const id of [
      "abc_20261332T100000Z",
      "abc_20261013T250000Z",
      "abc_20260231T100000Z",
      "abc_20261013T106000Z",
    ]) {
      expect(
        toSyncedEvent(calendarApiEventSchema.parse({ id, status: "cancelled" }))?.startsAt,
      ).toBeUndefined();
    }
    expect(
      toSyncedEvent(
        calendarApiEventSchema.parse({
          id: "abc_20261016",
          status: "cancelled",
          recurringEventId: "abc",
          originalStartTime: { date: "2026-10-16" },
        }),
      ),
    ).toBeUndefined();
  });

  it("keeps at most 1000 guests, the user among them", () => {
    const guests = Array.from({ length: 1500 }, (_, i) => ({ email: `p${i}@example.com` }));
    guests.push({ email: "sam@example.com", self: true } as { email: string });
    const synced = toSyncedEvent(event("allhands", "2026-10-14T10:00:00Z", { attendees: guests }));
    expect(synced?.attendees).toHaveLength(1000);
    expect(synced?.attendees?.[0]).toEqual({ email: "sam@example.com", self: true });
  });
});

describe("eidFromHtmlLink", () => {
  it.each([
    ["https://www.google.com/calendar/event?eid=YWJjIHNhbUBleGFtcGxlLmNvbQ", "YWJjIHNhbUBleGFtcGxlLmNvbQ"],
    ["https://www.google.com/calendar/event?eid=YWJj&ctz=Europe/Berlin", "YWJj"],
    ["https://www.google.com/calendar/event?eid=%3Cscript%3E", undefined],
    ["https://www.google.com/calendar/event", undefined],
    ["not a url", undefined],
    [undefined, undefined],
  ])("%s → %s", (link, eid) => {
    expect(eidFromHtmlLink(link)).toBe(eid);
  });
});
