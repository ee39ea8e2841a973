import { type EventSignals, normalizeEmail } from "@/lib/detection";
import { cleanText, queryFirst, textOf } from "./query";
import { selectors } from "./selectors";

const EMAIL_IN_TEXT = /[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:]+/u;

/** The signed-in user's email, lower-cased; undefined when the page does not show it. */
export function readSelfEmail(doc: Document): string | undefined {
  try {
    const fromText = normalizeEmail(textOf(queryFirst(doc, selectors.selfEmail), 320));
    if (fromText) return fromText;
    for (const css of selectors.accountButton.css) {
      for (const button of Array.from(doc.querySelectorAll(css))) {
        const label = cleanText(button.getAttribute("aria-label"), 500);
        const email = normalizeEmail(EMAIL_IN_TEXT.exec(label)?.[0]);
        if (email) return email;
      }
    }
    return undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whose calendar the open event was read from, when they are among its guests: an event on the
 * manager's own calendar lists them as a guest, so a layout that prints no account address still
 * says who the manager is. Calendars of groups, rooms, holidays and imports are no one's.
 */
export function calendarOwnerAmongGuests(open: {
  calendarId?: string;
  signals: Pick<EventSignals, "attendees">;
}): string | undefined {
  const owner = normalizeEmail(open.calendarId);
  if (!owner || owner.endsWith(".calendar.google.com")) return undefined;
  return open.signals.attendees?.some((guest) => normalizeEmail(guest.email) === owner) ? owner : undefined;
}
