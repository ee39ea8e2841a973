import {
  actionItemsAgreedIn,
  applyRuleKind,
  earlierPeopleOfEvent,
  findOrCreateMeeting,
  findOrCreatePersonForEvent,
  openActionItems,
  type PrepDatabase,
  prepMeetings,
  previousNotes,
  recoverUnsavedEdits,
} from "@/lib/db";
import type { PrepEvent } from "@/lib/messaging";
import { chooseMeetingKind, type MeetingKindRules } from "@/lib/templates";
import type { FirstPrep } from "./PrepView";

/** Opens the record of an event's 1:1 (creating the person and the meeting the first time) and reads its first screen. */
export async function openFirstPrep(
  db: PrepDatabase,
  event: PrepEvent,
  { cadenceDays, rules }: { cadenceDays: number; rules: MeetingKindRules },
): Promise<FirstPrep> {
  // A tab closed while typing in this meeting left its last keystrokes behind: show them.
  await recoverUnsavedEdits(db);
  const person = await findOrCreatePersonForEvent(db, {
    eventInstanceId: event.eventInstanceId,
    seriesId: event.seriesId,
    email: event.counterpart.email,
    displayName: event.counterpart.displayName ?? event.title,
    cadenceDays,
  });
  const meeting = await findOrCreateMeeting(db, {
    personId: person.id,
    eventInstanceId: event.eventInstanceId,
    ...(event.formerEventInstanceId ? { formerEventInstanceId: event.formerEventInstanceId } : {}),
    seriesId: event.seriesId,
    eid: event.eid,
    title: event.title,
    startsAt: event.startsAt,
    endsAt: event.endsAt,
  });
  // The first screen's reads run together; the live queries take over from there.
  const opening = openActionItems(db, person.id, []);
  const [meetings, previous, open, agreedHere, earlierWith] = await Promise.all([
    opening.then((items) => prepMeetings(db, person.id, meeting.startsAt, items)),
    previousNotes(db, person.id, meeting.startsAt),
    opening,
    actionItemsAgreedIn(db, meeting.id),
    earlierPeopleOfEvent(db, event.eventInstanceId, person.id),
  ]);
  // Monthly deep dive and career talk come round on their own, unless the manager chose a kind.
  const earlier = meetings.filter((m) => m.startsAt < meeting.startsAt);
  const kind = await applyRuleKind(
    db,
    meeting.id,
    chooseMeetingKind({ startsAt: meeting.startsAt, title: event.title, previousMeetings: earlier, rules }),
  );
  return { event, person, meeting: { ...meeting, kind }, meetings, previous, open, agreedHere, earlierWith };
}
