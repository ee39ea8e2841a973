import type { PrepDatabase } from "@/lib/db";
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  type BackupData,
  type BackupDocument,
  backupTables,
} from "./backup-format";
import { byId, canonicalRecord } from "./canonical";

/**
 * Everything in the database as one backup document. Read in one transaction so the backup is
 * a consistent snapshot even while the sidebar is saving. Rows are sorted by id, so exporting
 * the same data twice gives the same file.
 */
export async function exportAll(db: PrepDatabase, now = Date.now()): Promise<BackupDocument> {
  const data = await db.transaction("r", db.tables, async () => {
    const [people, meetings, agendaItems, actionItems, feedback, growthPlans, questionsAsked] =
      await Promise.all([
        db.people.toArray(),
        db.meetings.toArray(),
        db.agendaItems.toArray(),
        db.actionItems.toArray(),
        db.feedback.toArray(),
        db.growthPlans.toArray(),
        db.questionsAsked.toArray(),
      ]);
    const backup: BackupData = {
      people: rows(people),
      meetings: rows(meetings),
      agendaItems: rows(agendaItems),
      // `open` is derived from doneAt; import recomputes it.
      actionItems: rows(actionItems.map(({ open: _open, ...item }) => item)),
      feedback: rows(feedback),
      growthPlans: rows(growthPlans),
      questionsAsked: rows(questionsAsked),
    };
    return backup;
  });
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: new Date(now).toISOString(),
    schemaVersion: db.verno,
    data,
  };
}

function rows<T extends { id: string }>(list: T[]): T[] {
  return list.map(canonicalRecord).sort(byId);
}

/**
 * The file's text: rows by id, keys in a fixed order, two-space indentation. The same data
 * always gives the same text, so backups diff cleanly.
 */
export function serializeBackup(doc: BackupDocument): string {
  const data = Object.fromEntries(
    backupTables.map((table) => [table, rows<{ id: string }>(doc.data[table])]),
  );
  return writeText({ ...doc, data: data as BackupData });
}

/**
 * Everything in the database as the backup file's text: the same text as
 * `serializeBackup(await exportAll(db))`, without putting rows that are already in order through
 * the same sorting again, which for years of notes is a large share of the work.
 */
export async function exportBackupText(db: PrepDatabase, now = Date.now()): Promise<string> {
  return writeText(await exportAll(db, now));
}

/** `doc` with its rows already canonical and sorted, written in the file's order. */
function writeText(doc: BackupDocument): string {
  const ordered = {
    format: doc.format,
    version: doc.version,
    exportedAt: doc.exportedAt,
    schemaVersion: doc.schemaVersion,
    data: Object.fromEntries(backupTables.map((table) => [table, doc.data[table]])),
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}
