import { type CalendarSettings, readCalendarSettings, watchCalendarState } from "@/lib/settings";
import { useWatchedRead } from "./useWatchedRead";

// An unreadable store reads as not connected, the state everything works in.
const readSettings = () => readCalendarSettings().catch((): CalendarSettings => ({ reminderMinutes: 0 }));

/** The Calendar API connection as stored now, kept current; undefined until first read. */
export function useCalendarSettings(): CalendarSettings | undefined {
  return useWatchedRead(readSettings, watchCalendarState);
}
