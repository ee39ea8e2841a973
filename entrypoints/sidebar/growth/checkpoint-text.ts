import { differenceInCalendarDays } from "date-fns";
import { formatDay } from "@/components/dates";
import { type CheckpointUrgency, checkpointUrgency } from "@/lib/db";
import type { GrowthCheckpoint } from "@/lib/templates";

/** "due in 3 days", "overdue since 31 Oct", "done": how a checkpoint stands at `now`. */
export function checkpointState(
  checkpoint: GrowthCheckpoint,
  now: number,
): { urgency?: CheckpointUrgency; text: string } {
  const urgency = checkpointUrgency(checkpoint, now);
  if (!urgency) return { text: checkpoint.status };
  if (urgency === "overdue") return { urgency, text: `overdue since ${formatDay(checkpoint.dueAt, now)}` };
  const days = differenceInCalendarDays(checkpoint.dueAt, now);
  const when = days <= 0 ? "due today" : days === 1 ? "due tomorrow" : `due in ${days} days`;
  return { urgency, text: urgency === "due" ? when : `in ${days} days` };
}
