import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  type ActionItem,
  type AgendaItem,
  type CalendarEvent,
  type Feedback,
  type GrowthPlan,
  type Meeting,
  MergeUndoRefused,
  mergePeople,
  type Person,
  PrepDatabase,
  previewMerge,
  type QuestionAsked,
  saveMeetingNotes,
  undoMerge,
} from "@/lib/db";
import { at, sampleRows, snapshot, writeRows } from "../export/sample";

let db: PrepDatabase;
let n = 0;
beforeEach(async () => {
  db = new PrepDatabase(`merge-undo-${++n}`);
  await writeRows(db, sampleRows());
});
afterEach(async () => {
  await db.delete();
});

/** The sample rows plus what makes a merge combine rows rather than only move them. */
async function addOverlaps(into: PrepDatabase) {
  await into.meetings.put({
    id: "m-shared",
    personId: "p-jordan",
    eventInstanceId: "evt_1",
    startsAt: at(3),
    kind: "weekly",
    status: "held",
    notes: "Jordan's side of the same event.",
    answers: { "monthly.make-it-a-10": "More focus time." },
    updatedAt: at(4),
  });
  await into.growthPlans.bulkPut([
    {
      id: "gp-jordan",
      personId: "p-jordan",
      quarter: "2026-Q4",
      goal: "Own incident reviews",
      support: "",
      evidence: "",
      checkpoints: [{ dueAt: at(20), note: "Shadow", status: "open" }],
    },
  ]);
  await into.calendarEvents.put({
    eventInstanceId: "evt_1",
    seriesId: "series-1",
    title: "Priya / Alex",
    startsAt: at(3),
    status: "confirmed",
    oneOnOne: true,
    meetingId: "m-1",
    createdMeeting: false,
    syncedAt: at(3),
  });
}

describe("undoMerge", () => {
  it("gives back both people and every row exactly as they were, combined rows included", async () => {
    await addOverlaps(db);
    const before = await snapshot(db);
    const { undo } = await mergePeople(db, "p-jordan", "p-priya");
    // The merge did combine: Priya's meeting on the shared event is gone, its notes in Jordan's.
    expect(await db.meetings.get("m-1")).toBeUndefined();
    expect((await db.meetings.get("m-shared"))?.notes).toContain("Offsite budget is stuck.");
    expect(await snapshot(db)).not.toEqual(before);

    await undoMerge(db, undo);
    expect(await snapshot(db)).toEqual(before);
  });

  it("refuses, changing nothing, when a moved meeting's notes were edited after the merge", async () => {
    const { undo } = await mergePeople(db, "p-jordan", "p-priya");
    await saveMeetingNotes(db, "m-2", "Written after the merge.");
    const afterEdit = await snapshot(db);

    const refusal = undoMerge(db, undo);
    await expect(refusal).rejects.toThrow(MergeUndoRefused);
    await expect(refusal).rejects.toThrow(/the notes of the 1:1 on 2026-11-10 were edited/);
    expect(await snapshot(db)).toEqual(afterEdit);
    // Nothing lost: the newer text and every moved record are still there, under the kept person.
    expect(await db.meetings.get("m-2")).toMatchObject({
      personId: "p-jordan",
      notes: "Written after the merge.",
    });
    expect(await db.actionItems.where("personId").equals("p-jordan").count()).toBe(3);
  });

  it("refuses when the kept person was renamed, or an action item added to a meeting that would go back", async () => {
    const { undo } = await mergePeople(db, "p-jordan", "p-priya");
    await db.people.update("p-jordan", { displayName: "Jordan Lee" });
    await db.actionItems.add({
      id: "ai-new",
      personId: "p-jordan",
      meetingId: "m-1",
      owner: "me",
      text: "Book the offsite room",
      createdAt: at(20),
    });
    const afterEdits = await snapshot(db);
    await expect(undoMerge(db, undo)).rejects.toThrow(
      /Jordan was renamed or changed; the action item “Book the offsite room” was added to a 1:1 that was Priya Raman's/,
    );
    expect(await snapshot(db)).toEqual(afterEdits);
  });

  it("refuses when someone else has since taken the merged person's address", async () => {
    await db.people.update("p-jordan", { email: "jordan@example.com" });
    const { undo } = await mergePeople(db, "p-jordan", "p-priya");
    await db.people.add({ id: "p-new", email: "priya@example.com", displayName: "Priya", cadenceDays: 7 });
    await expect(undoMerge(db, undo)).rejects.toThrow(/Priya now has the address priya@example.com/);
    expect(await db.people.get("p-new")).toBeDefined();
    expect(await db.people.get("p-priya")).toBeUndefined();
  });

  it("still undoes when only rows the merge did not touch changed", async () => {
    await addOverlaps(db);
    const { undo } = await mergePeople(db, "p-jordan", "p-priya");
    // The sync rewrites its copy of the calendar on its own; Jordan's other meeting is his alone.
    await db.calendarEvents.update("evt_1", { syncedAt: at(25) });
    await saveMeetingNotes(db, "m-3", "Jordan's own 1:1, after the merge.");
    await undoMerge(db, undo);
    expect(await db.people.get("p-priya")).toMatchObject({ email: "priya@example.com" });
    expect(await db.meetings.get("m-1")).toMatchObject({ personId: "p-priya" });
    expect(await db.calendarEvents.get("evt_1")).toMatchObject({ meetingId: "m-1", syncedAt: at(25) });
    expect((await db.meetings.get("m-3"))?.notes).toBe("Jordan's own 1:1, after the merge.");
  });

  it("undoes once: a second undo finds the people apart and refuses", async () => {
    const before = await snapshot(db);
    const { undo } = await mergePeople(db, "p-jordan", "p-priya");
    await undoMerge(db, undo);
    await expect(undoMerge(db, undo)).rejects.toThrow(MergeUndoRefused);
    expect(await snapshot(db)).toEqual(before);
  });
});

describe("previewMerge", () => {
  it("counts what moves and what becomes one", async () => {
    await addOverlaps(db);
    expect(await previewMerge(db, "p-jordan", "p-priya")).toMatchObject({
      kept: { displayName: "Jordan" },
      merged: { displayName: "Priya Raman" },
      meetings: 2,
      actionItems: 2,
      agendaItems: 2,
      feedback: 1,
      growthPlans: 1,
      sharedMeetings: 1,
      sharedQuarters: ["2026-Q4"],
      takesEmail: "priya@example.com",
    });
    expect(await previewMerge(db, "p-jordan", "p-jordan")).toBeUndefined();
  });
});

const text = fc.string({ maxLength: 12 });
const who = fc.constantFrom(0, 1, 2);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const world = fc.record({
  emails: fc.tuple(fc.boolean(), fc.boolean(), fc.boolean()),
  meetings: fc.array(
    fc.record({
      owner: who,
      event: fc.nat(3),
      notes: text,
      answer: maybe(text),
      happiness: maybe(fc.integer({ min: 1, max: 10 })),
    }),
    { maxLength: 8 },
  ),
  actionItems: fc.array(fc.record({ meeting: fc.nat(), text, done: fc.boolean() }), { maxLength: 6 }),
  agendaItems: fc.array(fc.record({ owner: who, meeting: maybe(fc.nat()), text }), { maxLength: 5 }),
  feedback: fc.array(fc.record({ owner: who, delivered: maybe(fc.nat()), situation: text }), {
    maxLength: 4,
  }),
  growthPlans: fc.array(
    fc.record({
      owner: who,
      quarter: fc.constantFrom("2026-Q3", "2026-Q4"),
      goal: text,
      checkpoints: fc.array(
        fc.record({
          day: fc.integer({ min: 1, max: 28 }),
          note: text,
          status: fc.constantFrom("open", "done", "missed"),
        }),
        { maxLength: 2 },
      ),
    }),
    { maxLength: 4 },
  ),
  questionsAsked: fc.array(fc.record({ meeting: fc.nat(), questionId: fc.constantFrom("a", "b") }), {
    maxLength: 3,
  }),
  linkedEvent: maybe(fc.nat()),
});
type World = typeof world extends fc.Arbitrary<infer T> ? T : never;

/** Three people (keep, merge, and someone else) and rows between them, valid as the app writes them. */
function rowsOf(w: World) {
  const people: Person[] = ["keep", "merge", "other"].map((name, i) => ({
    id: `p-${name}`,
    displayName: name,
    cadenceDays: 7,
    ...(w.emails[i] ? { email: `${name}@example.com` } : {}),
  }));
  const personId = (i: number) => people[i]?.id ?? "p-keep";
  const taken = new Set<string>();
  const meetings: Meeting[] = [];
  w.meetings.forEach((m, i) => {
    const slot = `${m.owner}:${m.event}`;
    if (taken.has(slot)) return;
    taken.add(slot);
    meetings.push({
      id: `m-${i}`,
      personId: personId(m.owner),
      eventInstanceId: `evt-${m.event}`,
      startsAt: at(m.event + 1),
      kind: "weekly",
      status: "held",
      notes: m.notes,
      answers: m.answer === undefined ? {} : { "weekly.win": m.answer },
      ...(m.happiness === undefined ? {} : { happiness: m.happiness }),
      updatedAt: at(m.event + 1, 16 + m.owner),
    });
  });
  const meetingAt = (i: number) => meetings[i % Math.max(meetings.length, 1)];
  const actionItems: ActionItem[] = w.actionItems.flatMap((a, i) => {
    const m = meetingAt(a.meeting);
    if (!m) return [];
    return [
      {
        id: `ai-${i}`,
        personId: m.personId,
        meetingId: m.id,
        owner: "me",
        text: a.text,
        createdAt: at(1),
        ...(a.done ? { doneAt: at(2) } : {}),
      },
    ];
  });
  const agendaItems: AgendaItem[] = w.agendaItems.map((a, i) => {
    const m = a.meeting === undefined ? undefined : meetingAt(a.meeting);
    return {
      id: `ag-${i}`,
      personId: m?.personId ?? personId(a.owner),
      ...(m ? { meetingId: m.id } : {}),
      section: "theirs",
      text: a.text,
      position: i,
    };
  });
  const feedback: Feedback[] = w.feedback.map((f, i) => {
    const m = f.delivered === undefined ? undefined : meetingAt(f.delivered);
    return {
      id: `fb-${i}`,
      personId: personId(f.owner),
      situation: f.situation,
      behavior: "",
      impact: "",
      request: "",
      valence: "reinforcing",
      createdAt: at(1),
      ...(m ? { deliveredAt: at(2), deliveredMeetingId: m.id } : {}),
    };
  });
  const quarters = new Set<string>();
  const growthPlans: GrowthPlan[] = w.growthPlans.flatMap((p, i) => {
    const slot = `${p.owner}:${p.quarter}`;
    if (quarters.has(slot)) return [];
    quarters.add(slot);
    return [
      {
        id: `gp-${i}`,
        personId: personId(p.owner),
        quarter: p.quarter,
        goal: p.goal,
        support: "",
        evidence: "",
        checkpoints: p.checkpoints.map((c) => ({ dueAt: at(c.day), note: c.note, status: c.status })),
      },
    ];
  });
  const questionsAsked: QuestionAsked[] = w.questionsAsked.flatMap((q, i) => {
    const m = meetingAt(q.meeting);
    return m
      ? [{ id: `qa-${i}`, personId: m.personId, questionId: q.questionId, meetingId: m.id, askedAt: at(3) }]
      : [];
  });
  const linked = w.linkedEvent === undefined ? undefined : meetingAt(w.linkedEvent);
  const calendarEvents: CalendarEvent[] = linked
    ? [
        {
          eventInstanceId: linked.eventInstanceId,
          seriesId: "series",
          title: "1:1",
          startsAt: linked.startsAt,
          status: "confirmed",
          oneOnOne: true,
          meetingId: linked.id,
          createdMeeting: false,
          syncedAt: at(1),
        },
      ]
    : [];
  return {
    people,
    meetings,
    actionItems,
    agendaItems,
    feedback,
    growthPlans,
    questionsAsked,
    calendarEvents,
  };
}

describe("merge, then undo", () => {
  it("gives back identical tables, whatever the two people held", async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(world, async (w) => {
        const local = new PrepDatabase(`merge-undo-property-${n}-${++run}`);
        try {
          const rows = rowsOf(w);
          await local.transaction("rw", local.tables, async () => {
            for (const [table, list] of Object.entries(rows)) await local.table(table).bulkAdd(list);
          });
          const before = await snapshot(local);
          const { undo } = await mergePeople(local, "p-keep", "p-merge");
          for (const table of local.tables)
            expect(await table.filter((row) => row.personId === "p-merge").count()).toBe(0);
          await undoMerge(local, undo);
          expect(await snapshot(local)).toEqual(before);
        } finally {
          await local.delete();
        }
      }),
      { numRuns: 40 },
    );
  });
});
