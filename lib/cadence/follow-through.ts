import type { ActionItem } from "@/lib/db";
import {
  localDay,
  resolveTimeZone,
  startOfLocalDay,
  startOfWeekDay,
  type WeekStartsOn,
} from "./calendar-days";

const TREND_WEEKS = 13;

export interface FollowThroughOptions {
  /** how many calendar days back, today included, the headline figure looks; default 90 */
  days?: number;
  /** IANA zone for calendar days and weeks; default: the runtime's zone */
  timeZone?: string;
  /** default Monday */
  weekStartsOn?: WeekStartsOn;
}

export interface FollowThroughWeek {
  /** the first instant of the local week */
  weekStart: number;
  /** share of my items due that week (so far) done on time; undefined when none fell due */
  rate: number | undefined;
}

export interface FollowThrough {
  /** my action items whose due date has passed within the window */
  due: number;
  /** of those, the ones done by their due date */
  doneOnTime: number;
  /** doneOnTime ÷ due; undefined when nothing fell due */
  rate: number | undefined;
  /** the last 13 local weeks, oldest first; the last one is the current week so far */
  trend: FollowThroughWeek[];
}

function isMineWithDueDate(item: ActionItem): item is ActionItem & { dueAt: number } {
  return item.owner === "me" && item.dueAt !== undefined;
}

/** Done no later than due: `dueAt` is the end of the due day, so anything that day is on time. */
function doneOnTime(item: ActionItem & { dueAt: number }): boolean {
  return item.doneAt !== undefined && item.doneAt <= item.dueAt;
}

function tally(items: readonly (ActionItem & { dueAt: number })[], from: number, until: number) {
  const due = items.filter((item) => item.dueAt >= from && item.dueAt <= until);
  const onTime = due.filter(doneOnTime).length;
  return { due: due.length, doneOnTime: onTime, rate: due.length > 0 ? onTime / due.length : undefined };
}

/**
 * "Do what you say you will do", measured: of MY action items (owner "me") whose due date fell in
 * the window and has passed, the share done by that due date. Their items and items without a due
 * date are left out; an item still open after its due date counts as not done on time.
 */
export function followThrough(
  actionItems: readonly ActionItem[],
  now: number,
  opts: FollowThroughOptions = {},
): FollowThrough {
  const { days = 90, weekStartsOn = 1 } = opts;
  const timeZone = resolveTimeZone(opts.timeZone);
  const today = localDay(now, timeZone);
  const mine = actionItems.filter(isMineWithDueDate);

  const headline = tally(mine, startOfLocalDay(today - days + 1, timeZone), now);

  const thisWeek = startOfWeekDay(today, weekStartsOn);
  const trend: FollowThroughWeek[] = [];
  for (let back = TREND_WEEKS - 1; back >= 0; back--) {
    const firstDay = thisWeek - back * 7;
    const weekStart = startOfLocalDay(firstDay, timeZone);
    const weekEnd = Math.min(now, startOfLocalDay(firstDay + 7, timeZone) - 1);
    trend.push({ weekStart, rate: tally(mine, weekStart, weekEnd).rate });
  }

  return { ...headline, trend };
}
