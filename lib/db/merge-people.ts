import type { PrepDatabase } from "./database";
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
    throw new Error(
      `The two growth plans for ${keep.quarter} are too long to combine. Shorten one of them, then merge again.`,
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
    throw new Error(
      "Both people have notes for the same calendar event, too long to combine. Shorten one of them, then merge again.",
    );
  }
  return meeting;
}

/**
 * Makes two people one, when the same report was recorded twice (by name and by email, or under
 * two emails). Everything of `mergeId` moves to `keepId`, and `mergeId` is deleted. Keep's name
 * and cadence stay; keep gets merge's email if it has none. Growth plans for the same quarter
 * become one plan holding both.
 */
export async function mergePeople(db: PrepDatabase, keepId: string, mergeId: string): Promise<Person> {
  if (keepId === mergeId) throw new Error("Choose two different people to merge.");
  return db.transaction("rw", db.tables, async () => {
    const [keep, merge] = await db.people.bulkGet([keepId, mergeId]);
    if (!keep || !merge) throw new Error("One of these people is no longer in 1:1 Prep.");

    const moveTo = { personId: keepId };
    // A calendar event both were on (its guest was swapped) becomes one meeting holding both.
    const keptByEvent = new Map(
      (await db.meetings.where("personId").equals(keepId).toArray()).map((m) => [m.eventInstanceId, m]),
    );
    for (const meeting of await db.meetings.where("personId").equals(mergeId).toArray()) {
      const kept = keptByEvent.get(meeting.eventInstanceId);
      if (!kept) continue;
      await db.meetings.put(mergeMeetings(kept, meeting));
      const intoKept = { meetingId: kept.id };
      await db.agendaItems.where("meetingId").equals(meeting.id).modify(intoKept);
      await db.actionItems.where("meetingId").equals(meeting.id).modify(intoKept);
      await db.questionsAsked
        .where("personId")
        .equals(mergeId)
        .filter((q) => q.meetingId === meeting.id)
        .modify(intoKept);
      await db.feedback
        .filter((f) => f.deliveredMeetingId === meeting.id)
        .modify({ deliveredMeetingId: kept.id });
      await db.calendarEvents.where("meetingId").equals(meeting.id).modify(intoKept);
      await db.meetings.delete(meeting.id);
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
    return result;
  });
}
