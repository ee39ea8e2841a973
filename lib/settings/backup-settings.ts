import { browser } from "wxt/browser";
import { toAutoBackup } from "./auto-backup-settings";
import { toBadgeScope } from "./badge-settings";
import { toReminderMinutes } from "./calendar-settings";
import { toDetectionOverrides, toDetectionSettings, toEmail, toEmailList } from "./detection-settings";
import { toMeetingKindRules } from "./meeting-kind-settings";
import { toCadenceDays } from "./people-settings";
import { toTemplateOverrides } from "./template-settings";

/**
 * Everything the manager set that a backup carries, by its key in local storage, each with the
 * guard that reads it. The Calendar connection is not among them: it is a sign-in to an account,
 * made again on another browser, not a choice to restore.
 */
const backedUpSettings = {
  myEmail: { label: "Your email", read: toEmail },
  detectionSettings: { label: "Words that mark a 1:1", read: toDetectionSettings },
  detectionOverrides: { label: 'Your "is / is not a 1:1" choices', read: toDetectionOverrides },
  sidebarOffFor: { label: "Accounts where the sidebar stays off", read: toEmailList },
  badgeScope: { label: "What the badge counts", read: toBadgeScope },
  defaultCadenceDays: { label: "Default cadence", read: (v: unknown) => toCadenceDays(v, 0) || undefined },
  meetingKindRules: { label: "Deep dive and career conversation", read: toMeetingKindRules },
  templates: { label: "Templates and questions", read: toTemplateOverrides },
  reminderMinutes: { label: "Reminders", read: toReminderMinutes },
  autoBackup: { label: "Automatic backups", read: toAutoBackup },
} as const satisfies Record<string, { label: string; read: (value: unknown) => unknown }>;

export type BackupSettingKey = keyof typeof backedUpSettings;
export type BackupSettings = Partial<Record<BackupSettingKey, unknown>>;
export const backupSettingKeys = Object.keys(backedUpSettings) as BackupSettingKey[];

/** Equal as stored JSON is, whatever the order of keys. */
function sameSetting(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => sameSetting((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/**
 * Whether `value` is a setting 1:1 Prep could have stored under `key`: its own guard reads it back
 * unchanged. Anything else in a backup is refused rather than quietly replaced by a default.
 */
export function isBackupSetting(key: string, value: unknown): boolean {
  const setting = backedUpSettings[key as BackupSettingKey];
  return setting !== undefined && value !== undefined && sameSetting(setting.read(value), value);
}

export function settingLabel(key: BackupSettingKey): string {
  return backedUpSettings[key].label;
}

/** The settings the manager has set, as stored; defaults never set are left out. */
export async function readBackupSettings(): Promise<BackupSettings> {
  const stored = await browser.storage.local.get(backupSettingKeys);
  const settings: BackupSettings = {};
  for (const key of backupSettingKeys) {
    const value = backedUpSettings[key].read(stored[key]);
    if (stored[key] !== undefined && value !== undefined) settings[key] = value;
  }
  return settings;
}

export interface SettingsImport {
  /** set in the backup, not here */
  added: BackupSettingKey[];
  /** set here and in the backup, differently */
  differing: { key: BackupSettingKey; label: string }[];
  unchanged: number;
}

/** How the backup's settings compare with the ones set here. Writes nothing. */
export async function previewSettingsImport(incoming: BackupSettings): Promise<SettingsImport> {
  const mine = await readBackupSettings();
  const result: SettingsImport = { added: [], differing: [], unchanged: 0 };
  for (const key of backupSettingKeys) {
    if (incoming[key] === undefined) continue;
    if (mine[key] === undefined) result.added.push(key);
    else if (sameSetting(mine[key], incoming[key])) result.unchanged++;
    else result.differing.push({ key, label: settingLabel(key) });
  }
  return result;
}

/**
 * Writes the backup's settings that are not set here, and those the manager chose to take from
 * the backup; every other setting stays as it is.
 */
export async function writeBackupSettings(
  incoming: BackupSettings,
  takeFromBackup: ReadonlySet<BackupSettingKey>,
): Promise<void> {
  const mine = await readBackupSettings();
  const writes: Record<string, unknown> = {};
  for (const key of backupSettingKeys) {
    const value = incoming[key];
    if (value === undefined || !isBackupSetting(key, value)) continue;
    if (mine[key] === undefined || takeFromBackup.has(key)) writes[key] = value;
  }
  if (Object.keys(writes).length > 0) await browser.storage.local.set(writes);
}
