import { useEffect, useState } from "react";
import { t } from "@/components/i18n";
import {
  actionItemsAgreedIn,
  earlierPeopleOfEvent,
  meetingById,
  openActionItems,
  personById,
  prepDatabase,
  prepMeetings,
  previousNotes,
  recoverUnsavedEdits,
} from "@/lib/db";
import type { PrepEvent } from "@/lib/messaging";
import { type FirstPrep, PrepView } from "../sidebar/PrepView";

/** Reads the first screen of a meeting's prep as it is stored, without asking Calendar about it. */
async function openMeeting(meetingId: string): Promise<FirstPrep | undefined> {
  const db = prepDatabase();
  await recoverUnsavedEdits(db);
  const meeting = await meetingById(db, meetingId);
  const person = meeting && (await personById(db, meeting.personId));
  if (!meeting || !person) return undefined;
  const event: PrepEvent = {
    eventInstanceId: meeting.eventInstanceId,
    seriesId: meeting.seriesId ?? meeting.eventInstanceId,
    ...(meeting.eid ? { eid: meeting.eid } : {}),
    title: meeting.title ?? `1:1 ${person.displayName}`,
    startsAt: meeting.startsAt,
    ...(meeting.endsAt !== undefined ? { endsAt: meeting.endsAt } : {}),
    recurring: meeting.seriesId !== undefined,
    counterpart: { ...(person.email ? { email: person.email } : {}), displayName: person.displayName },
    detected: true,
    reason: "Opened from 1:1 Prep.",
    because: { code: "opened" },
  };
  const open = await openActionItems(db, person.id, []);
  const [meetings, previous, agreedHere, earlierWith] = await Promise.all([
    prepMeetings(db, person.id, meeting.startsAt, open),
    previousNotes(db, person.id, meeting.startsAt),
    actionItemsAgreedIn(db, meeting.id),
    earlierPeopleOfEvent(db, meeting.eventInstanceId, person.id),
  ]);
  return { event, person, meeting, meetings, previous, open, agreedHere, earlierWith };
}

/**
 * One meeting's prep on a page of its own, for a meeting Calendar can't open (no event id was
 * ever seen for it): the same prep as beside the event, reading and writing the same notes.
 */
export function MeetingPage({ meetingId }: { meetingId: string }) {
  const [first, setFirst] = useState<FirstPrep | null>();
  useEffect(() => {
    openMeeting(meetingId).then(
      (found) => setFirst(found ?? null),
      () => setFirst(null),
    );
  }, [meetingId]);
  useEffect(() => {
    if (first) document.title = t("pages.meetingTitle", [first.person.displayName]);
  }, [first]);
  return (
    <main className="meeting-page">
      {first === undefined ? (
        <p className="quiet pad">{t("pages.meetingLoading")}</p>
      ) : first === null ? (
        <p className="error pad" role="alert">
          {t("pages.meetingGone")}
        </p>
      ) : (
        <PrepView first={first} sample />
      )}
    </main>
  );
}
