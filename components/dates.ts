import { localeInUse } from "./i18n";

const formats = new Map<string, Intl.DateTimeFormat>();

/** One formatter per locale and shape: building an Intl formatter costs more than using it. */
function formatter(locale: string = localeInUse(), options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let made = formats.get(key);
  if (!made) {
    made = new Intl.DateTimeFormat(locale, options);
    formats.set(key, made);
  }
  return made;
}

/**
 * A day as the pages' language writes it ("3 Nov", "Nov 3", "3. Nov."), with the year only
 * when it is not this year. `locale` is for tests; the language in use is the default.
 */
export function formatDay(at: number, now = Date.now(), locale?: string): string {
  const sameYear = new Date(at).getFullYear() === new Date(now).getFullYear();
  return formatter(locale, sameYear ? { day: "numeric", month: "short" } : { dateStyle: "medium" }).format(
    at,
  );
}

const DAY = 86_400_000;

/**
 * How long from one time to a later one, in the largest whole unit that fits and in the pages'
 * language: "45 minutes", "7 days", "3 Monate".
 */
export function formatSpan(from: number, to: number, locale: string = localeInUse()): string {
  const minutes = Math.round(Math.abs(to - from) / 60_000);
  const days = Math.round(Math.abs(to - from) / DAY);
  const [value, unit] =
    minutes < 60
      ? [minutes, "minute"]
      : minutes < 24 * 60
        ? [Math.round(minutes / 60), "hour"]
        : days < 30
          ? [days, "day"]
          : days < 365
            ? [Math.round(days / 30), "month"]
            : [Math.round(days / 365), "year"];
  const key = `${locale}|span|${unit}`;
  let made = spans.get(key);
  if (!made) {
    made = new Intl.NumberFormat(locale, { style: "unit", unit, unitDisplay: "long" });
    spans.set(key, made);
  }
  return made.format(value);
}
const spans = new Map<string, Intl.NumberFormat>();

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
  // The day as the manager's own clock has it, in Calendar's path form (2026/3/9).
  const day = new Date(meeting.startsAt);
  return `https://calendar.google.com/calendar/r/day/${day.getFullYear()}/${day.getMonth() + 1}/${day.getDate()}`;
}
