import type { Table } from "dexie";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { type CalendarEvent, deleteEverything, deletePerson, PrepDatabase } from "@/lib/db";
import { at, recordTables, sampleRows, snapshot, writeRows } from "../export/sample";

let db: PrepDatabase;
let n = 0;
beforeEach(async () => {
  db = new PrepDatabase(`delete-${++n}`);
  await writeRows(db, sampleRows());
});
afterEach(async () => {
  await db.delete();
});

/** The Calendar API sync's copy of the event behind `meetingId`. */
function syncedEvent(meetingId: string): CalendarEvent {
  return {
    eventInstanceId: `event-of-${meetingId}`,
    seriesId: `series-of-${meetingId}`,
    title: "1:1",
    startsAt: at(1),
    status: "confirmed",
    oneOnOne: true,
    meetingId,
    createdMeeting: false,
    syncedAt: at(1),
  };
}

async function counts() {
  return Object.fromEntries(await Promise.all(recordTables(db).map(async (t) => [t.name, await t.count()])));
}

describe("deleteEverything", () => {
  it("leaves every table empty", async () => {
    await db.calendarEvents.add(syncedEvent("m-1"));
    await deleteEverything(db);
    expect(Object.keys(await counts())).toHaveLength(recordTables(db).length);
    expect(await db.searchChanges.count()).toBe(0);
    expect(Object.values(await counts()).every((count) => count === 0)).toBe(true);
    expect(
      await db.actionItems.where("[open+dueAt]").between([1, 0], [1, Number.MAX_SAFE_INTEGER]).count(),
    ).toBe(0);
  });

  it("deletes nothing when it can't delete everything", async () => {
    const before = await snapshot(db);
    // Every table clears through the shared Table prototype; fail one of them.
    const tablePrototype = Object.getPrototypeOf(db.feedback) as Table;
    const clear = tablePrototype.clear;
    const failOnFeedback = function (this: Table) {
      return this.name === "feedback" ? Promise.reject(new Error("disk error")) : clear.call(this);
    };
    vi.spyOn(tablePrototype, "clear").mockImplementation(failOnFeedback as Table["clear"]);
    await expect(deleteEverything(db)).rejects.toThrow("disk error");
    expect(await snapshot(db)).toEqual(before);
  });
});

describe("deletePerson", () => {
  it("removes the person and every row about them, and nobody else's", async () => {
    await db.calendarEvents.bulkAdd([syncedEvent("m-1"), syncedEvent("m-3")]);
    const edit = { text: "x", bases: [], editedAt: 1 };
    await db.unsavedEdits.bulkAdd([
      { id: "e-priya", target: { kind: "notes", meetingId: "m-1" }, ...edit },
      { id: "e-priya-plan", target: { kind: "plan", planId: "gp-1", field: "goal" }, ...edit },
      { id: "e-jordan", target: { kind: "notes", meetingId: "m-3" }, ...edit },
    ]);
    await deletePerson(db, "p-priya");
    expect(await db.people.get("p-priya")).toBeUndefined();
    for (const table of db.tables) {
      const left = await table.filter((row) => row.personId === "p-priya").count();
      expect(left, table.name).toBe(0);
    }
    expect(await counts()).toEqual({
      people: 1,
      meetings: 1,
      agendaItems: 0,
      actionItems: 1,
      feedback: 0,
      growthPlans: 0,
      questionsAsked: 0,
      calendarEvents: 1,
      unsavedEdits: 1,
    });
    expect((await db.calendarEvents.toArray()).map((e) => e.meetingId)).toEqual(["m-3"]);
    expect(await db.meetings.get("m-3")).toBeDefined();
    expect(await db.actionItems.get("ai-3")).toBeDefined();
  });

  it("also removes rows filed under someone else but belonging to the person's meetings", async () => {
    // A meeting reassigned to Priya after Jordan's items were written in it.
    await db.meetings.update("m-3", { personId: "p-priya" });
    await db.feedback.add({
      id: "fb-jordan",
      personId: "p-jordan",
      situation: "s",
      behavior: "b",
      impact: "i",
      request: "",
      valence: "reinforcing",
      createdAt: at(11),
      deliveredAt: at(12),
      deliveredMeetingId: "m-3",
    });
    await deletePerson(db, "p-priya");
    expect(await db.meetings.count()).toBe(0);
    expect(await db.actionItems.get("ai-3")).toBeUndefined();
    const kept = await db.feedback.get("fb-jordan");
    expect(kept).toMatchObject({ personId: "p-jordan", deliveredAt: at(12) });
    expect(kept).not.toHaveProperty("deliveredMeetingId");
  });

  it("deletes nothing when any part fails", async () => {
    const before = await snapshot(db);
    vi.spyOn(db.people, "delete").mockRejectedValue(new Error("disk error"));
    await expect(deletePerson(db, "p-priya")).rejects.toThrow("disk error");
    expect(await snapshot(db)).toEqual(before);
  });

  it("does nothing for someone who isn't there", async () => {
    const before = await snapshot(db);
    await deletePerson(db, "p-ghost");
    expect(await snapshot(db)).toEqual(before);
  });
});
