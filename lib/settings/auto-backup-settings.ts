import { browser } from "wxt/browser";
import { Problem, type ProblemDetail, problemDetailSchema } from "@/lib/problem";
import { watchLocalKeys } from "./watch-local";

/** Automatic backups, when the manager turned them on: how often, and how many files to keep. */
export interface AutoBackup {
  every: "day" | "week";
  keep: number;
}

/** One backup file written into the Downloads folder. */
export interface AutoBackupFile {
  /** the browser's id for the download, to remove the file once it is no longer kept */
  downloadId: number;
  /** where in Downloads, e.g. "1-1 Prep backups/1-1-prep-backup-2026-12-03-0900.json" */
  file: string;
  at: number;
  bytes: number;
}

/** What the background last did; not a setting, so not in backups. */
export interface AutoBackupState {
  files: AutoBackupFile[];
  /** what went wrong, in English for logs, until the next backup works */
  error?: string;
  /** the same, as the pages put it in the manager's language */
  problem?: ProblemDetail;
}

export const AUTO_BACKUP_KEY = "autoBackup";
export const AUTO_BACKUP_STATE_KEY = "autoBackupState";
export const AUTO_BACKUP_KEEP_DEFAULT = 10;
export const AUTO_BACKUP_KEEP_MAX = 100;
export const AUTO_BACKUP_PERIOD_MS = { day: 86_400_000, week: 7 * 86_400_000 } as const;

export function toAutoBackup(value: unknown): AutoBackup | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const { every, keep } = value as Record<string, unknown>;
  if (every !== "day" && every !== "week") return undefined;
  if (typeof keep !== "number" || !Number.isInteger(keep) || keep < 1 || keep > AUTO_BACKUP_KEEP_MAX)
    return undefined;
  return { every, keep };
}

const isEpoch = (v: unknown): v is number => typeof v === "number" && Number.isSafeInteger(v) && v >= 0;

export function toAutoBackupState(value: unknown): AutoBackupState {
  const record = typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
  const files = Array.isArray(record.files)
    ? record.files.flatMap((f): AutoBackupFile[] => {
        const r = typeof f === "object" && f !== null ? (f as Record<string, unknown>) : {};
        return isEpoch(r.downloadId) && typeof r.file === "string" && isEpoch(r.at) && isEpoch(r.bytes)
          ? [{ downloadId: r.downloadId, file: r.file.slice(0, 500), at: r.at, bytes: r.bytes }]
          : [];
      })
    : [];
  const problem = problemDetailSchema.safeParse(record.problem);
  return {
    files: files.slice(-AUTO_BACKUP_KEEP_MAX * 2),
    ...(typeof record.error === "string" ? { error: record.error.slice(0, 300) } : {}),
    ...(problem.success ? { problem: problem.data } : {}),
  };
}

export async function readAutoBackup(): Promise<AutoBackup | undefined> {
  return toAutoBackup((await browser.storage.local.get(AUTO_BACKUP_KEY))[AUTO_BACKUP_KEY]);
}

/** undefined turns automatic backups off; the files already written stay where they are. */
/**
 * Turns automatic backups on. Must run inside the click that asks for it: browsers grant the
 * optional permission to save files only then.
 */
export function turnOnAutoBackup(next: AutoBackup): Promise<void> {
  return browser.permissions.request({ permissions: ["downloads"] }).then((granted) => {
    if (!granted)
      throw new Problem(
        "Automatic backups need permission to save files. Nothing changed.",
        "autoBackupPermission",
      );
    return setAutoBackup(next);
  });
}

export async function setAutoBackup(value: AutoBackup | undefined) {
  if (value === undefined) await browser.storage.local.remove(AUTO_BACKUP_KEY);
  else {
    const checked = toAutoBackup(value);
    if (!checked)
      throw new Problem(
        `Keep between 1 and ${AUTO_BACKUP_KEEP_MAX} backups, made daily or weekly.`,
        "autoBackupKeep",
        [AUTO_BACKUP_KEEP_MAX],
      );
    await browser.storage.local.set({ [AUTO_BACKUP_KEY]: checked });
  }
}

export async function readAutoBackupState(): Promise<AutoBackupState> {
  return toAutoBackupState((await browser.storage.local.get(AUTO_BACKUP_STATE_KEY))[AUTO_BACKUP_STATE_KEY]);
}

export async function setAutoBackupState(state: AutoBackupState) {
  await browser.storage.local.set({ [AUTO_BACKUP_STATE_KEY]: state });
}

/** The newest file written, if any. */
export function lastAutoBackup(state: AutoBackupState): AutoBackupFile | undefined {
  return state.files.reduce<AutoBackupFile | undefined>((a, f) => (a && a.at >= f.at ? a : f), undefined);
}

/**
 * How far past its period the newest backup is (negative while it is not yet due; Infinity when
 * there is none); undefined while backups are off.
 */
export function autoBackupOverdueBy(
  setting: AutoBackup | undefined,
  state: AutoBackupState,
  now: number,
): number | undefined {
  if (!setting) return undefined;
  const last = lastAutoBackup(state);
  return last ? now - last.at - AUTO_BACKUP_PERIOD_MS[setting.every] : Number.POSITIVE_INFINITY;
}

/**
 * True when backups are on and the newest is older than their period (with a day's grace for a
 * computer that was off): the popup warns then.
 */
export function autoBackupIsStale(
  setting: AutoBackup | undefined,
  state: AutoBackupState,
  now: number,
): boolean {
  const overdue = autoBackupOverdueBy(setting, state, now);
  return overdue !== undefined && overdue > AUTO_BACKUP_PERIOD_MS.day;
}

export function watchAutoBackup(onChange: () => void): () => void {
  return watchLocalKeys([AUTO_BACKUP_KEY, AUTO_BACKUP_STATE_KEY], onChange);
}
