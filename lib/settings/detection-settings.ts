import { browser } from "wxt/browser";
import { normalizeEmail } from "@/lib/detection";
import { Problem } from "@/lib/problem";
import { settingsItems } from "./items";
import { ORGANISATION_POLICY_KEY, toManagedPolicy } from "./managed-policy";
import { watchLocalKeys } from "./watch-local";

/**
 * Small settings live in extension storage (not Dexie) because the content script needs them
 * at once to decide whether to show the sidebar, and it must not load the database.
 * None of this is about a person: series ids and the user's own keywords.
 *
 * The content script reads them with plain `storage.local` and the guards below, so it ships
 * without zod or a storage wrapper; the keys match the typed items in `items.ts`.
 *
 * The organisation's company domain joins them here, from the copy the background keeps of the
 * organisation's policy (`mirrorManagedPolicy`), so one read gives the detector all it decides by.
 */

/** "This is / is not a 1:1", per recurring series (or per event when it does not repeat). */
export type DetectionOverrides = Record<string, boolean>;

export interface DetectionSettingsValue {
  keywords: string[];
  exclusions: string[];
}

export const OVERRIDES_KEY = "detectionOverrides";
export const DETECTION_SETTINGS_KEY = "detectionSettings";
/** The manager's own address, typed in options or read once from Calendar. */
export const MY_EMAIL_KEY = "myEmail";
/** Calendar accounts (signed-in emails) where the sidebar stays off. */
export const SIDEBAR_OFF_KEY = "sidebarOffFor";
/**
 * "Is a 1:1" per series as the Calendar API sync decided it from the full guest list, for when
 * the page does not show the guests. Only series ids and yes/no, like the overrides.
 */
export const CALENDAR_VERDICTS_KEY = "calendarVerdicts";
const STATE_KEYS = [
  OVERRIDES_KEY,
  DETECTION_SETTINGS_KEY,
  MY_EMAIL_KEY,
  SIDEBAR_OFF_KEY,
  CALENDAR_VERDICTS_KEY,
  ORGANISATION_POLICY_KEY,
];
const MAX_ENTRIES = 5000;

/** Storage can be edited by hand or by an older build; a bad value reads as the default, never as a crash. */
export function toDetectionOverrides(value: unknown): DetectionOverrides {
  const out: DetectionOverrides = {};
  if (typeof value !== "object" || value === null || Array.isArray(value)) return out;
  for (const [seriesId, choice] of Object.entries(value).slice(0, MAX_ENTRIES)) {
    if (typeof choice === "boolean" && seriesId.length <= 1024) out[seriesId] = choice;
  }
  return out;
}

export function toDetectionSettings(value: unknown): DetectionSettingsValue {
  const record = typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
  const words = (list: unknown) =>
    Array.isArray(list)
      ? list
          .filter((w): w is string => typeof w === "string" && w.trim() !== "" && w.length <= 200)
          .slice(0, 500)
      : [];
  return { keywords: words(record.keywords), exclusions: words(record.exclusions) };
}

export function toEmail(value: unknown): string | undefined {
  return normalizeEmail(value);
}

export function toEmailList(value: unknown): string[] {
  return Array.isArray(value)
    ? value
        .map(toEmail)
        .filter((e): e is string => e !== undefined)
        .slice(0, 100)
    : [];
}

export interface DetectionState {
  overrides: DetectionOverrides;
  calendarVerdicts: DetectionOverrides;
  /** the manager's words, and the company domain when the organisation set one */
  settings: DetectionSettingsValue & { companyDomain?: string };
  myEmail?: string;
  sidebarOffFor: string[];
}

export async function readDetectionState(): Promise<DetectionState> {
  const stored = await browser.storage.local.get(STATE_KEYS);
  const { companyDomain } = toManagedPolicy(stored[ORGANISATION_POLICY_KEY]);
  const myEmail = toEmail(stored[MY_EMAIL_KEY]);
  return {
    overrides: toDetectionOverrides(stored[OVERRIDES_KEY]),
    calendarVerdicts: toDetectionOverrides(stored[CALENDAR_VERDICTS_KEY]),
    settings: {
      ...toDetectionSettings(stored[DETECTION_SETTINGS_KEY]),
      ...(companyDomain ? { companyDomain } : {}),
    },
    ...(myEmail ? { myEmail } : {}),
    sidebarOffFor: toEmailList(stored[SIDEBAR_OFF_KEY]),
  };
}

export async function setDetectionSettings(settings: DetectionSettingsValue) {
  await settingsItems.detectionSettings.setValue(toDetectionSettings(settings));
}

/** Empty clears it, so Calendar's own account email is picked up again. */
export async function setMyEmail(email: string) {
  const valid = toEmail(email);
  if (email.trim() !== "" && !valid)
    throw new Problem("That email address doesn't look right.", "emailInvalid");
  if (valid) await browser.storage.local.set({ [MY_EMAIL_KEY]: valid });
  else await browser.storage.local.remove(MY_EMAIL_KEY);
}

export async function setSidebarOffFor(emails: readonly string[]) {
  await settingsItems.sidebarOffFor.setValue(toEmailList(emails));
}

/** Calls back with the new state whenever the overrides or keywords change; returns the unsubscribe. */
export function watchDetectionState(onChange: (state: DetectionState) => void): () => void {
  return watchLocalKeys(STATE_KEYS, () => void readDetectionState().then(onChange, () => {}));
}

export async function setDetectionOverride(seriesId: string, isOneOnOne: boolean | undefined) {
  const { overrides } = await readDetectionState();
  if (isOneOnOne === undefined) delete overrides[seriesId];
  else overrides[seriesId] = isOneOnOne;
  await settingsItems.detectionOverrides.setValue(overrides);
}

/** Written by the background after each Calendar API sync; removed on disconnect. */
export async function setCalendarVerdicts(verdicts: DetectionOverrides | undefined) {
  if (verdicts) await browser.storage.local.set({ [CALENDAR_VERDICTS_KEY]: toDetectionOverrides(verdicts) });
  else await browser.storage.local.remove(CALENDAR_VERDICTS_KEY);
}
