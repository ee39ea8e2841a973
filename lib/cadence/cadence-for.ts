import type { MeetingFigures, Person } from "@/lib/db";
import { type DayNumber, localDay, resolveTimeZone, startOfLocalDay } from "./calendar-days";

/** The cadence a person gets when their row has none that makes sense. */
export const DEFAULT_CADENCE_DAYS = 7;
export const CADENCE_WINDOW_WEEKS = 12;
const WINDOW_DAYS = CADENCE_WINDOW_WEEKS * 7;

export interface CadenceOptions {
  /** IANA zone for calendar days; default: the runtime's zone. */
  timeZone?: string;
  /**
   * When the manager started having 1:1s with this person. Person rows carry no creation date, so
   * by default this is their earliest meeting on record (of any status).
   */
  since?: number;
}

export interface CadenceStats {
  personId: string;
  cadenceDays: number;
  /** start of the latest held 1:1 */
  lastHeldAt?: number;
  /** calendar days from the latest held 1:1 to today (0 = today) */
  daysSince?: number;
  /**
   * 1:1s owed over the last 12 weeks: one per complete cadence period (weekly: 12, every two
   * weeks: 6). For someone who started later, periods are counted from their start, so weeks
   * before they existed cost nothing, and a period still under way is not owed yet.
   */
  expected12w: number;
  /** held 1:1s in the last 12 weeks (84 calendar days up to now) */
  held12w: number;
  /** held12w ÷ expected12w, at most 1; undefined while nothing is owed yet */
  consistency: number | undefined;
  /**
   * The longest stretch, in calendar days, between consecutive held 1:1s in the window, counting
   * the stretch still open since the latest one; undefined if none was ever held.
   */
  longestGapDays?: number;
  /** meetings in the window marked skipped */
  skipped: number;
  /** meetings in the window marked cancelled */
  cancelled: number;
  /**
   * More calendar days than the cadence have passed since the latest held 1:1, or, if none was
   * ever held, since the person is known.
   */
  overdue: boolean;
  /** start of the local day the next 1:1 falls due; overdue from the day after */
  nextDueAt?: number;
}

/**
 * A 1:1 counts as held when it is marked "held", or when it is still "planned" and its start has
 * passed. Managers open the prep and talk; few go back to tick "held". Not marking a past meeting
 * skipped or cancelled is taken to mean it happened.
 */
export function countsAsHeld(meeting: Pick<MeetingFigures, "status" | "startsAt">, now: number): boolean {
  return meeting.startsAt <= now && (meeting.status === "held" || meeting.status === "planned");
}

export function cadenceDaysOf(person: Pick<Person, "cadenceDays">): number {
  const days = person.cadenceDays;
  return Number.isInteger(days) && days >= 1 ? days : DEFAULT_CADENCE_DAYS;
}

/** When the person is known from: the explicit start, else their earliest meeting. */
export function knownSinceOf(meetings: readonly MeetingFigures[], since?: number): number | undefined {
  if (since !== undefined) return since;
  let earliest: number | undefined;
  for (const m of meetings) if (earliest === undefined || m.startsAt < earliest) earliest = m.startsAt;
  return earliest;
}

/**
 * Whether a person counts as overdue on a given local day, from the local days of their held
 * 1:1s (ascending) and the day they are known from. Kept separate so the monthly team figure
 * uses exactly the same rule as the live one.
 */
export function overdueOnDay(
  day: DayNumber,
  heldDays: readonly DayNumber[],
  knownDay: DayNumber | undefined,
  cadenceDays: number,
): boolean {
  let lastHeld: DayNumber | undefined;
  for (const held of heldDays) if (held <= day) lastHeld = held;
  if (lastHeld !== undefined) return day - lastHeld > cadenceDays;
  return knownDay !== undefined && day - knownDay > cadenceDays;
}

/** Cadence statistics for one person, from their meetings (other people's meetings are ignored). */
export function cadenceFor(
  person: Person,
  meetings: readonly MeetingFigures[],
  now: number,
  opts: CadenceOptions = {},
): CadenceStats {
  const timeZone = resolveTimeZone(opts.timeZone);
  const cadenceDays = cadenceDaysOf(person);
  const own = meetings.filter((m) => m.personId === person.id);
  const today = localDay(now, timeZone);
  const windowFirstDay = today - WINDOW_DAYS + 1;
  const windowStart = startOfLocalDay(windowFirstDay, timeZone);
  const inWindow = own.filter((m) => m.startsAt >= windowStart && m.startsAt <= now);

  const held = own.filter((m) => countsAsHeld(m, now));
  const lastHeldAt = held.reduce<number | undefined>(
    (latest, m) => (latest === undefined || m.startsAt > latest ? m.startsAt : latest),
    undefined,
  );
  const lastHeldDay = lastHeldAt === undefined ? undefined : localDay(lastHeldAt, timeZone);
  const daysSince = lastHeldDay === undefined ? undefined : today - lastHeldDay;

  const knownSince = knownSinceOf(own, opts.since);
  const knownDay = knownSince === undefined ? undefined : localDay(knownSince, timeZone);

  const heldInWindow = inWindow.filter((m) => countsAsHeld(m, now));
  const held12w = heldInWindow.length;
  const countedFrom = knownDay === undefined ? undefined : Math.max(windowFirstDay, knownDay);
  const expected12w =
    countedFrom === undefined ? 0 : Math.max(0, Math.floor((today - countedFrom + 1) / cadenceDays));

  const heldDays = heldInWindow.map((m) => localDay(m.startsAt, timeZone)).sort((a, b) => a - b);
  let longestGapDays = daysSince;
  for (let i = 1; i < heldDays.length; i++) {
    const gap = (heldDays[i] ?? 0) - (heldDays[i - 1] ?? 0);
    if (longestGapDays === undefined || gap > longestGapDays) longestGapDays = gap;
  }

  const dueFrom = lastHeldDay ?? knownDay;
  const overdue = overdueOnDay(today, lastHeldDay === undefined ? [] : [lastHeldDay], knownDay, cadenceDays);

  return {
    personId: person.id,
    cadenceDays,
    ...(lastHeldAt !== undefined ? { lastHeldAt } : {}),
    ...(daysSince !== undefined ? { daysSince } : {}),
    expected12w,
    held12w,
    consistency: expected12w > 0 ? Math.min(1, held12w / expected12w) : undefined,
    ...(longestGapDays !== undefined ? { longestGapDays } : {}),
    skipped: inWindow.filter((m) => m.status === "skipped").length,
    cancelled: inWindow.filter((m) => m.status === "cancelled").length,
    overdue,
    ...(dueFrom !== undefined ? { nextDueAt: startOfLocalDay(dueFrom + cadenceDays, timeZone) } : {}),
  };
}
