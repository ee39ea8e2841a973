import type { Attendee, EventSignals } from "@/lib/detection";
import { currentUrl, findOpenEventAnchor, type OpenEventAnchor } from "./anchor";
import { type DecodedEid, decodeEid, eidFromUrl } from "./eid";
import { readDialogGuests, readEditGuests, readOrganizerEmail } from "./guests";
import { cleanText, linesOf, queryFirst, textOf } from "./query";
import { selectors } from "./selectors";
import { readSelfEmail } from "./self-email";
import { hasRecurrenceWords, minutesFromText, startFromText } from "./when-text";

export interface OpenEvent {
  source: "dialog" | "edit";
  /** the element the prep sidebar is placed beside: the visible dialog, or the edit page's main form */
  anchor: HTMLElement;
  /** raw eid from data-eventid (dialog) or the /eventedit/<eid> URL (edit page) */
  eid?: string;
  /** decoded calendar event id of this instance, e.g. "abc123_20261013T210000Z" */
  eventInstanceId?: string;
  /** for a recurring instance the part before _YYYYMMDDTHHMMSSZ; else the event id */
  seriesId?: string;
  calendarId?: string;
  /** ISO 8601 UTC: from the eid's instance suffix, else best effort from the page's date text */
  startsAt?: string;
  /**
   * ISO 8601 UTC: the start plus the length the details dialog shows ("4:00 – 5:00pm"); absent when
   * either is unknown, and on the edit page, whose end fields no selector reads yet
   */
  endsAt?: string;
  signals: EventSignals;
  /**
   * How far the guest list has arrived; Calendar fills its dialog in steps, title first.
   * "read": rows were read. "expected": the guest section is there but its rows are not (yet).
   * "none": no guest section, which may mean no guests or a card still filling.
   */
  guestRows: "read" | "expected" | "none";
}

const MAX_TITLE = 1024;
const MAX_WHEN = 1000;

/** Longer than a day is a multi-day block, not a meeting with a length to plan. */
const MAX_EVENT_MINUTES = 24 * 60;

/** `startsAt` moved on by `minutes`, or undefined when either is missing or out of range. */
function endAfter(startsAt: string | undefined, minutes: number | undefined): string | undefined {
  if (startsAt === undefined || minutes === undefined) return undefined;
  if (!Number.isInteger(minutes) || minutes <= 0 || minutes > MAX_EVENT_MINUTES) return undefined;
  const start = Date.parse(startsAt);
  return Number.isNaN(start) ? undefined : new Date(start + minutes * 60_000).toISOString();
}

/** One unreadable part must not cost the others. */
function attempt<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch {
    return fallback;
  }
}

function eidFields(eid: string | undefined): Pick<
  OpenEvent,
  "eid" | "eventInstanceId" | "seriesId" | "calendarId"
> & {
  decoded: DecodedEid | null;
} {
  const decoded = eid ? decodeEid(eid) : null;
  return {
    decoded,
    ...(eid ? { eid } : {}),
    ...(decoded ? { eventInstanceId: decoded.eventId, seriesId: decoded.seriesId } : {}),
    ...(decoded?.calendarId ? { calendarId: decoded.calendarId } : {}),
  };
}

function signalsOf(
  title: string,
  attendees: Attendee[] | undefined,
  selfEmail: string | undefined,
  recurring: boolean | undefined,
): EventSignals {
  return {
    title,
    ...(attendees ? { attendees } : {}),
    ...(selfEmail ? { selfEmail } : {}),
    ...(recurring !== undefined ? { recurring } : {}),
  };
}

/** Guest markup outside the organizer row means a guest section we failed to recognise. */
function hasGuestTraces(dialog: Element, organizer: Element | null): boolean {
  return Array.from(dialog.querySelectorAll('[role="tree"],[role="treeitem"],[data-email]')).some(
    (element) => !organizer?.contains(element),
  );
}

function readDialog(doc: Document, dialog: HTMLElement, url: string | undefined): OpenEvent {
  const details = attempt(() => queryFirst(dialog, selectors.eventDetails), null);
  const eid =
    attempt(() => cleanText(details?.getAttribute("data-eventid"), 2048), "") ||
    attempt(() => eidFromUrl(url), undefined);
  const { decoded, ...ids } = eidFields(eid);
  const selfEmail = attempt(() => readSelfEmail(doc), undefined);
  const title = attempt(() => textOf(queryFirst(dialog, selectors.title), MAX_TITLE), "");
  const whenElement = attempt(() => queryFirst(dialog, selectors.when), null);
  const whenText = attempt(() => linesOf(whenElement, MAX_WHEN).join("\n"), "");
  const organizerElement = attempt(() => queryFirst(dialog, selectors.organizer), null);

  let guestRows: OpenEvent["guestRows"] = "none";
  const attendees = attempt((): Attendee[] | undefined => {
    const guests = readDialogGuests(dialog, selfEmail);
    guestRows = guests.kind === "rows" ? "read" : guests.kind === "unparsed" ? "expected" : "none";
    if (guests.kind === "unparsed") return undefined;
    if (guests.kind === "none") {
      const rendered = title !== "" && (whenElement !== null || organizerElement !== null);
      return rendered && !hasGuestTraces(dialog, organizerElement) ? [] : undefined;
    }
    if (!guests.attendees.some((attendee) => attendee.organizer)) {
      const organizerEmail = readOrganizerEmail(dialog);
      const organizer = guests.attendees.find((attendee) => attendee.email === organizerEmail);
      if (organizer) organizer.organizer = true;
    }
    return guests.attendees;
  }, undefined);

  const recurring = decoded?.instanceStart
    ? true
    : whenElement
      ? attempt(() => hasRecurrenceWords(whenText), undefined)
      : undefined;
  const startsAt =
    decoded?.instanceStart ?? (whenText ? attempt(() => startFromText(whenText), undefined) : undefined);
  // The length comes from the text even when the start comes from the eid: it is the same in any zone.
  const endsAt = endAfter(
    startsAt,
    whenText ? attempt(() => minutesFromText(whenText), undefined) : undefined,
  );

  return {
    source: "dialog",
    anchor: dialog,
    ...ids,
    ...(startsAt ? { startsAt } : {}),
    ...(endsAt ? { endsAt } : {}),
    signals: signalsOf(title, attendees, selfEmail, recurring),
    guestRows,
  };
}

function fieldValue(element: HTMLElement | null, maxLength: number): string {
  if (!element) return "";
  const isField = element.tagName === "INPUT" || element.tagName === "TEXTAREA";
  return cleanText(isField ? (element as HTMLInputElement).value : element.textContent, maxLength);
}

function readEditPage(doc: Document, form: HTMLElement, url: string | undefined): OpenEvent {
  const { decoded, ...ids } = eidFields(attempt(() => eidFromUrl(url), undefined));
  const selfEmail = attempt(() => readSelfEmail(doc), undefined);
  const title = attempt(() => fieldValue(queryFirst(doc, selectors.editTitle), MAX_TITLE), "");
  const attendees = attempt(() => readEditGuests(doc, selfEmail), undefined);
  const startsAt =
    decoded?.instanceStart ??
    attempt(() => {
      const date = fieldValue(queryFirst(doc, selectors.editStartDate), 200);
      const time = fieldValue(queryFirst(doc, selectors.editStartTime), 100);
      return date ? startFromText(`${date} ${time}`) : undefined;
    }, undefined);
  // The edit page shows no reliable recurrence text, so only an instance eid settles it.
  const recurring = decoded?.instanceStart ? true : undefined;

  return {
    source: "edit",
    anchor: form,
    ...ids,
    ...(startsAt ? { startsAt } : {}),
    signals: signalsOf(title, attendees, selfEmail, recurring),
    guestRows: attendees === undefined ? "none" : "read",
  };
}

/** Everything the page shows about the open event; null when none is open. Never throws. */
export function readOpenEvent(doc: Document, url?: string): OpenEvent | null {
  try {
    const open = findOpenEventAnchor(doc, url);
    return open ? readOpenEventAt(doc, open, url) : null;
  } catch {
    return null;
  }
}

/** What the page shows about the event already found at `open`. Never throws. */
export function readOpenEventAt(doc: Document, open: OpenEventAnchor, url?: string): OpenEvent | null {
  try {
    const pageUrl = attempt(() => currentUrl(doc, url), undefined);
    return open.source === "dialog"
      ? readDialog(doc, open.anchor, pageUrl)
      : readEditPage(doc, open.anchor, pageUrl);
  } catch {
    return null;
  }
}
