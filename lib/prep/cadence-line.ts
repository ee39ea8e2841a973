import { localDay, resolveTimeZone } from "@/lib/cadence/calendar-days";

/** How often the manager meets this person, in the words they'd use: "weekly", "every 2 weeks". */
export function cadenceName(cadenceDays: number): string {
  if (cadenceDays === 1) return "daily";
  if (cadenceDays === 7) return "weekly";
  if (cadenceDays >= 28 && cadenceDays <= 31) return "monthly";
  if (cadenceDays % 7 === 0) return `every ${cadenceDays / 7} weeks`;
  return `every ${cadenceDays} days`;
}

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

/** The sidebar's cadence status for a meeting, in English: "Meets weekly · 2 days late". */
export function cadenceLine(
  cadenceDays: number,
  lastAt: number | undefined,
  at: number,
  timeZone?: string,
): string {
  const name = cadenceName(cadenceDays);
  const late = daysLate(cadenceDays, lastAt, at, timeZone);
  if (late === undefined) return `Meets ${name}`;
  if (late === 0) return `Meets ${name} · on time`;
  return `Meets ${name} · ${late} ${late === 1 ? "day" : "days"} late`;
}
