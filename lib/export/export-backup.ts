import {
  type BackupReadProgress,
  type BackupTable,
  type PrepDatabase,
  readBackupChunks,
  readBackupRows,
} from "@/lib/db";
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
 * The file's text: two-space indentation around one record per line, rows by id, keys in a fixed
 * order. The same data always gives the same text, and a record changed is a line changed, so
 * backups diff cleanly.
 */
export function serializeBackup(doc: BackupDocument): string {
  const data = Object.fromEntries(
    backupTables.map((table) => {
      const sorted = rows<{ id: string }>(doc.data[table]);
      return [table, sorted.length > 0 ? [rowsText(sorted)] : []];
    }),
  ) as Record<BackupTable, string[]>;
  return documentParts(doc, data).join("");
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
  return (await exportBackupParts(db, now, settings)).join("");
}

export type ExportProgress = BackupReadProgress;

/**
 * The backup file's text in parts, in order (`exportBackupText` is them joined): rows are written
 * out a chunk at a time as they are read, so years of notes never sit in memory as rows and as
 * text at once, and the page can show how far it has got. Give the parts to a Blob as they are.
 */
export function exportBackupParts(
  db: PrepDatabase,
  now = Date.now(),
  settings?: BackupSettings,
  options: ExportOptions = {},
): Promise<string[]> {
  return exportInParts(db, now, settings, options, (text) => text);
}

export interface ExportOptions {
  onProgress?: (progress: ExportProgress) => void;
  chunkRows?: number;
}

/**
 * The backup file as a Blob, the same bytes as `exportBackupParts` joined. Each chunk of rows is
 * made into bytes as soon as it is written, while the database reads the next one, rather than
 * all at the end.
 */
export async function exportBackupBlob(
  db: PrepDatabase,
  now = Date.now(),
  settings?: BackupSettings,
  options: ExportOptions = {},
): Promise<Blob> {
  const parts = await exportInParts(db, now, settings, options, (text) => new Blob([text]));
  return new Blob(parts, { type: "application/json" });
}

async function exportInParts<Part>(
  db: PrepDatabase,
  now: number,
  settings: BackupSettings | undefined,
  { onProgress, chunkRows }: ExportOptions,
  part: (rowsText: string) => Part,
): Promise<(string | Part)[]> {
  const tables = Object.fromEntries(backupTables.map((table) => [table, [] as Part[]])) as Record<
    BackupTable,
    Part[]
  >;
  const [{ schemaVersion }, chosen] = await Promise.all([
    readBackupChunks(
      db,
      (table, rows) => {
        // Rows come in id order, the order IndexedDB keeps its keys in, so they need no sorting.
        tables[table].push(part(rowsText(rows.map(canonicalRecord))));
      },
      onProgress,
      chunkRows,
    ),
    settings ?? readBackupSettings(),
  ]);
  return documentParts(
    {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: new Date(now).toISOString(),
      schemaVersion,
      data: {} as BackupData,
      settings: chosen,
    },
    tables,
  );
}

/**
 * The document's text in parts: `doc` without its rows, as JSON.stringify indents it, with every
 * table's rows (given as text, a chunk per part) where its data goes.
 */
function documentParts<Part>(doc: BackupDocument, tables: Record<BackupTable, Part[]>): (string | Part)[] {
  // The rest of the document is JSON.stringify's own, around a marker no setting holds.
  const placeholder = `data-${crypto.randomUUID()}`;
  const marker = JSON.stringify(placeholder);
  const outline = writeText(doc, placeholder);
  // `data` comes before `settings` in the file, so the first match is the marker's own place.
  const at = outline.indexOf(marker);
  const parts: (string | Part)[] = [outline.slice(0, at), "{\n"];
  backupTables.forEach((table, i) => {
    const chunks = tables[table];
    parts.push(`${i > 0 ? ",\n" : ""}    ${JSON.stringify(table)}: `);
    if (chunks.length === 0) parts.push("[]");
    else parts.push("[\n", ...chunks.flatMap((chunk, c) => (c > 0 ? [",\n", chunk] : [chunk])), "\n    ]");
  });
  parts.push("\n  }", outline.slice(at + marker.length));
  return parts;
}

/** How deep a table's rows sit in the file: `data`, then the table, then its array. */
const ROW_INDENT = "      ";

/**
 * Rows as they stand in the file, one to a line, with ",\n" between them. Written without
 * indentation inside a record, which JSON.stringify does in under half the time, and which makes
 * the file a fifth smaller.
 */
function rowsText(rows: readonly unknown[]): string {
  return rows.map((row) => ROW_INDENT + JSON.stringify(row)).join(",\n");
}

/** `doc` in the file's order, `data` standing in for its rows. */
function writeText(doc: BackupDocument, data: string): string {
  const ordered = {
    format: doc.format,
    version: doc.version,
    exportedAt: doc.exportedAt,
    schemaVersion: doc.schemaVersion,
    data,
    ...(doc.settings !== undefined ? { settings: canonicalRecord(doc.settings) } : {}),
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}
