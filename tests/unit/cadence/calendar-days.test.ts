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
