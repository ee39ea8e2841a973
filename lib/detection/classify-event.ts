import {
  emailDomain,
  emailOf,
  type GuestList,
  isGroupAddress,
  type Person,
  type Relationship,
  readGuests,
  relationship,
} from "./attendees";
import {
  aboutOneOnOnes,
  findBusinessHint,
  findGroupHint,
  findInterviewHint,
  findMarkerSpans,
  findPhrase,
  findRegularMeetingHint,
  type Span,
} from "./markers";
import {
  findNamePair,
  findNames,
  looksLikeSelf,
  MARKER_PLACEHOLDER,
  type NamePart,
  selfNameHints,
} from "./names";
import { type FoldedText, fold, foldWithMap, MAX_TEXT_CHARS } from "./normalize";
import type { Classification, DetectionSettings, EventSignals } from "./types";

// Settings come from storage the user edits; a runaway list must not make
// every calendar click slow.
const MAX_SETTING_ENTRIES = 200;
const MAX_SETTING_CHARS = 100;

interface Phrase {
  /** as the user typed it, for reasons shown back to them */
  raw: string;
  folded: string;
}

interface Rules {
  keywords: Phrase[];
  exclusions: Phrase[];
}

interface TitleReading {
  title: string;
  folded: FoldedText;
  /** built-in markers and the user's keywords, in folded text */
  markerSpans: Span[];
  builtInMarker: boolean;
  keyword?: Phrase;
  exclusion?: Phrase;
  /** why the title is about 1:1s rather than one (training, planning, "1:1s") */
  about?: string;
}

function readPhrases(value: unknown): Phrase[] {
  if (!Array.isArray(value)) return [];
  const phrases: Phrase[] = [];
  for (const item of value.slice(0, MAX_SETTING_ENTRIES)) {
    if (typeof item !== "string") continue;
    const raw = item.trim().slice(0, MAX_SETTING_CHARS);
    const folded = fold(raw);
    if (folded.length > 0) phrases.push({ raw, folded });
  }
  return phrases;
}

function readRules(settings: unknown): Rules {
  if (settings === null || typeof settings !== "object") return { keywords: [], exclusions: [] };
  const record = settings as Record<string, unknown>;
  return { keywords: readPhrases(record.keywords), exclusions: readPhrases(record.exclusions) };
}

function readTitle(title: string, rules: Rules): TitleReading {
  const folded = foldWithMap(title);
  const markerSpans = findMarkerSpans(folded.text);
  const reading: TitleReading = { title, folded, markerSpans, builtInMarker: markerSpans.length > 0 };
  if (reading.builtInMarker) {
    const about = aboutOneOnOnes(folded.text, markerSpans);
    if (about !== undefined) reading.about = about;
  }
  for (const exclusion of rules.exclusions) {
    if (findPhrase(folded.text, exclusion.folded) !== undefined) {
      reading.exclusion = exclusion;
      break;
    }
  }
  for (const keyword of rules.keywords) {
    const span = findPhrase(folded.text, keyword.folded);
    if (span === undefined) continue;
    reading.keyword ??= keyword;
    // Cut every keyword out before reading a name, so "Mentoring Priya" gives "Priya".
    reading.markerSpans.push(span);
  }
  return reading;
}

function hasMarker(reading: TitleReading): boolean {
  return reading.markerSpans.length > 0;
}

/** The user's own keyword outranks the built-in reading that a title is about 1:1s. */
function isAboutOneOnOnes(reading: TitleReading): boolean {
  return reading.about !== undefined && reading.keyword === undefined;
}

function markerReason(reading: TitleReading): string {
  // A built-in marker is the plainer explanation when both are present.
  return reading.keyword !== undefined && !reading.builtInMarker
    ? `Title matches your keyword “${reading.keyword.raw}”`
    : "Title says 1:1";
}

function exclusionReason(exclusion: Phrase): string {
  return `Excluded by your setting “${exclusion.raw}”`;
}

/** The original title text behind a span of the folded text. */
function originalText(reading: TitleReading, span: Span): string {
  const from = reading.folded.start[span.start];
  const to = reading.folded.end[span.end - 1];
  if (from === undefined || to === undefined) return "";
  return reading.title.slice(from, to);
}

/** The title with markers and keywords replaced by a phrase break. */
function titleWithoutMarkers(reading: TitleReading): string {
  const title = reading.title.slice(0, MAX_TEXT_CHARS);
  const cuts = reading.markerSpans
    .map((span) => ({ from: reading.folded.start[span.start], to: reading.folded.end[span.end - 1] }))
    .filter((cut): cut is { from: number; to: number } => cut.from !== undefined && cut.to !== undefined)
    .sort((a, b) => a.from - b.from);
  let out = "";
  let at = 0;
  for (const cut of cuts) {
    if (cut.to <= at) continue;
    out += title.slice(at, Math.max(at, cut.from)) + MARKER_PLACEHOLDER;
    at = cut.to;
  }
  return out + title.slice(at);
}

function pickFromPair(first: NamePart, second: NamePart, hints: readonly string[]): NamePart {
  const firstIsSelf = looksLikeSelf(first, hints);
  const secondIsSelf = looksLikeSelf(second, hints);
  if (firstIsSelf && !secondIsSelf) return second;
  if (secondIsSelf && !firstIsSelf) return first;
  // Neither or both look like the user: titles more often lead with the
  // other person ("Priya / Alex" in Alex's calendar), so take the first.
  return first;
}

/** Who a title names as the other person, when the guest list is unknown. */
function nameFromTitle(reading: TitleReading, selfEmail: string | undefined): string | undefined {
  const title = titleWithoutMarkers(reading);
  const hints = selfNameHints(selfEmail);
  const pair = findNamePair(title);
  if (pair !== undefined) {
    const pick = pickFromPair(pair.first, pair.second, hints);
    return pick.kind === "name" ? pick.text : undefined;
  }
  return findNames(title).find((name) => !looksLikeSelf(name, hints))?.text;
}

function withCounterpart(result: Classification, person: Person | undefined): Classification {
  if (person === undefined || (person.email === undefined && person.displayName === undefined)) return result;
  return { ...result, counterpart: { ...person } };
}

function byTitleOnly(reading: TitleReading, selfEmail: string | undefined): Classification {
  if (reading.exclusion !== undefined) {
    return { isOneOnOne: false, reason: exclusionReason(reading.exclusion) };
  }
  if (isAboutOneOnOnes(reading)) return { isOneOnOne: false, reason: reading.about ?? "About 1:1s" };
  if (hasMarker(reading)) {
    const displayName = nameFromTitle(reading, selfEmail);
    const result: Classification = { isOneOnOne: true, reason: markerReason(reading) };
    return displayName === undefined ? result : { ...result, counterpart: { displayName } };
  }
  const text = reading.folded.text;
  if (findInterviewHint(text) !== undefined) return { isOneOnOne: false, reason: "Interview" };
  if (findBusinessHint(text) !== undefined) return { isOneOnOne: false, reason: "Sales or vendor call" };
  if (findGroupHint(text) !== undefined) return { isOneOnOne: false, reason: "Title names a group" };
  if (findNamePair(reading.title) !== undefined) {
    const displayName = nameFromTitle(reading, selfEmail);
    const result: Classification = { isOneOnOne: true, reason: "Title names two people" };
    return displayName === undefined ? result : { ...result, counterpart: { displayName } };
  }
  return { isOneOnOne: false, reason: "Guests unknown and no 1:1 in the title" };
}

function withOneGuest(
  reading: TitleReading,
  guest: Person,
  relation: Relationship,
  recurring: boolean,
): Classification {
  const text = reading.folded.text;
  const who = relation === "colleague" ? "One colleague" : "One guest";
  const decide = (isOneOnOne: boolean, reason: string) => withCounterpart({ isOneOnOne, reason }, guest);

  if (reading.exclusion !== undefined) return decide(false, exclusionReason(reading.exclusion));
  if (isGroupAddress(guest)) return decide(false, "The one guest is a group address");
  if (isAboutOneOnOnes(reading)) return decide(false, reading.about ?? "About 1:1s");
  // A marker is the organiser saying so; it holds for an outside mentor or coach too.
  if (hasMarker(reading)) return decide(true, markerReason(reading));
  if (findInterviewHint(text) !== undefined) return decide(false, "Interview");
  // "Customer escalations" or "Demo prep" with a colleague is still internal work
  // between two people; the selling words only mark a guest from elsewhere.
  if (relation !== "colleague" && findBusinessHint(text) !== undefined) {
    return decide(false, "Sales or vendor call");
  }
  // Recurrence and casual titles are just as common with clients, so
  // without a marker an outside guest is not a report.
  if (relation === "external") return decide(false, "External guest without a 1:1 marker");
  if (findGroupHint(text) !== undefined) return decide(false, `${who}, but the title names a group`);
  if (findNamePair(reading.title) !== undefined) return decide(true, `${who}, names in the title`);
  const hint = findRegularMeetingHint(text);
  if (hint !== undefined) {
    const words = originalText(reading, hint).trim().toLowerCase();
    return decide(true, words.length > 0 ? `${who}, ${words}` : `${who}, regular meeting`);
  }
  if (recurring) return decide(true, `${who}, recurring`);
  return decide(false, `${who}, not recurring and no 1:1 in the title`);
}

function classifyGuests(
  reading: TitleReading,
  guests: GuestList,
  recurring: boolean,
  selfKnown: boolean,
): Classification {
  const [guest] = guests.others;
  if (guest === undefined) return { isOneOnOne: false, reason: "No other guests" };
  // Nothing says which guest is the user: two people, and a title that says 1:1, are a 1:1
  // between the user and one of them.
  if (!selfKnown && guests.humans === 2 && guests.others.length === 2 && hasMarker(reading)) {
    if (reading.exclusion !== undefined)
      return { isOneOnOne: false, reason: exclusionReason(reading.exclusion) };
    if (isAboutOneOnOnes(reading)) return { isOneOnOne: false, reason: reading.about ?? "About 1:1s" };
    if (!guests.others.some(isGroupAddress))
      return {
        isOneOnOne: true,
        reason: `${markerReason(reading)}; two guests, and the page doesn't show which one is you`,
        candidates: guests.others.map((person) => ({ ...person })),
      };
  }
  if (guests.others.length > 1) {
    return { isOneOnOne: false, reason: `Group meeting (${guests.humans} guests)` };
  }
  const guestDomain = guest.email === undefined ? undefined : emailDomain(guest.email);
  return withOneGuest(reading, guest, relationship(guests.selfDomain, guestDomain), recurring);
}

function classify(signals: unknown, settings: unknown): Classification {
  if (signals === null || typeof signals !== "object") return unreadable();
  const record = signals as Record<string, unknown>;
  const title = typeof record.title === "string" ? record.title : "";
  const selfEmail =
    typeof record.selfEmail === "string" && record.selfEmail.trim().length > 0
      ? emailOf(record.selfEmail)
      : undefined;
  const reading = readTitle(title, readRules(settings));
  if (!Array.isArray(record.attendees)) return byTitleOnly(reading, selfEmail);
  const selfKnown =
    selfEmail !== undefined ||
    record.attendees.some(
      (a: unknown) => a !== null && typeof a === "object" && (a as { self?: unknown }).self === true,
    );
  const guests = readGuests(record.attendees, selfEmail);
  // The organisation's domain stands in for the user's own address only when the page shows
  // neither: the address the user signed in with is the better witness of where they work.
  if (guests.selfDomain === undefined) {
    const companyDomain = readCompanyDomain(settings);
    if (companyDomain !== undefined) guests.selfDomain = companyDomain;
  }
  return classifyGuests(reading, guests, record.recurring === true, selfKnown);
}

const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,62}$/;

function readCompanyDomain(settings: unknown): string | undefined {
  if (settings === null || typeof settings !== "object") return undefined;
  const domain = (settings as Record<string, unknown>).companyDomain;
  if (typeof domain !== "string") return undefined;
  const folded = emailDomain(`@${domain}`);
  return folded !== undefined && DOMAIN.test(folded) ? folded : undefined;
}

function unreadable(): Classification {
  return { isOneOnOne: false, reason: "Could not read this event" };
}

/**
 * Decide whether a calendar event is a 1:1 and who it is with.
 *
 * The guest list, when known, outranks the title: nobody else invited means a
 * block for oneself, and two or more other guests make a group, whatever
 * the title says. Runs on every event the user opens, so it never throws: input it
 * cannot make sense of gives a "not a 1:1" answer instead.
 */
export function classifyEvent(signals: EventSignals, settings?: DetectionSettings): Classification {
  try {
    return classify(signals, settings);
  } catch {
    return unreadable();
  }
}
