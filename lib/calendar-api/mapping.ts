import { isStoredDate } from "@/lib/db";
import { type Attendee, EMAIL_MAX_LENGTH, type EventSignals, normalizeEmail } from "@/lib/detection";
import type { CalendarApiAttendee, CalendarApiEvent } from "./schemas";

/** A guest as the product keeps them: no nulls, email lower-case, names trimmed. */
export interface SyncedAttendee {
  email?: string;
  displayName?: string;
  self?: boolean;
  resource?: boolean;
  organizer?: boolean;
  optional?: boolean;
  responseStatus?: string;
}

interface SyncedEventFields {
  /** Calendar's id of this instance, the same id `decodeEid` reads from the page */
  eventInstanceId: string;
  /** the recurring event's id, or the event's own for a single event */
  seriesId: string;
  /** the `eid` of the event's link in Calendar */
  eid?: string;
  title: string;
  /**
   * undefined when the API did not list guests: a cancelled instance comes without them, and a
   * guest list Google left out (`attendeesOmitted`) is not known. [] means no one else was invited.
   */
  attendees?: SyncedAttendee[];
  /** the user's own answer to the invitation, when they are a guest */
  selfResponse?: string;
  recurring: boolean;
  /** last change, epoch ms */
  updated?: number;
}

export type SyncedEvent =
  | (SyncedEventFields & { status: "confirmed" | "tentative"; startsAt: number; endsAt?: number })
  /** a cancelled instance may come with nothing but its id; its start is known for instances */
  | (SyncedEventFields & { status: "cancelled"; startsAt?: number; endsAt?: number });

/** Lengths the product's records allow. */
const MAX_TITLE = 1000;
const MAX_DISPLAY_NAME = 200;
const MAX_SYNCED_ATTENDEES = 1000;

const INSTANCE_START = /_(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;
const EID = /^[A-Za-z0-9_-]{1,2048}={0,2}$/;
/** Out-of-office, focus time, working location, birthdays and Gmail bookings are never meetings. */
const MEETING_EVENT_TYPES = new Set(["default"]);

function trimmed(value: string | null | undefined, max: number): string | undefined {
  const text = value?.trim();
  return text ? text.slice(0, max) : undefined;
}

export function toAttendee(attendee: CalendarApiAttendee): SyncedAttendee {
  const out: SyncedAttendee = {};
  const raw = trimmed(attendee.email, EMAIL_MAX_LENGTH);
  const email = raw === undefined ? undefined : (normalizeEmail(raw) ?? raw.toLowerCase());
  if (email !== undefined) out.email = email;
  const displayName = trimmed(attendee.displayName, MAX_DISPLAY_NAME);
  if (displayName !== undefined) out.displayName = displayName;
  for (const flag of ["self", "resource", "organizer", "optional"] as const) {
    const value = attendee[flag];
    if (typeof value === "boolean") out[flag] = value;
  }
  const responseStatus = trimmed(attendee.responseStatus, 40);
  if (responseStatus !== undefined) out.responseStatus = responseStatus;
  return out;
}

/**
 * The guest list as detection reads it. Google leaves `attendees` out of an event nobody was
 * invited to, which detection must see as "only you" ([]) so "1:1 prep" blocks stay blocks; a
 * cancelled instance also comes without them, and there the list is simply not known.
 */
function attendeesOf(event: CalendarApiEvent): SyncedAttendee[] | undefined {
  if (event.attendeesOmitted === true) return undefined;
  if (event.attendees === undefined) return event.status === "cancelled" ? undefined : [];
  return event.attendees.map(toAttendee);
}

function selfEmailOf(event: CalendarApiEvent, given: string | undefined): string | undefined {
  const explicit = given?.trim() ? (normalizeEmail(given) ?? given.trim().toLowerCase()) : undefined;
  if (explicit) return explicit;
  const self = event.attendees?.find((a) => a.self === true)?.email;
  const candidates = [
    self,
    event.organizer?.self ? event.organizer.email : undefined,
    event.creator?.self ? event.creator.email : undefined,
  ];
  for (const candidate of candidates) {
    const email = candidate?.trim()
      ? (normalizeEmail(candidate) ?? candidate.trim().toLowerCase())
      : undefined;
    if (email) return email;
  }
  return undefined;
}

/** What detection needs from an event of the API, in the same shape the page gives it. */
export function toEventSignals(event: CalendarApiEvent, selfEmail?: string): EventSignals {
  const signals: EventSignals = {
    title: event.summary ?? "",
    recurring: typeof event.recurringEventId === "string",
  };
  const attendees: Attendee[] | undefined = attendeesOf(event);
  if (attendees !== undefined) signals.attendees = attendees;
  const self = selfEmailOf(event, selfEmail);
  if (self !== undefined) signals.selfEmail = self;
  return signals;
}

/** A time the API gives, when it lies within 1970–2200 like every date 1:1 Prep keeps. */
function epochMs(dateTime: string | null | undefined): number | undefined {
  if (!dateTime) return undefined;
  const ms = Date.parse(dateTime);
  return isStoredDate(ms) ? ms : undefined;
}

/** The start Calendar encodes in a timed instance's id: `<seriesId>_<YYYYMMDD>T<HHMMSS>Z`. */
function instanceStartFromId(id: string): number | undefined {
  const match = INSTANCE_START.exec(id);
  if (!match) return undefined;
  const [y, mo, d, h, mi, s] = match.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  // Date.UTC rolls month 13 or 25:00 over; such a suffix is not a start.
  const exact =
    date.getUTCFullYear() === y &&
    date.getUTCMonth() === mo - 1 &&
    date.getUTCDate() === d &&
    date.getUTCHours() === h &&
    date.getUTCMinutes() === mi &&
    date.getUTCSeconds() === s;
  return exact && isStoredDate(date.getTime()) ? date.getTime() : undefined;
}

export function eidFromHtmlLink(htmlLink: string | null | undefined): string | undefined {
  if (!htmlLink) return undefined;
  try {
    const eid = new URL(htmlLink).searchParams.get("eid");
    return eid && EID.test(eid) ? eid : undefined;
  } catch {
    return undefined;
  }
}

function isAllDay(event: CalendarApiEvent): boolean {
  const when = event.start ?? event.originalStartTime;
  return Boolean(when?.date) && !when?.dateTime;
}

function cappedAttendees(attendees: SyncedAttendee[]): SyncedAttendee[] {
  if (attendees.length <= MAX_SYNCED_ATTENDEES) return attendees;
  // Far past any 1:1; keep the user's own entry so their answer survives the cut.
  const self = attendees.filter((a) => a.self === true);
  const others = attendees.filter((a) => a.self !== true);
  return [...self, ...others].slice(0, MAX_SYNCED_ATTENDEES);
}

/**
 * The compact record the product keeps of an event, or undefined for what is never a 1:1:
 * all-day events, out-of-office and other non-meeting event types, and statuses Google may add.
 */
export function toSyncedEvent(event: CalendarApiEvent): SyncedEvent | undefined {
  if (event.eventType && !MEETING_EVENT_TYPES.has(event.eventType)) return undefined;
  if (isAllDay(event)) return undefined;
  const status = event.status ?? "confirmed";
  if (status !== "confirmed" && status !== "tentative" && status !== "cancelled") return undefined;

  const attendees = attendeesOf(event);
  const selfResponse = trimmed(event.attendees?.find((a) => a.self === true)?.responseStatus, 40);
  const eid = eidFromHtmlLink(event.htmlLink);
  const updated = epochMs(event.updated);
  const fields: SyncedEventFields = {
    eventInstanceId: event.id,
    seriesId: event.recurringEventId ?? event.id,
    title: (event.summary ?? "").slice(0, MAX_TITLE),
    recurring: typeof event.recurringEventId === "string",
    ...(eid === undefined ? {} : { eid }),
    ...(attendees === undefined ? {} : { attendees: cappedAttendees(attendees) }),
    ...(selfResponse === undefined ? {} : { selfResponse }),
    ...(updated === undefined ? {} : { updated }),
  };

  const startsAt =
    epochMs(event.start?.dateTime) ??
    epochMs(event.originalStartTime?.dateTime) ??
    instanceStartFromId(event.id);
  const endsAt = epochMs(event.end?.dateTime);
  const times = { ...(endsAt === undefined ? {} : { endsAt }) };
  if (status === "cancelled") {
    return { ...fields, status, ...(startsAt === undefined ? {} : { startsAt }), ...times };
  }
  // A live event without a start time is not one we can place; the API always sends one.
  if (startsAt === undefined) return undefined;
  return { ...fields, status, startsAt, ...times };
}
