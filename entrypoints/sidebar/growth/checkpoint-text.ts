import { differenceInCalendarDays } from "date-fns";
import { formatDay } from "@/components/dates";
import { t } from "@/components/i18n";
import { type CheckpointUrgency, checkpointUrgency } from "@/lib/db";
import type { GrowthCheckpoint } from "@/lib/templates";

/** "due in 3 days", "overdue since 31 Oct", "done": how a checkpoint stands at `now`. */
export function checkpointState(
  checkpoint: GrowthCheckpoint,
  now: number,
): { urgency?: CheckpointUrgency; text: string } {
  const urgency = checkpointUrgency(checkpoint, now);
  if (!urgency)
    return { text: checkpoint.status === "done" ? t("sidebar.stateDone") : t("sidebar.stateOpen") };
  if (urgency === "overdue")
    return { urgency, text: t("sidebar.overdueSince", [formatDay(checkpoint.dueAt, now)]) };
  const days = differenceInCalendarDays(checkpoint.dueAt, now);
  const when =
    days <= 0 ? t("sidebar.dueToday") : days === 1 ? t("sidebar.dueTomorrow") : t("sidebar.dueInDays", days);
  return { urgency, text: urgency === "due" ? when : t("sidebar.inDays", days) };
}
