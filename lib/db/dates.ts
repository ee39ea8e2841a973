import { EARLIEST_DATE, isStoredDate, LATEST_DATE } from "./schema";

/**
 * The dates each table keeps. "Happened" dates record something that already took place (a
 * write, a tick, a delivery), so one in the future can only come from a wrong clock elsewhere;
 * planned dates (a meeting's start, a due date) may lie ahead.
 */
const dateFields = {
  people: { happened: ["archivedAt"], planned: [] },
  meetings: { happened: ["updatedAt"], planned: ["startsAt"] },
  agendaItems: { happened: ["discussedAt"], planned: [] },
  actionItems: { happened: ["createdAt", "doneAt"], planned: ["dueAt"] },
  feedback: { happened: ["createdAt", "deliveredAt"], planned: [] },
  growthPlans: { happened: [], planned: [] },
  questionsAsked: { happened: ["askedAt"], planned: [] },
} as const satisfies Record<string, { happened: readonly string[]; planned: readonly string[] }>;
export type DatedTable = keyof typeof dateFields;

function inRange(value: unknown, now: number): number {
  if (typeof value !== "number" || Number.isNaN(value)) return now;
  return Math.min(LATEST_DATE, Math.max(EARLIEST_DATE, Math.round(value)));
}

/**
 * The row with every date within 1970–2200 and no "happened" date after `now`; the same object
 * when nothing needed changing. Used on rows an older release stored and on imported ones.
 */
export function clampRowDates<T extends object>(table: DatedTable, row: T, now: number): T {
  const fields = dateFields[table];
  let out: Record<string, unknown> | undefined;
  const fix = (field: string, happened: boolean) => {
    const value = (row as Record<string, unknown>)[field];
    if (value === undefined) return;
    let fixed = isStoredDate(value) ? value : inRange(value, now);
    if (happened && fixed > now) fixed = Math.max(EARLIEST_DATE, now);
    if (fixed !== value) {
      out ??= { ...(row as Record<string, unknown>) };
      out[field] = fixed;
    }
  };
  for (const field of fields.happened) fix(field, true);
  for (const field of fields.planned) fix(field, false);
  const record = row as Record<string, unknown>;
  if (table === "growthPlans" && Array.isArray(record.checkpoints)) {
    const checkpoints = record.checkpoints as { dueAt: unknown }[];
    if (checkpoints.some((c) => !isStoredDate(c.dueAt))) {
      out ??= { ...(row as Record<string, unknown>) };
      out.checkpoints = checkpoints.map((c) =>
        isStoredDate(c.dueAt) ? c : { ...c, dueAt: inRange(c.dueAt, now) },
      );
    }
  }
  if (table === "meetings" && Array.isArray(record.otherVersions)) {
    const versions = record.otherVersions as { savedAt: unknown }[];
    if (versions.some((v) => !isStoredDate(v.savedAt) || (v.savedAt as number) > now)) {
      out ??= { ...(row as Record<string, unknown>) };
      out.otherVersions = versions.map((v) => ({ ...v, savedAt: Math.min(inRange(v.savedAt, now), now) }));
    }
  }
  return (out as T | undefined) ?? row;
}

export const datedTables = Object.keys(dateFields) as DatedTable[];
