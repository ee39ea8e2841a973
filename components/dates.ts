import { format } from "date-fns";

/** "3 Nov", with the year only when it is not this year. */
export function formatDay(at: number, now = Date.now()): string {
  const sameYear = new Date(at).getFullYear() === new Date(now).getFullYear();
  return format(at, sameYear ? "d MMM" : "d MMM yyyy");
}

/** The value of an <input type="date"> as local midnight at the end of that day (due by then). */
export function dueAtFromDateInput(value: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return undefined;
  const end = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 23, 59, 59, 999);
  return Number.isNaN(end.getTime()) ? undefined : end.getTime();
}

/** "Tue 1 Dec, 10:00": when an upcoming 1:1 starts, in the manager's own time zone. */
export function formatStart(at: number): string {
  return format(at, "EEE d MMM, HH:mm");
}

/**
 * Where a meeting opens in Google Calendar: its event view (Calendar shows the event and 1:1 Prep
 * its prep), or that day when the event's id was never seen.
 */
export function calendarEventUrl(meeting: { eid?: string; startsAt: number }): string {
  if (meeting.eid)
    return `https://calendar.google.com/calendar/r/event?eid=${encodeURIComponent(meeting.eid)}`;
  return `https://calendar.google.com/calendar/r/day/${format(meeting.startsAt, "yyyy/M/d")}`;
}
