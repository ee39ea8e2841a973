import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { browser } from "wxt/browser";
import {
  type ActionItem,
  BACKUP_CHUNK_ROWS,
  BACKUP_ROW_VERSION,
  type BackupReadProgress,
  type BackupRows,
  type ImportProgress,
  PrepDatabase,
  readBackupChunks,
  readBackupRows,
} from "@/lib/db";
import {
  backupTables,
  exportAll,
  exportBackupBlob,
  exportBackupParts,
  exportBackupText,
  importBackup,
  parseBackup,
  serializeBackup,
} from "@/lib/export";
import { databaseArb, EXPORTED_AT, settingsArb } from "./arbitraries";
import { at, type SampleRows, sampleRows, snapshot, writeRows } from "./sample";

let n = 0;

async function withDatabase<T>(use: (db: PrepDatabase) => Promise<T>): Promise<T> {
  const db = new PrepDatabase(`chunked-${++n}`);
  try {
    return await use(db);
  } finally {
    db.close();
    await db.delete();
  }
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const totalRows = (rows: BackupRows | SampleRows) =>
  backupTables.reduce((sum, table) => sum + rows[table].length, 0);

/** Progress from nothing up to every row, never going back. */
function expectProgressUpTo(steps: readonly { done: number; total: number }[], total: number) {
  expect(steps.at(0)).toEqual({ done: 0, total });
  expect(steps.at(-1)).toEqual({ done: total, total });
  for (const step of steps) expect(step.total).toBe(total);
  const done = steps.map((s) => s.done);
  expect(done).toEqual([...done].sort((a, b) => a - b));
}

/** Rows read, from none up to every row, never going back; no total is known while reading. */
function expectReadUpTo(steps: readonly BackupReadProgress[], total: number) {
  expect(steps.at(0)).toEqual({ read: 0 });
  expect(steps.at(-1)).toEqual({ read: total });
  const read = steps.map((s) => s.read);
  expect(read).toEqual([...read].sort((a, b) => a - b));
}

const written = (p: ImportProgress) => ({ done: p.written, total: p.total });

describe("reading a backup's rows a chunk at a time", () => {
  it("hands over the rows read at once, in id order, no chunk over the size, with progress up to every row", async () => {
    await fc.assert(
      fc.asyncProperty(databaseArb, fc.integer({ min: 1, max: 4 }), (rows, chunkRows) =>
        withDatabase(async (db) => {
          await writeRows(db, rows);
          const { rows: whole, schemaVersion } = await readBackupRows(db);
          const chunked = Object.fromEntries(backupTables.map((t) => [t, [] as unknown[]])) as Record<
            keyof BackupRows,
            unknown[]
          >;
          const progress: BackupReadProgress[] = [];
          const result = await readBackupChunks(
            db,
            (table, chunk) => {
              expect(chunk.length).toBeGreaterThan(0);
              expect(chunk.length).toBeLessThanOrEqual(chunkRows);
              chunked[table].push(...chunk);
            },
            (p) => progress.push(p),
            chunkRows,
          );
          expect(result.schemaVersion).toBe(schemaVersion);
          for (const table of backupTables)
            expect(chunked[table], table).toEqual([...whole[table]].sort(byId));
          expectReadUpTo(progress, totalRows(whole));
        }),
      ),
      { numRuns: 50 },
    );
  });

  it("refuses a chunk size that would read nothing", async () => {
    await withDatabase(async (db) => {
      await expect(readBackupChunks(db, () => {}, undefined, 0)).rejects.toThrow(RangeError);
    });
  });
});

describe("the export written in parts", () => {
  it("is, joined, the one-shot export's text, whatever the chunk size", async () => {
    await fc.assert(
      fc.asyncProperty(
        databaseArb,
        settingsArb,
        fc.integer({ min: 1, max: 5 }),
        (rows, settings, chunkRows) =>
          withDatabase(async (db) => {
            await browser.storage.local.clear();
            await browser.storage.local.set(settings);
            await writeRows(db, rows);
            const progress: BackupReadProgress[] = [];
            const parts = await exportBackupParts(db, EXPORTED_AT, undefined, {
              chunkRows,
              onProgress: (p) => progress.push(p),
            });
            const text = serializeBackup(await exportAll(db, EXPORTED_AT));
            expect(parts.join("")).toBe(text);
            expect(await exportBackupText(db, EXPORTED_AT)).toBe(text);
            const file = await exportBackupBlob(db, EXPORTED_AT, undefined, { chunkRows });
            expect(file.type).toBe("application/json");
            expect(await file.text()).toBe(text);
            expectReadUpTo(progress, totalRows(rows));
          }),
      ),
      { numRuns: 50 },
    );
  });

  it("writes an empty database as the one-shot export does", async () => {
    await withDatabase(async (db) => {
      const progress: BackupReadProgress[] = [];
      const parts = await exportBackupParts(db, EXPORTED_AT, {}, { onProgress: (p) => progress.push(p) });
      expect(parts.join("")).toBe(serializeBackup(await exportAll(db, EXPORTED_AT, {})));
      expect(progress).toEqual([{ read: 0 }]);
    });
  });
});

/**
 * Rows as years of use leave them: keys in the order each was written (not the file's), text in
 * any script, answers under prompts in other languages, open and done items, some tables empty.
 */
function writtenInAnyOrder(): SampleRows {
  const words = [
    "Zoë",
    "李雷",
    "ñandú",
    "Ελένη",
    "שלום",
    "🙂🚀",
    "e\u0301",
    "\ud800",
    '"quoted"',
    "tab\there",
  ];
  const say = (i: number) => `${words[i % words.length]} ${i}\n${words[(i * 7) % words.length]}`;
  const rows = sampleRows();
  rows.people.push({ cadenceDays: 7, displayName: "José Müller", id: "p-josé" });
  rows.meetings = Array.from({ length: 100 }, (_, i) => ({
    updatedAt: at(2),
    notes: say(i),
    answers: (i % 3 ? { "monthly.ça-va": say(i), "weekly.几点": "—" } : {}) as Record<string, string>,
    startsAt: at(1) + i * 60_000,
    status: "held" as const,
    kind: "weekly" as const,
    eventInstanceId: `evt_${i}`,
    personId: i % 2 ? "p-priya" : "p-josé",
    id: `m-${String(i).padStart(3, "0")}`,
    ...(i % 5 === 0 ? { happiness: 7 } : {}),
  }));
  rows.agendaItems = [];
  rows.actionItems = Array.from({ length: 333 }, (_, i) => ({
    text: say(i),
    owner: i % 2 ? ("me" as const) : ("them" as const),
    meetingId: `m-${String(i % 100).padStart(3, "0")}`,
    createdAt: at(3),
    personId: "p-josé",
    id: `ai-${i}`,
    ...(i % 3 === 0 ? {} : { doneAt: at(5) }),
    ...(i % 4 === 0 ? { dueAt: at(9) } : {}),
  }));
  rows.growthPlans = [];
  return rows;
}

describe("rows written in any key order, in any script", () => {
  it("stream out as the whole file written at once, and read back as they were", async () => {
    const rows = writtenInAnyOrder();
    await withDatabase(async (db) => {
      await writeRows(db, rows);
      const whole = serializeBackup(await exportAll(db, EXPORTED_AT, {}));
      for (const chunkRows of [1, 50, 99, 100, BACKUP_CHUNK_ROWS]) {
        const parts = await exportBackupParts(db, EXPORTED_AT, {}, { chunkRows });
        expect(parts.join(""), `${chunkRows} rows a chunk`).toBe(whole);
      }
      const parsed = parseBackup(whole);
      if (!parsed.ok) throw new Error(parsed.error);
      for (const table of backupTables)
        expect(parsed.doc.data[table], table).toEqual(
          (rows[table] as { id: string; open?: 1 }[]).map(({ open: _open, ...row }) => row).sort(byId),
        );
    });
  });
});

/** The sample, with enough action items for the real chunk size to split them three ways. */
function manyRows() {
  const rows = sampleRows();
  const count = BACKUP_CHUNK_ROWS * 2 + 7;
  const items: ActionItem[] = Array.from({ length: count }, (_, i) => ({
    id: `ai-${String(i).padStart(6, "0")}`,
    personId: i % 2 ? "p-priya" : "p-jordan",
    meetingId: i % 2 ? "m-1" : "m-3",
    text: `Follow up on item ${i}`,
    owner: i % 3 ? "me" : "them",
    createdAt: at(3),
    ...(i % 4 === 0 ? { doneAt: at(10) } : {}),
  }));
  rows.actionItems.push(...items);
  return rows;
}

describe("five years' worth of action items, at the real chunk size", () => {
  it("exports the one-shot file with progress up to every row, and imports it back with progress up to every row written", async () => {
    const rows = manyRows();
    const total = totalRows(rows);
    await withDatabase((source) =>
      withDatabase(async (target) => {
        await writeRows(source, rows);
        const exporting: BackupReadProgress[] = [];
        const parts = await exportBackupParts(
          source,
          EXPORTED_AT,
          {},
          { onProgress: (p) => exporting.push(p) },
        );
        const text = parts.join("");
        expect(text).toBe(serializeBackup(await exportAll(source, EXPORTED_AT, {})));
        expectReadUpTo(exporting, total);
        // One step per chunk: the action items take three.
        expect(exporting.length).toBeGreaterThanOrEqual(1 + 3);

        const parsed = parseBackup(text);
        if (!parsed.ok) throw new Error(parsed.error);
        expect(parsed.doc.schemaVersion).toBe(BACKUP_ROW_VERSION);
        const importing: ImportProgress[] = [];
        await importBackup(target, parsed.doc, {}, EXPORTED_AT, (p) => importing.push(p));
        expectProgressUpTo(importing.map(written), total);
        expect(importing.length).toBeGreaterThanOrEqual(1 + 3);
        for (const table of backupTables)
          expect(await target.table(table).count(), table).toBe(await source.table(table).count());
        expect(serializeBackup(await exportAll(target, EXPORTED_AT, {}))).toBe(text);
      }),
    );
  });

  it("writes none of it when a write fails in a later chunk, after earlier chunks were written", async () => {
    const rows = manyRows();
    await withDatabase((source) =>
      withDatabase(async (target) => {
        await writeRows(source, rows);
        const doc = await exportAll(source, EXPORTED_AT, {});
        await target.people.add({
          id: "p-kim",
          email: "kim@example.com",
          displayName: "Kim",
          cadenceDays: 7,
        });
        const before = await snapshot(target);
        const importing: ImportProgress[] = [];
        const original = target.actionItems.bulkAdd.bind(target.actionItems);
        let calls = 0;
        vi.spyOn(target.actionItems, "bulkAdd").mockImplementation(((
          ...args: Parameters<typeof original>
        ) => {
          calls++;
          // The third chunk of action items, after two were written in the same transaction.
          if (calls === 3) return Promise.reject(new Error("disk full"));
          return original(...args);
        }) as typeof original);
        await expect(importBackup(target, doc, {}, EXPORTED_AT, (p) => importing.push(p))).rejects.toThrow(
          "disk full",
        );
        expect(calls).toBe(3);
        // Two chunks were written before the failure, and none of them stayed.
        expect(importing.some((p) => p.written > BACKUP_CHUNK_ROWS)).toBe(true);
        expect(await snapshot(target)).toEqual(before);
      }),
    );
  });
});
