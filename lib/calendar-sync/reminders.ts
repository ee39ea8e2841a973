import type { UpcomingOneOnOne } from "@/lib/db";

export interface Reminder {
  meetingId: string;
  title: string;
  message: string;
}

/**
 * Which upcoming 1:1s deserve a reminder: only those with something waiting (open action items
 * or feedback to give), since a reminder for an empty prep is noise. Each meeting is reminded
 * of once, whatever the number of alarms.
 */
export function remindersDue(
  upcoming: readonly UpcomingOneOnOne[],
  alreadyReminded: ReadonlySet<string>,
): Reminder[] {
  return upcoming
    .filter((u) => (u.openItems > 0 || u.queuedFeedback > 0) && !alreadyReminded.has(u.meeting.id))
    .map((u) => ({ meetingId: u.meeting.id, ...reminderText(u) }));
}

export function reminderText({ person, openItems, queuedFeedback }: UpcomingOneOnOne): {
  title: string;
  message: string;
} {
  const waiting = [
    openItems > 0 && `${openItems} open action ${openItems === 1 ? "item" : "items"}`,
    queuedFeedback > 0 && `${queuedFeedback} feedback to give`,
  ].filter(Boolean);
  return {
    title: `1:1 with ${person.displayName} soon`,
    message: `${waiting.join(", ")}. Click to open the prep.`,
  };
}
