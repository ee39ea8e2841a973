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
 * The sidebar's cadence status for a meeting: whether it comes on time after the last 1:1 that
 * took place, counted in the manager's calendar days so a late-evening 1:1 isn't a day early.
 */
export function cadenceLine(
  cadenceDays: number,
  lastAt: number | undefined,
  at: number,
  timeZone?: string,
): string {
  const name = cadenceName(cadenceDays);
  if (lastAt === undefined) return `Meets ${name}`;
  const zone = resolveTimeZone(timeZone);
  const gap = localDay(at, zone) - localDay(lastAt, zone);
  const late = gap - cadenceDays;
  if (late <= 0) return `Meets ${name} · on time`;
  return `Meets ${name} · ${late} ${late === 1 ? "day" : "days"} late`;
}
