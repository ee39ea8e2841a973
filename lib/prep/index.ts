import type { ActionItem, Meeting } from "@/lib/db";

/**
 * What the sidebar shows before a 1:1, derived from plain rows: no database, no DOM,
 * so every rule here is a table test.
 */

/** Meetings that did not happen do not count as "last met" or as meetings an item stayed open. */
function tookPlace(meeting: Meeting): boolean {
  return meeting.status !== "cancelled" && meeting.status !== "skipped";
}

/** The latest meeting before this one that took place, or undefined for a first 1:1. */
export function lastMet(
  meetings: readonly Meeting[],
  current: Pick<Meeting, "id" | "startsAt">,
): Meeting | undefined {
  let latest: Meeting | undefined;
  for (const m of meetings) {
    if (m.id === current.id || m.startsAt >= current.startsAt || !tookPlace(m)) continue;
    if (!latest || m.startsAt > latest.startsAt) latest = m;
  }
  return latest;
}

export interface CarriedActionItem {
  item: ActionItem;
  /** when it was agreed: the start of that meeting, or when it was written down */
  openSince: number;
  /** meetings held since the one where it was agreed, up to and including this one */
  meetingsOpen: number;
  overdue: boolean;
}

/**
 * Open items agreed before this meeting, with how long they have been carried.
 * Items agreed in this very meeting are listed with this meeting instead.
 */
export function carryOverItems(
  items: readonly ActionItem[],
  meetings: readonly Meeting[],
  current: Pick<Meeting, "id" | "startsAt">,
  now: number,
  /** Items ticked in this view stay listed (ticked), so they do not vanish under the cursor. */
  keepIds: ReadonlySet<string> = new Set(),
): CarriedActionItem[] {
  const startsById = new Map(meetings.map((m) => [m.id, m.startsAt]));
  const agreedAt = (item: ActionItem) => startsById.get(item.meetingId) ?? item.createdAt;
  const listed = (item: ActionItem) => item.doneAt === undefined || keepIds.has(item.id);
  return items
    .filter((item) => item.meetingId !== current.id && listed(item) && agreedAt(item) < current.startsAt)
    .map((item) => {
      const meetingsOpen = meetings.filter(
        (m) => tookPlace(m) && m.startsAt > agreedAt(item) && m.startsAt <= current.startsAt,
      ).length;
      return {
        item,
        openSince: agreedAt(item),
        meetingsOpen,
        overdue: item.doneAt === undefined && item.dueAt !== undefined && item.dueAt < now,
      };
    })
    .sort((a, b) => a.openSince - b.openSince);
}
export * from "./agenda";
export { daysLate } from "./cadence-line";
export { looksLikeStatusMeeting, type StatusMeetingVerdict } from "./status-meeting";
