import { Dexie } from "dexie";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  cadenceHistories,
  figuresOf,
  findOrCreateMeeting,
  findOrCreatePerson,
  type Meeting,
  PrepDatabase,
  renamePerson,
  saveMeetingNotes,
} from "@/lib/db";
import { peekCadenceHistories, saveSnapshot } from "@/lib/db/stats-figures";

let db: PrepDatabase;
let n = 0;

beforeEach(async () => {
  db = new PrepDatabase(`figures-${++n}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

const day = (d: number) => Date.UTC(2026, 10, d, 15);
const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => (a.id < b.id ? -1 : 1));

/** The figures table holds exactly the figures of the meetings table, row for row. */
async function expectInStep() {
  const [meetings, figures] = await Promise.all([db.meetings.toArray(), db.meetingFigures.toArray()]);
  expect(byId(figures)).toEqual(byId(meetings.map(figuresOf)));
}

async function priyaWithMeetings(...days: number[]) {
  const person = await findOrCreatePerson(db, { email: "priya@example.com", displayName: "Priya Raman" });
  const meetings: Meeting[] = [];
  for (const d of days) {
    meetings.push(
      await findOrCreateMeeting(db, { personId: person.id, eventInstanceId: `p_${d}`, startsAt: day(d) }),
    );
  }
  return { person, meetings };
}

function meetingRow(id: string, personId: string, d: number, extra: Partial<Meeting> = {}): Meeting {
  return {
    id,
    personId,
    eventInstanceId: `ev_${id}`,
    startsAt: day(d),
    kind: "weekly",
    status: "held",
    notes: "Talked about the launch.",
    answers: {},
    updatedAt: day(d),
    ...extra,
  };
}

describe("a meeting's figures", () => {
  it("keep what Stats shows and none of the words", () => {
    const meeting = meetingRow("m1", "p1", 3, {
      endsAt: day(3) + 30 * 60_000,
      happiness: 8,
      eid: "abc",
      answers: { q1: "Fine" },
      timedBoxes: [{ section: "theirs", plannedMinutes: 15, actualMinutes: 17 }],
    });
    expect(figuresOf(meeting)).toEqual({
      id: "m1",
      personId: "p1",
      startsAt: day(3),
      endsAt: day(3) + 30 * 60_000,
      status: "held",
      happiness: 8,
      eid: "abc",
      timedBoxes: [{ section: "theirs", plannedMinutes: 15, actualMinutes: 17 }],
    });
  });

  it("follow every kind of write to meetings, in the same transaction", async () => {
    const { person, meetings } = await priyaWithMeetings(1, 8, 15);
    await expectInStep();
    const [first, second, third] = meetings;
    if (!first || !second || !third) throw new Error("three meetings");

    await saveMeetingNotes(db, first.id, "Notes do not change the figures.");
    await db.meetings.update(second.id, { status: "skipped", statusSetByUser: true, happiness: 4 });
    await db.meetings.where("personId").equals(person.id).modify({ eid: "edited" });
    await expectInStep();
    expect((await db.meetingFigures.get(second.id))?.status).toBe("skipped");

    await db.meetings.bulkPut([
      meetingRow("imported-1", person.id, 22),
      meetingRow("imported-2", person.id, 29),
    ]);
    await db.meetings.delete(third.id);
    await db.meetings.bulkDelete(["imported-1"]);
    await expectInStep();
    expect(await db.meetingFigures.get(third.id)).toBeUndefined();

    await db.meetings.where("startsAt").above(day(20)).delete();
    await expectInStep();
    await db.meetings.clear();
    expect(await db.meetingFigures.count()).toBe(0);
  });

  it("leave out a meeting the store refused, and keep the ones it took", async () => {
    const { person, meetings } = await priyaWithMeetings(1);
    const taken = meetingRow("new", person.id, 9);
    // The same event and person as the meeting already stored: the unique index refuses it.
    const refused = meetingRow("clash", person.id, 2, {
      eventInstanceId: meetings[0]?.eventInstanceId ?? "",
    });
    await expect(db.meetings.bulkAdd([taken, refused])).rejects.toThrow();
    expect(await db.meetingFigures.get("clash")).toBeUndefined();
    await expectInStep();
    expect(await db.meetingFigures.get("new")).toEqual(figuresOf(taken));
  });

  it("go back with the meeting when its transaction fails", async () => {
    const { meetings } = await priyaWithMeetings(1);
    const meeting = meetings[0];
    if (!meeting) throw new Error("a meeting");
    await expect(
      db.transaction("rw", db.meetings, async () => {
        await db.meetings.update(meeting.id, { status: "cancelled" });
        throw new Error("the page closed");
      }),
    ).rejects.toThrow("the page closed");
    expect((await db.meetingFigures.get(meeting.id))?.status).toBe("planned");
    await expectInStep();
  });
});

describe("a database from before meeting figures", () => {
  it("gets the figures of every meeting it holds when it opens", async () => {
    const name = `figures-old-${++n}`;
    const old = new Dexie(name);
    old.version(5).stores({
      people: "id, &email, displayName",
      meetings:
        "id, eventInstanceId, &[eventInstanceId+personId], personId, seriesId, [personId+startsAt], startsAt",
    });
    await old.open();
    // More than one slice of the upgrade's read.
    const rows = Array.from({ length: 1203 }, (_, i) =>
      meetingRow(`m${String(i).padStart(4, "0")}`, `p${i % 7}`, 1 + (i % 28), {
        ...(i % 3 === 0 ? { happiness: 1 + (i % 10) } : {}),
        ...(i % 5 === 0 ? { status: "skipped" as const } : {}),
      }),
    );
    await old.table("meetings").bulkAdd(rows);
    old.close();

    const upgraded = new PrepDatabase(name);
    try {
      await upgraded.open();
      expect(byId(await upgraded.meetingFigures.toArray())).toEqual(byId(rows.map(figuresOf)));
    } finally {
      await upgraded.delete();
    }
  });
});

describe("the Stats snapshot", () => {
  /** Waits until the read before has left a snapshot, and gives back its stamp. */
  async function snapshotSaved(): Promise<string> {
    return vi.waitFor(async () => {
      const row = await db.statsSnapshot.get("team");
      if (row?.from === undefined) throw new Error("not saved yet");
      return row.stamp;
    });
  }

  /** The same window read from the tables, with no snapshot to answer from. */
  async function fromTables(from: number) {
    const kept = await db.statsSnapshot.toArray();
    await db.statsSnapshot.clear();
    const read = await cadenceHistories(db, from);
    await db.statsSnapshot.bulkPut(kept);
    return read;
  }

  async function team() {
    const { person: priya } = await priyaWithMeetings(1, 5, 9, 13, 17, 21, 25);
    const jordan = await findOrCreatePerson(db, { email: "jordan@example.com", displayName: "Jordan" });
    await findOrCreateMeeting(db, { personId: jordan.id, eventInstanceId: "j_2", startsAt: day(2) });
    await findOrCreateMeeting(db, { personId: jordan.id, eventInstanceId: "j_10", startsAt: day(10) });
    // Nobody met yet, and someone archived.
    await findOrCreatePerson(db, { email: "new@example.com", displayName: "Noor" });
    const kim = await findOrCreatePerson(db, { email: "kim@example.com", displayName: "Kim" });
    await findOrCreateMeeting(db, { personId: kim.id, eventInstanceId: "k_12", startsAt: day(12) });
    await db.people.update(kim.id, { archivedAt: day(20) });
    return { priya, jordan };
  }

  it("answers a later window as the tables would, up to two weeks on", async () => {
    const { priya, jordan } = await team();
    await cadenceHistories(db, day(4));
    await snapshotSaved();
    for (const from of [day(4), day(9), day(11), day(13) + 1, day(18)]) {
      const read = await cadenceHistories(db, from);
      expect(read).toEqual(await fromTables(from));
    }
    const read = await cadenceHistories(db, day(11));
    expect(read.meetingsByPerson.get(priya.id)?.map((m) => m.startsAt)).toEqual([
      day(9),
      day(13),
      day(17),
      day(21),
      day(25),
    ]);
    expect(read.meetingsByPerson.get(jordan.id)?.map((m) => m.startsAt)).toEqual([day(10)]);
    expect(read.people.map((p) => p.displayName).sort()).toEqual(["Jordan", "Noor", "Priya Raman"]);
  });

  it("stays while notes are written, and gives way to a change of figures or people", async () => {
    const { priya } = await team();
    await cadenceHistories(db, day(4));
    const stamp = await snapshotSaved();
    const [meeting] = await db.meetings.where("personId").equals(priya.id).sortBy("startsAt");
    if (!meeting) throw new Error("a meeting");

    await saveMeetingNotes(db, meeting.id, "Only words change here.");
    expect((await db.statsSnapshot.get("team"))?.stamp).toBe(stamp);

    await db.meetings.update(meeting.id, { status: "cancelled", statusSetByUser: true });
    expect((await db.statsSnapshot.get("team"))?.from).toBeUndefined();
    const after = await cadenceHistories(db, day(1));
    expect(after.meetingsByPerson.get(priya.id)?.[0]?.status).toBe("cancelled");
    const again = await snapshotSaved();

    await renamePerson(db, priya.id, "Priya R.");
    expect((await db.statsSnapshot.get("team"))?.stamp).not.toBe(again);
    const renamed = await cadenceHistories(db, day(1));
    expect(renamed.people.find((p) => p.id === priya.id)?.displayName).toBe("Priya R.");
  });

  it("is not kept when a write came in between reading and keeping it", async () => {
    const { priya } = await team();
    await cadenceHistories(db, day(4));
    const stamp = await snapshotSaved();
    const stale = await fromTables(day(4));
    await findOrCreateMeeting(db, { personId: priya.id, eventInstanceId: "p_27", startsAt: day(27) });
    const kept = await saveSnapshot(db, stamp, {
      from: day(4),
      people: stale.people,
      meetings: [...stale.meetingsByPerson.values()].flat(),
    });
    expect(kept).toBe(false);
    const read = await cadenceHistories(db, day(4));
    expect(read.meetingsByPerson.get(priya.id)?.at(-1)?.startsAt).toBe(day(27));
  });

  it("is built again soon after a change by the page that made it, with no Stats open", async () => {
    const { priya } = await team();
    await cadenceHistories(db, day(4));
    await snapshotSaved();
    await db.meetings.where("personId").equals(priya.id).modify({ status: "skipped" });
    expect((await db.statsSnapshot.get("team"))?.from).toBeUndefined();
    const rebuilt = await vi.waitFor(
      async () => {
        const row = await db.statsSnapshot.get("team");
        if (!row?.meetings) throw new Error("not built yet");
        return row.meetings;
      },
      { timeout: 5_000, interval: 100 },
    );
    const priyas = rebuilt.filter((m) => m.personId === priya.id);
    expect(priyas.length).toBeGreaterThan(0);
    expect(priyas.every((m) => m.status === "skipped")).toBe(true);
  });

  it("is read straight from IndexedDB for the first paint, only while it is current", async () => {
    await team();
    expect(await peekCadenceHistories(db.name, day(4))).toBeUndefined();
    await cadenceHistories(db, day(4));
    await snapshotSaved();
    for (const from of [day(4), day(11), day(18)]) {
      expect(await peekCadenceHistories(db.name, from)).toEqual(await fromTables(from));
    }
    // Outside the window it holds: before its start, or more than two weeks after.
    expect(await peekCadenceHistories(db.name, day(3))).toBeUndefined();
    expect(await peekCadenceHistories(db.name, day(4) + 15 * 86_400_000)).toBeUndefined();

    const [meeting] = await db.meetings.toArray();
    if (!meeting) throw new Error("a meeting");
    await db.meetings.update(meeting.id, { status: "skipped", statusSetByUser: true });
    expect(await peekCadenceHistories(db.name, day(4))).toBeUndefined();
  });

  it("is never read from a database it would have to create or upgrade", async () => {
    expect(await peekCadenceHistories("never-opened", day(4))).toBeUndefined();
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain("never-opened");

    // A database as a release before the Stats figures left it: opened as it is, left as it is.
    const older = new Dexie("before-figures");
    older.version(5).stores({ people: "id", meetings: "id" });
    await older.open();
    older.close();
    expect(await peekCadenceHistories("before-figures", day(4))).toBeUndefined();
    const reopened = new Dexie("before-figures");
    await reopened.open();
    expect(reopened.verno).toBe(5);
    expect(reopened.tables.map((t) => t.name).sort()).toEqual(["meetings", "people"]);
    await reopened.delete();
  });

  it("is read again from the tables when it does not hold what it should", async () => {
    const { priya } = await team();
    await db.statsSnapshot.put({
      id: "team",
      stamp: "x",
      from: day(1),
      people: [],
      meetings: "broken",
    } as never);
    const read = await cadenceHistories(db, day(4));
    expect(read).toEqual(await fromTables(day(4)));
    expect(read.meetingsByPerson.get(priya.id)).toHaveLength(7);
  });
});
