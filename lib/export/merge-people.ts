import { type GrowthPlan, growthPlanSchema, type Person, type PrepDatabase } from "@/lib/db";

const planTextFields = ["goal", "support", "evidence"] as const;

/** Both texts when they say different things, a blank line between; otherwise the one there is. */
function mergeText(keep: string, merge: string): string {
  const a = keep.trim();
  const b = merge.trim();
  if (!b || a === b) return keep;
  if (!a) return merge;
  return `${a}\n\n${b}`;
}

function mergePlans(keep: GrowthPlan, merge: GrowthPlan): GrowthPlan {
  const seen = new Set(keep.checkpoints.map((c) => JSON.stringify([c.dueAt, c.note, c.status])));
  const added = merge.checkpoints.filter((c) => !seen.has(JSON.stringify([c.dueAt, c.note, c.status])));
  const plan = { ...keep, checkpoints: [...keep.checkpoints, ...added] };
  for (const field of planTextFields) plan[field] = mergeText(keep[field], merge[field]);
  const checked = growthPlanSchema.safeParse(plan);
  if (!checked.success) {
    throw new Error(
      `The two growth plans for ${keep.quarter} are too long to combine. Shorten one of them, then merge again.`,
    );
  }
  return plan;
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
        const combined = mergePlans(kept, plan);
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
