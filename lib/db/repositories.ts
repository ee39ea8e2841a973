import { Dexie } from "dexie";
import { normalizeEmail } from "@/lib/detection";
import { Problem } from "@/lib/problem";
import { quarterStart } from "@/lib/templates";
import type { PrepDatabase } from "./database";
import type { ActionItem, Feedback, Meeting, Person } from "./schema";

export function newId(): string {
  return crypto.randomUUID();
}

export interface PersonRef {
  email?: string;
  displayName?: string;
  /** for someone new; an existing person keeps theirs */
  cadenceDays?: number;
}

/**
 * People are matched by email, which is stable across renames. Someone seen only in an event
 * title ("1:1 Priya") has no email yet; they are matched by name until an email turns up,
 * and then the email is attached to that same person so their history stays in one place.
 */
export async function findOrCreatePerson(db: PrepDatabase, ref: PersonRef): Promise<Person> {
  const email = normalizeEmail(ref.email);
  const displayName = ref.displayName?.trim() || email?.split("@")[0] || "Unknown";
  return db.transaction("rw", db.people, async () => {
    if (email) {
      const byEmail = await db.people.where("email").equals(email).first();
      if (byEmail) return byEmail;
    }
    const byName = await db.people
      .where("displayName")
      .equalsIgnoreCase(displayName)
      .filter((p) => !p.email && !p.archivedAt)
      .first();
    if (byName) {
      if (email) {
        await db.people.update(byName.id, { email });
        return { ...byName, email };
      }
      return byName;
    }
    const person: Person = {
      id: newId(),
      displayName,
      cadenceDays: ref.cadenceDays ?? 7,
      ...(email ? { email } : {}),
    };
    await db.people.add(person);
    return person;
  });
}

export interface MeetingRef {
  personId: string;
  eventInstanceId: string;
  /**
   * The key an earlier release gave the same event when the page showed no id for it; a meeting
   * still filed under it is taken over, so its notes follow.
   */
  formerEventInstanceId?: string;
  seriesId?: string;
  eid?: string;
  title?: string;
  /** absent when the page showed no readable start; a new meeting then starts now */
  startsAt?: number;
  /** absent when the calendar showed no time range; kept only beside a start it follows */
  endsAt?: number;
}

/**
 * True when the manager wrote anything in or about this meeting (notes, answers, a happiness
 * score, a chosen kind, agenda or action items, questions marked asked, feedback delivered in it):
 * such a meeting must never change person, and nothing may remove it unasked.
 */
export async function meetingHoldsWriting(db: PrepDatabase, meeting: Meeting): Promise<boolean> {
  if (meeting.notes.trim() !== "" || Object.keys(meeting.answers).length > 0) return true;
  if (
    meeting.happiness !== undefined ||
    meeting.kindSetByUser ||
    meeting.statusSetByUser ||
    meeting.otherVersions?.length
  )
    return true;
  return db.transaction("r", [db.agendaItems, db.actionItems, db.questionsAsked, db.feedback], async () => {
    const [agenda, actions, asked, delivered] = await Promise.all([
      db.agendaItems.where("meetingId").equals(meeting.id).count(),
      db.actionItems.where("meetingId").equals(meeting.id).count(),
      db.questionsAsked
        .where("personId")
        .equals(meeting.personId)
        .filter((q) => q.meetingId === meeting.id)
        .count(),
      db.feedback
        .where("personId")
        .equals(meeting.personId)
        .filter((f) => f.deliveredMeetingId === meeting.id)
        .count(),
    ]);
    return agenda + actions + asked + delivered > 0;
  });
}

/**
 * One meeting per calendar event instance and person. A moved or renamed event keeps its instance
 * id, so the same meeting (and its notes) follows it; its time and title are refreshed. When the
 * event's guest changes (a series handed to another report), a meeting the manager wrote in stays
 * with the person it was with, and the new guest gets a meeting of their own; an empty one simply
 * follows the event.
 */
function endAfterStart(startsAt: number, endsAt: number | undefined): number | undefined {
  return endsAt !== undefined && endsAt > startsAt ? endsAt : undefined;
}

/** How long after a meeting was last opened new or written in its text may still be arriving. */
const STILL_ARRIVING_MS = 60_000;

export async function findOrCreateMeeting(
  db: PrepDatabase,
  ref: MeetingRef,
  now = Date.now(),
): Promise<Meeting> {
  return db.transaction(
    "rw",
    [db.meetings, db.agendaItems, db.actionItems, db.questionsAsked, db.feedback],
    async () => {
      const forEvent = await db.meetings.where("eventInstanceId").equals(ref.eventInstanceId).toArray();
      let existing = forEvent.find((m) => m.personId === ref.personId);
      if (!existing && forEvent.length === 0 && ref.formerEventInstanceId) {
        const former = await db.meetings.where("eventInstanceId").equals(ref.formerEventInstanceId).toArray();
        existing = former.find((m) => m.personId === ref.personId);
        if (existing) {
          await db.meetings.update(existing.id, { eventInstanceId: ref.eventInstanceId });
          existing = { ...existing, eventInstanceId: ref.eventInstanceId };
        }
      }
      if (!existing) {
        for (const other of forEvent) {
          // Opened or written in a moment ago: the last keystrokes of a page just closed may still
          // be on their way to it, so it stays with its person.
          if (now - other.updatedAt < STILL_ARRIVING_MS) continue;
          if (!(await meetingHoldsWriting(db, other))) {
            existing = other;
            break;
          }
        }
      }
      if (existing) {
        const changes: Partial<Meeting> = {};
        if (ref.startsAt !== undefined && ref.startsAt !== existing.startsAt) changes.startsAt = ref.startsAt;
        // A moved event whose length this page didn't show loses its old end: it may not have kept it.
        const endsAt =
          ref.endsAt !== undefined
            ? endAfterStart(ref.startsAt ?? existing.startsAt, ref.endsAt)
            : changes.startsAt !== undefined
              ? undefined
              : existing.endsAt;
        if (endsAt !== existing.endsAt) changes.endsAt = endsAt;
        if (ref.title !== undefined && ref.title !== existing.title) changes.title = ref.title;
        if (ref.eid !== undefined && ref.eid !== existing.eid) changes.eid = ref.eid;
        if (ref.personId !== existing.personId) changes.personId = ref.personId;
        if (Object.keys(changes).length === 0) return existing;
        await db.meetings.update(existing.id, changes);
        return { ...existing, ...changes };
      }
      const meeting: Meeting = {
        id: newId(),
        personId: ref.personId,
        eventInstanceId: ref.eventInstanceId,
        ...(ref.seriesId ? { seriesId: ref.seriesId } : {}),
        ...(ref.eid ? { eid: ref.eid } : {}),
        ...(ref.title !== undefined ? { title: ref.title } : {}),
        startsAt: ref.startsAt ?? now,
        ...(ref.startsAt !== undefined && endAfterStart(ref.startsAt, ref.endsAt) !== undefined
          ? { endsAt: ref.endsAt }
          : {}),
        kind: "weekly",
        status: "planned",
        notes: "",
        answers: {},
        updatedAt: now,
      };
      await db.meetings.add(meeting);
      return meeting;
    },
  );
}

/**
 * The people this event instance was with before `personId`, whose meetings for it hold what the
 * manager wrote: their notes stay with them, and the prep says so.
 */
export async function earlierPeopleOfEvent(
  db: PrepDatabase,
  eventInstanceId: string,
  personId: string,
): Promise<Person[]> {
  return db.transaction(
    "r",
    [db.meetings, db.people, db.agendaItems, db.actionItems, db.questionsAsked, db.feedback],
    async () => {
      const others = (await db.meetings.where("eventInstanceId").equals(eventInstanceId).toArray()).filter(
        (m) => m.personId !== personId,
      );
      const people: Person[] = [];
      for (const meeting of others) {
        if (!(await meetingHoldsWriting(db, meeting))) continue;
        const person = await db.people.get(meeting.personId);
        if (person && !people.some((p) => p.id === person.id)) people.push(person);
      }
      return people;
    },
  );
}

/** The person's meetings in time order (oldest first). */
export function meetingsOf(db: PrepDatabase, personId: string): Promise<Meeting[]> {
  return db.meetings
    .where("[personId+startsAt]")
    .between([personId, Dexie.minKey], [personId, Dexie.maxKey])
    .toArray();
}

/**
 * Meetings that took place before this one that a prep looks back on: the question rotation
 * counts the last six (ROTATION_MEETINGS in lib/questions), and "last met" is the latest.
 */
const PREP_HELD_LOOK_BACK = 6;

function tookPlace(meeting: Meeting): boolean {
  return meeting.status !== "cancelled" && meeting.status !== "skipped";
}

/**
 * The person's meetings a prep needs, in time order, without reading years of history. It starts
 * at the earliest of: the meeting where one of `openItems` was agreed (or the item's creation,
 * when that meeting is gone), so carry-over ages count every meeting since; the sixth meeting
 * before `startsAt` that took place; and the start of that meeting's quarter, for the
 * meeting-kind rules. Every meeting from there on is included, later ones too.
 */
export async function prepMeetings(
  db: PrepDatabase,
  personId: string,
  startsAt: number,
  openItems: readonly Pick<ActionItem, "meetingId" | "createdAt">[],
): Promise<Meeting[]> {
  const range = db.meetings.where("[personId+startsAt]");
  const agreedIn = await db.meetings.bulkGet([...new Set(openItems.map((i) => i.meetingId))]);
  const agreedAt = new Map<string, number>();
  for (const m of agreedIn) if (m && m.personId === personId) agreedAt.set(m.id, m.startsAt);
  let from = Math.min(startsAt, quarterStart(startsAt));
  for (const item of openItems) from = Math.min(from, agreedAt.get(item.meetingId) ?? item.createdAt);
  let held = 0;
  await range
    .between([personId, Dexie.minKey], [personId, startsAt], true, false)
    .reverse()
    .until(() => held >= PREP_HELD_LOOK_BACK)
    .each((m) => {
      if (tookPlace(m)) held++;
      from = Math.min(from, m.startsAt);
    });
  return range.between([personId, from], [personId, Dexie.maxKey], true, true).toArray();
}

/** The latest meeting before `before` that has notes: what was said last time. */
export function previousNotes(
  db: PrepDatabase,
  personId: string,
  before: number,
): Promise<Meeting | undefined> {
  return db.meetings
    .where("[personId+startsAt]")
    .between([personId, Dexie.minKey], [personId, before], true, false)
    .reverse()
    .filter((m) => m.notes.trim() !== "")
    .first();
}

/**
 * Every action item not yet done, from any meeting with this person, oldest first; plus the
 * items named in `alsoIds` (ticked in this view, so they stay on screen), whatever their state.
 */
export async function openActionItems(
  db: PrepDatabase,
  personId: string,
  alsoIds: readonly string[] = [],
): Promise<ActionItem[]> {
  const [open, also] = await Promise.all([
    db.actionItems.where("[personId+open]").equals([personId, 1]).toArray(),
    alsoIds.length ? db.actionItems.bulkGet([...alsoIds]) : Promise.resolve([]),
  ]);
  const byId = new Map(open.map((item) => [item.id, item]));
  for (const item of also) if (item && item.personId === personId) byId.set(item.id, item);
  return [...byId.values()].sort((a, b) => a.createdAt - b.createdAt);
}

/** Action items agreed in this meeting, done or not, oldest first. */
export async function actionItemsAgreedIn(db: PrepDatabase, meetingId: string): Promise<ActionItem[]> {
  const items = await db.actionItems.where("meetingId").equals(meetingId).toArray();
  return items.sort((a, b) => a.createdAt - b.createdAt);
}

export interface NewActionItem {
  personId: string;
  meetingId: string;
  owner: ActionItem["owner"];
  text: string;
  dueAt?: number;
}

export async function addActionItem(
  db: PrepDatabase,
  item: NewActionItem,
  now = Date.now(),
): Promise<ActionItem> {
  const row: ActionItem = {
    id: newId(),
    personId: item.personId,
    meetingId: item.meetingId,
    owner: item.owner,
    text: item.text.trim(),
    createdAt: now,
    ...(item.dueAt !== undefined ? { dueAt: item.dueAt } : {}),
  };
  await db.actionItems.add(row);
  return row;
}

/** Done is a property of the item, not of a meeting, so ticking it anywhere closes it everywhere. */
export async function setActionItemDone(db: PrepDatabase, id: string, done: boolean, now = Date.now()) {
  await db.actionItems.update(id, { doneAt: done ? now : undefined });
}

export async function updateActionItem(
  db: PrepDatabase,
  id: string,
  changes: Partial<Pick<ActionItem, "text" | "owner" | "dueAt">>,
) {
  await db.actionItems.update(id, changes);
}

export async function deleteActionItem(db: PrepDatabase, id: string) {
  await db.actionItems.delete(id);
}

/** Open action items due before `now`, read through the index; lib/cadence decides what counts. */
export function openItemsDueBefore(db: PrepDatabase, now: number): Promise<ActionItem[]> {
  return db.actionItems.where("[open+dueAt]").between([1, Dexie.minKey], [1, now], true, false).toArray();
}

/** The soonest due date still ahead among open items, to wake up exactly when one turns overdue. */
export async function nextDueAt(db: PrepDatabase, now: number): Promise<number | undefined> {
  const next = await db.actionItems
    .where("[open+dueAt]")
    .between([1, now], [1, Dexie.maxKey], false, true)
    .first();
  return next?.dueAt;
}

export interface PersonWithMeetings {
  person: Person;
  /** start of the latest 1:1 at or before now */
  lastAt?: number;
  /** start of the next 1:1 after now */
  nextAt?: number;
}

/** People you hold 1:1s with, archived ones left out, each with their last and next 1:1. */
export async function peopleWithMeetings(db: PrepDatabase, now: number): Promise<PersonWithMeetings[]> {
  // One transaction for the whole team rather than one per query: with fifty people that is a
  // hundred transactions fewer to set up while the popup opens.
  return db.transaction("r", [db.people, db.meetings], async () => {
    const people = (await db.people.toArray()).filter((p) => p.archivedAt === undefined);
    return Promise.all(
      people.map(async (person) => {
        // The index's own keys hold the start: no meeting, and none of its notes, is read.
        const range = db.meetings.where("[personId+startsAt]");
        const [last, next] = (await Promise.all([
          range.between([person.id, Dexie.minKey], [person.id, now], true, true).lastKey(),
          range.between([person.id, now], [person.id, Dexie.maxKey], false, true).firstKey(),
        ])) as [[string, number] | undefined, [string, number] | undefined];
        return {
          person,
          ...(last ? { lastAt: last[1] } : {}),
          ...(next ? { nextAt: next[1] } : {}),
        };
      }),
    );
  });
}

/** Action items due between `from` and `to`, for follow-through. */
export function actionItemsDueBetween(db: PrepDatabase, from: number, to: number): Promise<ActionItem[]> {
  return db.actionItems.where("dueAt").between(from, to, true, true).toArray();
}

export async function setPersonCadence(db: PrepDatabase, personId: string, cadenceDays: number) {
  if (!Number.isInteger(cadenceDays) || cadenceDays < 1 || cadenceDays > 365) {
    throw new Problem("A cadence is a whole number of days between 1 and 365.", "cadenceRange");
  }
  await db.people.update(personId, { cadenceDays });
}

export type NewFeedback = Pick<
  Feedback,
  "personId" | "situation" | "behavior" | "impact" | "request" | "valence"
>;

/** Queues SBI feedback for the person's next 1:1. */
export async function addFeedback(
  db: PrepDatabase,
  feedback: NewFeedback,
  now = Date.now(),
): Promise<Feedback> {
  const row: Feedback = { id: newId(), ...feedback, createdAt: now };
  await db.feedback.add(row);
  return row;
}

/** Feedback for this person not yet delivered, oldest first. */
export async function queuedFeedback(db: PrepDatabase, personId: string): Promise<Feedback[]> {
  const rows = await db.feedback.where("personId").equals(personId).toArray();
  return rows.filter((f) => f.deliveredAt === undefined).sort((a, b) => a.createdAt - b.createdAt);
}

/** Records that the feedback was given, and in which meeting; undone with `delivered` false. */
export async function setFeedbackDelivered(
  db: PrepDatabase,
  feedbackId: string,
  meetingId: string | undefined,
  now = Date.now(),
) {
  await db.feedback.update(
    feedbackId,
    meetingId === undefined
      ? { deliveredAt: undefined, deliveredMeetingId: undefined }
      : { deliveredAt: now, deliveredMeetingId: meetingId },
  );
}

export async function renamePerson(db: PrepDatabase, personId: string, displayName: string) {
  const name = displayName.trim();
  if (!name) throw new Problem("A name can't be empty.", "nameEmpty");
  if (name.length > 200) throw new Problem("Keep the name under 200 characters.", "nameTooLong", [200]);
  await db.people.update(personId, { displayName: name });
}

/** Archived people are hidden from lists and stats; everything about them is kept. */
export async function setPersonArchived(
  db: PrepDatabase,
  personId: string,
  archived: boolean,
  now = Date.now(),
) {
  await db.people.update(personId, { archivedAt: archived ? now : undefined });
}

/** One person by id; undefined once they are gone. */
export function personById(db: PrepDatabase, personId: string): Promise<Person | undefined> {
  return db.people.get(personId);
}

/** The people with these ids that are still there, in the order asked. */
export async function peopleByIds(db: PrepDatabase, personIds: readonly string[]): Promise<Person[]> {
  return (await db.people.bulkGet([...personIds])).filter((p) => p !== undefined);
}

/** Everyone, archived people too, by name: the options page's people list. */
export function everyoneByName(db: PrepDatabase): Promise<Person[]> {
  return db.people.orderBy("displayName").toArray();
}

/** One meeting by id; undefined once it is gone. */
export function meetingById(db: PrepDatabase, meetingId: string): Promise<Meeting | undefined> {
  return db.meetings.get(meetingId);
}

/** The latest meeting of a recurring series, to name the series by its title. */
export function latestMeetingOfSeries(db: PrepDatabase, seriesId: string): Promise<Meeting | undefined> {
  return db.meetings.where("seriesId").equals(seriesId).last();
}

/** Every piece of feedback written for this person, given or not. */
export function feedbackFor(db: PrepDatabase, personId: string): Promise<Feedback[]> {
  return db.feedback.where("personId").equals(personId).toArray();
}
