import { type PrepDatabase, readBackupRows } from "@/lib/db";
import { type BackupSettings, readBackupSettings } from "@/lib/settings";
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  type BackupData,
  type BackupDocument,
  backupTables,
} from "./backup-format";
import { byId, canonicalRecord } from "./canonical";

/**
 * Everything the manager has as one backup document: the database, read as one consistent
 * snapshot, and the settings they set. Rows are sorted by id, so exporting the same data twice
 * gives the same file.
 */
export async function exportAll(
  db: PrepDatabase,
  now = Date.now(),
  settings?: BackupSettings,
): Promise<BackupDocument> {
  const [{ rows: read, schemaVersion }, chosen] = await Promise.all([
    readBackupRows(db),
    settings ?? readBackupSettings(),
  ]);
  const data = Object.fromEntries(
    backupTables.map((table) => [table, rows<{ id: string }>(read[table])]),
  ) as unknown as BackupData;
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: new Date(now).toISOString(),
    schemaVersion,
    data,
    settings: canonicalRecord(chosen),
  };
}

function rows<T extends { id: string }>(list: readonly T[]): T[] {
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
 * Everything as the backup file's text: the same text as `serializeBackup(await exportAll(db))`,
 * without putting rows that are already in order through the same sorting again, which for years
 * of notes is a large share of the work.
 */
export async function exportBackupText(
  db: PrepDatabase,
  now = Date.now(),
  settings?: BackupSettings,
): Promise<string> {
  return writeText(await exportAll(db, now, settings));
}

/** `doc` with its rows already canonical and sorted, written in the file's order. */
function writeText(doc: BackupDocument): string {
  const ordered = {
    format: doc.format,
    version: doc.version,
    exportedAt: doc.exportedAt,
    schemaVersion: doc.schemaVersion,
    data: Object.fromEntries(backupTables.map((table) => [table, doc.data[table]])),
    ...(doc.settings !== undefined ? { settings: canonicalRecord(doc.settings) } : {}),
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}
