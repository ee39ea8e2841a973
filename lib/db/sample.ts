import type { Language } from "@/lib/settings";
import { DATABASE_NAME, PrepDatabase, setSharedDatabase } from "./database";
import { addActionItem, addFeedback, findOrCreateMeeting, findOrCreatePerson } from "./repositories";
import { sampleContentFor } from "./sample-content";
import { saveMeetingNotes } from "./text-edits";

/**
 * The sample week's own database. Everything written while trying the sample lands here, never
 * in the manager's notes, and "Start over" deletes it whole.
 */
export const SAMPLE_DATABASE_NAME = `${DATABASE_NAME}-sample`;

export const SAMPLE_PERSON = { email: "alex.rivera@example.com", displayName: "Alex Rivera" } as const;
export const SAMPLE_SERIES_ID = "one-on-one-prep-sample-series";
const DAY = 86_400_000;

/** The sample 1:1's event for the day of `now`, at 10:00 local time. */
export function sampleEventInstance(now: number): { eventInstanceId: string; startsAt: number } {
  const start = new Date(now);
  start.setHours(10, 0, 0, 0);
  const day = `${start.getFullYear()}${String(start.getMonth() + 1).padStart(2, "0")}${String(start.getDate()).padStart(2, "0")}`;
  return { eventInstanceId: `${SAMPLE_SERIES_ID}_${day}`, startsAt: start.getTime() };
}

/**
 * Makes this page's database the sample's, before anything opens the real one. Returns it, with a
 * few weeks of 1:1s with one report written in on first use, in the manager's language. A sample
 * already written keeps its words: they are now the manager's to edit; "Start over" writes it anew.
 */
export async function openSampleDatabase(now = Date.now(), language: Language = "en"): Promise<PrepDatabase> {
  const db = setSharedDatabase(new PrepDatabase(SAMPLE_DATABASE_NAME));
  await db.open();
  if ((await db.people.count()) === 0) await writeSample(db, now, language);
  return db;
}

/** Deletes everything written in the sample; the next open starts it afresh. */
export async function deleteSample(db: PrepDatabase) {
  if (db.name !== SAMPLE_DATABASE_NAME)
    throw new Error("Only the sample's own database can be started over.");
  await db.delete();
}

async function writeSample(db: PrepDatabase, now: number, language: Language) {
  const content = sampleContentFor(language);
  const person = await findOrCreatePerson(db, { ...SAMPLE_PERSON, cadenceDays: 7 });
  const today = sampleEventInstance(now).startsAt;
  const weeks: [number, string][] = [
    [3, content.notes[0]],
    [2, content.notes[1]],
    [1, content.notes[2]],
  ];
  let last: string | undefined;
  for (const [weeksAgo, notes] of weeks) {
    const startsAt = today - weeksAgo * 7 * DAY;
    const meeting = await findOrCreateMeeting(db, {
      personId: person.id,
      eventInstanceId: `${SAMPLE_SERIES_ID}_past_${weeksAgo}`,
      seriesId: SAMPLE_SERIES_ID,
      title: content.title,
      startsAt,
    });
    await saveMeetingNotes(db, meeting.id, notes, startsAt + DAY / 48);
    last = meeting.id;
  }
  if (!last) return;
  await addActionItem(
    db,
    {
      personId: person.id,
      meetingId: last,
      owner: "me",
      text: content.myItem,
      dueAt: today - 2 * DAY,
    },
    today - 7 * DAY,
  );
  await addActionItem(
    db,
    { personId: person.id, meetingId: last, owner: "them", text: content.theirItem },
    today - 7 * DAY,
  );
  await addFeedback(
    db,
    {
      personId: person.id,
      ...content.feedback,
      request: "",
      valence: "reinforcing",
    },
    today - 5 * DAY,
  );
}
