import { describe, expect, it } from "vitest";
import { followThrough } from "@/lib/cadence";
import type { ActionItem } from "@/lib/db";
import { at, item } from "./fixtures";

// Tuesday 30 June 2026; the 90-day window starts on 2 April.
const NOW = at("2026-06-30T12:00:00Z");
const UTC = { timeZone: "UTC" };
/** Due dates are the end of the due day, as the action item form stores them. */
const endOf = (date: string) => at(`${date}T23:59:59.999Z`);

describe("followThrough: which items count", () => {
  it.each<[string, Partial<ActionItem>, number, number]>([
    ["done the day before", { dueAt: endOf("2026-06-10"), doneAt: at("2026-06-09T10:00:00Z") }, 1, 1],
    ["done at the last moment", { dueAt: endOf("2026-06-12"), doneAt: endOf("2026-06-12") }, 1, 1],
    ["done a day late", { dueAt: endOf("2026-06-15"), doneAt: at("2026-06-16T09:00:00Z") }, 1, 0],
    ["never done", { dueAt: endOf("2026-06-20") }, 1, 0],
    ["no due date", { doneAt: at("2026-06-10T10:00:00Z") }, 0, 0],
    [
      "theirs, not mine",
      { owner: "them", dueAt: endOf("2026-06-10"), doneAt: at("2026-06-09T10:00:00Z") },
      0,
      0,
    ],
    ["theirs, late", { owner: "them", dueAt: endOf("2026-06-10") }, 0, 0],
    ["not due yet, open", { dueAt: endOf("2026-07-05") }, 0, 0],
    ["not due yet, already done", { dueAt: endOf("2026-07-05"), doneAt: at("2026-06-29T10:00:00Z") }, 0, 0],
    ["due later today", { dueAt: endOf("2026-06-30") }, 0, 0],
    ["due on the window's first day", { dueAt: at("2026-04-02T00:00:00Z") }, 1, 0],
    ["due the day before the window", { dueAt: endOf("2026-04-01"), doneAt: 0 }, 0, 0],
  ])("%s", (_name, extra, due, doneOnTime) => {
    expect(followThrough([item(extra)], NOW, UTC)).toMatchObject({ due, doneOnTime });
  });

  it("gives the share done on time", () => {
    const items = [
      item({ dueAt: endOf("2026-06-10"), doneAt: at("2026-06-09T10:00:00Z") }),
      item({ dueAt: endOf("2026-06-12"), doneAt: endOf("2026-06-12") }),
      item({ dueAt: endOf("2026-06-15"), doneAt: at("2026-06-16T09:00:00Z") }),
      item({ dueAt: endOf("2026-06-20") }),
      item({ doneAt: at("2026-06-10T10:00:00Z") }),
      item({ owner: "them", dueAt: endOf("2026-06-10") }),
    ];
    expect(followThrough(items, NOW, UTC)).toMatchObject({ due: 4, doneOnTime: 2, rate: 0.5 });
  });

  it.each([
    [90, 1],
    [30, 0],
  ])("a window of %i days sees %i item(s)", (days, due) => {
    const items = [item({ dueAt: endOf("2026-05-01"), doneAt: 0 })];
    expect(followThrough(items, NOW, { ...UTC, days }).due).toBe(due);
  });

  it("has no rate when nothing fell due", () => {
    const result = followThrough([item({ dueAt: endOf("2026-07-05") })], NOW, UTC);
    expect(result).toMatchObject({ due: 0, doneOnTime: 0, rate: undefined });
  });
});

describe("followThrough: weekly trend", () => {
  it("covers 13 Monday weeks, oldest first, ending with this week", () => {
    const items = [
      item({ dueAt: endOf("2026-06-10"), doneAt: at("2026-06-09T10:00:00Z") }),
      item({ dueAt: endOf("2026-06-12"), doneAt: endOf("2026-06-12") }),
      item({ dueAt: endOf("2026-06-15"), doneAt: at("2026-06-16T09:00:00Z") }),
      item({ dueAt: endOf("2026-06-20") }),
      item({ dueAt: endOf("2026-06-29"), doneAt: at("2026-06-29T08:00:00Z") }),
      item({ dueAt: endOf("2026-07-01") }),
    ];
    const { trend } = followThrough(items, NOW, UTC);
    expect(trend).toHaveLength(13);
    expect(trend[0]?.weekStart).toBe(at("2026-04-06T00:00:00Z"));
    expect(trend.at(-1)?.weekStart).toBe(at("2026-06-29T00:00:00Z"));
    expect(trend.slice(-4)).toEqual([
      { weekStart: at("2026-06-08T00:00:00Z"), rate: 1 },
      { weekStart: at("2026-06-15T00:00:00Z"), rate: 0 },
      { weekStart: at("2026-06-22T00:00:00Z"), rate: undefined },
      { weekStart: at("2026-06-29T00:00:00Z"), rate: 1 },
    ]);
  });

  it("can start weeks on Sunday", () => {
    const { trend } = followThrough([], NOW, { ...UTC, weekStartsOn: 0 });
    expect(trend.at(-1)?.weekStart).toBe(at("2026-06-28T00:00:00Z"));
  });

  // Sunday 1 March 23:30 UTC: still Sunday in Los Angeles, already Monday in Tokyo and Berlin.
  const now = at("2026-03-01T23:30:00Z");
  // Due Sunday 22:30 UTC: Sunday evening in Berlin, Monday morning in Tokyo.
  const items = [item({ dueAt: at("2026-03-01T22:30:00Z"), doneAt: at("2026-03-01T20:00:00Z") })];

  it.each([
    [
      "America/Los_Angeles",
      "2025-12-01T08:00:00Z",
      "2026-02-16T08:00:00Z",
      undefined,
      "2026-02-23T08:00:00Z",
      1,
    ],
    ["Asia/Tokyo", "2025-12-07T15:00:00Z", "2026-02-22T15:00:00Z", undefined, "2026-03-01T15:00:00Z", 1],
    ["Europe/Berlin", "2025-12-07T23:00:00Z", "2026-02-22T23:00:00Z", 1, "2026-03-01T23:00:00Z", undefined],
  ])(
    "%s: weeks from %s; the last two start %s (rate %s) and %s (rate %s)",
    (timeZone, first, previous, previousRate, last, lastRate) => {
      const { trend } = followThrough(items, now, { timeZone });
      expect(trend[0]?.weekStart).toBe(at(first));
      expect(trend.slice(-2)).toEqual([
        { weekStart: at(previous), rate: previousRate },
        { weekStart: at(last), rate: lastRate },
      ]);
    },
  );

  it("a week with the EU spring switch is an hour short, and still one week", () => {
    const { trend } = followThrough([], at("2026-04-08T12:00:00Z"), { timeZone: "Europe/Berlin" });
    expect(trend.slice(-3).map((w) => w.weekStart)).toEqual([
      at("2026-03-22T23:00:00Z"),
      at("2026-03-29T22:00:00Z"),
      at("2026-04-05T22:00:00Z"),
    ]);
  });
});
