import { CalendarApiError } from "./errors";
import { type ClientOptions, createClient } from "./request";
import { type CalendarApiEvent, eventsPageSchema } from "./schemas";

export const EVENTS_API_BASE = "https://www.googleapis.com/calendar/v3/calendars";

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;
/** Half a year back covers the cadence statistics; four weeks ahead covers the upcoming 1:1s. */
export const DEFAULT_WEEKS_BACK = 26;
export const DEFAULT_WEEKS_AHEAD = 4;
export const DEFAULT_PAGE_SIZE = 250;
/** 200 pages of 250 events is far beyond any calendar's half year; more means a paging loop. */
export const DEFAULT_MAX_PAGES = 200;

export interface ListEventsOptions extends ClientOptions {
  /** default `primary`, the user's own calendar */
  calendarId?: string;
  /** from the last sync; absent for a full sync */
  syncToken?: string;
  /** epoch ms; defaults to `now` − 26 weeks and `now` + 4 weeks. Full syncs only. */
  timeMin?: number;
  timeMax?: number;
  /** default `Date.now()`, for the full sync window */
  now?: number;
  pageSize?: number;
  maxPages?: number;
}

export interface ListEventsResult {
  /** every changed event (incremental) or every event in the window (full), cancelled ones included */
  events: CalendarApiEvent[];
  /** keep it for the next sync */
  nextSyncToken: string;
  /**
   * true when this was a full sync, asked for or forced by an expired sync token: whatever the
   * caller stored from earlier syncs in `window` and is not in `events` is gone.
   */
  full: boolean;
  /** the time span a full sync covered, epoch ms */
  window?: { timeMin: number; timeMax: number };
}

function checkArguments(options: ListEventsOptions): void {
  const { calendarId, syncToken, pageSize, maxPages } = options;
  if (calendarId !== undefined && (calendarId.length === 0 || calendarId.length > 1024)) {
    throw new RangeError("calendarId must be 1 to 1024 characters");
  }
  if (syncToken !== undefined && (syncToken.length === 0 || syncToken.length > 4096)) {
    throw new RangeError("syncToken must be 1 to 4096 characters");
  }
  if (pageSize !== undefined && !(Number.isInteger(pageSize) && pageSize >= 1 && pageSize <= 2500)) {
    throw new RangeError("pageSize must be an integer from 1 to 2500");
  }
  if (maxPages !== undefined && !(Number.isInteger(maxPages) && maxPages >= 1)) {
    throw new RangeError("maxPages must be a positive integer");
  }
}

function fullSyncWindow(options: ListEventsOptions): { timeMin: number; timeMax: number } {
  const now = options.now ?? Date.now();
  const timeMin = options.timeMin ?? now - DEFAULT_WEEKS_BACK * WEEK_MS;
  const timeMax = options.timeMax ?? now + DEFAULT_WEEKS_AHEAD * WEEK_MS;
  if (!Number.isFinite(timeMin) || !Number.isFinite(timeMax) || timeMin >= timeMax) {
    throw new RangeError("timeMin must be before timeMax");
  }
  return { timeMin, timeMax };
}

/**
 * The events of one calendar via events.list, every page collected before anything is returned,
 * so a failure part-way leaves the caller's copy untouched.
 *
 * With `syncToken`, only what changed since; a 410 (token expired) starts over as a full sync in
 * the same call and says so with `full: true`. Recurring events come as their instances
 * (`singleEvents`), and cancelled instances are listed (`showDeleted`) in both kinds of sync:
 * the cadence counts cancelled 1:1s, and Google asks for the same parameters in both.
 */
export async function listEvents(options: ListEventsOptions): Promise<ListEventsResult> {
  checkArguments(options);
  const client = createClient(options);
  const base = `${EVENTS_API_BASE}/${encodeURIComponent(options.calendarId ?? "primary")}/events`;
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
  const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;

  async function collect(
    query: Record<string, string>,
  ): Promise<{ events: CalendarApiEvent[]; nextSyncToken: string }> {
    const events: CalendarApiEvent[] = [];
    let pageToken: string | undefined;
    for (let page = 0; page < maxPages; page += 1) {
      const url = new URL(base);
      url.searchParams.set("singleEvents", "true");
      url.searchParams.set("showDeleted", "true");
      url.searchParams.set("maxResults", String(pageSize));
      for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
      if (pageToken !== undefined) url.searchParams.set("pageToken", pageToken);

      const body = await client.getJson(url.toString(), eventsPageSchema);
      if (body.items) events.push(...body.items);
      if (body.nextPageToken) {
        pageToken = body.nextPageToken;
        continue;
      }
      if (body.nextSyncToken) return { events, nextSyncToken: body.nextSyncToken };
      throw new CalendarApiError(
        "invalid-response",
        "Google Calendar's last page had neither a next page nor a sync token.",
      );
    }
    throw new CalendarApiError(
      "too-many-pages",
      `Google Calendar kept paging past ${maxPages} pages; nothing was synced.`,
    );
  }

  async function full(): Promise<ListEventsResult> {
    const window = fullSyncWindow(options);
    const result = await collect({
      timeMin: new Date(window.timeMin).toISOString(),
      timeMax: new Date(window.timeMax).toISOString(),
    });
    return { ...result, full: true, window };
  }

  if (options.syncToken === undefined) return full();
  // Check the window before the first request, so a bad window fails the same way either way.
  fullSyncWindow(options);
  try {
    return { ...(await collect({ syncToken: options.syncToken })), full: false };
  } catch (error) {
    if (error instanceof CalendarApiError && error.kind === "http" && error.status === 410) return full();
    throw error;
  }
}
