import { endOfQuarter, getQuarter, startOfQuarter } from "date-fns";

/**
 * Quarters in the user's local time: a 1:1 at 00:30 on 1 October belongs to Q4 where the
 * manager lives, whatever UTC says. Times are epoch milliseconds, as in the database.
 */

export type QuarterNumber = 1 | 2 | 3 | 4;

/** "2026-Q4" */
export function quarterOf(date: Date | number): string {
  const d = new Date(date);
  return `${d.getFullYear()}-Q${getQuarter(d)}`;
}

export function parseQuarter(key: string): { year: number; quarter: QuarterNumber } | undefined {
  const m = /^(\d{4})-Q([1-4])$/.exec(key);
  if (!m) return undefined;
  return { year: Number(m[1]), quarter: Number(m[2]) as QuarterNumber };
}

/** First millisecond of the quarter that contains `at` (a date, or a key like "2026-Q4"). */
export function quarterStart(at: Date | number | string): number {
  return startOfQuarter(toDate(at)).getTime();
}

/** Last millisecond of the quarter that contains `at`, so `t <= quarterEnd(q)` reads naturally. */
export function quarterEnd(at: Date | number | string): number {
  return endOfQuarter(toDate(at)).getTime();
}

/** 0, 1 or 2: which month of its quarter `date` falls in. */
export function monthOfQuarter(date: Date | number): 0 | 1 | 2 {
  return (new Date(date).getMonth() % 3) as 0 | 1 | 2;
}

function toDate(at: Date | number | string): Date {
  if (typeof at !== "string") return new Date(at);
  const q = parseQuarter(at);
  if (!q) throw new RangeError(`Not a quarter: "${at}" (expected e.g. "2026-Q4")`);
  return new Date(q.year, (q.quarter - 1) * 3, 1);
}
