import { browser } from "wxt/browser";
import { checkClientId } from "@/lib/calendar-api";
import { type ProblemDetail, problemDetailSchema } from "@/lib/problem";
import { settingsItems } from "./items";
import { watchLocalKeys } from "./watch-local";

/**
 * The optional Google Calendar API connection. Off until the manager connects in options; the
 * access token lives in session storage only (gone when the browser closes, and never readable
 * by the content script), everything else in local storage.
 */
export interface CalendarConnection {
  /** the OAuth client id the manager created in their own Google Cloud project */
  clientId: string;
  connectedAt: number;
}

export type CalendarSyncPhase = "syncing" | "ok" | "reconnect" | "error";

export interface CalendarSyncState {
  phase: CalendarSyncPhase;
  /** the last sync that completed */
  lastSyncAt?: number;
  /** what went wrong, in English */
  message?: string;
  /** the same, as the pages put it in the manager's language */
  problem?: ProblemDetail;
  /** the Calendar API's incremental sync token; absent means the next sync is a full one */
  syncToken?: string;
  /** the last full sync, which moves the synced window along */
  fullSyncAt?: number;
}

export interface CalendarToken {
  accessToken: string;
  expiresAt: number;
}

export const CALENDAR_CONNECTION_KEY = "calendarConnection";
export const CALENDAR_SYNC_STATE_KEY = "calendarSyncState";
export const REMINDER_MINUTES_KEY = "reminderMinutes";
/** Reminder lead times offered in options; 0 is off. */
export const REMINDER_CHOICES = [0, 5, 10, 15, 30, 60] as const;

const PHASES: readonly CalendarSyncPhase[] = ["syncing", "ok", "reconnect", "error"];

const record = (value: unknown): Record<string, unknown> | undefined =>
  typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
const epoch = (value: unknown): number | undefined =>
  typeof value === "number" && Number.isSafeInteger(value) && value >= 0 ? value : undefined;

export function toCalendarConnection(value: unknown): CalendarConnection | undefined {
  const r = record(value);
  const connectedAt = epoch(r?.connectedAt);
  // The same rule as when connecting, so a hand-edited value never reaches Google's sign-in.
  const clientId = typeof r?.clientId === "string" ? checkClientId(r.clientId) : undefined;
  if (!clientId?.ok || connectedAt === undefined) return undefined;
  return { clientId: clientId.clientId, connectedAt };
}

export function toCalendarSyncState(value: unknown): CalendarSyncState | undefined {
  const r = record(value);
  if (!r || !PHASES.includes(r.phase as CalendarSyncPhase)) return undefined;
  const lastSyncAt = epoch(r.lastSyncAt);
  const fullSyncAt = epoch(r.fullSyncAt);
  const problem = problemDetailSchema.safeParse(r.problem);
  return {
    phase: r.phase as CalendarSyncPhase,
    ...(lastSyncAt !== undefined ? { lastSyncAt } : {}),
    ...(fullSyncAt !== undefined ? { fullSyncAt } : {}),
    ...(typeof r.message === "string" ? { message: r.message.slice(0, 300) } : {}),
    ...(problem.success ? { problem: problem.data } : {}),
    ...(typeof r.syncToken === "string" && r.syncToken.length <= 4096 ? { syncToken: r.syncToken } : {}),
  };
}

export function toCalendarToken(value: unknown): CalendarToken | undefined {
  const r = record(value);
  const expiresAt = epoch(r?.expiresAt);
  if (typeof r?.accessToken !== "string" || !r.accessToken || r.accessToken.length > 4096) return undefined;
  return expiresAt === undefined ? undefined : { accessToken: r.accessToken, expiresAt };
}

export function toReminderMinutes(value: unknown): number {
  return REMINDER_CHOICES.includes(value as (typeof REMINDER_CHOICES)[number]) ? (value as number) : 0;
}

export async function readCalendarConnection(): Promise<CalendarConnection | undefined> {
  return toCalendarConnection(await settingsItems.calendarConnection.getValue());
}

export async function setCalendarConnection(connection: CalendarConnection | undefined) {
  if (connection) await settingsItems.calendarConnection.setValue(connection);
  else await settingsItems.calendarConnection.removeValue();
}

export async function readCalendarSyncState(): Promise<CalendarSyncState | undefined> {
  return toCalendarSyncState(await settingsItems.calendarSyncState.getValue());
}

export async function setCalendarSyncState(state: CalendarSyncState | undefined) {
  if (state) await settingsItems.calendarSyncState.setValue(state);
  else await settingsItems.calendarSyncState.removeValue();
}

/** The token lives in session storage, which Chrome keeps from content scripts by default. */
export async function readCalendarToken(): Promise<CalendarToken | undefined> {
  return toCalendarToken(await settingsItems.calendarToken.getValue());
}

export async function setCalendarToken(token: CalendarToken | undefined) {
  if (token) await settingsItems.calendarToken.setValue(token);
  else await settingsItems.calendarToken.removeValue();
}

export async function readReminderMinutes(): Promise<number> {
  return toReminderMinutes(await settingsItems.reminderMinutes.getValue());
}

export async function setReminderMinutes(minutes: number) {
  await settingsItems.reminderMinutes.setValue(toReminderMinutes(minutes));
}

export interface CalendarSettings {
  connection?: CalendarConnection;
  state?: CalendarSyncState;
  reminderMinutes: number;
}

/** What the options page and the popup show of the Calendar API connection. */
export async function readCalendarSettings(): Promise<CalendarSettings> {
  const [connection, state, reminderMinutes] = await Promise.all([
    readCalendarConnection(),
    readCalendarSyncState(),
    readReminderMinutes(),
  ]);
  return { connection, state, reminderMinutes };
}

/** Calls back whenever the connection or the sync's state changes; returns the unsubscribe. */
export function watchCalendarState(onChange: () => void): () => void {
  return watchLocalKeys([CALENDAR_CONNECTION_KEY, CALENDAR_SYNC_STATE_KEY, REMINDER_MINUTES_KEY], () =>
    onChange(),
  );
}

const REMINDED_KEY = "remindedMeetings";
/** Enough to cover a week of 1:1s with many people; older ones are long past. */
const MAX_REMINDED = 300;

/** Meetings already reminded of, so an alarm firing twice never shows a reminder twice. */
export async function readReminded(): Promise<Set<string>> {
  const stored = (await browser.storage.local.get(REMINDED_KEY))[REMINDED_KEY];
  return new Set(Array.isArray(stored) ? stored.filter((id): id is string => typeof id === "string") : []);
}

export async function setReminded(ids: Iterable<string>) {
  await browser.storage.local.set({ [REMINDED_KEY]: [...ids].slice(-MAX_REMINDED) });
}
