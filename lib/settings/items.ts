import { storage } from "wxt/utils/storage";
import type { MeetingKindRules } from "@/lib/templates";
import type { BadgeScope } from "./badge-settings";
import type { CalendarConnection, CalendarSyncState, CalendarToken } from "./calendar-settings";
import type { DetectionOverrides, DetectionSettingsValue } from "./detection-settings";
import type { DeviceSyncConnection } from "./device-sync-settings";

/**
 * The settings as typed, versioned storage items. A later shape gets a new version with a
 * migration here, so an older install's values are upgraded instead of lost. Values are still
 * checked by the guards when read: storage can hold anything an older build wrote.
 *
 * The content script reads the same keys with plain storage.local to stay small.
 */
export const settingsItems = {
  detectionOverrides: storage.defineItem<DetectionOverrides>("local:detectionOverrides", {
    fallback: {},
    version: 1,
  }),
  detectionSettings: storage.defineItem<DetectionSettingsValue>("local:detectionSettings", {
    fallback: { keywords: [], exclusions: [] },
    version: 1,
  }),
  myEmail: storage.defineItem<string>("local:myEmail", { version: 1 }),
  sidebarOffFor: storage.defineItem<string[]>("local:sidebarOffFor", { fallback: [], version: 1 }),
  badgeScope: storage.defineItem<BadgeScope>("local:badgeScope", { fallback: "all", version: 1 }),
  defaultCadenceDays: storage.defineItem<number>("local:defaultCadenceDays", { fallback: 7, version: 1 }),
  meetingKindRules: storage.defineItem<MeetingKindRules>("local:meetingKindRules", {
    fallback: { monthlyDeepDive: "first-of-month", careerEvery: "quarter" },
    version: 1,
  }),
  calendarConnection: storage.defineItem<CalendarConnection>("local:calendarConnection", { version: 1 }),
  calendarSyncState: storage.defineItem<CalendarSyncState>("local:calendarSyncState", { version: 1 }),
  calendarToken: storage.defineItem<CalendarToken>("session:calendarToken"),
  reminderMinutes: storage.defineItem<number>("local:reminderMinutes", { fallback: 0, version: 1 }),
  language: storage.defineItem<string>("local:language", { version: 1 }),
  deviceSyncConnection: storage.defineItem<DeviceSyncConnection>("local:deviceSyncConnection", {
    version: 1,
  }),
  deviceSyncToken: storage.defineItem<CalendarToken>("session:deviceSyncToken"),
};
