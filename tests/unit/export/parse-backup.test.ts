import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { PrepDatabase } from "@/lib/db";
import {
  BACKUP_MAX_CHARS,
  type BackupDocument,
  exportAll,
  type ImportChoices,
  importBackup,
  parseBackup,
  serializeBackup,
} from "@/lib/export";
import { type ProblemDetail, problemOf } from "@/lib/problem";
import { sampleRows, snapshot, writeRows } from "./sample";

let db: PrepDatabase;
let n = 0;

beforeEach(async () => {
  db = new PrepDatabase(`parse-${++n}`);
  await writeRows(db, sampleRows());
});
afterEach(async () => {
  await db.delete();
});

// biome-ignore lint/suspicious/noExplicitAny: a test edits the file's JSON freely, as a hand-editor would
type Json = any;

/** The sample database's backup, edited the way a broken or doctored file would be. */
async function backupText(edit: (doc: Json) => void = () => {}): Promise<string> {
  const source = new PrepDatabase(`parse-source-${++n}`);
  await writeRows(source, sampleRows());
  const doc = JSON.parse(serializeBackup(await exportAll(source, Date.UTC(2026, 10, 25))));
  await source.delete();
  edit(doc);
  return JSON.stringify(doc);
}

/** Parse, then import as the options page does; the error shown to the user, if any. */
async function importText(text: string, choices: ImportChoices = {}): Promise<string | undefined> {
  const parsed = parseBackup(text);
  if (!parsed.ok) return parsed.error;
  try {
    await importBackup(db, parsed.doc, choices);
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

const NOT_A_BACKUP = "This file isn't a 1:1 Prep backup.";
const NEWER =
  "This backup was made by a newer version of 1:1 Prep. Update the extension, then import it again.";

function nested(depth: number): string {
  return `${"[".repeat(depth)}${"]".repeat(depth)}`;
}

const badFiles: [string, () => Promise<string>, string | RegExp][] = [
  [
    "not JSON",
    async () => "Notes for Priya: ask about the offsite",
    "This file isn't a 1:1 Prep backup: it isn't valid JSON.",
  ],
  ["empty", async () => "", "This file is empty."],
  ["only whitespace", async () => " \n\t ", "This file is empty."],
  [
    "cut off halfway",
    async () => {
      const text = await backupText();
      return text.slice(0, Math.floor(text.length / 2));
    },
    /^This backup is incomplete: the file ends before the backup does/,
  ],
  ["a JSON list", async () => "[1, 2, 3]", NOT_A_BACKUP],
  ["JSON null", async () => "null", NOT_A_BACKUP],
  ["JSON text", async () => '"one-on-one-prep-backup"', NOT_A_BACKUP],
  ["another app's JSON", async () => '{"name":"todo list","items":[]}', NOT_A_BACKUP],
  ["a wrong format name", () => backupText((d) => (d.format = "one-on-one-prep-backup-v2")), NOT_A_BACKUP],
  ["version 3", () => backupText((d) => (d.version = 3)), NEWER],
  ["a version given as text", () => backupText((d) => (d.version = "1")), /no version number 1:1 Prep knows/],
  ["no version", () => backupText((d) => delete d.version), /no version number 1:1 Prep knows/],
  ["a schema newer than this database", () => backupText((d) => (d.schemaVersion = 99)), NEWER],
  [
    "a missing table",
    () => backupText((d) => delete d.data.meetings),
    /The problem is at meetings: missing\.$/,
  ],
  ["no data at all", () => backupText((d) => delete d.data), /The problem is at data: missing\.$/],
  [
    "a meeting kind that doesn't exist",
    () => backupText((d) => (d.data.meetings[0].kind = "daily")),
    /meetings\[0\]\.kind: must be one of "weekly", "monthly", "career", "adhoc"/,
  ],
  [
    "an id too long",
    () => backupText((d) => (d.data.people[0].id = "x".repeat(65))),
    /people\[0\]\.id: too long \(at most 64 characters\)/,
  ],
  [
    "text where a number belongs",
    () => backupText((d) => (d.data.meetings[1].startsAt = "2026-11-10")),
    /meetings\[1\]\.startsAt: expected a number\.$/,
  ],
  [
    "a negative date",
    () => backupText((d) => (d.data.meetings[0].startsAt = -1)),
    /meetings\[0\]\.startsAt: not a date between 1970 and 2200\.$/,
  ],
  [
    "a date past what Date can show",
    () => backupText((d) => (d.data.meetings[0].startsAt = 8.64e15 + 1)),
    /meetings\[0\]\.startsAt: not a date between 1970 and 2200\.$/,
  ],
  [
    "a meeting that ends before it starts",
    () => backupText((d) => (d.data.meetings[0].endsAt = d.data.meetings[0].startsAt - 60_000)),
    /meetings\[0\]\.endsAt: ends before it starts\.$/,
  ],
  [
    "a due date after 2200",
    () => backupText((d) => (d.data.actionItems[0].dueAt = Date.UTC(2200, 0, 2))),
    /actionItems\[0\]\.dueAt: not a date between 1970 and 2200\.$/,
  ],
  [
    "a date too large for a number",
    async () => (await backupText()).replace(/"startsAt":\d+/, '"startsAt":1e400'),
    /meetings\[\d\]\.startsAt: expected a number\.$/,
  ],
  [
    "a fractional date",
    () => backupText((d) => (d.data.feedback[0].createdAt = 1.5)),
    /feedback\[0\]\.createdAt: not a date between 1970 and 2200\.$/,
  ],
  [
    "a fractional cadence",
    () => backupText((d) => (d.data.people[0].cadenceDays = 7.5)),
    /people\[0\]\.cadenceDays: expected a whole number/,
  ],
  [
    "happiness of 11",
    () => backupText((d) => (d.data.meetings[1].happiness = 11)),
    /meetings\[1\]\.happiness: too large \(at most 10\)/,
  ],
  [
    "a missing field",
    () => backupText((d) => delete d.data.feedback[0].valence),
    /feedback\[0\]\.valence: missing/,
  ],
  [
    "an answer that isn't text",
    () => backupText((d) => (d.data.meetings[1].answers["monthly.make-it-a-10"] = 10)),
    /meetings\[1\]\.answers\["monthly\.make-it-a-10"\]: expected text/,
  ],
  [
    "an invalid email",
    () => backupText((d) => (d.data.people[1].email = "jordan at example")),
    /people\[\d\]\.email: not an email address\.$/,
  ],
  [
    "an export date that isn't a date",
    () => backupText((d) => (d.exportedAt = "yesterday")),
    /exportedAt: not a date and time/,
  ],
  [
    "a growth plan quarter that isn't one",
    () => backupText((d) => (d.data.growthPlans[0].quarter = "Q4 2026")),
    /growthPlans\[0\]\.quarter: not in the expected format/,
  ],
  [
    "duplicate ids",
    () => backupText((d) => (d.data.actionItems[1].id = d.data.actionItems[0].id)),
    /actionItems\[1\]\.id: is the same id as actionItems\[0\]/,
  ],
  [
    "two people with one email",
    () => backupText((d) => (d.data.people[0].email = "PRIYA@example.com")),
    /people\[1\]\.email: is the same email as people\[0\]/,
  ],
  [
    "two meetings for one calendar event",
    () =>
      backupText((d) => {
        d.data.meetings[1].eventInstanceId = d.data.meetings[0].eventInstanceId;
        d.data.meetings[1].personId = d.data.meetings[0].personId;
      }),
    /meetings\[1\]\.eventInstanceId: is the same calendar event and person as meetings\[0\]/,
  ],
  [
    "a meeting of nobody",
    () => backupText((d) => (d.data.meetings[0].personId = "p-ghost")),
    /meetings\[0\]\.personId: no person with this id is in the backup or in 1:1 Prep/,
  ],
  [
    "an action item from a meeting that doesn't exist",
    () => backupText((d) => (d.data.actionItems[0].meetingId = "m-ghost")),
    /actionItems\[0\]\.meetingId: no meeting with this id is in the backup or in 1:1 Prep/,
  ],
  [
    "a file over the size limit",
    async () => `{"format":"one-on-one-prep-backup","pad":"${"x".repeat(BACKUP_MAX_CHARS)}"}`,
    /^This file is too large to be a 1:1 Prep backup \(over \d+ MB\)\.$/,
  ],
  [
    "a __proto__ key in answers",
    async () =>
      (await backupText()).replace(
        '"answers":{"monthly.make-it-a-10"',
        '"answers":{"__proto__":{"polluted":"yes"},"monthly.make-it-a-10"',
      ),
    /meetings\[1\]\.answers: has a key named "__proto__"/,
  ],
  [
    "a __proto__ key at the top",
    async () => (await backupText()).replace("{", '{"__proto__":{"polluted":"yes"},'),
    /has a key named "__proto__"/,
  ],
  [
    "nesting deep enough to overflow a recursive reader",
    async () => (await backupText()).replace('"notes":""', `"notes":${nested(200_000)}`),
    /meetings\[1\]\.notes: expected text/,
  ],
];

describe("a bad backup file", () => {
  it.each(badFiles)("%s: a clear error, and nothing changes", async (_name, file, error) => {
    const before = await snapshot(db);
    const text = await file();
    expect(() => parseBackup(text)).not.toThrow();
    expect(await importText(text)).toMatch(error);
    expect(await snapshot(db)).toEqual(before);
  });

  it.each(badFiles)(
    "%s: refused as a problem the pages translate, not in English words",
    async (_name, file) => {
      const text = await file();
      const parsed = parseBackup(text);
      let detail: ProblemDetail | undefined;
      if (!parsed.ok) detail = parsed.problem;
      else detail = problemOf(await importBackup(db, parsed.doc).catch((e: unknown) => e));
      expect(detail).toBeDefined();
      expect(detail?.code).not.toBe("asSaid");
      expect(detail?.reason?.code).not.toBe("asSaid");
    },
  );

  it("has at least fifteen cases", () => {
    expect(badFiles.length).toBeGreaterThanOrEqual(15);
  });
});

describe("a hostile file", () => {
  const prototypeKeys = () => Object.getOwnPropertyNames(Object.prototype).sort();

  it("leaves Object.prototype untouched, whether refused or imported", async () => {
    const keys = prototypeKeys();
    const refused = await backupText((d) => {
      d.data.people[0].constructor = { prototype: { polluted: "yes" } };
    });
    const withProto = refused
      .replace('"answers":{}', '"answers":{"__proto__":{"polluted":"yes"},"constructor":"x"}')
      .replace('"cadenceDays":7', '"__proto__":{"isAdmin":true},"cadenceDays":7');
    expect(parseBackup(withProto).ok).toBe(false);
    expect(await importText(refused)).toBeUndefined();
    const plain: Record<string, unknown> = {};
    expect(plain.polluted).toBeUndefined();
    expect(plain.isAdmin).toBeUndefined();
    expect(prototypeKeys()).toEqual(keys);
    expect(Object.getPrototypeOf(await db.people.get("p-priya"))).toBe(Object.prototype);
  });

  it("keeps a prompt id named like an Object property as plain data", async () => {
    const text = await backupText((d) => {
      d.data.meetings[0].answers = { constructor: "text 1", toString: "text 2", hasOwnProperty: "text 3" };
    });
    expect(await importText(text)).toBeUndefined();
    const stored = await db.meetings.get("m-1");
    expect(stored?.answers).toEqual({ constructor: "text 1", toString: "text 2", hasOwnProperty: "text 3" });
    expect(Object.getPrototypeOf(stored?.answers)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).constructor).toBe(Object);
  });

  it("treats markup and script in text as plain text", async () => {
    const text = await backupText((d) => {
      d.data.meetings[0].notes = '<img src=x onerror="alert(1)"> </script> {{constructor.constructor}}';
    });
    expect(await importText(text, { rows: { "meetings:m-1": "backup" } })).toBeUndefined();
    expect((await db.meetings.get("m-1"))?.notes).toBe(
      '<img src=x onerror="alert(1)"> </script> {{constructor.constructor}}',
    );
  });

  it("drops fields no version of 1:1 Prep writes instead of storing them", async () => {
    const text = await backupText((d) => {
      d.data.people[0].isAdmin = true;
      d.data.actionItems[0].open = 1;
      d.data.actionItems[1].open = 1;
    });
    const parsed = parseBackup(text);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.doc.data.people[0]).not.toHaveProperty("isAdmin");
    expect(parsed.doc.data.actionItems[0]).not.toHaveProperty("open");
  });
});

describe("a good backup file", () => {
  it("parses back to the document it was written from", async () => {
    const doc = await exportAll(db, Date.UTC(2026, 10, 25, 9, 30));
    const parsed = parseBackup(serializeBackup(doc));
    expect(parsed).toEqual({ ok: true, doc });
  });

  it("is frozen once checked, so the import that follows the preview writes what was checked", async () => {
    const parsed = parseBackup(serializeBackup(await exportAll(db, 0)));
    if (!parsed.ok) throw new Error(parsed.error);
    const meeting = parsed.doc.data.meetings[0];
    expect(Object.isFrozen(parsed.doc)).toBe(true);
    expect(Object.isFrozen(meeting)).toBe(true);
    expect(Object.isFrozen(meeting?.answers)).toBe(true);
    expect(() => {
      (meeting as { startsAt: unknown }).startsAt = "soon";
    }).toThrow(TypeError);
  });

  it("is written with a fixed key order and a record to a line, so the same data gives the same file", async () => {
    const text = serializeBackup(await exportAll(db, 0));
    expect(text.startsWith('{\n  "format": "one-on-one-prep-backup",\n  "version": 2,\n')).toBe(true);
    expect(Object.keys((JSON.parse(text) as BackupDocument).data)).toEqual([
      "people",
      "meetings",
      "agendaItems",
      "actionItems",
      "feedback",
      "growthPlans",
      "questionsAsked",
    ]);
    // One record to a line, each in the data's indentation: a changed record is a changed line.
    expect(text).toContain('\n    "meetings": [\n      {"id":"m-1","personId":"p-priya","answers":{},');
    const lines = text.split("\n");
    const total = Object.values((JSON.parse(text) as BackupDocument).data).flat().length;
    expect(lines.filter((line) => line.startsWith('      {"id":'))).toHaveLength(total);
    const shuffled = await exportAll(db, 0);
    shuffled.data.meetings.reverse();
    shuffled.data.meetings[0] = Object.fromEntries(
      Object.entries(shuffled.data.meetings[0] ?? {}).reverse(),
    ) as BackupDocument["data"]["meetings"][number];
    expect(serializeBackup(shuffled)).toBe(text);
  });
});
