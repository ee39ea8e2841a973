// @vitest-environment happy-dom
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeEid, isCalendarEventView } from "@/lib/calendar-dom";
import { eidFromUrl } from "@/lib/calendar-dom/eid";
import { encodeEid, fixtureEvents, taskChipEid } from "../../fixtures/calendar/events";

const base64 = (text: string) => Buffer.from(text, "utf8").toString("base64");

describe("decodeEid", () => {
  it.each([
    [
      "recurring instance",
      encodeEid("abc123_20261013T210000Z", "sam@example.com"),
      {
        eventId: "abc123_20261013T210000Z",
        calendarId: "sam@example.com",
        seriesId: "abc123",
        instanceStart: "2026-10-13T21:00:00.000Z",
      },
    ],
    [
      "single event",
      encodeEid("0h4j8l2n6p0r4t8v1b5d9f3h", "sam@example.com"),
      {
        eventId: "0h4j8l2n6p0r4t8v1b5d9f3h",
        calendarId: "sam@example.com",
        seriesId: "0h4j8l2n6p0r4t8v1b5d9f3h",
      },
    ],
    [
      "all-day instance",
      encodeEid("offsite42_20261016", "sam@example.com"),
      {
        eventId: "offsite42_20261016",
        calendarId: "sam@example.com",
        seriesId: "offsite42",
        instanceStart: "2026-10-16T00:00:00.000Z",
      },
    ],
    [
      "instance of a split series",
      encodeEid("abc_R20261001T090000_20261013T090000Z", "team@group.calendar.google.com"),
      {
        eventId: "abc_R20261001T090000_20261013T090000Z",
        calendarId: "team@group.calendar.google.com",
        seriesId: "abc_R20261001T090000",
        instanceStart: "2026-10-13T09:00:00.000Z",
      },
    ],
    [
      "no calendar id",
      Buffer.from("abc123").toString("base64url"),
      { eventId: "abc123", seriesId: "abc123" },
    ],
    [
      "gmail short form",
      encodeEid("abc123", "sam@m"),
      { eventId: "abc123", calendarId: "sam@gmail.com", seriesId: "abc123" },
    ],
    [
      "group calendar short form",
      encodeEid("abc123", "c_team42@g"),
      { eventId: "abc123", calendarId: "c_team42@group.calendar.google.com", seriesId: "abc123" },
    ],
  ])("%s", (_name, eid, expected) => {
    expect(decodeEid(eid)).toEqual(expected);
  });

  it("reads every fixture event's eid back", () => {
    for (const event of Object.values(fixtureEvents)) {
      const decoded = decodeEid(event.eid);
      expect(decoded?.eventId).toBe(event.eventId);
      expect(decoded?.calendarId).toBe(event.calendarId);
      expect(decoded?.seriesId).toBe(event.seriesId);
      if (event.recurring) expect(decoded?.instanceStart).toBe(event.startsAt);
      else expect(decoded?.instanceStart).toBeUndefined();
    }
  });

  describe("padding and alphabet variants decode alike", () => {
    const eventId = "5r0c3k8t2m1q9v7b4n6d_20261013T160000Z";
    // Lengths 1, 2 and 3 mod 3 exercise "==", "=" and no padding.
    it.each(["sam@example.com", "sa@example.com", "s@example.com"])("%s", (calendarId) => {
      const standard = base64(`${eventId} ${calendarId}`);
      const urlSafe = standard.replace(/\+/g, "-").replace(/\//g, "_");
      const expected = decodeEid(urlSafe.replace(/=+$/, ""));
      expect(expected?.calendarId).toBe(calendarId);
      expect(decodeEid(urlSafe)).toEqual(expected);
      expect(decodeEid(standard)).toEqual(expected);
      expect(decodeEid(` ${urlSafe}\n`)).toEqual(expected);
    });

    it("base64url's - and _ are base64's + and /", () => {
      const urlSafe = encodeEid("x_y", "o?o@example.com");
      expect(urlSafe).toBe("eF95IG8_b0BleGFtcGxlLmNvbQ");
      const expected = { eventId: "x_y", calendarId: "o?o@example.com", seriesId: "x_y" };
      expect(decodeEid(urlSafe)).toEqual(expected);
      expect(decodeEid("eF95IG8/b0BleGFtcGxlLmNvbQ==")).toEqual(expected);
    });
  });

  it.each([
    ["task chip id", taskChipEid],
    ["task id inside an eid", encodeEid("tasks_abc123", "sam@example.com")],
    ["empty", ""],
    ["spaces", "   "],
    ["not base64", "hello world!"],
    ["impossible length", "abcde"],
    ["binary", base64("\u0000\u0001\u0002 sam@example.com")],
    ["invalid utf-8", Buffer.from([0xff, 0xfe, 0x20, 0x41]).toString("base64url")],
    ["three parts", encodeEid("abc def", "sam@example.com")],
    ["calendar id without @", encodeEid("abc123", "sam")],
    ["raw event id instead of an eid", "5r0c3k8t2m1q9v7b4n6d_20261013T160000Z"],
    ["huge", "A".repeat(100_000)],
    ["html", "<img src=x onerror=alert(1)>"],
  ])("rejects %s", (_name, eid) => {
    expect(decodeEid(eid)).toBeNull();
  });

  it("keeps an impossible instance date as part of the id", () => {
    const decoded = decodeEid(encodeEid("abc_20261345T250000Z", "sam@example.com"));
    expect(decoded).toEqual({
      eventId: "abc_20261345T250000Z",
      calendarId: "sam@example.com",
      seriesId: "abc_20261345T250000Z",
    });
  });

  it("never throws, whatever it is given", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const decoded = decodeEid(text);
        expect(decoded === null || typeof decoded.eventId === "string").toBe(true);
      }),
    );
    expect(decodeEid(undefined as unknown as string)).toBeNull();
    expect(decodeEid(42 as unknown as string)).toBeNull();
  });

  it("round-trips generated ids", () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-v0-9]{5,40}$/),
        fc.date({
          min: new Date("2000-01-01T00:00:00Z"),
          max: new Date("2099-12-31T23:59:59Z"),
          noInvalidDate: true,
        }),
        (seriesId, start) => {
          const iso = start.toISOString().replace(/\.\d{3}Z$/, ".000Z");
          const suffix = iso.replace(/[-:]/g, "").replace(/\.000Z$/, "Z");
          const decoded = decodeEid(encodeEid(`${seriesId}_${suffix}`, "sam@example.com"));
          expect(decoded).toEqual({
            eventId: `${seriesId}_${suffix}`,
            calendarId: "sam@example.com",
            seriesId,
            instanceStart: iso,
          });
        },
      ),
    );
  });
});

describe("event URLs", () => {
  const eid = fixtureEvents.priyaWeekly1.eid;

  it.each([
    [`https://calendar.google.com/calendar/u/0/r/eventedit/${eid}`, eid],
    [`https://calendar.google.com/calendar/u/2/r/eventedit/${eid}?sf=true`, eid],
    [`https://calendar.google.com/calendar/r/eventedit/${eid}`, eid],
    [`/calendar/r/eventedit/${eid}`, eid],
    [`https://calendar.google.com/calendar/u/0/r/event?eid=${eid}`, eid],
    [`https://calendar.google.com/calendar/u/0/r/eventedit/copy/${eid}`, undefined],
    ["https://calendar.google.com/calendar/u/0/r/eventedit", undefined],
    ["https://calendar.google.com/calendar/u/0/r/week/2026/10/12", undefined],
    ["not a url at all", undefined],
  ])("eidFromUrl(%s)", (url, expected) => {
    expect(eidFromUrl(url)).toBe(expected);
  });

  it.each([
    [`https://calendar.google.com/calendar/u/0/r/eventedit/${eid}`, true],
    [`https://calendar.google.com/calendar/r/eventedit/${eid}`, true],
    [`https://calendar.google.com/calendar/u/0/r/event?eid=${eid}`, true],
    ["https://calendar.google.com/calendar/u/0/r/week", false],
    ["https://calendar.google.com/calendar/u/0/r/events", false],
    ["", false],
  ])("isCalendarEventView(%s) is %s", (url, expected) => {
    expect(isCalendarEventView(url)).toBe(expected);
  });
});
