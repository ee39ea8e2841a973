import type { Meeting } from "@/lib/db";

export interface TimedMeetings {
  /** meetings run with the timer */
  timed: number;
  /** minutes in the report's own items ÷ all timed minutes; undefined when none were timed */
  theirItemsShare: number | undefined;
  /** mean actual minutes of the timed meetings */
  averageActualMinutes: number | undefined;
  /** mean planned minutes of the same meetings */
  averagePlannedMinutes: number | undefined;
}

/** How one person's timed 1:1s went: whose agenda got the time, and how long they ran. */
export function timedMeetings(meetings: readonly Pick<Meeting, "timedBoxes">[]): TimedMeetings {
  let timed = 0;
  let theirs = 0;
  let actual = 0;
  let planned = 0;
  for (const m of meetings) {
    if (!m.timedBoxes || m.timedBoxes.length === 0) continue;
    timed++;
    for (const box of m.timedBoxes) {
      actual += box.actualMinutes;
      planned += box.plannedMinutes;
      if (box.section === "theirs") theirs += box.actualMinutes;
    }
  }
  if (timed === 0)
    return {
      timed,
      theirItemsShare: undefined,
      averageActualMinutes: undefined,
      averagePlannedMinutes: undefined,
    };
  return {
    timed,
    theirItemsShare: actual === 0 ? undefined : theirs / actual,
    averageActualMinutes: actual / timed,
    averagePlannedMinutes: planned / timed,
  };
}
