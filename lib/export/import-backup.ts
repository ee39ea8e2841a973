import {
  type BackupRows,
  type ImportChoice,
  type ImportOutcome,
  type ImportPreview,
  type ImportProgress,
  ImportRefused,
  importRows,
  type PrepDatabase,
  previewImportRows,
} from "@/lib/db";
import { Problem } from "@/lib/problem";
import { rebuildSearchIndexSoon } from "@/lib/search";
import {
  type BackupSettingKey,
  previewSettingsImport,
  type SettingsImport,
  writeBackupSettings,
} from "@/lib/settings";
import { type BackupDocument, NEWER_BACKUP } from "./backup-format";
import { checkBackup } from "./parse-backup";
import { describePath } from "./problems";

export type { ImportChoice, ImportCounts, ImportDifference, ImportMerge, ImportProgress } from "@/lib/db";

/** An import refused before anything was written. */
export class BackupImportError extends Problem {
  override name = "BackupImportError";
}

export interface BackupPreview extends ImportPreview {
  settings: SettingsImport;
}

export interface BackupOutcome extends ImportOutcome {
  settings: SettingsImport;
}

/**
 * What the manager chose for rows both hold differently, by difference key, and which differing
 * settings to take from the backup. Anything not named follows the preview's suggestion.
 */
export interface ImportChoices {
  rows?: Readonly<Record<string, ImportChoice>>;
  settings?: ReadonlySet<BackupSettingKey>;
}

function checked(doc: BackupDocument): BackupDocument {
  // Checked again here: a document built in code never went through parseBackup.
  const result = checkBackup(doc);
  if (!result.ok) {
    const { code, values, reason } = result.problem;
    throw new BackupImportError(result.error, code, values, reason);
  }
  return result.doc;
}

function refusal(error: unknown): unknown {
  if (!(error instanceof ImportRefused)) return error;
  if (error.path.length === 0) return new BackupImportError(NEWER_BACKUP, "newerBackup");
  const where = describePath(error.path);
  return new BackupImportError(
    `This backup can't be imported. The problem is at ${where}: ${error.problem}.`,
    "backupAt",
    [where],
    error.reason,
  );
}

/** What importing `doc` would add, change and merge, and the rows that differ. Writes nothing. */
export async function previewImport(
  db: PrepDatabase,
  doc: BackupDocument,
  now = Date.now(),
): Promise<BackupPreview> {
  const { data, schemaVersion, settings } = checked(doc);
  const [rows, settingsPreview] = await Promise.all([
    previewImportRows(db, data as BackupRows, schemaVersion, now).catch((e: unknown) => {
      throw refusal(e);
    }),
    previewSettingsImport(settings ?? {}),
  ]);
  return { ...rows, settings: settingsPreview };
}

/**
 * Writes the backup into 1:1 Prep: every row, or, if anything fails, none of them. Rows not in the
 * backup are kept; rows both hold differently follow `choices`, else the preview's suggestion,
 * which never overwrites newer text of the manager's. Settings not set here are taken from the
 * backup; differing ones only when chosen. Importing the same backup again changes nothing.
 * Throws BackupImportError when the backup doesn't fit the database.
 */
export async function importBackup(
  db: PrepDatabase,
  doc: BackupDocument,
  choices: ImportChoices = {},
  now = Date.now(),
  onProgress?: (progress: ImportProgress) => void,
): Promise<BackupOutcome> {
  const { data, schemaVersion, settings } = checked(doc);
  const settingsPreview = await previewSettingsImport(settings ?? {});
  const outcome = await importRows(
    db,
    data as BackupRows,
    schemaVersion,
    choices.rows,
    now,
    onProgress,
  ).catch((e: unknown) => {
    throw refusal(e);
  });
  // After the rows: a refused backup changes no setting either.
  await writeBackupSettings(settings ?? {}, choices.settings ?? new Set());
  // Search would otherwise answer from the index as it was before; not awaited, so the import
  // is done as soon as its rows are.
  void rebuildSearchIndexSoon(db);
  return { ...outcome, settings: settingsPreview };
}
