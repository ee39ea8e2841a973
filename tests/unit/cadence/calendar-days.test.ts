import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  localDay,
  MS_PER_DAY,
  startOfLocalDay,
  startOfMonthDay,
  startOfWeekDay,
  weekdayOf,
} from "@/lib/cadence/calendar-days";

/** "2026-03-08" as a day number. */
const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / MS_PER_DAY;
const at = (iso: string) => Date.parse(iso);

describe("localDay", () => {
  it.each([
    ["America/Los_Angeles", "2026-03-31T23:30:00Z", "2026-03-31"],
    ["Asia/Tokyo", "2026-03-31T23:30:00Z", "2026-04-01"],
    ["Europe/Berlin", "2026-03-31T23:30:00Z", "2026-04-01"],
    ["Europe/Berlin", "2026-03-31T21:59:59Z", "2026-03-31"],
    ["Europe/Berlin", "2026-03-31T22:00:00Z", "2026-04-01"],
    ["UTC", "2026-03-31T23:59:59.999Z", "2026-03-31"],
  ])("%s: %s is on %s", (zone, instant, expected) => {
    expect(localDay(at(instant), zone)).toBe(day(expected));
  });
});

describe("startOfLocalDay", () => {
  it.each([
    ["UTC", "2026-06-29", "2026-06-29T00:00:00Z"],
    ["Asia/Tokyo", "2026-04-01", "2026-03-31T15:00:00Z"],
    ["America/Los_Angeles", "2026-03-08", "2026-03-08T08:00:00Z"],
    ["America/Los_Angeles", "2026-03-09", "2026-03-09T07:00:00Z"],
    ["America/Los_Angeles", "2026-11-01", "2026-11-01T07:00:00Z"],
    ["America/Los_Angeles", "2026-11-02", "2026-11-02T08:00:00Z"],
    ["Europe/Berlin", "2026-03-29", "2026-03-28T23:00:00Z"],
    ["Europe/Berlin", "2026-03-30", "2026-03-29T22:00:00Z"],
    ["Europe/Berlin", "2026-10-25", "2026-10-24T22:00:00Z"],
    ["Europe/Berlin", "2026-10-26", "2026-10-25T23:00:00Z"],
    // Chile moves its clocks at midnight: on 6 Sep 2026 the day begins at 01:00 local.
    ["America/Santiago", "2026-09-06", "2026-09-06T04:00:00Z"],
    ["America/Santiago", "2026-04-05", "2026-04-05T04:00:00Z"],
  ])("%s: %s starts at %s", (zone, date, expected) => {
    expect(startOfLocalDay(day(date), zone)).toBe(at(expected));
  });

  const zones = [
    "UTC",
    "America/Los_Angeles",
    "Europe/Berlin",
    "Asia/Tokyo",
    "Australia/Lord_Howe",
    "Asia/Kolkata",
    "America/Santiago",
    "America/Havana",
    "Asia/Beirut",
    "America/Sao_Paulo",
  ];
  it("is the first instant of the day that contains any instant", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: at("2015-01-01T00:00:00Z"), max: at("2031-01-01T00:00:00Z") }),
        fc.constantFrom(...zones),
        (instant, zone) => {
          const today = localDay(instant, zone);
          const start = startOfLocalDay(today, zone);
          expect(start).toBeLessThanOrEqual(instant);
          expect(localDay(start, zone)).toBe(today);
          expect(localDay(start - 1, zone)).toBe(today - 1);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe("weeks and months", () => {
  it.each([
    ["2026-03-01", 0],
    ["2026-03-02", 1],
    ["2026-03-07", 6],
    ["1970-01-01", 4],
  ])("%s is weekday %i", (date, expected) => {
    expect(weekdayOf(day(date))).toBe(expected);
  });

  it.each([
    ["2026-03-01", 1, "2026-02-23"],
    ["2026-03-02", 1, "2026-03-02"],
    ["2026-03-08", 1, "2026-03-02"],
    ["2026-03-01", 0, "2026-03-01"],
    ["2026-03-07", 0, "2026-03-01"],
  ] as const)("the week of %s (starting on day %i) starts %s", (date, weekStartsOn, expected) => {
    expect(startOfWeekDay(day(date), weekStartsOn)).toBe(day(expected));
  });

  it.each([
    ["2026-03-31", "2026-03-01"],
    ["2026-03-01", "2026-03-01"],
    ["2024-02-29", "2024-02-01"],
    ["2026-12-31", "2026-12-01"],
  ])("the month of %s starts %s", (date, expected) => {
    expect(startOfMonthDay(day(date))).toBe(day(expected));
  });
});

describe("localDay, read once per quarter hour", () => {
  const direct = new Map<string, Intl.DateTimeFormat>();
  /** The local date straight from Intl, with no caching of offsets. */
  function directLocalDay(at: number, timeZone: string): number {
    let format = direct.get(timeZone);
    if (!format) {
      format = new Intl.DateTimeFormat("en-US", {
        timeZone,
        year: "numeric",
        month: "numeric",
        day: "numeric",
      });
      direct.set(timeZone, format);
    }
    const parts = format.formatToParts(at);
    const field = (type: string) => Number(parts.find((p) => p.type === type)?.value);
    return Math.floor(Date.UTC(field("year"), field("month") - 1, field("day")) / MS_PER_DAY);
  }
  const zones = [
    "Europe/Berlin",
    "America/New_York",
    "America/Santiago",
    "America/Havana",
    "Asia/Beirut",
    "Australia/Lord_Howe",
    "Asia/Kathmandu",
    "Pacific/Chatham",
    "America/St_Johns",
    "UTC",
  ];

  it("agrees with Intl for any instant from 1971 to 2100 in zones with odd offsets and DST rules", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1971, 0, 1), max: Date.UTC(2100, 0, 1) }),
        fc.constantFrom(...zones),
        (at, zone) => localDay(at, zone) === directLocalDay(at, zone),
      ),
      { numRuns: 3000 },
    );
  });

  it("agrees with Intl when a zone switched off the quarter hour (Newfoundland at 00:01 in 2002)", () => {
    const switchAt = Date.UTC(2002, 9, 27, 2, 31);
    for (let at = switchAt - 3_600_000; at < switchAt + 3_600_000; at += 60_000) {
      expect(localDay(at, "America/St_Johns"), new Date(at).toISOString()).toBe(
        directLocalDay(at, "America/St_Johns"),
      );
    }
  });

  it("agrees with Intl on every minute around this year's DST switches", () => {
    const switchDays = [
      Date.UTC(2026, 2, 8),
      Date.UTC(2026, 2, 29),
      Date.UTC(2026, 3, 5),
      Date.UTC(2026, 8, 6),
      Date.UTC(2026, 9, 25),
      Date.UTC(2026, 10, 1),
    ];
    for (const zone of zones) {
      for (const day of switchDays) {
        // Every minute of the 12 hours either side of midnight UTC, where the switches fall.
        for (let at = day - 43_200_000; at < day + 43_200_000; at += 60_000) {
          expect(localDay(at, zone), `${zone} ${new Date(at).toISOString()}`).toBe(directLocalDay(at, zone));
        }
      }
    }
  });
});
