import { describe, expect, it } from "vitest";
import { formatDay, formatSpan, formatStart } from "@/components/dates";

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
