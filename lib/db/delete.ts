import type { PrepDatabase } from "./database";
import { searchIndexTables } from "./search-store";
import { statsTables } from "./stats-figures";

/** Removes every person, note, item, plan and record of questions asked, and what is derived from them. */
export async function deleteEverything(db: PrepDatabase): Promise<void> {
  const derived = new Set<string>([...searchIndexTables, ...statsTables]);
  await db.transaction("rw", db.tables, async () => {
    await Promise.all(db.tables.filter((t) => !derived.has(t.name)).map((table) => table.clear()));
    // Last, so the marks the clearing left for search and Stats go too: with no index, search
    // builds one, and Stats reads the (empty) tables.
    await Promise.all(db.tables.filter((t) => derived.has(t.name)).map((table) => table.clear()));
  });
}

/**
 * Removes the person and everything written about them: their meetings, and every row that
 * belongs to them or to one of those meetings. A meeting can change hands when its event turns
 * out to be with someone else, so rows are found by meeting as well as by person.
 * Feedback for someone else that was delivered in one of the deleted meetings is kept, without
 * the link to that meeting.
 */
export async function deletePerson(db: PrepDatabase, personId: string): Promise<void> {
  await db.transaction("rw", db.tables, async () => {
    const meetingIds = await db.meetings.where("personId").equals(personId).primaryKeys();
    const inMeetings = new Set(meetingIds);
    await db.meetings.bulkDelete(meetingIds);
    await db.agendaItems.where("personId").equals(personId).delete();
    await db.agendaItems.where("meetingId").anyOf(meetingIds).delete();
    await db.actionItems.where("personId").equals(personId).delete();
    await db.actionItems.where("meetingId").anyOf(meetingIds).delete();
    await db.questionsAsked.where("personId").equals(personId).delete();
    await db.questionsAsked.filter((q) => inMeetings.has(q.meetingId)).delete();
    await db.feedback.where("personId").equals(personId).delete();
    await db.feedback
      .filter((f) => f.deliveredMeetingId !== undefined && inMeetings.has(f.deliveredMeetingId))
      .modify((f) => {
        delete f.deliveredMeetingId;
      });
    const planIds = new Set(await db.growthPlans.where("personId").equals(personId).primaryKeys());
    await db.growthPlans.bulkDelete([...planIds]);
    // Edits a closed page left for them would have nowhere to go.
    await db.unsavedEdits
      .filter(({ target }) =>
        target.kind === "plan" ? planIds.has(target.planId) : inMeetings.has(target.meetingId),
      )
      .delete();
    // The synced copy of those meetings' events goes too, so a sync does not bring them back
    // before the calendar itself changes.
    await db.calendarEvents.where("meetingId").anyOf(meetingIds).delete();
    await db.people.delete(personId);
  });
}
