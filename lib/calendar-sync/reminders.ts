import type { UpcomingOneOnOne } from "@/lib/db";

/** A reminder due: who it is with and what waits, for the background to put in the manager's words. */
export interface Reminder {
  meetingId: string;
  personName: string;
  openItems: number;
  queuedFeedback: number;
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
    .map((u) => ({
      meetingId: u.meeting.id,
      personName: u.person.displayName,
      openItems: u.openItems,
      queuedFeedback: u.queuedFeedback,
    }));
}
