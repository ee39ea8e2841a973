import { format } from "date-fns";

const formats = new Map<string, Intl.DateTimeFormat>();

/** One formatter per locale and shape: building an Intl formatter costs more than using it. */
function formatter(locale: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale ?? ""}|${JSON.stringify(options)}`;
  let made = formats.get(key);
  if (!made) {
    made = new Intl.DateTimeFormat(locale, options);
    formats.set(key, made);
  }
  return made;
}

/**
 * A day as the browser's language writes it ("3 Nov", "Nov 3", "3. Nov."), with the year only
 * when it is not this year. `locale` is for tests; the browser's own is the default.
 */
export function formatDay(at: number, now = Date.now(), locale?: string): string {
  const sameYear = new Date(at).getFullYear() === new Date(now).getFullYear();
  return formatter(locale, sameYear ? { day: "numeric", month: "short" } : { dateStyle: "medium" }).format(
    at,
  );
}

/** The value of an <input type="date"> as local midnight at the end of that day (due by then). */
export function dueAtFromDateInput(value: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return undefined;
  const end = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 23, 59, 59, 999);
  return Number.isNaN(end.getTime()) ? undefined : end.getTime();
}

/** "Tue 1 Dec, 10:00": when an upcoming 1:1 starts, in the manager's own time zone and language. */
export function formatStart(at: number, locale?: string): string {
  return formatter(locale, {
    weekday: "short",
    day: "numeric",
    month: "short",
    hour: "numeric",
    minute: "2-digit",
  }).format(at);
}

/** Google Calendar's week, where a manager opens their 1:1s. */
export const CALENDAR_WEEK_URL = "https://calendar.google.com/calendar/r/week";

/**
 * Where a meeting opens in Google Calendar: its event view (Calendar shows the event and 1:1 Prep
 * its prep), or that day when the event's id was never seen.
 */
export function calendarEventUrl(meeting: { eid?: string; startsAt: number }): string {
  if (meeting.eid)
    return `https://calendar.google.com/calendar/r/event?eid=${encodeURIComponent(meeting.eid)}`;
  return `https://calendar.google.com/calendar/r/day/${format(meeting.startsAt, "yyyy/M/d")}`;
}
