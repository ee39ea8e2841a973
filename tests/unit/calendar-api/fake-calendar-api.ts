/**
 * A small stand-in for the Calendar API's events.list, served through an injected `fetch`: bearer
 * tokens, time-window filtering, paging by `maxResults`, sync tokens that list what changed since,
 * expiring sync tokens (410) and the parameter rules Google enforces with `syncToken`. Tests can
 * queue raw answers (errors, malformed bodies, network failures) ahead of the normal ones.
 */
import type { FetchLike } from "@/lib/calendar-api";

export type ApiEventJson = Record<string, unknown> & { id: string };

export interface RecordedRequest {
  url: URL;
  init: RequestInit;
  authorization: string | null;
}

type Scripted = (request: RecordedRequest) => Response | Promise<Response>;

const EVENTS_PATH = /^\/calendar\/v3\/calendars\/([^/]+)\/events$/;

export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(typeof body === "string" ? body : JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", ...headers },
  });
}

export function googleError(
  status: number,
  reason: string,
  message: string,
  headers?: Record<string, string>,
) {
  return jsonResponse(
    { error: { errors: [{ domain: "usageLimits", reason, message }], code: status, message } },
    status,
    headers,
  );
}

export class FakeCalendarApi {
  readonly requests: RecordedRequest[] = [];
  /** tokens the API accepts */
  readonly validTokens = new Set<string>(["token-1"]);
  /** the calendar id the API serves, as it appears decoded in the path */
  calendarId = "primary";

  private readonly events = new Map<string, ApiEventJson>();
  /** version at which each event last changed */
  private readonly changedAt = new Map<string, number>();
  private version = 0;
  private readonly expiredSyncTokens = new Set<string>();
  private readonly scripted: Scripted[] = [];

  constructor(events: ApiEventJson[] = []) {
    for (const event of events) this.put(event);
  }

  /** adds or replaces an event, as a change the next incremental sync reports */
  put(event: ApiEventJson): void {
    this.version += 1;
    this.events.set(event.id, event);
    this.changedAt.set(event.id, this.version);
  }

  /** cancels an instance: Google then lists only its id, series, original start and status */
  cancel(id: string): void {
    const event = this.events.get(id);
    if (!event) throw new Error(`no event ${id}`);
    const cancelled: ApiEventJson = { kind: "calendar#event", id, status: "cancelled" };
    if (event.recurringEventId) cancelled.recurringEventId = event.recurringEventId;
    if (event.start) cancelled.originalStartTime = event.start;
    this.put(cancelled);
  }

  expireSyncToken(token: string): void {
    this.expiredSyncTokens.add(token);
  }

  /** answers to give, in order, before serving normally again */
  queue(...answers: Scripted[]): void {
    this.scripted.push(...answers);
  }

  readonly fetch: FetchLike = async (input, init) => {
    const headers = new Headers(init.headers);
    const request: RecordedRequest = {
      url: new URL(input),
      init,
      authorization: headers.get("authorization"),
    };
    this.requests.push(request);
    // A client that never stops asking fails the test instead of hanging it.
    if (this.requests.length > 1000) throw new Error("runaway client: over 1000 requests");
    const scripted = this.scripted.shift();
    if (scripted) return scripted(request);
    return this.serve(request);
  };

  /** the normal answer, for a queued step that passes a request through */
  serve({ url, authorization }: RecordedRequest): Response {
    const match = EVENTS_PATH.exec(url.pathname);
    if (url.origin !== "https://www.googleapis.com" || !match)
      return googleError(404, "notFound", "Not Found");
    if (decodeURIComponent(match[1] ?? "") !== this.calendarId)
      return googleError(404, "notFound", "Not Found");
    const token = authorization?.replace(/^Bearer /, "");
    if (!token || !this.validTokens.has(token)) return googleError(401, "authError", "Invalid Credentials");

    const params = url.searchParams;
    const syncToken = params.get("syncToken");
    if (syncToken !== null && ["timeMin", "timeMax", "orderBy", "updatedMin"].some((p) => params.has(p))) {
      return googleError(400, "invalidParameter", "Sync token cannot be used with other filters.");
    }
    const pageSize = Number(params.get("maxResults") ?? 250);
    const offset = Number(params.get("pageToken")?.split(":")[1] ?? 0);

    let matching: ApiEventJson[];
    let asOf: number;
    if (syncToken !== null) {
      if (this.expiredSyncTokens.has(syncToken))
        return googleError(410, "fullSyncRequired", "Sync token is no longer valid.");
      const since = Number(syncToken.replace(/^sync-/, ""));
      if (!Number.isInteger(since)) return googleError(400, "invalid", "Invalid sync token value.");
      asOf = Number(params.get("pageToken")?.split(":")[2] ?? this.version);
      matching = [...this.events.values()].filter((e) => {
        const at = this.changedAt.get(e.id) ?? 0;
        return at > since && at <= asOf;
      });
    } else {
      asOf = Number(params.get("pageToken")?.split(":")[2] ?? this.version);
      const timeMin = Date.parse(params.get("timeMin") ?? "");
      const timeMax = Date.parse(params.get("timeMax") ?? "");
      const showDeleted = params.get("showDeleted") === "true";
      matching = [...this.events.values()].filter((e) => {
        if (e.status === "cancelled" && !showDeleted) return false;
        const start = startOf(e);
        const end = endOf(e) ?? start;
        if (start === undefined || end === undefined) return e.status === "cancelled";
        return (Number.isNaN(timeMin) || end > timeMin) && (Number.isNaN(timeMax) || start < timeMax);
      });
    }

    const items = matching.slice(offset, offset + pageSize);
    const more = offset + pageSize < matching.length;
    return jsonResponse({
      kind: "calendar#events",
      summary: "sam@example.com",
      timeZone: "Europe/Berlin",
      items,
      ...(more ? { nextPageToken: `page:${offset + pageSize}:${asOf}` } : { nextSyncToken: `sync-${asOf}` }),
    });
  }
}

function startOf(event: ApiEventJson): number | undefined {
  const when = (event.start ?? event.originalStartTime) as { dateTime?: string; date?: string } | undefined;
  const text = when?.dateTime ?? when?.date;
  return text ? Date.parse(text) : undefined;
}

function endOf(event: ApiEventJson): number | undefined {
  const when = event.end as { dateTime?: string; date?: string } | undefined;
  const text = when?.dateTime ?? when?.date;
  return text ? Date.parse(text) : undefined;
}

/** A timed event as Google lists it, with the user (sam@example.com) as organizer. */
export function apiEvent(id: string, startIso: string, overrides: Partial<ApiEventJson> = {}): ApiEventJson {
  const start = Date.parse(startIso);
  return {
    kind: "calendar#event",
    etag: `"${id}"`,
    id,
    status: "confirmed",
    htmlLink: `https://www.google.com/calendar/event?eid=${Buffer.from(`${id} sam@example.com`).toString("base64url")}`,
    created: "2026-01-05T09:00:00.000Z",
    updated: "2026-01-05T09:00:00.000Z",
    summary: `Event ${id}`,
    creator: { email: "sam@example.com", self: true },
    organizer: { email: "sam@example.com", self: true },
    start: { dateTime: new Date(start).toISOString(), timeZone: "Europe/Berlin" },
    end: { dateTime: new Date(start + 30 * 60_000).toISOString(), timeZone: "Europe/Berlin" },
    iCalUID: `${id}@google.com`,
    sequence: 0,
    eventType: "default",
    ...overrides,
  };
}

/** Records sleeps instead of waiting. */
export function recordingSleep(): { sleeps: number[]; sleep: (ms: number) => Promise<void> } {
  const sleeps: number[] = [];
  return {
    sleeps,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
  };
}

/** A fixed, repeating sequence in [0, 1): deterministic jitter. */
export function sequence(...values: number[]): () => number {
  let i = 0;
  return () => {
    const value = values[i % values.length] ?? 0;
    i += 1;
    return value;
  };
}
