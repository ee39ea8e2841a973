/**
 * Local calendar dates in an IANA time zone, as whole day numbers.
 *
 * Cadence is about calendar days: a 1:1 every Monday is "7 days apart" even across a DST switch,
 * when only 167 or 169 hours pass. So statistics count in local dates, never in 24-hour blocks.
 * date-fns works in the runtime's own zone, and the popup may ask for another one, so the zone
 * arithmetic here goes through `Intl.DateTimeFormat` instead.
 */

export const MS_PER_DAY = 86_400_000;

/** A local calendar date as days since 1970-01-01; the difference of two is a count of calendar days. */
export type DayNumber = number;

/** 0 = Sunday … 6 = Saturday, as in date-fns. */
export type WeekStartsOn = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** The zone to use when the caller names none: the one the browser runs in. */
export function resolveTimeZone(timeZone?: string): string {
  return timeZone ?? new Intl.DateTimeFormat().resolvedOptions().timeZone;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    // Throws a RangeError for an unknown zone, which is better than silently using another one.
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
      // "h23": some engines print midnight as 24:00 with hour12: false.
      hourCycle: "h23",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * Zone offsets change only at transitions, months apart, so one reading at each end of a six-hour
 * span serves every instant in it when the two agree; a span with a transition inside (its ends
 * disagree) is read instant by instant, wherever in it the switch falls. The stats read thousands
 * of instants, a few per working day, and `formatToParts` is the slow part.
 */
const SPAN = 6 * 60 * 60_000;
/** offset in ms, or NaN for a span a transition falls inside */
const offsets = new Map<string, number>();
const MAX_CACHED_OFFSETS = 50_000;

/** The local wall-clock reading of an instant, encoded as if it were UTC (whole seconds). */
function wallClock(at: number, timeZone: string): number {
  const bucket = Math.floor(at / SPAN) * SPAN;
  const key = `${timeZone}|${bucket}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    const last = bucket + SPAN - 1000;
    const atStart = readWallClock(bucket, timeZone) - bucket;
    const atEnd = readWallClock(last, timeZone) - last;
    offset = atStart === atEnd ? atStart : Number.NaN;
    if (offsets.size >= MAX_CACHED_OFFSETS) offsets.clear();
    offsets.set(key, offset);
  }
  const second = Math.floor(at / 1000) * 1000;
  return Number.isNaN(offset) ? readWallClock(second, timeZone) : second + offset;
}

function readWallClock(at: number, timeZone: string): number {
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(at)) fields[part.type] = Number(part.value);
  return Date.UTC(
    fields.year ?? 1970,
    (fields.month ?? 1) - 1,
    fields.day ?? 1,
    fields.hour ?? 0,
    fields.minute ?? 0,
    fields.second ?? 0,
  );
}

function offsetAt(at: number, timeZone: string): number {
  return wallClock(at, timeZone) - Math.floor(at / 1000) * 1000;
}

/** The local calendar date of an instant. */
export function localDay(at: number, timeZone: string): DayNumber {
  return Math.floor(wallClock(at, timeZone) / MS_PER_DAY);
}

/**
 * The first instant of a local calendar date: usually local midnight; where a DST switch skips
 * midnight (Santiago, Havana, Beirut), the moment the clocks jump.
 */
export function startOfLocalDay(day: DayNumber, timeZone: string): number {
  const asUtc = day * MS_PER_DAY;
  // Offset switches are months apart, so the offsets a day either side cover both sides of midnight.
  const offsets = new Set([-1, 0, 1].map((k) => offsetAt(asUtc + k * MS_PER_DAY, timeZone)));
  let start: number | undefined;
  for (const offset of offsets) {
    const candidate = asUtc - offset;
    if (localDay(candidate, timeZone) === day && (start === undefined || candidate < start))
      start = candidate;
  }
  return start ?? asUtc - offsetAt(asUtc, timeZone);
}

/** 0 = Sunday … 6 = Saturday; 1970-01-01 was a Thursday. */
export function weekdayOf(day: DayNumber): WeekStartsOn {
  return ((((day + 4) % 7) + 7) % 7) as WeekStartsOn;
}

export function startOfWeekDay(day: DayNumber, weekStartsOn: WeekStartsOn = 1): DayNumber {
  return day - ((weekdayOf(day) - weekStartsOn + 7) % 7);
}

export function startOfMonthDay(day: DayNumber): DayNumber {
  const date = new Date(day * MS_PER_DAY);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1) / MS_PER_DAY;
}
