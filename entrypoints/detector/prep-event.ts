import { eventKey, type OpenEvent } from "@/lib/calendar-dom";
import { type DetectionBecause, explainEvent } from "@/lib/detection";
import type { PrepBecause, PrepEvent } from "@/lib/messaging";
import type { DetectionState } from "@/lib/settings";

const LATEST_START = Date.UTC(2200, 0, 1);

/** What the content script tells the background; everything here was shown by the page itself. */
export function toPrepEvent(
  open: OpenEvent,
  { settings, overrides, calendarVerdicts }: DetectionState,
): PrepEvent {
  const title = open.signals.title.slice(0, 1000);
  const classification = explainEvent(open.signals, settings);
  const parsedStart = open.startsAt ? Date.parse(open.startsAt) : Number.NaN;
  // A time the page shows outside 1970–2200 is no time at all.
  const startsAt = parsedStart >= 0 && parsedStart <= LATEST_START ? parsedStart : Number.NaN;
  const parsedEnd = open.endsAt ? Date.parse(open.endsAt) : Number.NaN;
  const endsAt = parsedEnd > startsAt && parsedEnd <= LATEST_START ? parsedEnd : Number.NaN;
  const { eventInstanceId, formerEventInstanceId, unidentified } = eventKey(open);
  const seriesId = (open.seriesId ?? open.eventInstanceId ?? `untracked:${title}`).slice(0, 1024);
  const email = classification.counterpart?.email;
  const displayName = classification.counterpart?.displayName?.slice(0, 200);
  // Own keys only: a series id such as "constructor" must not find Object's.
  const override = Object.hasOwn(overrides, seriesId) ? overrides[seriesId] : undefined;
  // The page hid the guests; the Calendar API sync saw them all.
  const synced =
    open.signals.attendees === undefined
      ? Object.hasOwn(calendarVerdicts, seriesId)
        ? calendarVerdicts[seriesId]
        : undefined
      : undefined;
  const eid = open.eid && open.eid.length <= 2048 ? open.eid : undefined;
  return {
    eventInstanceId,
    ...(formerEventInstanceId ? { formerEventInstanceId } : {}),
    ...(unidentified ? { unidentified } : {}),
    seriesId,
    ...(eid ? { eid } : {}),
    title,
    ...(Number.isFinite(startsAt) ? { startsAt } : {}),
    ...(Number.isFinite(endsAt) ? { endsAt } : {}),
    recurring: open.signals.recurring === true,
    counterpart: {
      ...(email && email.length <= 320 ? { email } : {}),
      ...(displayName ? { displayName } : {}),
    },
    ...(synced === undefined && classification.candidates?.length === 2
      ? {
          candidates: classification.candidates.map((c) => ({
            ...(c.email && c.email.length <= 320 ? { email: c.email } : {}),
            ...(c.displayName ? { displayName: c.displayName.slice(0, 200) } : {}),
          })),
        }
      : {}),
    detected: synced ?? classification.isOneOnOne,
    reason:
      synced === undefined
        ? classification.reason.slice(0, 300)
        : synced
          ? "Google Calendar lists exactly one other guest"
          : "Google Calendar does not list exactly one other guest",
    because:
      synced === undefined
        ? fitToMessage(classification.because)
        : { code: "calendar-guests", oneOther: synced },
    ...(override !== undefined ? { override } : {}),
  };
}

/** A title or setting long enough to fail the message's check would lose the whole prep. */
function fitToMessage(because: DetectionBecause): PrepBecause {
  const clip = (text: string) => text.slice(0, 300);
  switch (because.code) {
    case "excluded":
    case "keyword":
      return { ...because, phrase: clip(because.phrase) };
    case "about-word":
      return { ...because, word: clip(because.word) };
    case "one-guest":
      return because.words === undefined ? because : { ...because, words: clip(because.words) };
    case "unclear-self":
      return because.keyword === undefined ? because : { ...because, keyword: clip(because.keyword) };
    default:
      return because;
  }
}

export function decisionKey(event: PrepEvent): string {
  return [
    event.eventInstanceId,
    event.detected,
    event.override,
    event.counterpart.email,
    event.counterpart.displayName,
  ].join("|");
}

/**
 * The small button is for events the detector may have got wrong: one other person or
 * unknown guests. A group meeting or a solo block shows nothing at all.
 */
export function offerButton(event: PrepEvent, open: OpenEvent): boolean {
  if (event.override === false) return true;
  const attendees = open.signals.attendees;
  if (attendees === undefined) return true;
  const self = open.signals.selfEmail?.toLowerCase();
  const others = attendees.filter((a) => !a.self && !a.resource && a.email?.toLowerCase() !== self);
  return others.length === 1;
}
