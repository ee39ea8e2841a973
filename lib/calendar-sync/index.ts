/**
 * The optional Google Calendar API connection as the extension runs it: signing in through the
 * browser's identity API, syncing in the background into the product's own tables, and the
 * reminders before a 1:1. The REST calls themselves are `lib/calendar-api`'s.
 */
export {
  CALENDAR_API_ORIGINS,
  type ConnectDeps,
  connectCalendar,
  disconnectPermissions,
  type OfflineSignIn,
  redirectUrl,
  signIn,
  signInWithOfflineAccess,
} from "./connection";
export { type Reminder, remindersDue } from "./reminders";
export { type CalendarSyncDeps, createCalendarSync, FULL_SYNC_EVERY_MS, SYNC_AT_MOST_EVERY_MS } from "./sync";
