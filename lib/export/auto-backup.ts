import type { PrepDatabase } from "@/lib/db";
import { keepBackupCopy } from "@/lib/db";
import { type ProblemDetail, problemOf } from "@/lib/problem";
import {
  type AutoBackup,
  type AutoBackupFile,
  type AutoBackupState,
  autoBackupOverdueBy,
  type BackupSettings,
} from "@/lib/settings";
import { exportBackupText } from "./export-backup";

/** The folder under Downloads the automatic backups go into. */
export const AUTO_BACKUP_FOLDER = "1-1 Prep backups";

/** "1-1 Prep backups/1-1-prep-backup-2026-12-03-094012.json", in the manager's own time. */
export function autoBackupFileName(now: number): string {
  const d = new Date(now);
  const two = (n: number) => String(n).padStart(2, "0");
  const stamp = `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}-${two(d.getHours())}${two(d.getMinutes())}${two(d.getSeconds())}`;
  return `${AUTO_BACKUP_FOLDER}/1-1-prep-backup-${stamp}.json`;
}

/** Whether a backup is due: on, and the newest is a period old (or there is none). */
export function autoBackupIsDue(
  setting: AutoBackup | undefined,
  state: AutoBackupState,
  now: number,
): boolean {
  const overdue = autoBackupOverdueBy(setting, state, now);
  // A little early is fine: the hourly check would otherwise drift a day later each time.
  return overdue !== undefined && overdue >= -60 * 60_000;
}

/** The files past the newest `keep`, oldest first: they are removed from Downloads. */
export function autoBackupsToRemove(files: readonly AutoBackupFile[], keep: number): AutoBackupFile[] {
  return [...files]
    .sort((a, b) => b.at - a.at)
    .slice(keep)
    .reverse();
}

/**
 * Writes the backup the manager would export by hand, keeps a copy of it in the browser for a
 * quick restore, and returns its text's blob, ready to hand to downloads. Runs where there is a
 * DOM: Firefox's background page, or Chrome's offscreen document.
 */
export async function makeAutoBackup(
  db: PrepDatabase,
  request: { file: string; now: number; keep: number; settings: BackupSettings },
): Promise<{ blob: Blob; bytes: number }> {
  const text = await exportBackupText(db, request.now, request.settings);
  const { bytes } = await keepBackupCopy({ file: request.file, at: request.now, text }, request.keep);
  return { blob: new Blob([text], { type: "application/json" }), bytes };
}

/** What the background needs of the browser to save and remove backup files. */
export interface BackupDownloads {
  /** Saves the backup as `file` under Downloads; resolves with the download's id once written. */
  save(file: string, now: number, keep: number): Promise<{ downloadId: number; bytes: number }>;
  /** Removes a file saved earlier; resolves either way (the manager may have moved it). */
  remove(downloadId: number): Promise<void>;
}

/**
 * One automatic backup, and the pruning of old ones: the state after it. A failure is recorded in
 * the state, shown to the manager, and changes nothing else.
 */
export async function runAutoBackup(
  setting: AutoBackup,
  state: AutoBackupState,
  downloads: BackupDownloads,
  now: number,
): Promise<AutoBackupState> {
  const file = autoBackupFileName(now);
  try {
    const saved = await downloads.save(file, now, setting.keep);
    const files = [...state.files, { downloadId: saved.downloadId, file, at: now, bytes: saved.bytes }];
    const old = autoBackupsToRemove(files, setting.keep);
    for (const f of old) await downloads.remove(f.downloadId);
    return { files: files.filter((f) => !old.includes(f)) };
  } catch (error) {
    const reason =
      error instanceof Error && error.message ? error.message : "the browser refused to save the file";
    const detail: ProblemDetail =
      problemOf(error) ??
      (error instanceof Error && error.message
        ? { code: "asSaid", values: [error.message.replace(/([^.!?])$/, "$1.")] }
        : { code: "backupRefused", values: [] });
    return {
      ...state,
      error: `The automatic backup couldn't be saved: ${reason.replace(/\.$/, "")}.`,
      problem: { code: "autoBackupFailed", values: [], reason: detail },
    };
  }
}
