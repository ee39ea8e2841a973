import { describe, expect, it } from "vitest";
import { type CadenceStats, cadenceFor } from "@/lib/cadence";
import type { Meeting } from "@/lib/db";
import { at, heldOn, meeting, person } from "./fixtures";

// Monday 29 June 2026. The 12-week window is the 84 days 7 April – 29 June, which holds 12 Mondays.
const NOW = at("2026-06-29T12:00:00Z");
const UTC = { timeZone: "UTC" };

const EVERY_MONDAY = [
  "2026-04-13",
  "2026-04-20",
  "2026-04-27",
  "2026-05-04",
  "2026-05-11",
  "2026-05-18",
  "2026-05-25",
  "2026-06-01",
  "2026-06-08",
  "2026-06-15",
  "2026-06-22",
  "2026-06-29",
];

describe("cadenceFor: weekly and every two weeks", () => {
  it.each<[string, number, Meeting[], Partial<CadenceStats>]>([
    [
      "weekly, every week held, known from before the window",
      7,
      heldOn("p", ["2026-03-30", "2026-04-06", ...EVERY_MONDAY]),
      {
        expected12w: 12,
        held12w: 12,
        consistency: 1,
        longestGapDays: 7,
        lastHeldAt: at("2026-06-29T10:00:00Z"),
        daysSince: 0,
        overdue: false,
        nextDueAt: at("2026-07-06T00:00:00Z"),
        skipped: 0,
        cancelled: 0,
      },
    ],
    [
      "weekly with missed weeks: one skipped, one cancelled, two with no meeting at all",
      7,
      [
        ...heldOn("p", ["2026-03-30", "2026-04-13", "2026-04-20", "2026-04-27", "2026-05-11", "2026-05-18"]),
        meeting("p", "2026-05-04T10:00:00Z", "skipped"),
        meeting("p", "2026-05-25T10:00:00Z", "cancelled"),
        ...heldOn("p", ["2026-06-01", "2026-06-22", "2026-06-29"]),
      ],
      // 8 of 12; 1 June → 22 June is the longest stretch.
      { expected12w: 12, held12w: 8, consistency: 8 / 12, longestGapDays: 21, skipped: 1, cancelled: 1 },
    ],
    [
      "every two weeks, all held",
      14,
      heldOn("p", [
        "2026-03-30",
        "2026-04-13",
        "2026-04-27",
        "2026-05-11",
        "2026-05-25",
        "2026-06-08",
        "2026-06-22",
      ]),
      {
        cadenceDays: 14,
        expected12w: 6,
        held12w: 6,
        consistency: 1,
        longestGapDays: 14,
        daysSince: 7,
        overdue: false,
        nextDueAt: at("2026-07-06T00:00:00Z"),
      },
    ],
    [
      "every two weeks, one missed",
      14,
      heldOn("p", ["2026-03-30", "2026-04-13", "2026-04-27", "2026-05-11", "2026-06-08", "2026-06-22"]),
      { expected12w: 6, held12w: 5, consistency: 5 / 6, longestGapDays: 28, overdue: false },
    ],
    [
      "every two weeks, the open gap is the longest and overdue",
      14,
      heldOn("p", ["2026-03-30", "2026-04-13", "2026-04-27", "2026-05-11", "2026-05-25"]),
      { held12w: 4, consistency: 4 / 6, longestGapDays: 35, daysSince: 35, overdue: true },
    ],
    [
      "more held than expected is capped at 1",
      7,
      [...heldOn("p", ["2026-03-30", ...EVERY_MONDAY]), meeting("p", "2026-06-24T10:00:00Z", "held")],
      { expected12w: 12, held12w: 13, consistency: 1, longestGapDays: 7 },
    ],
  ])("%s", (_name, cadenceDays, meetings, expected) => {
    expect(cadenceFor(person("p", cadenceDays), meetings, NOW, UTC)).toMatchObject(expected);
  });
});

describe("cadenceFor: what counts as held", () => {
  it.each<[string, Meeting[], Partial<CadenceStats>]>([
    [
      "a planned meeting whose start has passed counts as held",
      [...heldOn("p", ["2026-06-15", "2026-06-22"]), meeting("p", "2026-06-29T10:00:00Z", "planned")],
      { held12w: 3, daysSince: 0 },
    ],
    [
      "a planned meeting later today does not count yet",
      [...heldOn("p", ["2026-06-15", "2026-06-22"]), meeting("p", "2026-06-29T15:00:00Z", "planned")],
      { held12w: 2, daysSince: 7, overdue: false },
    ],
    [
      "a meeting marked held in the future does not count",
      [...heldOn("p", ["2026-06-15", "2026-06-22"]), meeting("p", "2026-07-06T10:00:00Z", "held")],
      { held12w: 2, lastHeldAt: at("2026-06-22T10:00:00Z") },
    ],
    [
      "skipped and cancelled meetings are counted, not held",
      [
        ...heldOn("p", ["2026-06-01"]),
        meeting("p", "2026-06-08T10:00:00Z", "skipped"),
        meeting("p", "2026-06-15T10:00:00Z", "skipped"),
        meeting("p", "2026-06-22T10:00:00Z", "cancelled"),
        meeting("p", "2026-07-06T10:00:00Z", "cancelled"),
      ],
      { held12w: 1, skipped: 2, cancelled: 1, daysSince: 28, overdue: true },
    ],
    [
      "meetings before the window do not count as held in it",
      heldOn("p", ["2026-04-06", "2026-04-07"]),
      { held12w: 1, expected12w: 12, consistency: 1 / 12, longestGapDays: 83 },
    ],
    [
      "other people's meetings are ignored",
      [...heldOn("p", ["2026-06-22"]), ...heldOn("q", ["2026-06-29"])],
      { held12w: 1, daysSince: 7 },
    ],
  ])("%s", (_name, meetings, expected) => {
    expect(cadenceFor(person("p"), meetings, NOW, UTC)).toMatchObject(expected);
  });

  it("returns the person and cadence, without last-held fields when none was held", () => {
    const stats = cadenceFor(person("p"), [], NOW, UTC);
    expect(stats).toEqual({
      personId: "p",
      cadenceDays: 7,
      expected12w: 0,
      held12w: 0,
      consistency: undefined,
      skipped: 0,
      cancelled: 0,
      overdue: false,
    });
  });
});

describe("cadenceFor: people who started later, and people never met", () => {
  it.each<[string, Meeting[], number | undefined, Partial<CadenceStats>]>([
    [
      // 8–29 June is 22 days: three complete weeks, so three meetings owed, four held.
      "first met three weeks ago, weekly since",
      heldOn("p", ["2026-06-08", "2026-06-15", "2026-06-22", "2026-06-29"]),
      undefined,
      { expected12w: 3, held12w: 4, consistency: 1 },
    ],
    [
      "first met three weeks ago, the last two missed",
      heldOn("p", ["2026-06-08", "2026-06-15"]),
      undefined,
      { expected12w: 3, held12w: 2, consistency: 2 / 3, daysSince: 14, overdue: true },
    ],
    [
      "first met six days ago: a full week is owed from today",
      heldOn("p", ["2026-06-23"]),
      undefined,
      { expected12w: 1, held12w: 1, consistency: 1 },
    ],
    [
      "added this week: nothing owed yet",
      heldOn("p", ["2026-06-25"]),
      undefined,
      { expected12w: 0, held12w: 1, consistency: undefined, daysSince: 4, overdue: false },
    ],
    [
      "a cancelled first meeting still dates the start",
      [meeting("p", "2026-06-01T10:00:00Z", "cancelled"), meeting("p", "2026-06-08T10:00:00Z", "skipped")],
      undefined,
      {
        expected12w: 4,
        held12w: 0,
        consistency: 0,
        overdue: true,
        nextDueAt: at("2026-06-08T00:00:00Z"),
        skipped: 1,
        cancelled: 1,
      },
    ],
    [
      "never held, known for less than the cadence",
      [meeting("p", "2026-06-24T10:00:00Z", "cancelled")],
      undefined,
      { expected12w: 0, overdue: false, nextDueAt: at("2026-07-01T00:00:00Z") },
    ],
    [
      "an explicit start with no meetings",
      [],
      at("2026-06-01T00:00:00Z"),
      { expected12w: 4, held12w: 0, consistency: 0, overdue: true, nextDueAt: at("2026-06-08T00:00:00Z") },
    ],
    [
      "an explicit start overrides an earlier first meeting",
      heldOn("p", ["2026-01-05", "2026-06-22", "2026-06-29"]),
      at("2026-06-15T09:00:00Z"),
      { expected12w: 2, held12w: 2, consistency: 1 },
    ],
  ])("%s", (_name, meetings, since, expected) => {
    const stats = cadenceFor(person("p"), meetings, NOW, {
      ...UTC,
      ...(since !== undefined ? { since } : {}),
    });
    expect(stats).toMatchObject(expected);
  });

  it("never held: no last-held date, no gap", () => {
    const stats = cadenceFor(person("p"), [meeting("p", "2026-06-01T10:00:00Z", "cancelled")], NOW, UTC);
    expect(stats.lastHeldAt).toBeUndefined();
    expect(stats.daysSince).toBeUndefined();
    expect(stats.longestGapDays).toBeUndefined();
  });

  it("falls back to a weekly cadence for a row without a sensible one", () => {
    expect(cadenceFor(person("p", 0), [], NOW, UTC).cadenceDays).toBe(7);
  });
});

describe("cadenceFor: time zones and DST", () => {
  // Last held Monday 22 June 23:30 UTC; asked on Tuesday 30 June 12:00 UTC.
  it.each([
    ["America/Los_Angeles", 8, true],
    ["Asia/Tokyo", 7, false],
    ["Europe/Berlin", 7, false],
  ])("%s: %i days since, overdue %s", (timeZone, daysSince, overdue) => {
    const stats = cadenceFor(
      person("p"),
      [meeting("p", "2026-06-22T23:30:00Z")],
      at("2026-06-30T12:00:00Z"),
      { timeZone },
    );
    expect(stats).toMatchObject({ daysSince, overdue });
  });

  // Just after midnight or just before it, where a 24-hour count would be off by one.
  it.each([
    ["America/Los_Angeles", "US spring forward", "2026-03-02T00:30:00-08:00", "2026-03-09T00:30:00-07:00"],
    ["America/Los_Angeles", "US fall back", "2026-10-26T23:30:00-07:00", "2026-11-02T23:30:00-08:00"],
    ["Europe/Berlin", "EU spring forward", "2026-03-23T00:30:00+01:00", "2026-03-30T00:30:00+02:00"],
    ["Europe/Berlin", "EU fall back", "2026-10-19T23:30:00+02:00", "2026-10-26T23:30:00+01:00"],
    [
      "America/Los_Angeles",
      "while only Europe has switched",
      "2026-10-26T09:00:00-07:00",
      "2026-11-02T09:00:00-08:00",
    ],
  ])("%s, %s: a weekly 1:1 is 7 days apart", (timeZone, _switch, before, after) => {
    const meetings = [meeting("p", before), meeting("p", after)];
    const stats = cadenceFor(person("p"), meetings, at(after) + 60_000, { timeZone });
    expect(stats).toMatchObject({ longestGapDays: 7, daysSince: 0 });
  });

  it.each([
    ["the day after", "2026-03-03T12:00:00-08:00", 1, false],
    ["a week later, just after midnight, 167 hours on", "2026-03-09T00:15:00-07:00", 7, false],
    ["eight days later, just after midnight", "2026-03-10T00:15:00-07:00", 8, true],
  ])("across the US switch, %s", (_name, now, daysSince, overdue) => {
    const stats = cadenceFor(person("p"), [meeting("p", "2026-03-02T00:30:00-08:00")], at(now), {
      timeZone: "America/Los_Angeles",
    });
    expect(stats).toMatchObject({ daysSince, overdue, nextDueAt: at("2026-03-09T00:00:00-07:00") });
  });

  it("12 Mondays across the EU spring switch in Berlin are exactly weekly", () => {
    const mondays = [
      "2026-02-23T09:00:00+01:00",
      "2026-03-02T09:00:00+01:00",
      "2026-03-09T09:00:00+01:00",
      "2026-03-16T09:00:00+01:00",
      "2026-03-23T09:00:00+01:00",
      "2026-03-30T09:00:00+02:00",
      "2026-04-06T09:00:00+02:00",
      "2026-04-13T09:00:00+02:00",
      "2026-04-20T09:00:00+02:00",
      "2026-04-27T09:00:00+02:00",
      "2026-05-04T09:00:00+02:00",
      "2026-05-11T09:00:00+02:00",
    ];
    const stats = cadenceFor(
      person("p"),
      [meeting("p", "2026-02-16T09:00:00+01:00"), ...mondays.map((m) => meeting("p", m))],
      at("2026-05-11T10:00:00+02:00"),
      { timeZone: "Europe/Berlin" },
    );
    expect(stats).toMatchObject({ expected12w: 12, held12w: 12, consistency: 1, longestGapDays: 7 });
  });

  it("12 Mondays across both autumn switches in Los Angeles are exactly weekly", () => {
    const mondays = [
      "2026-09-28T00:30:00-07:00",
      "2026-10-05T00:30:00-07:00",
      "2026-10-12T00:30:00-07:00",
      "2026-10-19T00:30:00-07:00",
      "2026-10-26T00:30:00-07:00",
      "2026-11-02T00:30:00-08:00",
      "2026-11-09T00:30:00-08:00",
      "2026-11-16T00:30:00-08:00",
      "2026-11-23T00:30:00-08:00",
      "2026-11-30T00:30:00-08:00",
      "2026-12-07T00:30:00-08:00",
      "2026-12-14T00:30:00-08:00",
    ];
    const stats = cadenceFor(
      person("p"),
      [meeting("p", "2026-09-21T00:30:00-07:00"), ...mondays.map((m) => meeting("p", m))],
      at("2026-12-14T23:00:00-08:00"),
      { timeZone: "America/Los_Angeles" },
    );
    expect(stats).toMatchObject({ expected12w: 12, held12w: 12, consistency: 1, longestGapDays: 7 });
  });
});
