import { describe, expect, it } from "vitest";
import {
  actualMinutes,
  boxClock,
  extendBox,
  moveOn,
  skipBox,
  startTimer,
  timerBadgeText,
  timerNow,
  toRunningTimer,
} from "@/lib/timer";

const MIN = 60_000;
const T0 = Date.UTC(2026, 2, 3, 15, 0);
const sections = [
  { section: "theirs", title: "Their items", minutes: 15 },
  { section: "growth", title: "Growth and development", minutes: 10 },
  { section: "feedback", title: "Feedback", minutes: 5 },
  { section: "mine", title: "My items" },
] as const;
const start = () => {
  const timer = startTimer({ meetingId: "m1", personId: "p1", name: "Ana" }, sections, T0);
  if (!timer) throw new Error("no timer");
  return timer;
};

describe("the 1:1 timer", () => {
  it("runs only the boxed sections, the first from the start", () => {
    const timer = start();
    expect(timer.boxes.map((b) => b.section)).toEqual(["theirs", "growth", "feedback"]);
    expect(timerNow(timer, T0 + 4 * MIN)).toMatchObject({ index: 0, msLeft: 11 * MIN, isLast: false });
  });

  it("works time left out from stored times, so a closed frame loses nothing", () => {
    const stored = toRunningTimer(JSON.parse(JSON.stringify(start())));
    if (!stored) throw new Error("refused");
    expect(timerNow(stored, T0 + 14 * MIN + 30_000)?.msLeft).toBe(30_000);
    expect(timerNow(stored, T0 + 16 * MIN)?.msLeft).toBe(-MIN);
  });

  it("extends, moves on and skips from the moment asked", () => {
    let timer = extendBox(start(), 2);
    timer = extendBox(timer, 5);
    expect(timerNow(timer, T0)?.msLeft).toBe(22 * MIN);
    timer = moveOn(timer, T0 + 20 * MIN);
    expect(timerNow(timer, T0 + 21 * MIN)).toMatchObject({ index: 1, msLeft: 9 * MIN });
    timer = skipBox(timer, T0 + 21 * MIN);
    expect(timer.boxes[1]?.skipped).toBe(true);
    expect(timerNow(timer, T0 + 21 * MIN)).toMatchObject({ index: 2, isLast: true });
    timer = moveOn(timer, T0 + 27 * MIN);
    expect(timerNow(timer, T0 + 28 * MIN)).toBeUndefined();
    expect(actualMinutes(timer, T0 + 40 * MIN)).toEqual([
      { section: "theirs", plannedMinutes: 15, actualMinutes: 20 },
      { section: "growth", plannedMinutes: 10, actualMinutes: 1 },
      { section: "feedback", plannedMinutes: 5, actualMinutes: 6 },
    ]);
  });

  it("counts a box still running up to the end, and boxes never reached as none", () => {
    expect(actualMinutes(start(), T0 + 3 * MIN).map((b) => b.actualMinutes)).toEqual([3, 0, 0]);
  });

  it("clocks and badges the time left, and the time over", () => {
    expect(boxClock(4 * MIN + 5000)).toBe("4:05");
    expect(boxClock(-90_000)).toBe("1:30");
    expect(timerBadgeText(start(), T0 + 3 * MIN + 1)).toBe("▶12");
    expect(timerBadgeText(start(), T0 + 17 * MIN)).toBe("+2");
    expect(timerBadgeText(start(), T0 + 16 * MIN + 5000)).toBe("+1");
    expect(timerBadgeText(start(), T0 + 15 * MIN + 1)).toBe("+1");
  });

  it("starts nothing without a time box, and refuses a stored shape it doesn't know", () => {
    expect(
      startTimer({ meetingId: "m", personId: "p", name: "" }, [{ section: "mine", title: "x" }], T0),
    ).toBe(undefined);
    expect(toRunningTimer({ meetingId: "m" })).toBeUndefined();
    expect(toRunningTimer({ ...start(), current: 9 })).toBeUndefined();
  });
});
