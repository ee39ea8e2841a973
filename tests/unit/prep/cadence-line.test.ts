import { describe, expect, it } from "vitest";
import { cadenceWords } from "@/components/cadence-words";
import { daysLate } from "@/lib/prep";

const zone = "Europe/Berlin";
const at = (iso: string) => new Date(iso).getTime();

describe("cadenceWords", () => {
  it.each([
    [1, "daily"],
    [7, "weekly"],
    [14, "every 2 weeks"],
    [21, "every 3 weeks"],
    [30, "monthly"],
    [10, "every 10 days"],
  ])("%i days reads %s", (days, name) => {
    expect(cadenceWords(days)).toBe(name);
  });
});

describe("daysLate", () => {
  it("is unknown for a first 1:1", () => {
    expect(daysLate(7, undefined, at("2026-12-03T10:00:00Z"), zone)).toBeUndefined();
  });

  it("is on cadence up to the cadence's last day", () => {
    expect(daysLate(7, at("2026-11-26T10:00:00Z"), at("2026-12-03T10:00:00Z"), zone)).toBe(0);
    expect(daysLate(14, at("2026-11-26T10:00:00Z"), at("2026-12-03T10:00:00Z"), zone)).toBe(0);
  });

  it("says how many days past the cadence a late 1:1 comes", () => {
    expect(daysLate(7, at("2026-11-25T10:00:00Z"), at("2026-12-03T10:00:00Z"), zone)).toBe(1);
    expect(daysLate(7, at("2026-11-19T10:00:00Z"), at("2026-12-03T10:00:00Z"), zone)).toBe(7);
  });

  it("counts the manager's calendar days, not 24-hour spans", () => {
    // 23:30 on the 26th to 08:00 on the 3rd in Berlin is under seven 24-hour spans but seven days.
    expect(daysLate(7, at("2026-11-26T22:30:00Z"), at("2026-12-03T07:00:00Z"), zone)).toBe(0);
    expect(daysLate(6, at("2026-11-26T22:30:00Z"), at("2026-12-03T07:00:00Z"), zone)).toBe(1);
  });
});
