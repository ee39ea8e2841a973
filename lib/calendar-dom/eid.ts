export interface DecodedEid {
  /** id of this event, or of this instance for a recurring series */
  eventId: string;
  calendarId?: string;
  /** the recurring event's id for an instance; the event id otherwise */
  seriesId: string;
  /** ISO 8601 UTC start from the instance suffix; all-day instances start at 00:00Z */
  instanceStart?: string;
}

const MAX_EID_LENGTH = 2048;
const EVENT_ID = /^[\w.@-]{1,1024}$/;
const CALENDAR_ID = /^[^\s@]{1,512}@[^\s@]{1,255}$/u;
const INSTANCE_SUFFIX = /^(.+)_(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})Z)?$/;

// Calendar shortens the domain of well-known calendar ids inside eids.
const SHORT_DOMAINS: Record<string, string> = {
  m: "gmail.com",
  g: "group.calendar.google.com",
  v: "group.v.calendar.google.com",
  i: "import.calendar.google.com",
};

/**
 * Decodes Calendar's `eid`: base64url (padding optional) of "<eventId> <calendarId>". Tasks and
 * anything malformed give null; never throws.
 */
export function decodeEid(eid: string): DecodedEid | null {
  try {
    if (typeof eid !== "string") return null;
    const raw = eid.trim();
    if (!raw || raw.length > MAX_EID_LENGTH || raw.startsWith("tasks_")) return null;

    const base64 = raw.replace(/-/g, "+").replace(/_/g, "/").replace(/=+$/, "");
    if (!/^[A-Za-z0-9+/]+$/.test(base64) || base64.length % 4 === 1) return null;
    const binary = atob(base64 + "=".repeat((4 - (base64.length % 4)) % 4));
    const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes).trim();

    const parts = text.split(" ");
    const [eventId, rawCalendarId] = parts;
    if (parts.length > 2 || !eventId || !EVENT_ID.test(eventId) || eventId.startsWith("tasks_")) return null;

    let calendarId: string | undefined;
    if (rawCalendarId !== undefined) {
      if (!CALENDAR_ID.test(rawCalendarId) || /\p{Cc}/u.test(rawCalendarId)) return null;
      const at = rawCalendarId.lastIndexOf("@");
      const domain = SHORT_DOMAINS[rawCalendarId.slice(at + 1)];
      calendarId = domain ? `${rawCalendarId.slice(0, at)}@${domain}` : rawCalendarId;
    }

    const instance = parseInstanceSuffix(eventId);
    return {
      eventId,
      ...(calendarId ? { calendarId } : {}),
      seriesId: instance?.seriesId ?? eventId,
      ...(instance ? { instanceStart: instance.start } : {}),
    };
  } catch {
    return null;
  }
}

function parseInstanceSuffix(eventId: string): { seriesId: string; start: string } | undefined {
  const match = INSTANCE_SUFFIX.exec(eventId);
  if (!match) return undefined;
  const [, seriesId, y, mo, d, h = "00", mi = "00", s = "00"] = match;
  if (!seriesId) return undefined;
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)));
  // Date.UTC silently rolls over (month 13, 25:00); such a suffix is not an instance start.
  if (
    date.getUTCFullYear() !== Number(y) ||
    date.getUTCMonth() !== Number(mo) - 1 ||
    date.getUTCDate() !== Number(d) ||
    date.getUTCHours() !== Number(h) ||
    date.getUTCMinutes() !== Number(mi) ||
    date.getUTCSeconds() !== Number(s)
  ) {
    return undefined;
  }
  return { seriesId, start: date.toISOString() };
}

const CALENDAR_PATH = /^\/calendar\/(?:[ub]\/\d+\/)?r\/(event|eventedit)(?:\/|$)/;

function parseUrl(url: string | undefined): URL | null {
  if (!url) return null;
  try {
    return new URL(url, "https://calendar.google.com");
  } catch {
    return null;
  }
}

export function isEventEditUrl(url: string | undefined): boolean {
  return CALENDAR_PATH.exec(parseUrl(url)?.pathname ?? "")?.[1] === "eventedit";
}

/** True on the event edit page and on the event view (`/r/event?eid=…`). */
export function isCalendarEventView(url: string): boolean {
  return CALENDAR_PATH.test(parseUrl(url)?.pathname ?? "");
}

/** The eid named by the URL: `/r/eventedit/<eid>` or `/r/event?eid=<eid>`. */
export function eidFromUrl(url: string | undefined): string | undefined {
  const parsed = parseUrl(url);
  if (!parsed) return undefined;
  const match = CALENDAR_PATH.exec(parsed.pathname);
  if (!match) return undefined;
  if (match[1] === "event") return parsed.searchParams.get("eid") || undefined;
  // "/eventedit/copy/<eid>" and "/eventedit/duplicate/<eid>" open a new event, not this one.
  const segment = parsed.pathname.slice(match[0].length).split("/")[0];
  if (!segment || segment === "copy" || segment === "duplicate") return undefined;
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}
