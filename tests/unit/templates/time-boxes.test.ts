import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type AgendaSectionTemplate,
  fitTimeBoxes,
  meetingMinutes,
  plannedMinutes,
  type WeeklyTemplate,
  weeklyTemplate,
} from "@/lib/templates";

const minutesOf = (template: WeeklyTemplate) => template.sections.map((s) => s.minutes);

const withMinutes = (minutes: readonly (number | undefined)[]): WeeklyTemplate => ({
  wrapUp: "",
  sections: minutes.map(
    (m, i): AgendaSectionTemplate => ({
      key: (["theirs", "growth", "feedback", "mine"] as const)[i % 4] ?? "theirs",
      title: `Part ${i}`,
      prompt: "",
      ...(m === undefined ? {} : { minutes: m }),
    }),
  ),
});

describe("fitTimeBoxes", () => {
  it.each([
    [60, [30, 20, 10, undefined]],
    [25, [13, 8, 4, undefined]],
    [45, [23, 15, 7, undefined]],
    [50, [25, 17, 8, undefined]],
    [15, [8, 5, 2, undefined]],
    [3, [1, 1, 1, undefined]],
    [90, [45, 30, 15, undefined]],
  ])("fits the weekly template's boxes to a %i-minute 1:1", (length, expected) => {
    const fitted = fitTimeBoxes(weeklyTemplate, length);
    expect(minutesOf(fitted)).toEqual(expected);
    expect(plannedMinutes(fitted)).toBe(length);
    // Titles, prompts and order stay the template's.
    expect(fitted.sections.map((s) => s.title)).toEqual(weeklyTemplate.sections.map((s) => s.title));
    expect(fitted.wrapUp).toBe(weeklyTemplate.wrapUp);
  });

  it.each([
    ["unknown", undefined],
    ["as long as planned", 30],
    ["too short to give every box a minute", 2],
    ["not a whole number of minutes", 42.5],
    ["not positive", 0],
  ])("keeps the template's minutes when the length is %s", (_why, length) => {
    expect(fitTimeBoxes(weeklyTemplate, length)).toBe(weeklyTemplate);
  });

  it("keeps a template without time boxes as it is", () => {
    const noBoxes = withMinutes([undefined, 0, undefined]);
    expect(fitTimeBoxes(noBoxes, 60)).toBe(noBoxes);
  });

  it("sums exactly to the length, in proportion, with no box of a non-zero section at zero", () => {
    const section = fc.option(fc.integer({ min: 0, max: 120 }), { nil: undefined });
    fc.assert(
      fc.property(
        fc.array(section, { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 24 * 60 }),
        (minutes, length) => {
          const template = withMinutes(minutes);
          const fitted = fitTimeBoxes(template, length);
          const boxed = minutes.filter((m): m is number => m !== undefined && m > 0);
          const planned = boxed.reduce((a, b) => a + b, 0);
          if (planned === 0 || length < boxed.length) {
            expect(fitted).toBe(template);
            return;
          }
          expect(plannedMinutes(fitted)).toBe(length);
          fitted.sections.forEach((s, i) => {
            const before = minutes[i];
            // "If time" sections and empty boxes are untouched.
            if (before === undefined || before === 0) {
              expect(s.minutes).toBe(before);
              return;
            }
            expect(Number.isInteger(s.minutes)).toBe(true);
            expect(s.minutes).toBeGreaterThanOrEqual(1);
            const exact = (before * length) / planned;
            // Whole minutes off the exact share by less than one, unless a tiny share was raised to a
            // minute and others paid for it.
            if (boxed.every((m) => (m * length) / planned >= 1)) {
              expect(Math.abs((s.minutes ?? 0) - exact)).toBeLessThan(1);
            }
          });
        },
      ),
    );
  });

  it("gives a larger box at least as many minutes as a smaller one", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 60 }), { minLength: 2, maxLength: 6 }),
        fc.integer({ min: 6, max: 240 }),
        (minutes, length) => {
          const fitted = minutesOf(fitTimeBoxes(withMinutes(minutes), length));
          for (let i = 0; i < minutes.length; i++)
            for (let j = 0; j < minutes.length; j++)
              if ((minutes[i] ?? 0) > (minutes[j] ?? 0))
                expect(fitted[i] ?? 0).toBeGreaterThanOrEqual(fitted[j] ?? 0);
        },
      ),
    );
  });
});

describe("meetingMinutes", () => {
  const at = Date.UTC(2026, 9, 13, 16);
  it.each([
    [at + 60 * 60_000, 60],
    [at + 25 * 60_000, 25],
    [at + 29.6 * 60_000, 30],
    [undefined, undefined],
    [at, undefined],
    [at - 60_000, undefined],
    [at + 10_000, undefined],
  ])("from 16:00 to %s", (endsAt, expected) => {
    expect(meetingMinutes(at, endsAt)).toBe(expected);
  });
});
