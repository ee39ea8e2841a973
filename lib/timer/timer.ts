import { z } from "zod";
import { agendaSections } from "@/lib/db";

const MINUTE = 60_000;
const epochMs = z.number().int().nonnegative();

/**
 * A running 1:1 as absolute times only: a closed frame or a sleeping worker misses no tick,
 * because how much is left is always worked out again from the clock.
 */
export const runningTimerSchema = z.object({
  meetingId: z.string().min(1).max(200),
  personId: z.string().min(1).max(200),
  name: z.string().max(500),
  startedAt: epochMs,
  boxes: z
    .array(
      z.object({
        section: z.enum(agendaSections),
        title: z.string().max(200),
        plannedMinutes: z
          .number()
          .int()
          .min(1)
          .max(24 * 60),
        /** +2 and +5 minute extensions, summed */
        extraMinutes: z
          .number()
          .int()
          .min(0)
          .max(24 * 60),
        startedAt: epochMs.optional(),
        endedAt: epochMs.optional(),
        skipped: z.boolean().optional(),
      }),
    )
    .min(1)
    .max(20),
  /** the box running now; equal to the number of boxes once the last one has ended */
  current: z.number().int().min(0),
});
export type RunningTimer = z.infer<typeof runningTimerSchema>;
export type TimerBox = RunningTimer["boxes"][number];

export interface TimeBoxPlan {
  section: TimerBox["section"];
  title: string;
  minutes?: number;
}

/** Starts the 1:1's time boxes in order; sections without a box ("if time") are not timed. */
export function startTimer(
  meeting: { meetingId: string; personId: string; name: string },
  sections: readonly TimeBoxPlan[],
  now: number,
): RunningTimer | undefined {
  const boxes = sections.flatMap((s) =>
    s.minutes !== undefined && s.minutes > 0
      ? [{ section: s.section, title: s.title, plannedMinutes: s.minutes, extraMinutes: 0 }]
      : [],
  );
  const [first, ...rest] = boxes;
  if (!first) return undefined;
  return { ...meeting, startedAt: now, boxes: [{ ...first, startedAt: now }, ...rest], current: 0 };
}

export interface TimerNow {
  box: TimerBox;
  index: number;
  /** milliseconds left in the box; negative once it has run over */
  msLeft: number;
  isLast: boolean;
}

/** The box running at `now`, or undefined once every box has ended. */
export function timerNow(timer: RunningTimer, now: number): TimerNow | undefined {
  const box = timer.boxes[timer.current];
  if (!box) return undefined;
  const startedAt = box.startedAt ?? now;
  const msLeft = startedAt + (box.plannedMinutes + box.extraMinutes) * MINUTE - now;
  return { box, index: timer.current, msLeft, isLast: timer.current === timer.boxes.length - 1 };
}

function endCurrent(timer: RunningTimer, now: number, skipped: boolean): RunningTimer {
  const boxes = timer.boxes.map((b, i) => {
    if (i === timer.current) return { ...b, endedAt: now, ...(skipped ? { skipped: true } : {}) };
    if (i === timer.current + 1) return { ...b, startedAt: now };
    return b;
  });
  return { ...timer, boxes, current: Math.min(timer.current + 1, timer.boxes.length) };
}

/** Ends the current box and starts the next one now. */
export function moveOn(timer: RunningTimer, now: number): RunningTimer {
  return endCurrent(timer, now, false);
}

/** Ends the current box as skipped: the time it took still counts, the box is marked. */
export function skipBox(timer: RunningTimer, now: number): RunningTimer {
  return endCurrent(timer, now, true);
}

/** Gives the current box more minutes. */
export function extendBox(timer: RunningTimer, minutes: number): RunningTimer {
  if (!Number.isInteger(minutes) || minutes < 1) return timer;
  return {
    ...timer,
    boxes: timer.boxes.map((b, i) =>
      i === timer.current ? { ...b, extraMinutes: b.extraMinutes + minutes } : b,
    ),
  };
}

/** The minutes each box took, rounded to whole minutes, for a timer ended at `now`. */
export function actualMinutes(
  timer: RunningTimer,
  now: number,
): { section: TimerBox["section"]; plannedMinutes: number; actualMinutes: number }[] {
  return timer.boxes.map((b) => {
    const ran = b.startedAt === undefined ? 0 : Math.max(0, (b.endedAt ?? now) - b.startedAt);
    return { section: b.section, plannedMinutes: b.plannedMinutes, actualMinutes: Math.round(ran / MINUTE) };
  });
}

/** "4:59": minutes and seconds left in a box, or over it. */
export function boxClock(msLeft: number): string {
  const seconds = Math.ceil(Math.abs(msLeft) / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}

/**
 * The toolbar badge while a 1:1 runs: "▶12" for twelve minutes left in the box, "+3" three over;
 * four characters at most, as badges are tiny.
 */
export function timerBadgeText(timer: RunningTimer, now: number): string | undefined {
  const running = timerNow(timer, now);
  if (!running) return undefined;
  // Whole minutes over, as a clock counts them; "+1" from the first second over.
  if (running.msLeft < 0) return `+${Math.min(99, Math.max(1, Math.floor(-running.msLeft / MINUTE)))}`;
  return `▶${Math.min(99, Math.ceil(running.msLeft / MINUTE))}`;
}

/** Reads a stored timer; anything else an older build or a bad write left is no timer. */
export function toRunningTimer(value: unknown): RunningTimer | undefined {
  const parsed = runningTimerSchema.safeParse(value);
  if (!parsed.success) return undefined;
  return parsed.data.current <= parsed.data.boxes.length ? parsed.data : undefined;
}
