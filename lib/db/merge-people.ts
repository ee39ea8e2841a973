import { Problem } from "@/lib/problem";
import type { PrepDatabase } from "./database";
import { type MergeUndo, mergeUndo, rowsAMergeMayChange } from "./merge-undo";
import {
  type GrowthPlan,
  growthPlanSchema,
  growthPlanTextFields,
  type Meeting,
  meetingSchema,
  type Person,
} from "./schema";

/** Both texts when they say different things, a blank line between; otherwise the one there is. */
function mergeText(keep: string, merge: string): string {
  const a = keep.trim();
  const b = merge.trim();
  if (!b || a === b) return keep;
  if (!a) return merge;
  return `${a}\n\n${b}`;
}

/** One plan holding both: both texts where they differ, and every checkpoint of either. */
export function combineGrowthPlans(keep: GrowthPlan, merge: GrowthPlan): GrowthPlan {
  const seen = new Set(keep.checkpoints.map((c) => JSON.stringify([c.dueAt, c.note, c.status])));
  const added = merge.checkpoints.filter((c) => !seen.has(JSON.stringify([c.dueAt, c.note, c.status])));
  const plan = { ...keep, checkpoints: [...keep.checkpoints, ...added] };
  for (const field of growthPlanTextFields) plan[field] = mergeText(keep[field], merge[field]);
  const checked = growthPlanSchema.safeParse(plan);
  if (!checked.success) {
    throw new Problem(
      `The two growth plans for ${keep.quarter} are too long to combine. Shorten one of them, then merge again.`,
      "mergePlansTooLong",
      [keep.quarter],
    );
  }
  return plan;
}

/** One meeting for an event both people were on, keeping everything written in either. */
function mergeMeetings(keep: Meeting, merge: Meeting): Meeting {
  const answers = { ...keep.answers };
  for (const [promptId, text] of Object.entries(merge.answers))
    answers[promptId] = mergeText(answers[promptId] ?? "", text);
  const otherVersions = [...(keep.otherVersions ?? []), ...(merge.otherVersions ?? [])];
  const meeting: Meeting = {
    ...keep,
    notes: mergeText(keep.notes, merge.notes),
    answers,
    ...(keep.happiness === undefined && merge.happiness !== undefined ? { happiness: merge.happiness } : {}),
    ...(otherVersions.length > 0 ? { otherVersions } : {}),
    updatedAt: Math.max(keep.updatedAt, merge.updatedAt),
  };
  const checked = meetingSchema.safeParse(meeting);
  if (!checked.success) {
    throw new Problem(
      "Both people have notes for the same calendar event, too long to combine. Shorten one of them, then merge again.",
      "mergeMeetingsTooLong",
    );
  }
  return meeting;
}

/**
 * Makes `drop` part of `keep`, two meetings for one event with one person: `keep` holds both
 * texts, and whatever pointed at `drop` points at `keep`. `drop` is deleted (when it is stored).
 * Called inside a transaction over every table.
 */
export async function combineMeetingsInto(db: PrepDatabase, keep: Meeting, drop: Meeting): Promise<void> {
  await db.meetings.put(mergeMeetings(keep, drop));
  const intoKept = { meetingId: keep.id };
  await db.agendaItems.where("meetingId").equals(drop.id).modify(intoKept);
  await db.actionItems.where("meetingId").equals(drop.id).modify(intoKept);
  await db.questionsAsked.filter((q) => q.meetingId === drop.id).modify(intoKept);
  await db.feedback.filter((f) => f.deliveredMeetingId === drop.id).modify({ deliveredMeetingId: keep.id });
  await db.calendarEvents.where("meetingId").equals(drop.id).modify(intoKept);
  await db.meetings.delete(drop.id);
}

/** What merging one person into another will do, in the manager's terms, before it is done. */
export interface MergePreview {
  kept: Person;
  merged: Person;
  /** the merged person's records that move to the kept one */
  meetings: number;
  actionItems: number;
  agendaItems: number;
  feedback: number;
  growthPlans: number;
  /** calendar events both were on: each becomes one meeting holding both sets of notes */
  sharedMeetings: number;
  /** quarters both have a growth plan for: each becomes one plan holding both */
  sharedQuarters: string[];
  /** the address the kept person takes over, having none */
  takesEmail?: string;
}

export async function previewMerge(
  db: PrepDatabase,
  keepId: string,
  mergeId: string,
): Promise<MergePreview | undefined> {
  if (keepId === mergeId) return undefined;
  return db.transaction("r", db.tables, async () => {
    const [kept, merged] = await db.people.bulkGet([keepId, mergeId]);
    if (!kept || !merged) return undefined;
    const ofMerged = { personId: mergeId };
    const keptEvents = new Set(
      (await db.meetings.where("personId").equals(keepId).toArray()).map((m) => m.eventInstanceId),
    );
    const meetings = await db.meetings.where(ofMerged).toArray();
    const plans = await db.growthPlans.where(ofMerged).toArray();
    const keptQuarters = new Set(
      (await db.growthPlans.where("personId").equals(keepId).toArray()).map((p) => p.quarter),
    );
    return {
      kept,
      merged,
      meetings: meetings.length,
      actionItems: await db.actionItems.where(ofMerged).count(),
      agendaItems: await db.agendaItems.where(ofMerged).count(),
      feedback: await db.feedback.where(ofMerged).count(),
      growthPlans: plans.length,
      sharedMeetings: meetings.filter((m) => keptEvents.has(m.eventInstanceId)).length,
      sharedQuarters: plans.flatMap((p) => (keptQuarters.has(p.quarter) ? [p.quarter] : [])),
      ...(!kept.email && merged.email ? { takesEmail: merged.email } : {}),
    };
  });
}

export interface MergedPeople {
  /** the one person left */
  person: Person;
  /** hands the two people back exactly as they were, unless something changed since */
  undo: MergeUndo;
}

/**
 * Makes two people one, when the same report was recorded twice (by name and by email, or under
 * two emails). Everything of `mergeId` moves to `keepId`, and `mergeId` is deleted. Keep's name
 * and cadence stay; keep gets merge's email if it has none. Growth plans for the same quarter
 * become one plan holding both.
 */
export async function mergePeople(db: PrepDatabase, keepId: string, mergeId: string): Promise<MergedPeople> {
  if (keepId === mergeId) throw new Problem("Choose two different people to merge.", "mergeSamePerson");
  return db.transaction("rw", db.tables, async () => {
    const [keep, merge] = await db.people.bulkGet([keepId, mergeId]);
    if (!keep || !merge) throw new Problem("One of these people is no longer in 1:1 Prep.", "personGone");
    // Read in this transaction, before any write, so the undo holds exactly what was there.
    const before = await rowsAMergeMayChange(db, keepId, mergeId);

    const moveTo = { personId: keepId };
    // A calendar event both were on (its guest was swapped) becomes one meeting holding both.
    const keptByEvent = new Map(
      (await db.meetings.where("personId").equals(keepId).toArray()).map((m) => [m.eventInstanceId, m]),
    );
    for (const meeting of await db.meetings.where("personId").equals(mergeId).toArray()) {
      const kept = keptByEvent.get(meeting.eventInstanceId);
      if (kept) await combineMeetingsInto(db, kept, meeting);
    }
    await db.meetings.where("personId").equals(mergeId).modify(moveTo);
    await db.agendaItems.where("personId").equals(mergeId).modify(moveTo);
    await db.actionItems.where("personId").equals(mergeId).modify(moveTo);
    await db.feedback.where("personId").equals(mergeId).modify(moveTo);
    await db.questionsAsked.where("personId").equals(mergeId).modify(moveTo);

    const keptPlans = await db.growthPlans.where("personId").equals(keepId).toArray();
    for (const plan of await db.growthPlans.where("personId").equals(mergeId).toArray()) {
      const i = keptPlans.findIndex((p) => p.quarter === plan.quarter);
      const kept = keptPlans[i];
      if (kept) {
        const combined = combineGrowthPlans(kept, plan);
        keptPlans[i] = combined;
        await db.growthPlans.put(combined);
        await db.growthPlans.delete(plan.id);
      } else {
        const moved = { ...plan, personId: keepId };
        keptPlans.push(moved);
        await db.growthPlans.put(moved);
      }
    }

    // Deleted first: the email is unique, and keep may be about to take it over.
    await db.people.delete(mergeId);
    const result: Person = keep.email || !merge.email ? keep : { ...keep, email: merge.email };
    if (result !== keep) await db.people.put(result);
    return { person: result, undo: await mergeUndo(db, keep, merge, before) };
  });
}
