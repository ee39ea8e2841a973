import { Problem } from "@/lib/problem";
import { settingsItems } from "./items";

/** The cadence new people start with, in days. */
export const DEFAULT_CADENCE_KEY = "defaultCadenceDays";

export function toCadenceDays(value: unknown, fallback = 7): number {
  return typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= 365
    ? value
    : fallback;
}

export async function readDefaultCadence(): Promise<number> {
  return toCadenceDays(await settingsItems.defaultCadenceDays.getValue());
}

export async function setDefaultCadence(days: number) {
  if (toCadenceDays(days, 0) === 0)
    throw new Problem("A cadence is a whole number of days between 1 and 365.", "cadenceRange");
  await settingsItems.defaultCadenceDays.setValue(days);
}
