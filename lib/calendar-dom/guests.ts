import { type Attendee, normalizeEmail } from "@/lib/detection";
import { cleanText, queryAll, queryFirst, textOf } from "./query";
import { selectors } from "./selectors";

const MAX_NAME = 200;
const MAX_LABEL = 1000;
const RESOURCE_DOMAIN = "@resource.calendar.google.com";

const ORGANIZER =
  /^(?:organizer|organiser|organisator|organisatorin|organisateur|organizador|organizzatore)$/iu;
const OPTIONAL = /^(?:optional|facultatif|opcional|facoltativo)$/iu;
// Checked in order: "Not attending" must win over "Attending".
const RESPONSES: [RegExp, NonNullable<Attendee["responseStatus"]>][] = [
  [/^(?:not attending|declined|no|nimmt nicht teil|abgelehnt|nein)$/iu, "declined"],
  [/^(?:attending|accepted|yes|going|nimmt teil|zugesagt|ja)$/iu, "accepted"],
  [/^(?:maybe|tentative|vielleicht|mit vorbehalt)$/iu, "tentative"],
  [
    /^(?:awaiting|awaiting response|no response|ausstehend|keine antwort|antwort ausstehend)$/iu,
    "needsAction",
  ],
];

interface RowFacts {
  email?: string;
  displayName?: string;
  /** the words after the name: response, "Organizer", "Optional" */
  flags: string[];
}

function buildAttendee(row: RowFacts, selfEmail: string | undefined): Attendee | undefined {
  const { email } = row;
  if (!email) return undefined;
  const attendee: Attendee = { email };
  if (row.displayName && row.displayName.toLowerCase() !== email) attendee.displayName = row.displayName;
  if (row.flags.some((flag) => ORGANIZER.test(flag))) attendee.organizer = true;
  if (row.flags.some((flag) => OPTIONAL.test(flag))) attendee.optional = true;
  const response = RESPONSES.find(([pattern]) => row.flags.some((flag) => pattern.test(flag)));
  if (response) attendee.responseStatus = response[1];
  if (selfEmail && email === selfEmail) attendee.self = true;
  if (email.endsWith(RESOURCE_DOMAIN)) attendee.resource = true;
  return attendee;
}

function dedupeByEmail(attendees: Attendee[]): Attendee[] {
  const byEmail = new Map<string, Attendee>();
  for (const attendee of attendees) {
    const key = attendee.email ?? "";
    const seen = byEmail.get(key);
    if (!seen) byEmail.set(key, attendee);
    else
      byEmail.set(key, {
        ...attendee,
        ...seen,
        organizer: seen.organizer || attendee.organizer || undefined,
      });
  }
  return Array.from(byEmail.values(), (attendee) => {
    if (attendee.organizer === undefined) delete attendee.organizer;
    return attendee;
  });
}

/** Text nodes a reader would see: avatar initials sit in aria-hidden subtrees. */
function spokenTexts(row: Element, limit: number): string[] {
  const texts: string[] = [];
  const walker = row.ownerDocument.createTreeWalker(row, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node && texts.length < limit; node = walker.nextNode()) {
    if (node.parentElement?.closest('[aria-hidden="true"]')) continue;
    const text = cleanText(node.nodeValue, MAX_NAME);
    if (text) texts.push(text);
  }
  return texts;
}

function rowEmail(row: Element): string | undefined {
  return (
    normalizeEmail(row.getAttribute("data-email")) ?? normalizeEmail(row.getAttribute("data-hovercard-id"))
  );
}

function factsFromRow(row: Element): RowFacts {
  const label = cleanText(row.getAttribute("aria-label"), MAX_LABEL);
  const email = rowEmail(row);
  if (label) {
    const [name = "", ...flags] = label.split(",").map((part) => part.trim());
    return { email, displayName: name.slice(0, MAX_NAME) || spokenTexts(row, 1)[0], flags };
  }
  // No label: the row's separate text nodes play the same role as the label's parts.
  const [name, ...flags] = spokenTexts(row, 10);
  return { email, displayName: name, flags };
}

export type GuestReading = { kind: "rows"; attendees: Attendee[] } | { kind: "unparsed" } | { kind: "none" };

/**
 * Guests of the details dialog. "none" means the dialog has no guest section at all;
 * "unparsed" means a section is there but no row could be read.
 */
export function readDialogGuests(dialog: Element, selfEmail: string | undefined): GuestReading {
  const section = queryFirst(dialog, selectors.guestSection);
  if (!section) return { kind: "none" };
  const attendees = queryAll(section, selectors.guestRow)
    .map((row) => buildAttendee(factsFromRow(row), selfEmail))
    .filter((attendee): attendee is Attendee => attendee !== undefined);
  return attendees.length > 0 ? { kind: "rows", attendees: dedupeByEmail(attendees) } : { kind: "unparsed" };
}

/** The organizer row's email, when it names one. */
export function readOrganizerEmail(dialog: Element): string | undefined {
  const organizer = queryFirst(dialog, selectors.organizer);
  if (!organizer) return undefined;
  const carrier = organizer.matches("[data-email],[data-hovercard-id]")
    ? organizer
    : organizer.querySelector("[data-email],[data-hovercard-id]");
  return carrier ? rowEmail(carrier) : undefined;
}

/**
 * Guests on the edit page. An empty list element means no guests; rows that exist but cannot be
 * read leave the guests unknown.
 */
export function readEditGuests(editPage: ParentNode, selfEmail: string | undefined): Attendee[] | undefined {
  const list = queryFirst(editPage, selectors.editGuestList);
  if (!list) return undefined;
  const rows = queryAll(list, selectors.editGuestRow);
  const attendees = rows
    .map((row) => buildAttendee(factsFromRow(row), selfEmail))
    .filter((attendee): attendee is Attendee => attendee !== undefined);
  if (attendees.length > 0) return dedupeByEmail(attendees);
  return rows.length === 0 && list.children.length === 0 && textOf(list, 1) === "" ? [] : undefined;
}
