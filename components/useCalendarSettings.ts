import { useEffect, useState } from "react";
import { type CalendarSettings, readCalendarSettings, watchCalendarState } from "@/lib/settings";

/** The Calendar API connection as stored now, kept current; undefined until first read. */
export function useCalendarSettings(): CalendarSettings | undefined {
  const [settings, setSettings] = useState<CalendarSettings>();
  useEffect(() => {
    // An unreadable store reads as not connected, the state everything works in.
    const read = () =>
      void readCalendarSettings().then(setSettings, () => setSettings({ reminderMinutes: 0 }));
    read();
    return watchCalendarState(read);
  }, []);
  return settings;
}
