import type { MeetingFigures, Person } from "@/lib/db";
import {
  type CadenceStats,
  cadenceDaysOf,
  cadenceFor,
  countsAsHeld,
  knownSinceOf,
  overdueOnDay,
} from "./cadence-for";
import { localDay, resolveTimeZone, startOfMonthDay } from "./calendar-days";

const HAPPINESS_WINDOW_DAYS = 90;

export type MeetingsByPerson =
  | ReadonlyMap<string, readonly MeetingFigures[]>
  | Readonly<Record<string, readonly MeetingFigures[] | undefined>>;

export interface TeamSummaryOptions {
  /** IANA zone for calendar days and the current month; default: the runtime's zone. */
  timeZone?: string;
}

export interface TeamSummary {
  /** people not archived */
  people: number;
  /**
   * People who were not overdue on any day of the current calendar month so far: on every day
   * from the 1st to today, their latest held 1:1 was at most their cadence in calendar days
   * before (or, before their first one, they had been known for at most their cadence).
   */
  withinCadenceThisMonth: number;
  /** withinCadenceThisMonth ÷ people; undefined with nobody to count */
  shareWithinCadence: number | undefined;
  /**
   * The mean of each person's latest happiness reading (1–10) from the last 90 calendar days, so
   * everyone weighs the same however often they were asked; unrounded; undefined with no reading.
   */
  averageHappiness?: number;
  /** ids of people overdue today, the longest overdue first */
  overduePeople: string[];
  /** each counted person's cadence statistics, in the order given */
  perPerson: CadenceStats[];
}

/** Meetings grouped by person id, the shape `teamSummary` takes. */
export function groupMeetingsByPerson<M extends MeetingFigures>(meetings: readonly M[]): Map<string, M[]> {
  const byPerson = new Map<string, M[]>();
  for (const m of meetings) {
    const list = byPerson.get(m.personId);
    if (list) list.push(m);
    else byPerson.set(m.personId, [m]);
  }
  return byPerson;
}

function meetingsOf(byPerson: MeetingsByPerson, personId: string): readonly MeetingFigures[] {
  const found =
    byPerson instanceof Map
      ? byPerson.get(personId)
      : (byPerson as Record<string, MeetingFigures[]>)[personId];
  return found ?? [];
}

export function isArchived(person: Pick<Person, "archivedAt">, now: number): boolean {
  return person.archivedAt !== undefined && person.archivedAt <= now;
}

/** The team figures on the popup's Stats tab. Archived people are left out. */
export function teamSummary(
  people: readonly Person[],
  meetingsByPerson: MeetingsByPerson,
  now: number,
  opts: TeamSummaryOptions = {},
): TeamSummary {
  const timeZone = resolveTimeZone(opts.timeZone);
  const today = localDay(now, timeZone);
  const monthFirstDay = startOfMonthDay(today);
  const active = people.filter((p) => !isArchived(p, now));

  let withinCadenceThisMonth = 0;
  const latestHappiness: number[] = [];
  const perPerson: CadenceStats[] = [];
  const overdue: { id: string; name: string; dueAt: number }[] = [];

  for (const person of active) {
    const meetings = meetingsOf(meetingsByPerson, person.id).filter((m) => m.personId === person.id);
    const stats = cadenceFor(person, meetings, now, { timeZone });
    perPerson.push(stats);
    if (stats.overdue)
      overdue.push({ id: person.id, name: person.displayName, dueAt: stats.nextDueAt ?? now });

    const cadenceDays = cadenceDaysOf(person);
    const knownSince = knownSinceOf(meetings);
    const knownDay = knownSince === undefined ? undefined : localDay(knownSince, timeZone);
    const heldDays = meetings
      .filter((m) => countsAsHeld(m, now))
      .map((m) => localDay(m.startsAt, timeZone))
      .sort((a, b) => a - b);
    let everOverdue = false;
    for (let day = monthFirstDay; day <= today && !everOverdue; day++) {
      everOverdue = overdueOnDay(day, heldDays, knownDay, cadenceDays);
    }
    if (!everOverdue) withinCadenceThisMonth++;

    let latest: MeetingFigures | undefined;
    for (const m of meetings) {
      if (m.happiness === undefined || m.startsAt > now) continue;
      if (today - localDay(m.startsAt, timeZone) >= HAPPINESS_WINDOW_DAYS) continue;
      if (!latest || m.startsAt > latest.startsAt) latest = m;
    }
    if (latest?.happiness !== undefined) latestHappiness.push(latest.happiness);
  }

  overdue.sort((a, b) => a.dueAt - b.dueAt || a.name.localeCompare(b.name));
  return {
    people: active.length,
    withinCadenceThisMonth,
    shareWithinCadence: active.length > 0 ? withinCadenceThisMonth / active.length : undefined,
    ...(latestHappiness.length > 0
      ? { averageHappiness: latestHappiness.reduce((sum, h) => sum + h, 0) / latestHappiness.length }
      : {}),
    overduePeople: overdue.map((o) => o.id),
    perPerson,
  };
}
