import { Dexie } from "dexie";
import type { PrepDatabase } from "./database";
import { findOrCreateMeeting, findOrCreatePerson, meetingHoldsWriting, queuedFeedback } from "./repositories";
import type { CalendarAttendee, CalendarEvent, Meeting, Person } from "./schema";

/** An event instance from the Calendar API, as the sync hands it over. */
export interface SyncedInstance {
  eventInstanceId: string;
  seriesId: string;
  eid?: string;
  title: string;
  startsAt: number;
  endsAt?: number;
  status: CalendarEvent["status"];
  /** undefined when the API did not list guests, as for a cancelled instance of a series */
  attendees?: CalendarAttendee[];
}

export interface SyncVerdict {
  oneOnOne: boolean;
  counterpart?: { email?: string; displayName?: string };
}

export interface ApplySyncOptions {
  instances: readonly SyncedInstance[];
  /** detection with the user's keywords and overrides; only asked about instances with guests */
  classify: (instance: SyncedInstance) => SyncVerdict;
  now: number;
  defaultCadenceDays?: number;
}

export interface ApplySyncResult {
  /** 1:1 meetings the sync added */
  added: number;
  /** 1:1 meetings that already existed and were brought up to date */
  updated: number;
  /** meetings the sync had added and took back, because their event is no longer a 1:1 */
  removed: number;
}

/**
 * What actually happened, as far as the calendar can tell: a cancelled instance was cancelled;
 * one that either side declined was skipped; a past one was held.
 */
export function meetingStatusFrom(
  instance: Pick<SyncedInstance, "status" | "startsAt" | "attendees">,
  now: number,
): Meeting["status"] {
  if (instance.status === "cancelled") return "cancelled";
  if (instance.attendees?.some((a) => a.responseStatus === "declined" && !a.resource)) return "skipped";
  return instance.startsAt <= now ? "held" : "planned";
}

/**
 * Writes synced instances into the meetings they are: one person per email and one meeting per
 * event instance, whether the meeting was first seen in Calendar's page or by an earlier sync, so
 * repeating a sync never duplicates anything. A cancelled instance comes without guests; it
 * belongs to whoever its series is with.
 */
export async function applyCalendarSync(
  db: PrepDatabase,
  options: ApplySyncOptions,
): Promise<ApplySyncResult> {
  const { instances, classify, now } = options;
  const result: ApplySyncResult = { added: 0, updated: 0, removed: 0 };
  if (instances.length === 0) return result;
  return db.transaction("rw", db.tables, async () => {
    const ids = instances.map((i) => i.eventInstanceId);
    const seriesIds = [...new Set(instances.map((i) => i.seriesId))];
    const [stored, seriesRows, knownPeople] = await Promise.all([
      db.calendarEvents.bulkGet(ids),
      db.calendarEvents.where("seriesId").anyOf(seriesIds).toArray(),
      db.people.toCollection().primaryKeys(),
    ]);
    const storedById = new Map(stored.filter((s) => s !== undefined).map((s) => [s.eventInstanceId, s]));
    const peopleBefore = new Set(knownPeople);
    /** the person each 1:1 series is with, from this batch first, then from earlier syncs */
    const seriesPerson = new Map<string, string>();
    for (const row of seriesRows) {
      if (!row.oneOnOne || !row.meetingId) continue;
      const meeting = await db.meetings.get(row.meetingId);
      if (meeting) seriesPerson.set(row.seriesId, meeting.personId);
    }

    // Instances with guests first, so the cancelled ones of the same series find their person.
    const ordered = [...instances].sort((a, b) => Number(!a.attendees) - Number(!b.attendees));
    const rows: CalendarEvent[] = [];
    for (const instance of ordered) {
      const before = storedById.get(instance.eventInstanceId);
      let personId: string | undefined;
      let createdPersonId = before?.createdPersonId;
      let oneOnOne: boolean;

      if (instance.attendees) {
        const verdict = classify(instance);
        oneOnOne = verdict.oneOnOne && verdict.counterpart !== undefined;
        if (oneOnOne && verdict.counterpart) {
          const person = await findOrCreatePerson(db, {
            ...verdict.counterpart,
            ...(options.defaultCadenceDays ? { cadenceDays: options.defaultCadenceDays } : {}),
          });
          personId = person.id;
          if (!peopleBefore.has(person.id)) {
            createdPersonId = person.id;
            peopleBefore.add(person.id);
          }
          seriesPerson.set(instance.seriesId, person.id);
        }
      } else {
        personId = seriesPerson.get(instance.seriesId);
        oneOnOne = personId !== undefined || (before?.oneOnOne ?? false);
        if (!personId && before?.meetingId) personId = (await db.meetings.get(before.meetingId))?.personId;
      }

      let meetingId = before?.meetingId;
      let createdMeeting = before?.createdMeeting ?? false;
      if (oneOnOne && personId) {
        const existing = await db.meetings
          .where("[eventInstanceId+personId]")
          .equals([instance.eventInstanceId, personId])
          .first();
        const meeting = await findOrCreateMeeting(
          db,
          {
            personId,
            eventInstanceId: instance.eventInstanceId,
            seriesId: instance.seriesId,
            ...(instance.eid ? { eid: instance.eid } : {}),
            // A cancelled instance comes without its title; keep the one the meeting has.
            ...(instance.attendees ? { title: instance.title } : {}),
            startsAt: instance.startsAt,
            ...(instance.endsAt !== undefined ? { endsAt: instance.endsAt } : {}),
          },
          now,
        );
        const status = meetingStatusFrom(instance, now);
        // What the manager said happened stands over what the calendar shows.
        if (meeting.status !== status && !meeting.statusSetByUser)
          await db.meetings.update(meeting.id, { status });
        meetingId = meeting.id;
        if (existing) result.updated++;
        else {
          createdMeeting = true;
          result.added++;
        }
      } else if (meetingId && createdMeeting) {
        // Detection changed its mind (a guest was added, or the user said "not a 1:1"): take back
        // the meeting the sync added, unless the manager has written in it since.
        if (await takeBackMeeting(db, meetingId)) result.removed++;
        meetingId = undefined;
        createdMeeting = false;
      }

      rows.push({
        eventInstanceId: instance.eventInstanceId,
        seriesId: instance.seriesId,
        ...(instance.eid ? { eid: instance.eid } : before?.eid ? { eid: before.eid } : {}),
        title: instance.attendees ? instance.title : (before?.title ?? instance.title),
        startsAt: instance.startsAt,
        status: instance.status,
        ...(instance.attendees
          ? { attendees: instance.attendees }
          : before?.attendees
            ? { attendees: before.attendees }
            : {}),
        oneOnOne,
        ...(meetingId ? { meetingId } : {}),
        createdMeeting,
        ...(createdPersonId ? { createdPersonId } : {}),
        syncedAt: now,
      });
    }
    await db.calendarEvents.bulkPut(rows);
    return result;
  });
}

async function takeBackMeeting(db: PrepDatabase, meetingId: string): Promise<boolean> {
  const meeting = await db.meetings.get(meetingId);
  if (!meeting || (await meetingHoldsWriting(db, meeting))) return false;
  await db.meetings.delete(meetingId);
  return true;
}

async function hasNothingWritten(db: PrepDatabase, personId: string): Promise<boolean> {
  const counts = await Promise.all([
    db.meetings.where("personId").equals(personId).count(),
    db.agendaItems.where("personId").equals(personId).count(),
    db.actionItems.where("personId").equals(personId).count(),
    db.feedback.where("personId").equals(personId).count(),
    db.growthPlans.where("personId").equals(personId).count(),
    db.questionsAsked.where("personId").equals(personId).count(),
  ]);
  return counts.every((n) => n === 0);
}

/**
 * Disconnecting the Calendar API takes back what the sync added: its copy of the calendar, and
 * the meetings and people it created that nobody has written anything in or about since. Anything
 * the manager wrote stays, with the meeting and person it belongs to.
 */
export async function forgetCalendarSync(db: PrepDatabase): Promise<{ meetings: number; people: number }> {
  return db.transaction("rw", db.tables, async () => {
    const rows = await db.calendarEvents.toArray();
    let meetings = 0;
    let people = 0;
    for (const row of rows) {
      if (row.createdMeeting && row.meetingId && (await takeBackMeeting(db, row.meetingId))) meetings++;
    }
    const createdPeople = new Set(rows.flatMap((r) => (r.createdPersonId ? [r.createdPersonId] : [])));
    for (const personId of createdPeople) {
      const person = await db.people.get(personId);
      if (person && !person.archivedAt && (await hasNothingWritten(db, personId))) {
        await db.people.delete(personId);
        people++;
      }
    }
    await db.calendarEvents.clear();
    return { meetings, people };
  });
}

export interface UpcomingOneOnOne {
  meeting: Meeting;
  person: Person;
  openItems: number;
  queuedFeedback: number;
}

/**
 * The 1:1s starting in [from, to), soonest first, with what is waiting for each: the popup's
 * "Upcoming" list and the reminders. Meetings of archived people and cancelled ones are left out.
 */
export async function upcomingOneOnOnes(
  db: PrepDatabase,
  from: number,
  to: number,
): Promise<UpcomingOneOnOne[]> {
  const meetings = (await db.meetings.where("startsAt").between(from, to, true, false).toArray()).filter(
    (m) => m.status !== "cancelled" && m.status !== "skipped",
  );
  const people = await db.people.bulkGet([...new Set(meetings.map((m) => m.personId))]);
  const byId = new Map(people.filter((p) => p !== undefined).map((p) => [p.id, p]));
  const upcoming = await Promise.all(
    meetings.map(async (meeting) => {
      const person = byId.get(meeting.personId);
      if (!person || person.archivedAt !== undefined) return undefined;
      const [openItems, feedback] = await Promise.all([
        db.actionItems.where("[personId+open]").equals([person.id, 1]).count(),
        queuedFeedback(db, person.id),
      ]);
      return { meeting, person, openItems, queuedFeedback: feedback.length };
    }),
  );
  return upcoming.filter((u) => u !== undefined).sort((a, b) => a.meeting.startsAt - b.meeting.startsAt);
}

/** The start of the earliest 1:1 after `from`, to set the next reminder's alarm. */
export async function nextOneOnOneAfter(db: PrepDatabase, from: number): Promise<number | undefined> {
  const next = await db.meetings
    .where("startsAt")
    .between(from, Dexie.maxKey, false, true)
    .filter((m) => m.status === "planned")
    .first();
  return next?.startsAt;
}

export interface EventCounterpart {
  eventInstanceId: string;
  seriesId?: string;
  email?: string;
  displayName?: string;
  /** for someone new */
  cadenceDays?: number;
}

/**
 * Who an event is with. With an email that decides it. Without one (Calendar showed the title but
 * not the guests) the person this instance or its series is already filed under wins, as known
 * from an earlier visit or the Calendar API sync, before a match by name: otherwise a name-only
 * "Priya" would be created beside priya@example.com and take the meeting from her.
 */
export async function findOrCreatePersonForEvent(db: PrepDatabase, ref: EventCounterpart): Promise<Person> {
  const person = { email: ref.email, displayName: ref.displayName, cadenceDays: ref.cadenceDays };
  if (ref.email?.trim()) return findOrCreatePerson(db, person);
  // An instance whose guest was swapped has a meeting per person: the latest written is current.
  const forInstance = await db.meetings.where("eventInstanceId").equals(ref.eventInstanceId).toArray();
  const known =
    forInstance.sort((a, b) => b.updatedAt - a.updatedAt)[0] ??
    (ref.seriesId ? await db.meetings.where("seriesId").equals(ref.seriesId).last() : undefined);
  const filed = known && (await db.people.get(known.personId));
  return filed ?? findOrCreatePerson(db, person);
}

/** Per series, whether its latest synced instance with a guest list is a 1:1. */
export async function seriesVerdicts(db: PrepDatabase): Promise<Record<string, boolean>> {
  const verdicts: Record<string, boolean> = {};
  await db.calendarEvents.orderBy("startsAt").each((row) => {
    if (row.attendees !== undefined) verdicts[row.seriesId] = row.oneOnOne;
  });
  return verdicts;
}
