import type { ActionItem, Person } from "@/lib/db";

export type OverdueScope = "all" | "mine";

/** Open action items whose due date has passed, the longest overdue first; "mine" keeps owner "me". */
export function overdueItems(
  actionItems: readonly ActionItem[],
  now: number,
  scope: OverdueScope,
): ActionItem[] {
  return actionItems
    .filter(
      (item) =>
        item.doneAt === undefined &&
        item.dueAt !== undefined &&
        item.dueAt < now &&
        (scope === "all" || item.owner === "me"),
    )
    .sort((a, b) => (a.dueAt ?? 0) - (b.dueAt ?? 0));
}

export function overdueCount(
  actionItems: readonly ActionItem[],
  now: number,
  scope: OverdueScope = "all",
): number {
  return overdueItems(actionItems, now, scope).length;
}

export interface OverdueForPerson {
  personId: string;
  displayName: string;
  count: number;
}

/** Shown for items whose person row is gone, so the per-person lines still add up to the badge. */
export const UNKNOWN_PERSON_NAME = "Unknown person";

/**
 * Overdue items (as returned by `overdueItems`) counted per person, most first, then by name.
 * Archived people stay in: their open items still count on the badge.
 */
export function overdueByPerson(items: readonly ActionItem[], people: readonly Person[]): OverdueForPerson[] {
  const names = new Map(people.map((p) => [p.id, p.displayName || p.email || UNKNOWN_PERSON_NAME]));
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item.personId, (counts.get(item.personId) ?? 0) + 1);
  return [...counts]
    .map(([personId, count]) => ({
      personId,
      displayName: names.get(personId) ?? UNKNOWN_PERSON_NAME,
      count,
    }))
    .sort((a, b) => b.count - a.count || a.displayName.localeCompare(b.displayName));
}
