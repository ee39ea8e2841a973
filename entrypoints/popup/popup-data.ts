import { z } from "zod";
import { keepBadgeCurrent } from "@/components/keep-badge-current";
import {
  addFeedback,
  findOrCreatePerson,
  openPrepDatabase,
  type PersonWithMeetings,
  peopleWithMeetings,
  personById,
  prepDatabase,
  protectStorage,
  watchQuery,
} from "@/lib/db";
import type { SbiDraft } from "@/lib/feedback";

/**
 * The popup's database side, in a chunk of its own: the database code is a third of the popup's
 * script, and the feedback form is usable without it. The form shows first; this loads right
 * after, and fills in the people and the saving.
 */

let started = false;

/** Opens the database and keeps the badge current, once per popup. */
export function startDatabase() {
  if (started) return;
  started = true;
  keepBadgeCurrent();
  // A failure to open is met again, and shown, by the first read.
  void openPrepDatabase().catch(() => {});
  // The popup opens daily: a good moment to ask again that the browser keep the notes when disk
  // runs low, once the form is up.
  requestIdleCallback(() => void protectStorage());
}

/** Calls back with the people and their meetings now, and again after every change. */
export function watchPeople(now: number, onPeople: (people: PersonWithMeetings[]) => void): () => void {
  return watchQuery(
    () => peopleWithMeetings(prepDatabase(), now),
    onPeople,
    // The picker still takes a new name; the list is only missing.
    (error) => console.warn("1:1 Prep could not read the people.", error),
  );
}

const emailSchema = z.string().trim().toLowerCase().email();

/** A new person's email as stored, or undefined when it isn't an email address. */
export function readEmail(text: string): string | undefined {
  const parsed = emailSchema.safeParse(text);
  return parsed.success ? parsed.data : undefined;
}

export type FeedbackFor = { kind: "existing"; personId: string } | { kind: "new"; displayName: string };

/** Queues the feedback for the person's next 1:1; undefined when that person is gone. */
export async function queueFeedback(
  who: FeedbackFor,
  email: string | undefined,
  sbi: SbiDraft,
): Promise<{ displayName: string } | undefined> {
  const db = prepDatabase();
  const person =
    who.kind === "existing"
      ? await personById(db, who.personId)
      : await findOrCreatePerson(db, { displayName: who.displayName, email });
  if (!person) return undefined;
  await addFeedback(db, {
    personId: person.id,
    situation: sbi.situation.trim(),
    behavior: sbi.behavior.trim(),
    impact: sbi.impact.trim(),
    request: sbi.request.trim(),
    valence: sbi.valence,
  });
  return person;
}
