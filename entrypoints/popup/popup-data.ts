import { z } from "zod";
import { keepBadgeCurrent } from "@/components/keep-badge-current";
import { overdueItems } from "@/lib/cadence";
import {
  type ActionItem,
  actionItemsDueBetween,
  addFeedback,
  type CadenceHistories,
  cadenceHistories,
  findOrCreatePerson,
  openItemsDueBefore,
  openPrepDatabase,
  type PersonWithMeetings,
  peopleWithMeetings,
  personById,
  prepDatabase,
  prepDatabaseSetUp,
  protectStorage,
  setPersonCadence,
  statsHistoryStart,
  watchQuery as watchDatabaseQuery,
} from "@/lib/db";
import type { SbiDraft } from "@/lib/feedback";

/**
 * The popup's database side, in a chunk of its own: Dexie and lib/db are half of the popup's
 * code, and neither the feedback form nor the Stats table from last time needs them to show.
 * They load right after the first render and fill in the people, the live figures and the saving.
 */

export { ActionItemRow } from "@/components/ActionItemRow";
export { prepDatabaseSetUp };

let started = false;

/** Opens the database and keeps the badge current, once per popup. */
export function startDatabase() {
  if (started) return;
  started = true;
  keepBadgeCurrent();
  // A failure to open is met again, and shown, by the first read.
  void openPrepDatabase().catch(() => {});
  // The popup opens daily: a good moment to ask again that the browser keep the notes when disk
  // runs low, once the first screen is up.
  requestIdleCallback(() => void protectStorage());
}

/** Calls back with what `query` reads now, and again after every change to what it read. */
export function watchQuery<T>(
  query: () => Promise<T>,
  onValue: (value: T) => void,
  onError: (error: unknown) => void,
): () => void {
  startDatabase();
  return watchDatabaseQuery(query, onValue, onError);
}

export function peopleFor(now: number): Promise<PersonWithMeetings[]> {
  return peopleWithMeetings(prepDatabase(), now);
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

export function cadenceFrom(now: number): Promise<CadenceHistories> {
  return cadenceHistories(prepDatabase(), statsHistoryStart(now));
}

export interface ActionData {
  dueRecently: ActionItem[];
  overdue: ActionItem[];
}

export async function actionsAt(now: number): Promise<ActionData> {
  const db = prepDatabase();
  const [dueRecently, openDue] = await Promise.all([
    actionItemsDueBetween(db, statsHistoryStart(now), now),
    openItemsDueBefore(db, now),
  ]);
  return { dueRecently, overdue: overdueItems(openDue, now, "all") };
}

export function setCadence(personId: string, days: number): Promise<unknown> {
  return setPersonCadence(prepDatabase(), personId, days);
}
