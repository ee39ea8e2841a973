import { describe, expect, it } from "vitest";
import { calendarEventUrl, formatDay, formatSpan, formatStart } from "@/components/dates";

const tuesday = new Date(2026, 10, 3, 10, 0).getTime();
const lastYear = new Date(2025, 8, 29, 16, 0).getTime();
const now = new Date(2026, 11, 4, 9, 0).getTime();

describe("dates follow the browser's language", () => {
  it.each([
    ["en-GB", "3 Nov", "29 Sept 2025", "Tue 3 Nov, 10:00"],
    ["en-US", "Nov 3", "Sep 29, 2025", "Tue, Nov 3, 10:00 AM"],
    ["de-DE", "3. Nov.", "29.09.2025", "Di., 3. Nov., 10:00"],
    ["fr-FR", "3 nov.", "29 sept. 2025", "mar. 3 nov., 10:00"],
    ["es-ES", "3 nov", "29 sept 2025", "mar, 3 nov, 10:00"],
  ])("%s: %s this year, %s before, %s for a start", (locale, day, otherYear, start) => {
    expect(formatDay(tuesday, now, locale)).toBe(day);
    expect(formatDay(lastYear, now, locale)).toBe(otherYear);
    expect(formatStart(tuesday, locale)).toBe(start);
  });
});

describe("how long before, in the pages' language", () => {
  const day = 86_400_000;
  it.each([
    ["en-GB", 45 * 60_000, "45 minutes"],
    ["en-GB", 7 * day, "7 days"],
    ["en-GB", 1 * day, "1 day"],
    ["de-DE", 14 * day, "14 Tage"],
    ["fr-FR", 92 * day, "3\u00a0mois"],
    ["es-ES", 800 * day, "2 años"],
  ])("%s: %i ms is %s", (locale, span, words) => {
    expect(formatSpan(tuesday - span, tuesday, locale)).toBe(words);
  });
});

describe("a meeting's place in Calendar", () => {
  it("is its event when its id was seen", () => {
    expect(calendarEventUrl({ eid: "abc+/=", startsAt: tuesday })).toBe(
      "https://calendar.google.com/calendar/r/event?eid=abc%2B%2F%3D",
    );
  });

  it.each([
    [new Date(2026, 2, 9, 0, 0), "2026/3/9"],
    [new Date(2026, 11, 31, 23, 59), "2026/12/31"],
    [new Date(2027, 0, 1, 0, 30), "2027/1/1"],
  ])("is that day, on the manager's own clock, when it wasn't: %s", (at, path) => {
    expect(calendarEventUrl({ startsAt: at.getTime() })).toBe(
      `https://calendar.google.com/calendar/r/day/${path}`,
    );
  });
});
