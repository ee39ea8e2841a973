import { browser } from "wxt/browser";

/**
 * Small settings live in extension storage (not Dexie) because the content script needs them
 * at once to decide whether to show the sidebar, and it must not load the database.
 * None of this is about a person: series ids and the user's own keywords.
 *
 * The content script reads them with plain `storage.local` and the guards below, so it ships
 * without zod or a storage wrapper; the keys match the typed items in `items.ts`.
 */

/** "This is / is not a 1:1", per recurring series (or per event when it does not repeat). */
export type DetectionOverrides = Record<string, boolean>;

export interface DetectionSettingsValue {
  keywords: string[];
  exclusions: string[];
}

export const OVERRIDES_KEY = "detectionOverrides";
export const DETECTION_SETTINGS_KEY = "detectionSettings";
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

export interface DetectionState {
  overrides: DetectionOverrides;
  settings: DetectionSettingsValue;
}

export async function readDetectionState(): Promise<DetectionState> {
  const stored = await browser.storage.local.get([OVERRIDES_KEY, DETECTION_SETTINGS_KEY]);
  return {
    overrides: toDetectionOverrides(stored[OVERRIDES_KEY]),
    settings: toDetectionSettings(stored[DETECTION_SETTINGS_KEY]),
  };
}

/** Calls back with the new state whenever the overrides or keywords change; returns the unsubscribe. */
export function watchDetectionState(onChange: (state: DetectionState) => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area !== "local" || !(OVERRIDES_KEY in changes || DETECTION_SETTINGS_KEY in changes)) return;
    readDetectionState().then(onChange, () => {});
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

export async function setDetectionOverride(seriesId: string, isOneOnOne: boolean | undefined) {
  const { overrides } = await readDetectionState();
  if (isOneOnOne === undefined) delete overrides[seriesId];
  else overrides[seriesId] = isOneOnOne;
  await browser.storage.local.set({ [OVERRIDES_KEY]: overrides });
}
