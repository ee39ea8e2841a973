import { describe, expect, it } from "vitest";
import { cadenceLine, cadenceName } from "@/lib/prep";

const zone = "Europe/Berlin";
const at = (iso: string) => new Date(iso).getTime();

describe("cadenceName", () => {
  it.each([
    [1, "daily"],
    [7, "weekly"],
    [14, "every 2 weeks"],
    [21, "every 3 weeks"],
    [30, "monthly"],
    [10, "every 10 days"],
  ])("%i days reads %s", (days, name) => {
    expect(cadenceName(days)).toBe(name);
  });
});

describe("cadenceLine", () => {
  it("names only the cadence for a first 1:1", () => {
    expect(cadenceLine(7, undefined, at("2026-12-03T10:00:00Z"), zone)).toBe("Meets weekly");
  });

  it("is on cadence up to the cadence's last day", () => {
    expect(cadenceLine(7, at("2026-11-26T10:00:00Z"), at("2026-12-03T10:00:00Z"), zone)).toBe(
      "Meets weekly · on time",
    );
    expect(cadenceLine(14, at("2026-11-26T10:00:00Z"), at("2026-12-03T10:00:00Z"), zone)).toBe(
      "Meets every 2 weeks · on time",
    );
  });

  it("says how many days past the cadence a late 1:1 comes", () => {
    expect(cadenceLine(7, at("2026-11-25T10:00:00Z"), at("2026-12-03T10:00:00Z"), zone)).toBe(
      "Meets weekly · 1 day late",
    );
    expect(cadenceLine(7, at("2026-11-19T10:00:00Z"), at("2026-12-03T10:00:00Z"), zone)).toBe(
      "Meets weekly · 7 days late",
    );
  });

  it("counts the manager's calendar days, not 24-hour spans", () => {
    // 23:30 on the 26th to 08:00 on the 3rd in Berlin is under seven 24-hour spans but seven days.
    expect(cadenceLine(7, at("2026-11-26T22:30:00Z"), at("2026-12-03T07:00:00Z"), zone)).toBe(
      "Meets weekly · on time",
    );
    expect(cadenceLine(6, at("2026-11-26T22:30:00Z"), at("2026-12-03T07:00:00Z"), zone)).toBe(
      "Meets every 6 days · 1 day late",
    );
  });
});
