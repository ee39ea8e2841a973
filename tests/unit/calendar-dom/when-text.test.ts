// @vitest-environment happy-dom
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hasRecurrenceWords, minutesFromText, startFromText } from "@/lib/calendar-dom/when-text";

/** Local wall-clock time as ISO UTC: When text is read in the browser's zone. */
const local = (y: number, m: number, d: number, h: number, min = 0) =>
  new Date(y, m - 1, d, h, min).toISOString();
const allDay = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d)).toISOString();

describe("startFromText", () => {
  it.each([
    ["Tuesday, October 13, 2026 ⋅ 4:00 – 4:30pm\nWeekly on Tuesday", local(2026, 10, 13, 16)],
    ["Tuesday, October 13, 2026⋅4:00 – 4:30pm", local(2026, 10, 13, 16)],
    ["Wednesday, October 14, 2026 ⋅ 10:00 – 10:30am", local(2026, 10, 14, 10)],
    ["Thursday, October 15, 2026 ⋅ 11:30 – 12:30pm", local(2026, 10, 15, 11, 30)],
    ["Thursday, October 15, 2026 ⋅ 11:30am – 12:30pm", local(2026, 10, 15, 11, 30)],
    ["Thursday, October 15, 2026 ⋅ 12:00 – 1:00pm", local(2026, 10, 15, 12)],
    ["Thursday, October 15, 2026 ⋅ 10 – 11am", local(2026, 10, 15, 10)],
    ["Friday, October 16, 2026 ⋅ 11:00pm – 12:30am", local(2026, 10, 16, 23)],
    ["Friday, October 16, 2026 ⋅ 9:00 AM – 10:00 AM", local(2026, 10, 16, 9)],
    ["Fri, Oct 16, 2026, 2:15 p.m. to 3 p.m.", local(2026, 10, 16, 14, 15)],
    ["Tuesday 13 October 2026 ⋅ 16:00 – 16:30", local(2026, 10, 13, 16)],
    ["Tuesday, October 13, 2026", allDay(2026, 10, 13)],
    ["Oct 14, 2026 10:00am", local(2026, 10, 14, 10)],
    // German
    ["Dienstag, 13. Oktober 2026 ⋅ 16:00–16:30\nWöchentlich am Dienstag", local(2026, 10, 13, 16)],
    ["Dienstag, 13. Oktober 2026⋅16:00 bis 16:30 Uhr", local(2026, 10, 13, 16)],
    ["16. Okt. 2026 09:00", local(2026, 10, 16, 9)],
    ["Mittwoch, 4. März 2026", allDay(2026, 3, 4)],
    ["13.10.2026 16:00", local(2026, 10, 13, 16)],
    ["2026-10-13 16:00", local(2026, 10, 13, 16)],
    // Nothing to read
    ["", undefined],
    ["Weekly on Tuesday", undefined],
    ["February 31, 2026 ⋅ 10:00am", undefined],
    ["2 guests", undefined],
  ])("%j", (text, expected) => {
    expect(startFromText(text)).toBe(expected);
  });

  it("takes the year nearest to now when the text has none", () => {
    const now = new Date(2026, 11, 20);
    expect(startFromText("Tuesday, January 5 ⋅ 9:00 – 9:30am", now)).toBe(local(2027, 1, 5, 9));
    expect(startFromText("Tuesday, December 15 ⋅ 9:00 – 9:30am", now)).toBe(local(2026, 12, 15, 9));
    expect(startFromText("Dienstag, 13. Oktober ⋅ 16:00–16:30", new Date(2026, 9, 1))).toBe(
      local(2026, 10, 13, 16),
    );
  });

  it("never throws and stays fast on hostile text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 500 }), (text) => {
        const result = startFromText(text);
        expect(result === undefined || !Number.isNaN(Date.parse(result))).toBe(true);
      }),
    );
    const odd = startFromText(`${"October 1".repeat(50_000)} ${"1:".repeat(100_000)}`);
    expect(odd === undefined || !Number.isNaN(Date.parse(odd))).toBe(true);
  });
});

describe("minutesFromText", () => {
  it.each([
    ["Tuesday, October 13, 2026 ⋅ 4:00 – 4:30pm\nWeekly on Tuesday", 30],
    ["Tuesday, October 13, 2026 ⋅ 4:00 – 5:00pm", 60],
    ["Wednesday, October 14, 2026 ⋅ 10:00 – 10:25am", 25],
    ["Thursday, October 15, 2026 ⋅ 11:30 – 12:30pm", 60],
    ["Thursday, October 15, 2026 ⋅ 11:30am – 12:30pm", 60],
    ["Thursday, October 15, 2026 ⋅ 10 – 11am", 60],
    ["Friday, October 16, 2026 ⋅ 9:00 AM – 10:00 AM", 60],
    ["Fri, Oct 16, 2026, 2:15 p.m. to 3 p.m.", 45],
    ["Friday, October 16, 2026 ⋅ 11:00pm – 12:30am", 90],
    ["Tuesday 13 October 2026 ⋅ 16:00 – 16:30", 30],
    ["Dienstag, 13. Oktober 2026⋅16:00 bis 16:45 Uhr", 45],
    // No range: no length.
    ["Tuesday, October 13, 2026", undefined],
    ["Oct 14, 2026 10:00am", undefined],
    ["Weekly on Tuesday", undefined],
    ["", undefined],
  ])("%j", (text, expected) => {
    expect(minutesFromText(text)).toBe(expected);
  });

  it("never throws, and any length it gives is within a day", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 500 }), (text) => {
        const minutes = minutesFromText(text);
        if (minutes !== undefined) expect(minutes > 0 && minutes <= 24 * 60).toBe(true);
      }),
    );
  });
});

describe("hasRecurrenceWords", () => {
  it.each([
    "Weekly on Tuesday",
    "Daily",
    "Every weekday (Monday to Friday)",
    "Every 2 weeks on Thursday",
    "Monthly on the second Tuesday",
    "Annually on October 13",
    "Wöchentlich am Dienstag",
    "Täglich",
    "Jeden Werktag (Montag bis Freitag)",
    "Alle 2 Wochen am Donnerstag",
    "Monatlich am zweiten Dienstag",
    "Toutes les semaines le mardi",
    "Cada semana el martes",
  ])("%s repeats", (text) => {
    expect(hasRecurrenceWords(text)).toBe(true);
  });

  it.each([
    "Tuesday, October 13, 2026 ⋅ 4:00 – 4:30pm",
    "Dienstag, 13. Oktober 2026 ⋅ 16:00–16:30",
    "Everyone's welcome", // "every" only as a whole word
    "",
  ])("%s does not", (text) => {
    expect(hasRecurrenceWords(text)).toBe(false);
  });
});
