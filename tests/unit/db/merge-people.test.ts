import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { type GrowthPlan, mergePeople, openActionItems, PrepDatabase } from "@/lib/db";
import { at, sampleRows, snapshot, writeRows } from "../export/sample";

let db: PrepDatabase;
let n = 0;
beforeEach(async () => {
  db = new PrepDatabase(`merge-${++n}`);
  await writeRows(db, sampleRows());
});
afterEach(async () => {
  await db.delete();
});

const plan = (id: string, personId: string, fields: Partial<GrowthPlan>): GrowthPlan => ({
  id,
  personId,
  quarter: "2026-Q4",
  goal: "",
  support: "",
  evidence: "",
  checkpoints: [],
  ...fields,
});

describe("mergePeople", () => {
  it("moves every record of the merged person to the kept one and deletes the merged person", async () => {
    const { person: kept } = await mergePeople(db, "p-jordan", "p-priya");
    expect(await db.people.get("p-priya")).toBeUndefined();
    expect(kept).toMatchObject({ id: "p-jordan", displayName: "Jordan", cadenceDays: 14 });
    for (const table of db.tables) {
      expect(await table.filter((row) => row.personId === "p-priya").count(), table.name).toBe(0);
    }
    expect(await db.meetings.where("personId").equals("p-jordan").count()).toBe(3);
    expect(await db.actionItems.where("personId").equals("p-jordan").count()).toBe(3);
    expect(await db.agendaItems.where("personId").equals("p-jordan").count()).toBe(2);
    expect(await db.feedback.where("personId").equals("p-jordan").count()).toBe(1);
    expect(await db.questionsAsked.where("personId").equals("p-jordan").count()).toBe(1);
    expect(await db.growthPlans.where("personId").equals("p-jordan").count()).toBe(1);
    // Open items are still found through the index afterwards.
    expect((await openActionItems(db, "p-jordan")).map((a) => a.id).sort()).toEqual(["ai-1", "ai-3"]);
  });

  it("gives the kept person the merged one's email when they have none", async () => {
    const { person: kept } = await mergePeople(db, "p-jordan", "p-priya");
    expect(kept.email).toBe("priya@example.com");
    expect(await db.people.get("p-jordan")).toMatchObject({ email: "priya@example.com" });
  });

  it("keeps the kept person's own email", async () => {
    await db.people.update("p-jordan", { email: "jordan@example.com" });
    const { person: kept } = await mergePeople(db, "p-jordan", "p-priya");
    expect(kept.email).toBe("jordan@example.com");
    expect(await db.people.where("email").equals("priya@example.com").count()).toBe(0);
  });

  it("combines two growth plans for the same quarter, keeping both texts and all checkpoints", async () => {
    await db.growthPlans.bulkPut([
      plan("gp-1", "p-priya", {
        goal: "Lead the API review",
        support: "Pairing",
        evidence: "",
        checkpoints: [
          { dueAt: at(30), note: "First review", status: "open" },
          { dueAt: at(15), note: "Scope", status: "done" },
        ],
      }),
      plan("gp-2", "p-jordan", {
        goal: "Own incident reviews",
        support: "Pairing",
        evidence: "Two reviews led",
        checkpoints: [
          { dueAt: at(30), note: "First review", status: "open" },
          { dueAt: at(20), note: "Shadow", status: "missed" },
        ],
      }),
      plan("gp-3", "p-priya", { quarter: "2027-Q1", goal: "Next quarter" }),
    ]);
    await mergePeople(db, "p-jordan", "p-priya");
    const plans = await db.growthPlans.where("personId").equals("p-jordan").sortBy("quarter");
    expect(plans).toEqual([
      plan("gp-2", "p-jordan", {
        goal: "Own incident reviews\n\nLead the API review",
        support: "Pairing",
        evidence: "Two reviews led",
        checkpoints: [
          { dueAt: at(30), note: "First review", status: "open" },
          { dueAt: at(20), note: "Shadow", status: "missed" },
          { dueAt: at(15), note: "Scope", status: "done" },
        ],
      }),
      plan("gp-3", "p-jordan", { quarter: "2027-Q1", goal: "Next quarter" }),
    ]);
    expect(await db.growthPlans.get("gp-1")).toBeUndefined();
  });

  it("refuses to combine plans into one too long to store, and changes nothing", async () => {
    await db.growthPlans.bulkPut([
      plan("gp-1", "p-priya", { goal: "a".repeat(3000) }),
      plan("gp-2", "p-jordan", { goal: "b".repeat(3000) }),
    ]);
    const before = await snapshot(db);
    await expect(mergePeople(db, "p-jordan", "p-priya")).rejects.toThrow(/too long to combine/);
    expect(await snapshot(db)).toEqual(before);
  });

  it("changes nothing when a write fails halfway", async () => {
    const before = await snapshot(db);
    vi.spyOn(db.people, "delete").mockRejectedValue(new Error("disk error"));
    await expect(mergePeople(db, "p-jordan", "p-priya")).rejects.toThrow("disk error");
    expect(await snapshot(db)).toEqual(before);
  });

  it("refuses to merge a person into themselves or someone missing", async () => {
    await expect(mergePeople(db, "p-priya", "p-priya")).rejects.toThrow("two different people");
    await expect(mergePeople(db, "p-priya", "p-ghost")).rejects.toThrow("no longer in 1:1 Prep");
    expect(await db.people.count()).toBe(2);
  });
});
