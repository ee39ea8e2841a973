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
import { reasonInEnglish } from "./reason";
import type {
  Classification,
  DetectionBecause,
  DetectionSettings,
  EventSignals,
  ExplainedClassification,
} from "./types";

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
  about?: DetectionBecause;
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

/** The user's keyword, when it rather than a built-in marker made the title say 1:1. */
function markerKeyword(reading: TitleReading): string | undefined {
  // A built-in marker is the plainer explanation when both are present.
  return reading.keyword !== undefined && !reading.builtInMarker ? reading.keyword.raw : undefined;
}

function markerReason(reading: TitleReading): DetectionBecause {
  const keyword = markerKeyword(reading);
  return keyword === undefined ? { code: "marker" } : { code: "keyword", phrase: keyword };
}

function exclusionReason(exclusion: Phrase): DetectionBecause {
  return { code: "excluded", phrase: exclusion.raw };
}

/** A decision before it is put into words. */
type Decision = Omit<ExplainedClassification, "reason">;

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

function withCounterpart(result: Decision, person: Person | undefined): Decision {
  if (person === undefined || (person.email === undefined && person.displayName === undefined)) return result;
  return { ...result, counterpart: { ...person } };
}

function byTitleOnly(reading: TitleReading, selfEmail: string | undefined): Decision {
  if (reading.exclusion !== undefined) {
    return { isOneOnOne: false, because: exclusionReason(reading.exclusion) };
  }
  if (isAboutOneOnOnes(reading))
    return { isOneOnOne: false, because: reading.about ?? { code: "about-plural" } };
  if (hasMarker(reading)) {
    const displayName = nameFromTitle(reading, selfEmail);
    const result: Decision = { isOneOnOne: true, because: markerReason(reading) };
    return displayName === undefined ? result : { ...result, counterpart: { displayName } };
  }
  const text = reading.folded.text;
  if (findInterviewHint(text) !== undefined) return { isOneOnOne: false, because: { code: "interview" } };
  if (findBusinessHint(text) !== undefined) return { isOneOnOne: false, because: { code: "sales" } };
  if (findGroupHint(text) !== undefined) return { isOneOnOne: false, because: { code: "group-title" } };
  if (findNamePair(reading.title) !== undefined) {
    const displayName = nameFromTitle(reading, selfEmail);
    const result: Decision = { isOneOnOne: true, because: { code: "name-pair" } };
    return displayName === undefined ? result : { ...result, counterpart: { displayName } };
  }
  return { isOneOnOne: false, because: { code: "no-marker" } };
}

function withOneGuest(
  reading: TitleReading,
  guest: Person,
  relation: Relationship,
  recurring: boolean,
): Decision {
  const text = reading.folded.text;
  const who = relation === "colleague" ? "colleague" : "guest";
  const decide = (isOneOnOne: boolean, because: DetectionBecause) =>
    withCounterpart({ isOneOnOne, because }, guest);
  const oneGuest = (
    hint: Extract<DetectionBecause, { code: "one-guest" }>["hint"],
    words?: string,
  ): DetectionBecause => ({ code: "one-guest", guest: who, hint, ...(words !== undefined ? { words } : {}) });

  if (reading.exclusion !== undefined) return decide(false, exclusionReason(reading.exclusion));
  if (isGroupAddress(guest)) return decide(false, { code: "group-address" });
  if (isAboutOneOnOnes(reading)) return decide(false, reading.about ?? { code: "about-plural" });
  // A marker is the organiser saying so; it holds for an outside mentor or coach too.
  if (hasMarker(reading)) return decide(true, markerReason(reading));
  if (findInterviewHint(text) !== undefined) return decide(false, { code: "interview" });
  // "Customer escalations" or "Demo prep" with a colleague is still internal work
  // between two people; the selling words only mark a guest from elsewhere.
  if (relation !== "colleague" && findBusinessHint(text) !== undefined) {
    return decide(false, { code: "sales" });
  }
  // Recurrence and casual titles are just as common with clients, so
  // without a marker an outside guest is not a report.
  if (relation === "external") return decide(false, { code: "external-guest" });
  if (findGroupHint(text) !== undefined) return decide(false, oneGuest("group-title"));
  if (findNamePair(reading.title) !== undefined) return decide(true, oneGuest("names"));
  const hint = findRegularMeetingHint(text);
  if (hint !== undefined) {
    const words = originalText(reading, hint).trim().toLowerCase();
    return decide(true, words.length > 0 ? oneGuest("regular", words) : oneGuest("regular"));
  }
  if (recurring) return decide(true, oneGuest("recurring"));
  return decide(false, oneGuest("not-recurring"));
}

function classifyGuests(
  reading: TitleReading,
  guests: GuestList,
  recurring: boolean,
  selfKnown: boolean,
): Decision {
  const [guest] = guests.others;
  if (guest === undefined) return { isOneOnOne: false, because: { code: "no-other-guests" } };
  // Nothing says which guest is the user: two people, and a title that says 1:1, are a 1:1
  // between the user and one of them.
  if (!selfKnown && guests.humans === 2 && guests.others.length === 2 && hasMarker(reading)) {
    if (reading.exclusion !== undefined)
      return { isOneOnOne: false, because: exclusionReason(reading.exclusion) };
    if (isAboutOneOnOnes(reading))
      return { isOneOnOne: false, because: reading.about ?? { code: "about-plural" } };
    if (!guests.others.some(isGroupAddress)) {
      const keyword = markerKeyword(reading);
      return {
        isOneOnOne: true,
        because: keyword === undefined ? { code: "unclear-self" } : { code: "unclear-self", keyword },
        candidates: guests.others.map((person) => ({ ...person })),
      };
    }
  }
  if (guests.others.length > 1) {
    return { isOneOnOne: false, because: { code: "group-meeting", guests: guests.humans } };
  }
  const guestDomain = guest.email === undefined ? undefined : emailDomain(guest.email);
  return withOneGuest(reading, guest, relationship(guests.selfDomain, guestDomain), recurring);
}

function classify(signals: unknown, settings: unknown): Decision {
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

function unreadable(): Decision {
  return { isOneOnOne: false, because: { code: "unreadable" } };
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
  const { because: _, ...classification } = explainEvent(signals, settings);
  return classification;
}

/**
 * `classifyEvent`, with the reason also as data (`because`), for a page that says it in the
 * manager's language.
 */
export function explainEvent(signals: EventSignals, settings?: DetectionSettings): ExplainedClassification {
  let decision: Decision;
  try {
    decision = classify(signals, settings);
  } catch {
    decision = unreadable();
  }
  return { ...decision, reason: reasonInEnglish(decision.because) };
}
