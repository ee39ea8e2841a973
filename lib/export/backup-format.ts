import { z } from "zod";
import {
  actionItemSchema,
  agendaItemSchema,
  type BackupTable,
  backupTables,
  feedbackSchema,
  growthPlanSchema,
  meetingSchema,
  personSchema,
  questionAskedSchema,
} from "@/lib/db";
import type { ProblemCode } from "@/lib/problem";
import { type BackupSettings, backupSettingKeys, isBackupSetting } from "@/lib/settings";

export const BACKUP_FORMAT = "one-on-one-prep-backup";
/**
 * 1: the database's rows. 2: also the settings the manager set. Every version ever written still
 * imports.
 */
export const BACKUP_VERSION = 2;
/**
 * Checked on the text before parsing, so a huge file can't exhaust the page's memory. Years of
 * weekly notes for a large team stay far below it.
 */
// Five years with 50 people come to about 50 MB; leave room for larger teams.
export const BACKUP_MAX_CHARS = 200 * 1024 * 1024;

export const NOT_A_BACKUP = "This file isn't a 1:1 Prep backup.";
export const NEWER_BACKUP =
  "This backup was made by a newer version of 1:1 Prep. Update the extension, then import it again.";
const UNKNOWN_VERSION = "This backup has no version number 1:1 Prep knows, so it can't be imported.";
/** The header's refusals, by their English, as the problems the pages translate. */
export const HEADER_PROBLEMS: Readonly<Record<string, ProblemCode>> = {
  [NOT_A_BACKUP]: "notABackup",
  [NEWER_BACKUP]: "newerBackup",
  [UNKNOWN_VERSION]: "unknownBackupVersion",
};

export { type BackupTable, backupTables };

export const backupHeaderSchema = z.object({
  format: z.literal(BACKUP_FORMAT, { error: NOT_A_BACKUP }),
  version: z.union([z.literal(1), z.literal(BACKUP_VERSION)], {
    error: (issue) =>
      typeof issue.input === "number" && issue.input > BACKUP_VERSION ? NEWER_BACKUP : UNKNOWN_VERSION,
  }),
});

/** Each setting must be one 1:1 Prep could have stored; an unknown key is refused, not dropped. */
const backupSettingsSchema = z
  .record(z.string(), z.unknown())
  .superRefine((settings, ctx) => {
    for (const [key, value] of Object.entries(settings)) {
      if (!(backupSettingKeys as string[]).includes(key))
        ctx.addIssue({
          code: "custom",
          path: [key],
          message: "is not a setting 1:1 Prep has",
          params: { problem: "fieldNotSetting" },
        });
      else if (!isBackupSetting(key, value))
        ctx.addIssue({
          code: "custom",
          path: [key],
          message: "is not a value 1:1 Prep could have set",
          params: { problem: "fieldNotSettingValue" },
        });
    }
  })
  .transform((settings) => settings as BackupSettings);

const backupDataSchema = z.object({
  people: z.array(personSchema),
  meetings: z.array(meetingSchema),
  agendaItems: z.array(agendaItemSchema),
  // `open` is derived from doneAt by the database; a backup never carries it.
  actionItems: z.array(actionItemSchema.omit({ open: true })),
  feedback: z.array(feedbackSchema),
  growthPlans: z.array(growthPlanSchema),
  questionsAsked: z.array(questionAskedSchema),
});

type Path = (string | number)[];

/** True when some object inside `value` has its own key named `__proto__`; iterative, no paths kept. */
function hasPrototypeKey(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node !== "object" || node === null) continue;
    if (Object.hasOwn(node, "__proto__")) return true;
    for (const child of Object.values(node))
      if (typeof child === "object" && child !== null) stack.push(child);
  }
  return false;
}

/**
 * Parsing drops a `__proto__` key without a word (zod strips it; assigning it would replace a
 * prototype), so a file with one would not import as written. 1:1 Prep never writes one, so it
 * is refused as a doctored file. Iterative, because a hostile file can nest far deeper than the stack.
 * The path is worked out only for a file that has one; a clean file is walked once, cheaply.
 */
function firstPrototypeKey(value: unknown): Path | undefined {
  if (!hasPrototypeKey(value)) return undefined;
  interface Node {
    value: unknown;
    key?: string | number;
    parent?: Node;
  }
  const pathOf = (node: Node): Path => {
    const path: Path = [];
    for (let n: Node | undefined = node; n?.key !== undefined; n = n.parent) path.unshift(n.key);
    return path;
  };
  const stack: Node[] = [{ value }];
  for (let node = stack.pop(); node; node = stack.pop()) {
    const { value } = node;
    if (typeof value !== "object" || value === null) continue;
    if (Object.hasOwn(value, "__proto__")) return pathOf(node);
    const entries: [string | number, unknown][] = Array.isArray(value)
      ? [...value.entries()]
      : Object.entries(value);
    // Pushed last to first, so the first key in the file is the one reported.
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i] as [string | number, unknown];
      if (typeof child === "object" && child !== null) stack.push({ value: child, key, parent: node });
    }
  }
  return undefined;
}

function uniqueBy<T>(
  rows: readonly T[],
  key: (row: T) => string | undefined,
  onRepeat: (index: number, firstIndex: number) => void,
) {
  const seen = new Map<string, number>();
  rows.forEach((row, index) => {
    const k = key(row);
    if (k === undefined) return;
    const first = seen.get(k);
    if (first === undefined) seen.set(k, index);
    else onRepeat(index, first);
  });
}

export const backupSchema = z.preprocess(
  (value, ctx) => {
    const path = firstPrototypeKey(value);
    if (path) {
      ctx.addIssue({
        code: "custom",
        path,
        message: `has a key named "__proto__", which 1:1 Prep never writes`,
        params: { problem: "fieldProtoKey" },
      });
    }
    return value;
  },
  backupHeaderSchema
    .extend({
      exportedAt: z.iso.datetime(),
      schemaVersion: z.number().int().min(1),
      data: backupDataSchema,
      settings: backupSettingsSchema.optional(),
    })
    .superRefine(({ data }, ctx) => {
      for (const table of backupTables) {
        uniqueBy(
          data[table] as readonly { id: string }[],
          (row) => row.id,
          (i, first) =>
            ctx.addIssue({
              code: "custom",
              path: ["data", table, i, "id"],
              message: `is the same id as ${table}[${first}]; ids must be unique`,
              params: { problem: "fieldSameId", values: [`${table}[${first}]`] },
            }),
        );
      }
      // The database keeps these unique; two rows sharing one could never both be stored.
      uniqueBy(
        data.people,
        (p) => p.email,
        (i, first) =>
          ctx.addIssue({
            code: "custom",
            path: ["data", "people", i, "email"],
            message: `is the same email as people[${first}]; each person has their own`,
            params: { problem: "fieldSameEmail", values: [`people[${first}]`] },
          }),
      );
      uniqueBy(
        data.meetings,
        (m) => JSON.stringify([m.eventInstanceId, m.personId]),
        (i, first) =>
          ctx.addIssue({
            code: "custom",
            path: ["data", "meetings", i, "eventInstanceId"],
            message: `is the same calendar event and person as meetings[${first}]; each has one meeting`,
            params: { problem: "fieldSameMeeting", values: [`meetings[${first}]`] },
          }),
      );
    }),
);

export type BackupDocument = z.output<typeof backupSchema>;
export type BackupData = BackupDocument["data"];
