import { describe, expect, it } from "vitest";
import { formatDay, formatStart } from "@/components/dates";

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
