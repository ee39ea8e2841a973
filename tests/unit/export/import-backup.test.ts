import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { BACKUP_ROW_VERSION, openActionItems, PrepDatabase } from "@/lib/db";
import {
  type BackupDocument,
  BackupImportError,
  type BackupPreview,
  exportAll,
  type ImportChoices,
  importBackup,
  previewImport,
} from "@/lib/export";
import { at, sampleRows, snapshot, writeRows } from "./sample";

let n = 0;
const opened: PrepDatabase[] = [];

async function database(rows?: ReturnType<typeof sampleRows>): Promise<PrepDatabase> {
  const db = new PrepDatabase(`import-${++n}`);
  opened.push(db);
  if (rows) await writeRows(db, rows);
  await db.open();
  return db;
}

afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.delete()));
});

let backup: BackupDocument;
beforeEach(async () => {
  backup = await exportAll(await database(sampleRows()), at(25));
});

/** The manager's "Take the backup's for all": a restore over what is here. */
async function everythingFromBackup(db: PrepDatabase, doc: BackupDocument): Promise<ImportChoices> {
  const { differences } = await previewImport(db, doc);
  return { rows: Object.fromEntries(differences.map((d) => [d.key, "backup" as const])) };
}

function counts(preview: BackupPreview) {
  return Object.fromEntries(
    Object.entries(preview.counts).map(([table, c]) => [table, [c.added, c.updated, c.unchanged]]),
  );
}

const sampleCounts = {
  people: 2,
  meetings: 3,
  agendaItems: 2,
  actionItems: 3,
  feedback: 1,
  growthPlans: 1,
  questionsAsked: 1,
};

describe("previewImport", () => {
  it("counts every row as added into an empty database, and writes nothing", async () => {
    const db = await database();
    const preview = await previewImport(db, backup);
    expect(counts(preview)).toEqual(
      Object.fromEntries(Object.entries(sampleCounts).map(([t, c]) => [t, [c, 0, 0]])),
    );
    expect(preview.merged).toEqual([]);
    expect(await db.people.count()).toBe(0);
  });

  it("tells added, updated and unchanged rows apart by id and content", async () => {
    const rows = sampleRows();
    const meeting = rows.meetings[0];
    const item = rows.actionItems[0];
    if (!meeting || !item) throw new Error("sample changed");
    meeting.notes = "Edited since the backup";
    item.doneAt = at(20);
    rows.feedback = [];
    rows.growthPlans.push({
      id: "gp-local",
      personId: "p-jordan",
      quarter: "2027-Q1",
      goal: "",
      support: "",
      evidence: "",
      checkpoints: [],
    });
    const db = await database(rows);
    const before = await snapshot(db);
    const preview = await previewImport(db, backup);
    expect(preview.counts.meetings).toEqual({ added: 0, updated: 1, unchanged: 2 });
    expect(preview.counts.actionItems).toEqual({ added: 0, updated: 1, unchanged: 2 });
    expect(preview.counts.feedback).toEqual({ added: 1, updated: 0, unchanged: 0 });
    expect(preview.counts.growthPlans).toEqual({ added: 0, updated: 0, unchanged: 1 });
    expect(preview.counts.people).toEqual({ added: 0, updated: 0, unchanged: 2 });
    expect(await snapshot(db)).toEqual(before);
  });
});

describe("importBackup", () => {
  it("restores every row into an empty database and returns what it did", async () => {
    const db = await database();
    const preview = await importBackup(db, backup);
    expect(preview.counts.meetings).toEqual({ added: 3, updated: 0, unchanged: 0 });
    const source = await database(sampleRows());
    expect(await snapshot(db)).toEqual(await snapshot(source));
  });

  it("is idempotent: a second import of the same file changes nothing", async () => {
    const db = await database();
    await importBackup(db, backup);
    const after = await snapshot(db);
    const again = await previewImport(db, backup);
    expect(counts(again)).toEqual(
      Object.fromEntries(Object.entries(sampleCounts).map(([t, c]) => [t, [0, 0, c]])),
    );
    expect(await importBackup(db, backup)).toEqual({ ...again, applied: { mine: 0, backup: 0, both: 0 } });
    expect(await snapshot(db)).toEqual(after);
  });

  it("keeps rows that are not in the backup", async () => {
    const rows = sampleRows();
    rows.people.push({ id: "p-kim", email: "kim@example.com", displayName: "Kim", cadenceDays: 7 });
    const db = await database(rows);
    await importBackup(db, backup);
    expect(await db.people.get("p-kim")).toBeDefined();
  });

  it("never overwrites notes written here by default: both texts are kept, the backup's beside", async () => {
    const rows = sampleRows();
    const meeting = rows.meetings[0];
    if (!meeting) throw new Error("sample changed");
    meeting.notes = "Edited since the backup";
    const db = await database(rows);
    const preview = await previewImport(db, backup, at(26));
    expect(preview.differences).toEqual([
      expect.objectContaining({
        key: "meetings:m-1",
        person: "Priya Raman",
        label: "1:1 on 2026-11-03 · Priya / Alex",
        texts: [
          {
            label: "Notes",
            field: "notes",
            mine: "Edited since the backup",
            backup: sampleRows().meetings[0]?.notes,
          },
        ],
        choices: ["mine", "backup", "both"],
        suggested: "both",
      }),
    ]);
    const outcome = await importBackup(db, backup, {}, at(26));
    expect(outcome.applied).toEqual({ mine: 0, backup: 0, both: 1 });
    const stored = await db.meetings.get("m-1");
    expect(stored?.notes).toBe("Edited since the backup");
    expect(stored?.otherVersions).toEqual([
      { text: sampleRows().meetings[0]?.notes, savedAt: at(26), from: "backup" },
    ]);
  });

  it("takes the backup's version of a row, or keeps mine, as the manager chooses", async () => {
    const rows = sampleRows();
    const [meeting, item] = [rows.meetings[0], rows.actionItems[0]];
    if (!meeting || !item) throw new Error("sample changed");
    meeting.notes = "Edited since the backup";
    item.text = "Renamed here";
    const db = await database(rows);
    const outcome = await importBackup(db, backup, {
      rows: { "meetings:m-1": "backup", "actionItems:ai-1": "mine" },
    });
    expect(outcome.applied).toEqual({ mine: 1, backup: 1, both: 0 });
    expect((await db.meetings.get("m-1"))?.notes).toBe(sampleRows().meetings[0]?.notes);
    expect((await db.actionItems.get("ai-1"))?.text).toBe("Renamed here");
  });

  it("keeps both versions of an action item as two items when asked", async () => {
    const rows = sampleRows();
    const item = rows.actionItems[0];
    if (!item) throw new Error("sample changed");
    item.text = "Renamed here";
    const db = await database(rows);
    await importBackup(db, backup, { rows: { "actionItems:ai-1": "both" } });
    const texts = (await db.actionItems.where("meetingId").equals(item.meetingId).toArray()).map(
      (a) => a.text,
    );
    expect(texts).toEqual(expect.arrayContaining(["Renamed here", sampleRows().actionItems[0]?.text]));
  });

  it("lists rows that differ newest first", async () => {
    const rows = sampleRows();
    for (const m of rows.meetings) m.notes = `${m.notes} (edited)`;
    const db = await database(rows);
    const { differences } = await previewImport(db, backup);
    const times = differences.map((d) => d.changedAt);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(differences.map((d) => d.key)).toEqual(["meetings:m-2", "meetings:m-1", "meetings:m-3"]);
  });

  it("clamps a last-edit time from the future to the time of the import", async () => {
    const db = await database();
    const ahead = structuredClone(backup);
    const meeting = ahead.data.meetings[0];
    if (!meeting) throw new Error("sample changed");
    meeting.updatedAt = Date.UTC(2150, 0, 1);
    await importBackup(db, ahead, {}, at(26));
    expect((await db.meetings.get(meeting.id))?.updatedAt).toBe(at(26));
  });

  it("lets the database's hooks set `open` on added and updated action items", async () => {
    const rows = sampleRows();
    const [first, second] = rows.actionItems;
    if (!first || !second) throw new Error("sample changed");
    first.doneAt = at(9);
    delete second.doneAt;
    const db = await database(rows);
    expect((await openActionItems(db, "p-priya")).map((a) => a.id)).toEqual(["ai-2"]);
    await importBackup(db, backup, await everythingFromBackup(db, backup));
    expect((await openActionItems(db, "p-priya")).map((a) => a.id)).toEqual(["ai-1"]);
    expect((await db.actionItems.get("ai-1"))?.open).toBe(1);
    expect((await db.actionItems.get("ai-2"))?.open).toBeUndefined();

    const empty = await database();
    await importBackup(empty, backup);
    expect((await openActionItems(empty, "p-jordan")).map((a) => a.id)).toEqual(["ai-3"]);
  });

  it("accepts rows of a person who is only in the database, not in the file", async () => {
    const db = await database(sampleRows());
    const partial: BackupDocument = {
      ...backup,
      data: {
        ...backup.data,
        people: [],
        meetings: backup.data.meetings.map((m) => ({ ...m, notes: `${m.notes} (from the file)` })),
      },
    };
    const preview = await importBackup(db, partial);
    expect(preview.counts.meetings.updated).toBe(3);
    expect((await db.meetings.get("m-3"))?.notes).toBe(" (from the file)");
  });

  it("refuses rows shaped by a newer release than this one", async () => {
    const db = await database();
    await expect(importBackup(db, { ...backup, schemaVersion: BACKUP_ROW_VERSION + 1 })).rejects.toThrow(
      "This backup was made by a newer version of 1:1 Prep.",
    );
  });

  it("records the rows' shape, not the database's version, so releases with the same rows take it", async () => {
    const db = await database();
    expect(db.verno).toBeGreaterThan(BACKUP_ROW_VERSION);
    const made = await exportAll(db);
    expect(made.schemaVersion).toBe(BACKUP_ROW_VERSION);
    // What a release from before the search tables checks a backup against.
    const releasedBeforeSearch = 3;
    expect(made.schemaVersion).toBeLessThanOrEqual(releasedBeforeSearch);
  });

  it("checks a document handed to it directly, not only parsed files", async () => {
    const db = await database();
    const broken = structuredClone(backup);
    (broken.data.meetings[0] as { startsAt: unknown }).startsAt = "soon";
    await expect(importBackup(db, broken)).rejects.toThrow(BackupImportError);
    await expect(importBackup(db, broken)).rejects.toThrow("meetings[0].startsAt: expected a number");
    expect(await db.meetings.count()).toBe(0);
  });
});

describe("the same person or meeting under another id", () => {
  async function databaseWithPriyaRecreated() {
    // What the sidebar does on a fresh install before the backup is restored.
    const db = await database();
    await db.people.add({ id: "p-new", email: "priya@example.com", displayName: "Priya R.", cadenceDays: 7 });
    await db.meetings.add({
      id: "m-new",
      personId: "p-new",
      eventInstanceId: "evt_1",
      startsAt: at(3),
      kind: "weekly",
      status: "planned",
      notes: "",
      answers: {},
      updatedAt: at(3),
    });
    return db;
  }

  it("merges a person by email and a meeting by calendar event, rewriting references", async () => {
    const db = await databaseWithPriyaRecreated();
    const preview = await previewImport(db, backup);
    expect(preview.merged).toEqual([
      {
        table: "people",
        rule: "merged by email",
        backupId: "p-priya",
        existingId: "p-new",
        label: "Priya R.",
      },
      {
        table: "meetings",
        rule: "merged by calendar event",
        backupId: "m-1",
        existingId: "m-new",
        label: "2026-11-03",
      },
    ]);
    expect(preview.counts.people).toEqual({ added: 1, updated: 1, unchanged: 0 });
    expect(preview.counts.meetings).toEqual({ added: 2, updated: 1, unchanged: 0 });
    // The meeting the sidebar made holds nothing yet: the backup's is suggested whole.
    expect(preview.differences.find((d) => d.table === "meetings")?.suggested).toBe("backup");

    await importBackup(db, backup, await everythingFromBackup(db, backup));
    expect(await db.people.count()).toBe(2);
    expect(await db.people.get("p-priya")).toBeUndefined();
    expect(await db.people.get("p-new")).toMatchObject({
      displayName: "Priya Raman",
      email: "priya@example.com",
    });
    expect(await db.meetings.get("m-1")).toBeUndefined();
    expect(await db.meetings.get("m-new")).toMatchObject({
      personId: "p-new",
      notes: sampleRows().meetings[0]?.notes,
    });
    expect(await db.actionItems.get("ai-1")).toMatchObject({ personId: "p-new", meetingId: "m-new" });
    expect(await db.feedback.get("fb-1")).toMatchObject({ personId: "p-new", deliveredMeetingId: "m-new" });
    expect(await db.agendaItems.get("ag-1")).toMatchObject({ personId: "p-new", meetingId: "m-new" });
    expect(await db.questionsAsked.get("qa-1")).toMatchObject({ personId: "p-new", meetingId: "m-new" });
    expect(await db.meetings.get("m-2")).toMatchObject({ personId: "p-new" });
    expect(await db.growthPlans.get("gp-1")).toMatchObject({ personId: "p-new" });
  });

  it("merges the same way when the database is far larger than the backup", async () => {
    // Big enough that the import looks rows up one by one instead of reading whole tables.
    const db = await databaseWithPriyaRecreated();
    await db.people.bulkAdd(
      Array.from({ length: 40 }, (_, i) => ({
        id: `p-other-${i}`,
        email: `other${i}@example.com`,
        displayName: `Other ${i}`,
        cadenceDays: 7,
      })),
    );
    await db.meetings.bulkAdd(
      Array.from({ length: 40 }, (_, i) => ({
        id: `m-other-${i}`,
        personId: `p-other-${i}`,
        eventInstanceId: `evt_other_${i}`,
        startsAt: at(4),
        kind: "weekly" as const,
        status: "held" as const,
        notes: "",
        answers: {},
        updatedAt: at(4),
      })),
    );
    const preview = await previewImport(db, backup);
    expect(preview.merged.map((m) => [m.rule, m.backupId, m.existingId])).toEqual([
      ["merged by email", "p-priya", "p-new"],
      ["merged by calendar event", "m-1", "m-new"],
    ]);
    expect(preview.counts.people).toEqual({ added: 1, updated: 1, unchanged: 0 });
    expect(preview.counts.meetings).toEqual({ added: 2, updated: 1, unchanged: 0 });
    await importBackup(db, backup, await everythingFromBackup(db, backup));
    expect(await db.people.count()).toBe(42);
    expect(await db.actionItems.get("ai-1")).toMatchObject({ personId: "p-new", meetingId: "m-new" });
    expect(counts(await previewImport(db, backup))).toEqual({
      people: [0, 0, 2],
      meetings: [0, 0, 3],
      agendaItems: [0, 0, 2],
      actionItems: [0, 0, 3],
      feedback: [0, 0, 1],
      growthPlans: [0, 0, 1],
      questionsAsked: [0, 0, 1],
    });
  });

  it("stays idempotent after merging", async () => {
    const db = await databaseWithPriyaRecreated();
    const first = await importBackup(db, backup, await everythingFromBackup(db, backup));
    const after = await snapshot(db);
    const again = await importBackup(db, backup);
    for (const [table, c] of Object.entries(again.counts)) {
      const before = first.counts[table as keyof typeof first.counts];
      expect(c, table).toEqual({
        added: 0,
        updated: 0,
        unchanged: before.added + before.updated + before.unchanged,
      });
    }
    expect(await snapshot(db)).toEqual(after);
  });

  it("matches emails by the one email rule", async () => {
    const db = await database();
    await db.people.add({
      id: "p-new",
      email: "pri\u200Bya@example.com",
      displayName: "Priya",
      cadenceDays: 7,
    });
    const preview = await importBackup(db, backup);
    expect(preview.merged.map((m) => m.existingId)).toEqual(["p-new"]);
    expect(await db.people.count()).toBe(2);
  });

  it("lets two people trade emails without tripping the unique index", async () => {
    const db = await database();
    await db.people.bulkAdd([
      { id: "p-priya", email: "jordan@example.com", displayName: "Priya Raman", cadenceDays: 7 },
      { id: "p-jordan", email: "priya@example.com", displayName: "Jordan", cadenceDays: 14 },
    ]);
    const swapped = structuredClone(backup);
    const jordan = swapped.data.people.find((p) => p.id === "p-jordan");
    if (!jordan) throw new Error("sample changed");
    jordan.email = "jordan@example.com";
    const preview = await importBackup(db, swapped, await everythingFromBackup(db, swapped));
    expect(preview.merged).toEqual([]);
    expect((await db.people.toArray()).map((p) => [p.id, p.email])).toEqual([
      ["p-jordan", "jordan@example.com"],
      ["p-priya", "priya@example.com"],
    ]);
  });

  it("refuses to give a person an email someone else in the database has", async () => {
    const db = await database(sampleRows());
    const before = await snapshot(db);
    const clash = structuredClone(backup);
    // Priya stays as she is; the file gives Jordan her email.
    clash.data.people = [
      { id: "p-jordan", email: "priya@example.com", displayName: "Jordan", cadenceDays: 14 },
    ];
    await expect(importBackup(db, clash)).rejects.toThrow(
      /people\[0\]\.email: priya@example\.com already belongs to Priya Raman in 1:1 Prep/,
    );
    expect(await snapshot(db)).toEqual(before);
  });
});

describe("all or nothing", () => {
  it("writes nothing when a write fails after others succeeded", async () => {
    const db = await database();
    await db.people.add({ id: "p-kim", email: "kim@example.com", displayName: "Kim", cadenceDays: 7 });
    const before = await snapshot(db);
    const feedbackWrite = vi.spyOn(db.feedback, "bulkAdd").mockRejectedValue(new Error("disk full"));
    await expect(importBackup(db, backup)).rejects.toThrow("disk full");
    expect(feedbackWrite).toHaveBeenCalled();
    expect(await snapshot(db)).toEqual(before);
    expect(await db.meetings.count()).toBe(0);
  });

  it("writes nothing when the unique email index refuses a write halfway", async () => {
    const db = await database();
    await db.people.bulkAdd([
      { id: "p-priya", email: "jordan@example.com", displayName: "Priya Raman", cadenceDays: 7 },
      { id: "p-jordan", email: "priya@example.com", displayName: "Jordan", cadenceDays: 14 },
    ]);
    const before = await snapshot(db);
    const swapped = structuredClone(backup);
    const jordan = swapped.data.people.find((p) => p.id === "p-jordan");
    if (!jordan) throw new Error("sample changed");
    jordan.email = "jordan@example.com";
    // Without the delete that makes way, the swap collides in the unique index.
    const choices = await everythingFromBackup(db, swapped);
    vi.spyOn(db.people, "bulkDelete").mockResolvedValue(undefined);
    await expect(importBackup(db, swapped, choices)).rejects.toThrow(/ConstraintError|unique|constraint/i);
    expect(await snapshot(db)).toEqual(before);
  });
});
