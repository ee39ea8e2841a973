import { describe, expect, it } from "vitest";
import { monthOfQuarter, parseQuarter, quarterEnd, quarterOf, quarterStart } from "@/lib/templates";

// Local-time constructors, so the table holds in every time zone the tests run in.
const local = (y: number, m: number, d: number, h = 0, min = 0) => new Date(y, m - 1, d, h, min);

describe("quarterOf", () => {
  it.each([
    [local(2026, 1, 1), "2026-Q1"],
    [local(2026, 3, 31, 23, 59), "2026-Q1"],
    [local(2026, 4, 1), "2026-Q2"],
    [local(2026, 9, 30, 23, 30), "2026-Q3"],
    [local(2026, 10, 1, 0, 30), "2026-Q4"],
    [local(2026, 12, 31, 23, 59), "2026-Q4"],
    [local(2027, 1, 1), "2027-Q1"],
  ])("%s → %s", (date, key) => {
    expect(quarterOf(date)).toBe(key);
    expect(quarterOf(date.getTime())).toBe(key);
  });
});

describe("quarter bounds", () => {
  it.each([
    ["2026-Q1", local(2026, 1, 1), local(2026, 4, 1)],
    ["2026-Q2", local(2026, 4, 1), local(2026, 7, 1)],
    ["2026-Q3", local(2026, 7, 1), local(2026, 10, 1)],
    ["2026-Q4", local(2026, 10, 1), local(2027, 1, 1)],
  ])("%s runs from its first to its last millisecond", (key, start, next) => {
    expect(quarterStart(key)).toBe(start.getTime());
    expect(quarterEnd(key)).toBe(next.getTime() - 1);
    expect(quarterOf(quarterStart(key))).toBe(key);
    expect(quarterOf(quarterEnd(key))).toBe(key);
  });

  it("finds the quarter around any date", () => {
    expect(quarterStart(local(2026, 11, 15, 10))).toBe(local(2026, 10, 1).getTime());
    expect(quarterEnd(local(2026, 11, 15, 10).getTime())).toBe(local(2027, 1, 1).getTime() - 1);
  });

  it("rejects a malformed quarter", () => {
    expect(() => quarterStart("2026-Q5")).toThrow(RangeError);
    expect(parseQuarter("2026-Q4")).toEqual({ year: 2026, quarter: 4 });
    expect(parseQuarter("Q4 2026")).toBeUndefined();
  });

  it.each([
    [local(2026, 10, 1), 0],
    [local(2026, 11, 30), 1],
    [local(2026, 12, 31), 2],
    [local(2026, 1, 15), 0],
  ])("%s is month %s of its quarter", (date, month) => {
    expect(monthOfQuarter(date)).toBe(month);
  });
});
