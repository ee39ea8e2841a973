import { Dexie } from "dexie";
import { Problem } from "@/lib/problem";
import type { PrepDatabase } from "./database";
import { newId } from "./repositories";
import type { Meeting, QuestionAsked } from "./schema";
import { saveText } from "./text-edits";

/**
 * Follows the meeting-kind rules until the manager picks a kind; their pick then stays.
 * Returns the kind the meeting has afterwards.
 */
export async function applyRuleKind(db: PrepDatabase, meetingId: string, kind: Meeting["kind"]) {
  return db.transaction("rw", db.meetings, async () => {
    const meeting = await db.meetings.get(meetingId);
    if (!meeting) throw new Problem("This meeting no longer exists.", "meetingGone");
    if (meeting.kindSetByUser || meeting.kind === kind) return meeting.kind;
    await db.meetings.update(meetingId, { kind });
    return kind;
  });
}

export async function setMeetingKind(db: PrepDatabase, meetingId: string, kind: Meeting["kind"]) {
  await db.meetings.update(meetingId, { kind, kindSetByUser: true, updatedAt: Date.now() });
}

/**
 * Whether this 1:1 happened, as the manager says: held, skipped or cancelled; undefined hands it
 * back to its time and the calendar (planned until it has passed, then held).
 */
export async function setMeetingStatus(
  db: PrepDatabase,
  meetingId: string,
  status: Exclude<Meeting["status"], "planned"> | undefined,
) {
  await db.transaction("rw", db.meetings, async () => {
    const meeting = await db.meetings.get(meetingId);
    if (!meeting) throw new Problem("This meeting no longer exists.", "meetingGone");
    if (status === undefined) {
      await db.meetings.update(meetingId, {
        status: "planned",
        statusSetByUser: undefined,
        updatedAt: Date.now(),
      });
      return;
    }
    await db.meetings.update(meetingId, { status, statusSetByUser: true, updatedAt: Date.now() });
  });
}

/** The 1:1 was run with its timer: it was held, and took these minutes per time box. */
export async function recordTimedMeeting(
  db: PrepDatabase,
  meetingId: string,
  timedBoxes: NonNullable<Meeting["timedBoxes"]>,
) {
  await db.transaction("rw", db.meetings, async () => {
    const meeting = await db.meetings.get(meetingId);
    if (!meeting) throw new Problem("This meeting no longer exists.", "meetingGone");
    await db.meetings.update(meetingId, {
      timedBoxes,
      status: "held",
      statusSetByUser: true,
      updatedAt: Date.now(),
    });
  });
}

/** One answer of the monthly deep dive or the career guide, set outright; empty text removes it. */
export async function saveAnswer(db: PrepDatabase, meetingId: string, promptId: string, text: string) {
  await db.transaction("rw", db.meetings, async () => {
    const meeting = await db.meetings.get(meetingId);
    if (!meeting) throw new Problem("This meeting no longer exists.", "meetingGone");
    await saveText(
      db,
      { kind: "answer", meetingId, promptId },
      { text, bases: [meeting.answers[promptId] ?? ""] },
    );
  });
}

/** Happiness 1–10 for this meeting; undefined clears it. */
export async function setHappiness(db: PrepDatabase, meetingId: string, happiness: number | undefined) {
  if (happiness !== undefined && !(Number.isInteger(happiness) && happiness >= 1 && happiness <= 10)) {
    throw new Problem("Happiness is a whole number from 1 to 10.", "happinessRange");
  }
  await db.meetings.update(meetingId, { happiness, updatedAt: Date.now() });
}

/** The person's happiness readings up to `until`, oldest first, at most `count` of them. */
export async function happinessReadings(
  db: PrepDatabase,
  personId: string,
  until: number,
  count = 12,
): Promise<{ startsAt: number; happiness: number }[]> {
  const readings: { startsAt: number; happiness: number }[] = [];
  await db.meetings
    .where("[personId+startsAt]")
    .between([personId, Dexie.minKey], [personId, until], true, true)
    .reverse()
    .until(() => readings.length >= count)
    .each((m) => {
      if (m.happiness !== undefined) readings.push({ startsAt: m.startsAt, happiness: m.happiness });
    });
  return readings.reverse();
}

/** Questions asked with this person, for rotation. */
export function questionsAskedWith(db: PrepDatabase, personId: string): Promise<QuestionAsked[]> {
  return db.questionsAsked.where("personId").equals(personId).toArray();
}

/** Marks a question asked in this meeting, or takes that back. */
export async function setQuestionAsked(
  db: PrepDatabase,
  ref: { personId: string; meetingId: string; questionId: string },
  asked: boolean,
  now = Date.now(),
) {
  await db.transaction("rw", db.questionsAsked, async () => {
    const existing = await db.questionsAsked
      .where("personId")
      .equals(ref.personId)
      .filter((q) => q.meetingId === ref.meetingId && q.questionId === ref.questionId)
      .toArray();
    if (asked && existing.length === 0) await db.questionsAsked.add({ id: newId(), ...ref, askedAt: now });
    if (!asked) await db.questionsAsked.bulkDelete(existing.map((q) => q.id));
  });
}
