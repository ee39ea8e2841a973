import {
  type CalendarApiEvent,
  CalendarAuthError,
  type FetchLike,
  isCalendarApiError,
  listEvents,
  type RetryOptions,
  revokeToken,
  toEventSignals,
  toSyncedEvent,
} from "@/lib/calendar-api";
import {
  applyCalendarSync,
  forgetCalendarSync,
  type PrepDatabase,
  type SyncedInstance,
  seriesVerdicts,
} from "@/lib/db";
import { classifyEvent } from "@/lib/detection";
import { type ProblemCode, type ProblemDetail, problemOf } from "@/lib/problem";
import {
  type CalendarToken,
  readCalendarConnection,
  readCalendarSyncState,
  readCalendarToken,
  readDefaultCadence,
  readDetectionState,
  setCalendarConnection,
  setCalendarSyncState,
  setCalendarToken,
  setCalendarVerdicts,
} from "@/lib/settings";
import { disconnectPermissions, signIn } from "./connection";

/** Opening the popup again within this time does not sync again. */
export const SYNC_AT_MOST_EVERY_MS = 2 * 60_000;
/**
 * A full sync moves the window (half a year back, four weeks ahead) along; incremental syncs
 * only bring changes, so without it next month's instances would never arrive.
 */
export const FULL_SYNC_EVERY_MS = 24 * 3_600_000;
/** A token this close to expiry is refreshed before use rather than refused mid-sync. */
const TOKEN_MARGIN_MS = 60_000;

export interface CalendarSyncDeps {
  db: PrepDatabase;
  fetch?: FetchLike;
  now?: () => number;
  retry?: RetryOptions;
  /** a new token without the user (a silent sign-in); the connect flow's by default */
  refreshToken?: (clientId: string) => Promise<CalendarToken>;
  /** after each sync that changed something, e.g. to reschedule reminders */
  onSynced?: () => void;
}

/** What the options page and the popup say of a failed sync: in English, and as a problem. */
function problemFor(error: unknown): { message: string; problem: ProblemDetail } {
  const said = (message: string, code: ProblemCode, values: string[] = []) => ({
    message,
    problem: { code, values },
  });
  if (isCalendarApiError(error)) {
    switch (error.kind) {
      case "rate-limited":
        return said(
          "Google Calendar asked 1:1 Prep to slow down; it will try again later.",
          "calendarRateLimited",
        );
      case "unavailable":
        return said(
          "Google Calendar is not answering right now; 1:1 Prep will try again later.",
          "calendarUnavailable",
        );
      case "offline":
        return said("Google Calendar could not be reached. Are you offline?", "calendarOffline");
      case "invalid-response":
      case "too-many-pages":
        return said(
          "Google Calendar sent something 1:1 Prep could not read; nothing was changed.",
          "calendarUnreadable",
        );
      default:
        return said(error.message, "calendarRefused", [String(error.status ?? error.reason ?? "?")]);
    }
  }
  const detail = problemOf(error);
  if (detail && error instanceof Error) return { message: error.message, problem: detail };
  return error instanceof Error && error.message
    ? said(error.message, "asSaid", [error.message])
    : said("The sync with Google Calendar failed.", "calendarFailed");
}

/**
 * The background's sync: one at a time, nothing at all (not even a network request) while the
 * Calendar API is not connected, and never more than a clear state for the options page and
 * the popup when it fails.
 */
export function createCalendarSync(deps: CalendarSyncDeps) {
  const now = deps.now ?? Date.now;
  const refreshToken = deps.refreshToken ?? ((clientId: string) => signIn(clientId, false));
  let running: Promise<void> | undefined;

  async function syncOnce(force: boolean): Promise<void> {
    const connection = await readCalendarConnection();
    if (!connection) return;
    const before = await readCalendarSyncState();
    const startedAt = now();
    if (!force && before?.lastSyncAt !== undefined && startedAt - before.lastSyncAt < SYNC_AT_MOST_EVERY_MS)
      return;
    const fullDue = before?.fullSyncAt === undefined || startedAt - before.fullSyncAt >= FULL_SYNC_EVERY_MS;
    const syncToken = fullDue ? undefined : before?.syncToken;
    await setCalendarSyncState({ ...before, phase: "syncing" });

    const getToken = async ({ refresh }: { refresh: boolean }) => {
      const stored = refresh ? undefined : await readCalendarToken();
      if (stored && stored.expiresAt - TOKEN_MARGIN_MS > now()) return stored.accessToken;
      const fresh = await refreshToken(connection.clientId);
      await setCalendarToken(fresh);
      return fresh.accessToken;
    };

    try {
      const result = await listEvents({
        getToken,
        ...(deps.fetch ? { fetch: deps.fetch } : {}),
        ...(deps.retry ? { retry: deps.retry } : {}),
        ...(syncToken ? { syncToken } : {}),
        now: startedAt,
      });
      const [{ overrides, settings, myEmail }, defaultCadenceDays] = await Promise.all([
        readDetectionState(),
        readDefaultCadence(),
      ]);
      const signals = new Map<string, CalendarApiEvent>();
      const instances: SyncedInstance[] = [];
      for (const event of result.events) {
        const synced = toSyncedEvent(event);
        if (!synced || synced.startsAt === undefined) continue;
        signals.set(synced.eventInstanceId, event);
        instances.push({ ...synced, startsAt: synced.startsAt });
      }
      // Disconnected while Google was answering: store nothing of it.
      if (!(await readCalendarConnection())) return;
      await applyCalendarSync(deps.db, {
        instances,
        now: startedAt,
        defaultCadenceDays,
        classify(instance) {
          const event = signals.get(instance.eventInstanceId);
          if (!event) return { oneOnOne: false };
          const verdict = classifyEvent(toEventSignals(event, myEmail), settings);
          const override = Object.hasOwn(overrides, instance.seriesId)
            ? overrides[instance.seriesId]
            : undefined;
          return {
            oneOnOne: override ?? verdict.isOneOnOne,
            ...(verdict.counterpart ? { counterpart: verdict.counterpart } : {}),
          };
        },
      });
      // The content script decides from these when the page hides an event's guests.
      await setCalendarVerdicts(await seriesVerdicts(deps.db));
      await setCalendarSyncState({
        phase: "ok",
        lastSyncAt: startedAt,
        syncToken: result.nextSyncToken,
        ...(result.full
          ? { fullSyncAt: startedAt }
          : before?.fullSyncAt
            ? { fullSyncAt: before.fullSyncAt }
            : {}),
      });
      deps.onSynced?.();
    } catch (error) {
      const needsUser =
        error instanceof CalendarAuthError || (isCalendarApiError(error) && error.kind === "auth");
      if (!(await readCalendarConnection())) return;
      // The sync token is kept: the next try carries on from where the last good sync was.
      await setCalendarSyncState({
        ...before,
        phase: needsUser ? "reconnect" : "error",
        ...(needsUser
          ? {
              message: "Google Calendar needs you to sign in again.",
              problem: { code: "signInAgain", values: [] },
            }
          : problemFor(error)),
      });
      if (needsUser) await setCalendarToken(undefined);
    }
  }

  /** Syncs now, or joins the sync already running. Never rejects. */
  function sync(force = false): Promise<void> {
    running ??= syncOnce(force)
      .catch((error: unknown) => console.warn("1:1 Prep could not sync with Google Calendar.", error))
      .finally(() => {
        running = undefined;
      });
    return running;
  }

  /** Revokes the token, gives back the permissions and takes back what the sync added. */
  async function disconnect(): Promise<void> {
    await running;
    const token = await readCalendarToken();
    await setCalendarConnection(undefined);
    await setCalendarToken(undefined);
    await setCalendarSyncState(undefined);
    await setCalendarVerdicts(undefined);
    if (token) await revokeToken(token.accessToken, deps.fetch);
    await forgetCalendarSync(deps.db);
    await disconnectPermissions();
  }

  return { sync, disconnect };
}
