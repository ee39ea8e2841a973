import { Dexie } from "dexie";
import { afterEach, describe, expect, it } from "vitest";
import {
  confirmBatch,
  confirmFirstSnapshot,
  ingest,
  noteKeyFile,
  PrepDatabase,
  readAllVersions,
  readSyncKey,
  readSyncState,
  saveMeetingNotes,
  stampLocalChanges,
  startSyncing,
  stopSyncing,
  takeBatch,
  takeFirstSnapshot,
  waitingChanges,
} from "@/lib/db";
import { everyRowHeads, readHeads, type SyncRow, writeHeads } from "@/lib/db/sync-heads";
import { formatHlc, type RowVersion } from "@/lib/sync";
import {
  at,
  sampleRows,
  sampleRowsOpenedElsewhere,
  sampleWithMeetings,
  snapshot,
  writeRows,
} from "../export/sample";

const opened: PrepDatabase[] = [];
const sbi = {
  situation: "In Monday's review",
  behavior: "You asked first",
  impact: "Others spoke up",
  request: "",
  valence: "reinforcing" as const,
};
let n = 0;
afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.delete()));
});

async function device(id: string): Promise<PrepDatabase> {
  const db = new PrepDatabase(`sync-${id}-${++n}`);
  opened.push(db);
  const key = await crypto.subtle
    .generateKey({ name: "HKDF" } as never, false, ["deriveKey"])
    .catch(async () =>
      // Node's WebCrypto makes HKDF keys only by import.
      crypto.subtle.importKey("raw", crypto.getRandomValues(new Uint8Array(32)), "HKDF", false, [
        "deriveKey",
      ]),
    );
  await startSyncing(db, id, { keyId: "k", key: key as CryptoKey });
  return db;
}

/** What one device has uploaded so far, as another would download it. */
const uploaded = new Map<PrepDatabase, RowVersion[][]>();

async function upload(db: PrepDatabase) {
  await ingest(db, [], {});
  for (;;) {
    const batch = await takeBatch(db, 1000);
    if (!batch) return;
    uploaded.set(db, [...(uploaded.get(db) ?? []), batch.rows]);
    await confirmBatch(db, batch.seq);
  }
}

async function download(db: PrepDatabase, from: PrepDatabase) {
  await ingest(db, (uploaded.get(from) ?? []).flat(), {});
}

/** Both ways until nothing moves, as two devices syncing a few times would. */
async function exchange(a: PrepDatabase, b: PrepDatabase) {
  for (let round = 0; round < 3; round++) {
    await upload(a);
    await upload(b);
    await download(a, b);
    await download(b, a);
  }
  await upload(a);
  await upload(b);
}

describe("sync across devices, on the database", () => {
  it("a new device receives every row of the first, and both end equal", async () => {
    const a = await device("devicea1");
    await writeRows(a, sampleRows());
    const b = await device("deviceb1");
    await exchange(a, b);
    expect(await snapshot(b)).toEqual(await snapshot(a));
    expect((await b.meetings.get("m-1"))?.notes).toContain("Offsite budget");
    expect(await waitingChanges(a)).toBe(0);
  });

  it("an edit on one device reaches the other, and a deletion too", async () => {
    const a = await device("devicea2");
    await writeRows(a, sampleRows());
    const b = await device("deviceb2");
    await exchange(a, b);
    await saveMeetingNotes(b, "m-1", "Budget unblocked on Friday.");
    await a.actionItems.clear();
    expect(await waitingChanges(b)).toBe(1);
    await exchange(a, b);
    expect((await a.meetings.get("m-1"))?.notes).toBe("Budget unblocked on Friday.");
    expect(await b.actionItems.count()).toBe(0);
    expect(await snapshot(b)).toEqual(await snapshot(a));
  });

  it("notes changed on two devices at once keep both texts, on both devices", async () => {
    const a = await device("devicea3");
    await writeRows(a, sampleRows());
    const b = await device("deviceb3");
    await exchange(a, b);
    await saveMeetingNotes(a, "m-1", "Written on the laptop.");
    await saveMeetingNotes(b, "m-1", "Written on the desktop.");
    await exchange(a, b);
    const onA = await a.meetings.get("m-1");
    const onB = await b.meetings.get("m-1");
    expect(onA).toEqual(onB);
    const texts = [onA?.notes, ...(onA?.otherVersions ?? []).map((v) => v.text)];
    expect(texts).toContain("Written on the laptop.");
    expect(texts).toContain("Written on the desktop.");
    expect(onA?.otherVersions?.map((v) => v.from)).toEqual(["device"]);
  });

  it("a guide answer changed on two devices at once is kept as another version of that answer", async () => {
    const a = await device("devicea4");
    await writeRows(a, sampleRows());
    const b = await device("deviceb4");
    await exchange(a, b);
    await a.meetings.update("m-2", { answers: { "monthly.make-it-a-10": "More focus time." } });
    await b.meetings.update("m-2", { answers: { "monthly.make-it-a-10": "A clearer roadmap." } });
    await exchange(a, b);
    const onA = await a.meetings.get("m-2");
    expect(onA).toEqual(await b.meetings.get("m-2"));
    const answers = [
      onA?.answers["monthly.make-it-a-10"],
      ...(onA?.otherVersions ?? []).filter((v) => v.promptId === "monthly.make-it-a-10").map((v) => v.text),
    ];
    expect(answers.sort()).toEqual(["A clearer roadmap.", "More focus time."]);
  });

  it("the same meeting recorded on both devices becomes one holding both notes and both items", async () => {
    const a = await device("devicea5");
    const rows = sampleRows();
    await writeRows(a, { ...rows, meetings: [], agendaItems: [], actionItems: [], questionsAsked: [] });
    const b = await device("deviceb5");
    await exchange(a, b);
    const base = { personId: "p-priya", eventInstanceId: "evt_9", startsAt: at(20), kind: "weekly" as const };
    await a.meetings.add({
      ...base,
      id: "m-a",
      status: "planned",
      notes: "From A",
      answers: {},
      updatedAt: at(20),
    });
    await a.actionItems.add({
      id: "i-a",
      personId: "p-priya",
      meetingId: "m-a",
      text: "A's item",
      owner: "me",
      createdAt: at(20),
    } as never);
    await b.meetings.add({
      ...base,
      id: "m-b",
      status: "planned",
      notes: "From B",
      answers: {},
      updatedAt: at(20),
    });
    await b.actionItems.add({
      id: "i-b",
      personId: "p-priya",
      meetingId: "m-b",
      text: "B's item",
      owner: "me",
      createdAt: at(20),
    } as never);
    await exchange(a, b);
    for (const db of [a, b]) {
      const meetings = await db.meetings.where("eventInstanceId").equals("evt_9").toArray();
      expect(meetings.map((m) => m.id)).toEqual(["m-a"]);
      expect(meetings[0]?.notes).toContain("From A");
      expect(meetings[0]?.notes).toContain("From B");
      expect((await db.actionItems.toArray()).map((i) => [i.id, i.meetingId]).sort()).toEqual([
        ["i-a", "m-a"],
        ["i-b", "m-a"],
      ]);
    }
    expect(await snapshot(b)).toEqual(await snapshot(a));
  });

  it("a new device taking in the same meeting and person recorded on two others keeps one of each", async () => {
    const a = await device("devicea9");
    const b = await device("deviceb9");
    const c = await device("devicec9");
    const rows = sampleRows();
    await writeRows(a, { ...rows, meetings: [], agendaItems: [], actionItems: [], questionsAsked: [] });
    await exchange(a, b);
    const base = { personId: "p-priya", eventInstanceId: "evt_9", startsAt: at(20), kind: "weekly" as const };
    const meeting = { ...base, status: "planned" as const, answers: {}, updatedAt: at(20) };
    await a.meetings.add({ ...meeting, id: "m-a", notes: "From A" });
    await b.meetings.add({ ...meeting, id: "m-b", notes: "From B" });
    await a.people.add({ id: "p-kai2", email: "kai@example.com", displayName: "Kai", cadenceDays: 7 });
    await b.people.add({ id: "p-kai1", email: "kai@example.com", displayName: "Kai B.", cadenceDays: 14 });
    await upload(a);
    await upload(b);
    // Both versions in one download: neither is in the new device's database yet.
    await ingest(c, [...(uploaded.get(b) ?? []).flat(), ...(uploaded.get(a) ?? []).flat()], {});
    const meetings = await c.meetings.where("eventInstanceId").equals("evt_9").toArray();
    expect(meetings.map((m) => m.id)).toEqual(["m-a"]);
    expect(meetings[0]?.notes).toContain("From A");
    expect(meetings[0]?.notes).toContain("From B");
    expect((await c.people.where("email").equals("kai@example.com").toArray()).map((p) => p.id)).toEqual([
      "p-kai1",
    ]);
  });

  it("notes written into a meeting another device then folded into its own are kept, whatever order the versions arrive in", async () => {
    const laptop = await device("laptop01");
    const desktop = await device("desktop1");
    const rows = sampleRows();
    await writeRows(laptop, rows);
    await upload(laptop);
    // Before the desktop syncs, so the desktop's deletion of this meeting is the newer change.
    await saveMeetingNotes(laptop, "m-1", "Hiring plan for Q3: two engineers, one in Kraków.");

    // The desktop opened the same 1:1 on its own: its meeting has a lower id and keeps the other.
    const opened = sampleRowsOpenedElsewhere();
    await writeRows(desktop, opened);
    await download(desktop, laptop);
    await upload(desktop);
    expect(await desktop.meetings.get("m-1")).toBeUndefined();

    // The deletion of m-1 before the meeting it went into.
    await ingest(laptop, [...(uploaded.get(desktop) ?? []).flat()].reverse(), {});
    const [kept, ...others] = await laptop.meetings
      .where("eventInstanceId")
      .equals(opened.meetings[0]?.eventInstanceId ?? "")
      .toArray();
    expect(others).toEqual([]);
    expect([kept?.notes, ...(kept?.otherVersions ?? []).map((v) => v.text)].join("\n")).toContain(
      "Hiring plan for Q3: two engineers, one in Kraków.",
    );
    await exchange(laptop, desktop);
    expect(await snapshot(desktop)).toEqual(await snapshot(laptop));
    // The deletion was made again over the notes it overruled: settled, on both.
    for (const db of [laptop, desktop]) {
      const [row] = await readHeads(db, ["meetings/m-1"]);
      const heads = row?.heads ?? [];
      expect(heads.map((head) => head.deleted)).toEqual([true]);
    }
  });

  it("the same person added on both devices becomes one person with everything of both", async () => {
    const a = await device("devicea6");
    const b = await device("deviceb6");
    await a.people.add({ id: "p-2", email: "sam@example.com", displayName: "Sam", cadenceDays: 7 });
    await a.feedback.add({ ...sbi, id: "f-a", personId: "p-2", createdAt: at(5) });
    await b.people.add({ id: "p-1", email: "sam@example.com", displayName: "Sam K.", cadenceDays: 14 });
    await b.feedback.add({ ...sbi, id: "f-b", personId: "p-1", createdAt: at(6) });
    await exchange(a, b);
    for (const db of [a, b]) {
      expect((await db.people.toArray()).map((p) => [p.id, p.email])).toEqual([["p-1", "sam@example.com"]]);
      expect((await db.feedback.toArray()).map((f) => f.personId)).toEqual(["p-1", "p-1"]);
    }
    expect(await snapshot(b)).toEqual(await snapshot(a));
  });

  it("a row another device sent that breaks the rules is held, not written", async () => {
    const a = await device("devicea7");
    const bad: RowVersion = {
      table: "people",
      id: "p-x",
      hlc: "000000000001-0000-otherdev1",
      device: "otherdev1",
      seen: {},
      data: { id: "p-x", displayName: "x".repeat(500), cadenceDays: 7 },
    };
    const result = await ingest(a, [bad], { otherdev1: 1 });
    expect(result.held).toBe(1);
    expect(await a.people.count()).toBe(0);
    expect((await readSyncState(a))?.applied).toEqual({ otherdev1: 1 });
  });

  it("a held row is not taken for a deletion when the device looks over every row", async () => {
    const a = await device("devicea11");
    const b = await device("deviceb11");
    await a.people.add({ id: "p-1", displayName: "Sam", cadenceDays: 7 });
    await upload(a);
    // Turned into a row this device cannot take, as a newer release's row might be.
    const version = (uploaded.get(a) ?? [])[0]?.[0];
    const odd = { ...(version as RowVersion), data: { ...(version as RowVersion).data, cadenceDays: 9999 } };
    await ingest(b, [odd], {});
    // A change that names no rows makes the next sync look over all of them.
    await b.people.toCollection().modify({ cadenceDays: 7 });
    await ingest(b, [], {});
    expect(await takeBatch(b, 1000)).toBeUndefined();
  });

  it("a field a newer release added is kept, and not taken away by this device's next edit", async () => {
    const a = await device("devicea12");
    const newer: RowVersion = {
      table: "people",
      id: "p-n",
      hlc: "000000000001-0000-otherdev2",
      device: "otherdev2",
      seen: {},
      data: { id: "p-n", displayName: "Noor", cadenceDays: 7, pronouns: "she/her" },
    };
    await ingest(a, [newer], { otherdev2: 1 });
    expect(await takeBatch(a, 1000)).toBeUndefined();
    await a.people.update("p-n", { displayName: "Noor A." });
    await ingest(a, [], {});
    const batch = await takeBatch(a, 1000);
    expect(batch?.rows[0]?.data).toMatchObject({ displayName: "Noor A.", pronouns: "she/her" });
  });

  it("a snapshot waits until every version made here is in Drive", async () => {
    const a = await device("devicea8");
    await writeRows(a, sampleRows());
    await ingest(a, [], {});
    expect(await readAllVersions(a)).toBeUndefined();
    await upload(a);
    const all = await readAllVersions(a);
    expect(all?.rows.length).toBeGreaterThan(5);
    expect(all?.state.seq).toBe(1);
  });

  it("a batch cut off in upload is sent again as it was, with changes made since left for the next", async () => {
    const a = await device("devicea9");
    await writeRows(a, sampleRows());
    await ingest(a, [], {});
    const first = await takeBatch(a, 1000);
    await saveMeetingNotes(a, "m-1", "Changed while uploading.");
    await ingest(a, [], {});
    expect(await takeBatch(a, 1000)).toEqual(first);
    await confirmBatch(a, first?.seq ?? 0);
    const next = await takeBatch(a, 1000);
    expect(next?.seq).toBe(2);
    expect(next?.rows.map((r) => r.id)).toEqual(["m-1"]);
  });

  it("turning sync off keeps every row", async () => {
    const a = await device("devicea10");
    await writeRows(a, sampleRows());
    const before = await snapshot(a);
    await stopSyncing(a);
    expect(await snapshot(a)).toEqual(before);
    expect(await readSyncState(a)).toBeUndefined();
  });

  it("a first sync stamps years of rows a chunk at a time: a note saved meanwhile is not held up, and its newest text is what is sent", async () => {
    const db = await device("laptop01");
    const rows = sampleWithMeetings(3500);
    await writeRows(db, rows);

    let stamped = false;
    const stamping = stampLocalChanges(db).then(() => {
      stamped = true;
    });
    await saveMeetingNotes(db, "m-3400", "Wants to lead the migration");
    // In one transaction with every chunk, the save waited for the last of them.
    expect(stamped).toBe(false);
    await stamping;
    await saveMeetingNotes(db, "m-0", "Asked about the offsite");

    await ingest(db, [], {});
    const sent: RowVersion[] = [];
    for (;;) {
      const batch = await takeBatch(db, 1000);
      if (!batch) break;
      sent.push(...batch.rows);
      await confirmBatch(db, batch.seq);
    }
    const newest = new Map<string, RowVersion>();
    for (const version of sent) if (version.table === "meetings") newest.set(version.id, version);
    expect(newest.size).toBe(3500);
    expect(newest.get("m-3400")?.data?.notes).toBe("Wants to lead the migration");
    expect(newest.get("m-0")?.data?.notes).toBe("Asked about the offsite");
    expect(newest.get("m-1")?.data?.notes).toBe("notes 1");
    expect(await waitingChanges(db)).toBe(0);
  });

  it("notes edited here and there across years of synced meetings are each sent with their new text, and reach the other device", async () => {
    const laptop = await device("laptop01");
    const desktop = await device("desktop1");
    const rows = sampleWithMeetings(500);
    await writeRows(laptop, rows);
    await exchange(laptop, desktop);
    const sentBefore = (uploaded.get(laptop) ?? []).length;

    // Every fifth meeting, in one write: keys spread over the whole table, among rows not edited.
    const edited = rows.meetings
      .filter((_, i) => i % 5 === 0)
      .map((meeting) => ({ ...meeting, notes: `${meeting.notes}, and Ólafur's follow-up` }));
    await laptop.meetings.bulkPut(edited);
    await upload(laptop);

    const sent = (uploaded.get(laptop) ?? []).slice(sentBefore).flat();
    expect(sent.map((version) => version.id).sort()).toEqual(edited.map((meeting) => meeting.id).sort());
    expect(sent.every((version) => String(version.data?.notes).endsWith("Ólafur's follow-up"))).toBe(true);
    await download(desktop, laptop);
    expect((await desktop.meetings.get("m-250"))?.notes).toBe("notes 250, and Ólafur's follow-up");
    expect((await desktop.meetings.get("m-251"))?.notes).toBe("notes 251");
    expect(await snapshot(desktop)).toEqual(await snapshot(laptop));
  });

  it("rows imported while a first sync stamps are sent too, though they came after the rows were listed", async () => {
    const db = await device("laptop01");
    const rows = sampleRows();
    const template = rows.meetings[0];
    if (!template) throw new Error("no sample meeting");
    const meeting = (i: number) => ({
      ...template,
      id: `m-${i}`,
      eventInstanceId: `evt_${i}`,
      notes: `notes ${i}`,
    });
    rows.meetings = Array.from({ length: 2500 }, (_, i) => meeting(i));
    await writeRows(db, rows);

    // The import comes once the first chunk is stamped, after the rows to stamp were listed.
    let firstChunk!: () => void;
    const stampedOne = new Promise<void>((resolve) => (firstChunk = resolve));
    db.syncOutbox.hook("creating", () => firstChunk());
    const stamping = stampLocalChanges(db);
    await stampedOne;
    // More than are listed one by one: recorded as "everything changed", as an import is.
    await db.meetings.bulkAdd(Array.from({ length: 300 }, (_, i) => meeting(5000 + i)));
    await stamping;

    await ingest(db, [], {});
    const sent = new Set<string>();
    for (;;) {
      const batch = await takeBatch(db, 1000);
      if (!batch) break;
      for (const version of batch.rows) if (version.table === "meetings") sent.add(version.id);
      await confirmBatch(db, batch.seq);
    }
    expect(sent.size).toBe(2800);
    expect(sent.has("m-5299")).toBe(true);
  });

  it("a note edited again before it was sent goes once, as its newest version, and the outbox empties", async () => {
    const db = await device("laptop02");
    await writeRows(db, sampleRows());
    await upload(db);
    for (const text of ["First draft", "Second draft", "Agreed on the rota"]) {
      await saveMeetingNotes(db, "m-1", text);
      // Each stamped on its own, as syncs between the edits would, with Drive out of reach.
      await ingest(db, [], {});
    }
    const batch = await takeBatch(db, 1000);
    const sent = batch?.rows.filter((row) => row.table === "meetings" && row.id === "m-1") ?? [];
    expect(sent.map((row) => row.data?.notes)).toEqual(["Agreed on the rota"]);
    await confirmBatch(db, batch?.seq ?? 0);
    expect(await waitingChanges(db)).toBe(0);
    expect(await takeBatch(db, 1000)).toBeUndefined();
  });

  it("the versions one stamping made wait as one outbox row, counted one by one, and go in one batch whole", async () => {
    const db = await device("laptop04");
    await writeRows(db, sampleRows());
    await upload(db);
    const meetings = Array.from({ length: 7 }, (_, i) => ({
      ...(sampleRows().meetings[0] as Record<string, unknown>),
      id: `m-many-${i}`,
      eventInstanceId: `ev-many-${i}`,
    }));
    await db.meetings.bulkAdd(meetings as never);
    await stampLocalChanges(db);
    expect(await db.syncOutbox.count()).toBe(1);
    expect(await waitingChanges(db)).toBe(7);
    // A batch of 3 at most still takes the row whole: its versions leave the outbox together.
    const batch = await takeBatch(db, 3);
    expect(batch?.rows.map((row) => row.id).sort()).toEqual(meetings.map((m) => m.id).sort());
    await confirmBatch(db, batch?.seq ?? 0);
    expect(await waitingChanges(db)).toBe(0);
    expect(await takeBatch(db, 3)).toBeUndefined();
  });

  it("whole outbox rows fill a batch up to its size, the next row going in the next batch", async () => {
    const db = await device("laptop05");
    await writeRows(db, sampleRows());
    await upload(db);
    const base = sampleRows().meetings[0] as Record<string, unknown>;
    for (const round of [0, 1, 2]) {
      await db.meetings.bulkAdd(
        Array.from({ length: 2 }, (_, i) => ({
          ...base,
          id: `m-${round}-${i}`,
          eventInstanceId: `e-${round}-${i}`,
        })) as never,
      );
      await stampLocalChanges(db);
    }
    expect(await waitingChanges(db)).toBe(6);
    const sizes: number[] = [];
    for (;;) {
      const batch = await takeBatch(db, 5);
      if (!batch) break;
      sizes.push(batch.rows.length);
      await confirmBatch(db, batch.seq);
    }
    expect(sizes).toEqual([4, 2]);
  });

  it("versions an earlier release left waiting, stored whole, are sent as they are", async () => {
    const db = await device("laptop03");
    await writeRows(db, sampleRows());
    await upload(db);
    const state = await readSyncState(db);
    const left: RowVersion = {
      table: "meetings",
      id: "m-1",
      hlc: formatHlc({ wall: Date.now(), counter: 0, device: "laptop03" }),
      device: "laptop03",
      seen: {},
      data: { ...(await db.meetings.get("m-1")), notes: "Typed before the update" },
    };
    await db.syncOutbox.put(left);
    const batch = await takeBatch(db, 1000);
    expect(batch?.seq).toBe((state?.seq ?? 0) + 1);
    expect(batch?.rows).toEqual([left]);
    await confirmBatch(db, batch?.seq ?? 0);
    expect(await waitingChanges(db)).toBe(0);
  });
});

describe("a row's version kept as the row itself", () => {
  const storedHeads = async (db: PrepDatabase) => (await everyRowHeads(db)).flatMap((row) => row.heads);

  it("holds no second copy of any row, after a first sync and after a restore, and both devices end equal", async () => {
    const a = await device("devicea30");
    await writeRows(a, sampleRows());
    const b = await device("deviceb30");
    await exchange(a, b);
    for (const db of [a, b]) {
      const heads = await storedHeads(db);
      expect(heads.length).toBeGreaterThan(5);
      expect(heads.filter((head) => "data" in head)).toEqual([]);
    }
    expect(await snapshot(b)).toEqual(await snapshot(a));
  });

  /** A device whose rows are stamped, then the first meeting's notes saved over its version. */
  async function savedAfterStamping(id: string, notes: string) {
    const db = await device(id);
    await writeRows(db, sampleRows());
    await ingest(db, [], {});
    await saveMeetingNotes(db, "m-1", notes);
    return db;
  }

  /** A device whose rows are all in Drive, then the first meeting's notes saved over their version. */
  async function savedAfterUpload(id: string, notes: string) {
    const db = await device(id);
    await writeRows(db, sampleRows());
    await upload(db);
    await saveMeetingNotes(db, "m-1", notes);
    return db;
  }

  /** A new device that takes in what `from` sent, and ends with the same rows. */
  async function expectRestored(from: PrepDatabase, id: string, sent: (RowVersion[] | undefined)[]) {
    const db = await device(id);
    await ingest(
      db,
      sent.flatMap((rows) => rows ?? []),
      {},
    );
    expect(await snapshot(db)).toEqual(await snapshot(from));
    return db;
  }

  /** Stamps what changed here and takes the next batch: it and its rows' ids with their notes. */
  async function nextBatch(db: PrepDatabase) {
    await ingest(db, [], {});
    const batch = await takeBatch(db, 1000);
    return { batch, notes: batch?.rows.map((row) => [row.id, row.data?.notes]) };
  }

  it("a note saved between stamping and upload is sent with its new text under a new stamp, never under the old one", async () => {
    const a = await savedAfterStamping("devicea31", "Saved after stamping.");
    const first = await takeBatch(a, 1000);
    expect(first?.rows.length).toBeGreaterThan(0);
    expect(first?.rows.map((row) => row.id)).not.toContain("m-1");
    await confirmBatch(a, first?.seq ?? 0);
    const { batch: next, notes } = await nextBatch(a);
    expect(notes).toEqual([["m-1", "Saved after stamping."]]);
    await confirmBatch(a, next?.seq ?? 0);
    const b = await expectRestored(a, "deviceb31", [first?.rows, next?.rows]);
    expect((await b.meetings.get("m-1"))?.notes).toBe("Saved after stamping.");
  });

  it("a row found changed under its version with no change recorded is still sent with its new text", async () => {
    const a = await savedAfterUpload("devicea32", "Written while its change went missing.");
    await a.syncChanges.clear();
    // Its version waits to go up, as one stamped just before the note was saved would.
    const waiting = {
      hlc: (await storedHeads(a)).find((head) => head.id === "m-1")?.hlc ?? "",
      key: "meetings/m-1",
    };
    await a.syncOutbox.put(waiting as unknown as RowVersion);
    const stale = await takeBatch(a, 1000);
    await confirmBatch(a, stale?.seq ?? 0);
    expect(stale?.rows.map((row) => row.id) ?? []).not.toContain("m-1");
    expect((await nextBatch(a)).notes).toEqual([["m-1", "Written while its change went missing."]]);
  });

  it("a first snapshot leaves out a version whose row was written since; the new text follows in the next batch", async () => {
    const a = await savedAfterStamping("devicea33", "Saved while the snapshot was read.");
    const first = await takeFirstSnapshot(a, 2);
    expect(first?.rows.length).toBeGreaterThan(5);
    expect(first?.rows.map((row) => row.id)).not.toContain("m-1");
    await confirmFirstSnapshot(a, first?.upTo ?? "");
    const { batch: next, notes } = await nextBatch(a);
    expect(next?.seq).toBe(2);
    expect(notes).toEqual([["m-1", "Saved while the snapshot was read."]]);
    await expectRestored(a, "deviceb33", [first?.rows, next?.rows]);
  });

  it("a snapshot for compaction waits while a row written since its version is not in Drive", async () => {
    const a = await savedAfterUpload("devicea34", "Not stamped yet.");
    expect(await readAllVersions(a)).toBeUndefined();
    await upload(a);
    const all = await readAllVersions(a);
    expect(all?.rows.find((row) => row.id === "m-1")?.data?.notes).toBe("Not stamped yet.");
  });

  it("hundreds of rows written again as they were are not sent again; the one changed among them is", async () => {
    const a = await device("devicea35");
    await writeRows(a, sampleWithMeetings(300));
    await upload(a);
    const meetings = await a.meetings.toArray();
    await a.meetings.bulkPut(
      meetings.map((m) => (m.id === "m-7" ? { ...m, notes: "Only this one changed." } : m)),
    );
    expect((await nextBatch(a)).notes).toEqual([["m-7", "Only this one changed."]]);
  });

  it("a row changed with no change recorded is stamped before another device's version of it merges, and both texts are kept", async () => {
    const a = await device("devicea36");
    await writeRows(a, sampleRows());
    const b = await device("deviceb36");
    await exchange(a, b);
    await saveMeetingNotes(a, "m-1", "Laptop text, its change lost.");
    await a.syncChanges.clear();
    await saveMeetingNotes(b, "m-1", "Desktop text.");
    await exchange(a, b);
    const onA = await a.meetings.get("m-1");
    expect(onA).toEqual(await b.meetings.get("m-1"));
    const texts = [onA?.notes, ...(onA?.otherVersions ?? []).map((v) => v.text)];
    expect(texts).toContain("Laptop text, its change lost.");
    expect(texts).toContain("Desktop text.");
  });

  it("heads an earlier release kept in full still tell an unchanged row from an edited one", async () => {
    const a = await device("devicea37");
    await writeRows(a, sampleWithMeetings(300));
    await upload(a);
    const rows = await everyRowHeads(a);
    const stored = new Map((await a.meetings.toArray()).map((m) => [m.id, m]));
    await writeHeads(
      a,
      rows.map((row) => ({
        ...row,
        heads: row.heads.map((head) => {
          if (!("rowHash" in head)) return head;
          const { rowHash: _, ...version } = head;
          const data = head.table === "meetings" ? stored.get(head.id) : undefined;
          return data ? { ...version, data: JSON.parse(JSON.stringify(data)) } : head;
        }),
      })),
    );
    const meetings = await a.meetings.toArray();
    await a.meetings.bulkPut(
      meetings.map((m) => (m.id === "m-9" ? { ...m, notes: "Edited after the update." } : m)),
    );
    await ingest(a, [], {});
    const batch = await takeBatch(a, 1000);
    expect(batch?.rows.map((row) => [row.id, row.data?.notes])).toEqual([
      ["m-9", "Edited after the update."],
    ]);
  });
});

/** The layout release 6 left, frozen here: the last to keep a record of heads per row. */
const VERSION_6_STORES = {
  people: "id, &email, displayName",
  meetings:
    "id, eventInstanceId, &[eventInstanceId+personId], personId, seriesId, [personId+startsAt], startsAt",
  agendaItems: "id, personId, meetingId",
  actionItems: "id, personId, meetingId, dueAt, [personId+open], [open+dueAt]",
  feedback: "id, personId, createdAt",
  growthPlans: "id, personId, [personId+quarter]",
  questionsAsked: "id, personId, [personId+askedAt]",
  calendarEvents: "eventInstanceId, seriesId, startsAt, meetingId",
  unsavedEdits: "id",
  searchIndex: "id",
  searchChanges: "id",
  syncChanges: "id",
  syncRows: "key",
  syncOutbox: "hlc",
  syncMeta: "id",
  meetingFigures: "id, [personId+startsAt], startsAt",
  statsSnapshot: "id",
};

describe("heads kept on shelves, many rows to a record", () => {
  const byKey = (rows: SyncRow[]) => [...rows].sort((x, y) => (x.key < y.key ? -1 : 1));

  it("a first sync and a restore of random ids keep a shelf per share of a table, not a record per row", async () => {
    const rows = sampleRows();
    const [item] = rows.actionItems;
    if (!item) throw new Error("no sample action item");
    rows.actionItems = Array.from({ length: 3000 }, (_, i) => ({
      ...item,
      id: crypto.randomUUID(),
      text: `Item ${i}`,
    }));
    const a = await device("devicea40");
    await writeRows(a, rows);
    const b = await device("deviceb40");
    await exchange(a, b);
    expect(await snapshot(b)).toEqual(await snapshot(a));
    for (const db of [a, b]) {
      const heads = await everyRowHeads(db);
      expect(heads.filter((row) => row.key.startsWith("actionItems/"))).toHaveLength(3000);
      // Two hex digits of the id: at most 256 shelves for the 3,000 items.
      const shelves = await db.syncHeads.where("shelf").startsWith("actionItems/").count();
      expect(shelves).toBeLessThanOrEqual(256);
      expect(shelves).toBeGreaterThan(200);
    }
    // One item edited on b rewrites its shelf, and a's copy of that shelf keeps every other item.
    const edited = rows.actionItems[1234];
    if (!edited) throw new Error("no item");
    await b.actionItems.update(edited.id, { text: "Edited on the desktop" });
    await exchange(a, b);
    expect((await a.actionItems.get(edited.id))?.text).toBe("Edited on the desktop");
    expect(await snapshot(b)).toEqual(await snapshot(a));
    expect(byKey(await everyRowHeads(a)).map((row) => row.heads)).toEqual(
      byKey(await everyRowHeads(b)).map((row) => row.heads),
    );
  });

  it("heads an earlier release kept a record per row are shelved on update, and sync goes on from them", async () => {
    const a = await device("devicea41");
    await writeRows(a, sampleWithMeetings(300));
    await upload(a);
    const heads = byKey(await everyRowHeads(a));
    expect(heads.length).toBeGreaterThan(300);

    // The same device as release 6 kept it: every table as it is, the heads a record per row.
    const name = `sync-release6-${++n}`;
    const old = new Dexie(name);
    old.version(6).stores(VERSION_6_STORES);
    await old.open();
    for (const table of Object.keys(VERSION_6_STORES)) {
      if (table === "syncRows") await old.table(table).bulkAdd(heads);
      else await old.table(table).bulkAdd(await a.table(table).toArray());
    }
    old.close();

    const updated = new PrepDatabase(name);
    opened.push(updated);
    await updated.open();
    expect(updated.backendDB().objectStoreNames.contains("syncRows")).toBe(false);
    expect(byKey(await everyRowHeads(updated))).toEqual(heads);
    // Nothing unchanged goes up again; the one meeting edited since does.
    await saveMeetingNotes(updated, "m-7", "Written after the update.");
    await ingest(updated, [], {});
    const batch = await takeBatch(updated, 1000);
    expect(batch?.rows.map((row) => [row.id, row.data?.notes])).toEqual([
      ["m-7", "Written after the update."],
    ]);
  });
});

describe("a computer turning sync on again", () => {
  const KEY_FILE = "key-file-1";

  /** The key `db` syncs with, as the passphrase unlocks it again on that computer. */
  async function keyOf(db: PrepDatabase) {
    const key = await readSyncKey(db);
    if (!key) throw new Error("sync is not on");
    return key;
  }

  /** Turn off sync, on a computer whose runs found the key file `KEY_FILE` in Drive. */
  async function turnOff(db: PrepDatabase) {
    await noteKeyFile(db, { id: KEY_FILE }, {});
    await stopSyncing(db);
  }

  /** A laptop and a desktop synced with each other, then sync turned off on the desktop. */
  async function desktopTurnedOff(n: number, beforeOff = async (_desktop: PrepDatabase) => {}) {
    const laptop = await device(`devicea${n}`);
    await writeRows(laptop, sampleRows());
    const desktop = await device(`deviceb${n}`);
    await exchange(laptop, desktop);
    const key = await keyOf(desktop);
    await beforeOff(desktop);
    await turnOff(desktop);
    return { laptop, desktop, key };
  }

  /** What the next sync of `db` sends, in Drive for the other devices once it returns. */
  async function sentBy(db: PrepDatabase) {
    await ingest(db, [], {});
    const batch = await takeBatch(db, 1000);
    if (!batch) return [];
    uploaded.set(db, [...(uploaded.get(db) ?? []), batch.rows]);
    await confirmBatch(db, batch.seq);
    return batch.rows;
  }

  it("takes in what the other changed while it was off, and sends what it changed itself", async () => {
    const { laptop, desktop, key } = await desktopTurnedOff(50);

    const [item, other] = await laptop.actionItems.toArray();
    if (!item || !other) throw new Error("sample has two action items");
    await laptop.actionItems.update(item.id, { doneAt: at(1) });
    await saveMeetingNotes(laptop, "m-1", "Written on the laptop while the desktop was off.");
    await upload(laptop);
    await desktop.actionItems.update(other.id, { text: "Renamed on the desktop while off" });

    await startSyncing(desktop, "deviceb51", key, undefined, { rejoin: KEY_FILE });
    await exchange(laptop, desktop);
    for (const db of [laptop, desktop]) {
      expect((await db.actionItems.get(item.id))?.doneAt).toBe(at(1));
      expect((await db.actionItems.get(other.id))?.text).toBe("Renamed on the desktop while off");
      const meeting = await db.meetings.get("m-1");
      expect(meeting?.notes).toBe("Written on the laptop while the desktop was off.");
      expect(meeting?.otherVersions ?? []).toEqual([]);
    }
    expect(await snapshot(desktop)).toEqual(await snapshot(laptop));
  });

  it("does not take rows removed while it was off for deleted: they come back, and stay on the other", async () => {
    const { laptop, desktop, key } = await desktopTurnedOff(56);
    // Rows gone from the desktop while sync was off, as an import or a tidy-up there could leave.
    await desktop.actionItems.clear();
    await desktop.meetings.delete("m-1");

    await startSyncing(desktop, "deviceb57", key, undefined, { rejoin: KEY_FILE });
    await exchange(laptop, desktop);
    expect(await laptop.actionItems.count()).toBe(sampleRows().actionItems.length);
    expect((await laptop.meetings.get("m-1"))?.notes).toContain("Offsite budget");
    expect(await snapshot(desktop)).toEqual(await snapshot(laptop));
  });

  it("sends what it had made but not sent when sync was turned off, in a batch waiting or not", async () => {
    const { laptop, desktop, key } = await desktopTurnedOff(58, async (desktop) => {
      await saveMeetingNotes(desktop, "m-1", "Stamped, never uploaded.");
      await saveMeetingNotes(desktop, "m-2", "In a batch cut off on its way.");
      await ingest(desktop, [], {});
      await takeBatch(desktop, 1);
    });

    await startSyncing(desktop, "deviceb59", key, undefined, { rejoin: KEY_FILE });
    expect((await sentBy(desktop)).map((row) => row.id).sort()).toEqual(["m-1", "m-2"]);
    await exchange(laptop, desktop);
    expect((await laptop.meetings.get("m-1"))?.notes).toBe("Stamped, never uploaded.");
    expect((await laptop.meetings.get("m-2"))?.notes).toBe("In a batch cut off on its way.");
  });

  it("under another key or key file, or to fill an emptied folder, sends every row it holds again", async () => {
    const laptop = await device("devicea52");
    await writeRows(laptop, sampleRows());
    await upload(laptop);
    const rows = Object.values(await snapshot(laptop)).flat().length;
    const key = await keyOf(laptop);

    await turnOff(laptop);
    await startSyncing(laptop, "devicea53", { ...key, keyId: "another" }, undefined, { rejoin: KEY_FILE });
    expect(await sentBy(laptop)).toHaveLength(rows);

    // The folder emptied and filled again by another computer: a new key file, the same key.
    await turnOff(laptop);
    await startSyncing(laptop, "devicea54", key, undefined, { rejoin: "key-file-2" });
    expect(await sentBy(laptop)).toHaveLength(rows);

    await startSyncing(laptop, "devicea55", key);
    expect(await sentBy(laptop)).toHaveLength(rows);

    // Under the same key and key file it left with, it sends only what changed while it was off.
    await turnOff(laptop);
    await laptop.meetings.update("m-1", { notes: "Changed while off." });
    await startSyncing(laptop, "devicea56", key, undefined, { rejoin: KEY_FILE });
    expect((await sentBy(laptop)).map((row) => row.id)).toEqual(["m-1"]);
  });

  it("turned off before it ever found its key file in Drive, it keeps nothing of what it knew", async () => {
    const laptop = await device("devicea60");
    await writeRows(laptop, sampleRows());
    await upload(laptop);
    expect(await laptop.syncHeads.count()).toBeGreaterThan(0);
    await stopSyncing(laptop);
    expect(await laptop.syncHeads.count()).toBe(0);
    expect(await laptop.syncMeta.count()).toBe(0);
  });
});
