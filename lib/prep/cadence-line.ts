import { localDay, resolveTimeZone } from "@/lib/cadence/calendar-days";

/**
 * How many days late a meeting comes after the last 1:1 that took place (0 when on time), counted
 * in the manager's calendar days so a late-evening 1:1 isn't a day early; undefined before any.
 */
export function daysLate(cadenceDays: number, lastAt: number | undefined, at: number, timeZone?: string) {
  if (lastAt === undefined) return undefined;
  const zone = resolveTimeZone(timeZone);
  const gap = localDay(at, zone) - localDay(lastAt, zone);
  return Math.max(0, gap - cadenceDays);
}
