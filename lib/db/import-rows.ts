import type { Table } from "dexie";
import { normalizeEmail } from "@/lib/detection";
import type { ProblemDetail } from "@/lib/problem";
import {
  BACKUP_CHUNK_ROWS,
  BACKUP_ROW_VERSION,
  type BackupRows,
  type BackupTable,
  backupTables,
} from "./backup-rows";
import type { PrepDatabase } from "./database";
import { clampRowDates } from "./dates";
import { combineGrowthPlans } from "./merge-people";
import { newId } from "./repositories";
import type { Meeting, OtherVersion, Person } from "./schema";

/** What to do with a row the backup and 1:1 Prep both hold, differently. */
export type ImportChoice = "mine" | "backup" | "both";

export interface ImportCounts {
  added: number;
  /** held here already, and different in the backup: see the differences */
  updated: number;
  unchanged: number;
}

/**
 * A person or meeting in the backup that is already in 1:1 Prep under another id: the same
 * email, or the same calendar event with the same person. The backup's row is matched to the
 * existing one, and the backup's other rows follow it, so nobody ends up twice.
 */
export interface ImportMerge {
  table: "people" | "meetings";
  rule: "merged by email" | "merged by calendar event";
  backupId: string;
  existingId: string;
  /** the person's name, or the meeting's title or date */
  label: string;
}

/** One text of a row, as 1:1 Prep holds it and as the backup has it. */
export interface ImportTextChange {
  label: string;
  /** the row's field ("notes", "situation"), or "answer" for a guide answer, so a page can name it */
  field: string;
  /** the guide prompt a differing answer belongs to */
  promptId?: string;
  mine: string;
  backup: string;
}

/** What a differing row is: its kind, and the day, text or quarter that tells it apart. */
export interface ImportRowAbout {
  table: BackupTable;
  /** a meeting's start, or when a question was asked */
  day?: number;
  /** a name, a title, an item's text or a situation, shortened, as the manager typed it */
  text?: string;
  quarter?: string;
}

/** A row both hold and that differs: both versions, and what the manager may choose. */
export interface ImportDifference {
  /** `${table}:${id}`, the key for a choice */
  key: string;
  table: BackupTable;
  id: string;
  /** whose row it is */
  person: string;
  /** what the row is: a meeting's day and title, an item's text */
  label: string;
  /** the same as data, for a page to say in the manager's language */
  about: ImportRowAbout;
  /** the latest time either version records, to list the newest first */
  changedAt: number;
  /** texts that differ, to show side by side */
  texts: ImportTextChange[];
  /** other fields that differ, by the names in `importFieldNames` (or their own) */
  fields: string[];
  choices: readonly ImportChoice[];
  /** what happens unless the manager says otherwise: never overwrites newer text of theirs */
  suggested: ImportChoice;
}

export interface ImportPreview {
  counts: Record<BackupTable, ImportCounts>;
  merged: ImportMerge[];
  /** newest first */
  differences: ImportDifference[];
}

/** What an import did, once written. */
export interface ImportOutcome extends ImportPreview {
  applied: Record<ImportChoice, number>;
}

/** The backup doesn't fit the database; `path` is where in the backup's data, `problem` says why. */
export class ImportRefused extends Error {
  override name = "ImportRefused";
  constructor(
    readonly path: (string | number)[],
    readonly problem: string,
    /** the same, as the pages put it in the manager's language */
    readonly reason: ProblemDetail = { code: "asSaid", values: [problem] },
  ) {
    super(problem);
  }
}

type StoredRow = { id: string } & Record<string, unknown>;
type Choices = Readonly<Record<string, ImportChoice>>;

interface ImportPlan {
  preview: ImportPreview;
  /** rows the backup adds */
  added: Record<BackupTable, StoredRow[]>;
  /** stored rows that differ, with the backup's version and the suggested choice */
  differing: Record<BackupTable, { stored: StoredRow; incoming: StoredRow; suggested: ImportChoice }[]>;
}

/** What importing `rows` would add, change and merge. Writes nothing. */
export async function previewImportRows(
  db: PrepDatabase,
  rows: BackupRows,
  schemaVersion: number,
  now = Date.now(),
): Promise<ImportPreview> {
  // An async scope, so Dexie keeps the transaction alive across its awaits.
  const plan = await db.transaction(
    "r",
    backupTables,
    async () => await planImport(db, rows, schemaVersion, now),
  );
  return plan.preview;
}

export interface ImportProgress {
  /** rows written so far */
  written: number;
  /** rows the import writes in all */
  total: number;
}

/**
 * Writes the backup's rows: all of it, or, if anything fails, none of it. Rows not in the backup
 * are kept; rows both hold and that differ follow `choices`, else the suggested choice, which
 * never overwrites the manager's newer text. Importing the same backup again changes nothing.
 * Throws ImportRefused when the backup doesn't fit the database.
 */
export async function importRows(
  db: PrepDatabase,
  rows: BackupRows,
  schemaVersion: number,
  choices: Choices = {},
  now = Date.now(),
  onProgress?: (progress: ImportProgress) => void,
): Promise<ImportOutcome> {
  return db.transaction("rw", backupTables, async () => {
    const plan = await planImport(db, rows, schemaVersion, now);
    const applied: Record<ImportChoice, number> = { mine: 0, backup: 0, both: 0 };
    const writes = {} as Record<BackupTable, { added: StoredRow[]; put: StoredRow[] }>;
    const replaced = { people: [] as string[], meetings: [] as string[] };
    for (const table of backupTables) {
      const put: StoredRow[] = [];
      const added = [...plan.added[table]];
      for (const { stored, incoming, suggested } of plan.differing[table]) {
        const key = `${table}:${stored.id}`;
        const wanted = choices[key] ?? suggested;
        const choice = choicesFor(table).includes(wanted) ? wanted : suggested;
        applied[choice]++;
        if (choice === "mine") continue;
        if (choice === "backup") {
          put.push(incoming);
          if (table === "people" && stored.email !== incoming.email) replaced.people.push(stored.id);
          if (
            table === "meetings" &&
            (stored.eventInstanceId !== incoming.eventInstanceId || stored.personId !== incoming.personId)
          )
            replaced.meetings.push(stored.id);
          continue;
        }
        if (table === "meetings") put.push(keepBothMeetings(stored as Meeting, incoming as Meeting, now));
        else if (table === "growthPlans")
          put.push(combineGrowthPlans(stored as never, incoming as never) as never);
        else added.push({ ...incoming, id: newId() });
      }
      writes[table] = { added, put };
    }
    // New rows are added rather than put: a put makes the database's action item hooks read
    // every row's stored version first, one request per row, and these have none.
    const total = backupTables.reduce((sum, t) => sum + writes[t].added.length + writes[t].put.length, 0);
    let written = 0;
    onProgress?.({ written, total });
    // A chunk at a time, so the page can say how far it has got; still all in this one transaction.
    const inChunks = async (rows: StoredRow[], bulk: (chunk: StoredRow[]) => Promise<unknown>) => {
      for (let i = 0; i < rows.length; i += BACKUP_CHUNK_ROWS) {
        const chunk = rows.slice(i, i + BACKUP_CHUNK_ROWS);
        await bulk(chunk);
        written += chunk.length;
        onProgress?.({ written, total });
      }
    };
    const write = async <T>(table: Table<T, string>, rows: { added: StoredRow[]; put: StoredRow[] }) => {
      await inChunks(rows.added, (chunk) => table.bulkAdd(chunk as T[]));
      await inChunks(rows.put, (chunk) => table.bulkPut(chunk as T[]));
    };
    // Rows whose unique email or event changes go first, so rows trading them never collide halfway.
    await db.people.bulkDelete(replaced.people);
    await write(db.people, writes.people);
    await db.meetings.bulkDelete(replaced.meetings);
    await write(db.meetings, writes.meetings);
    await write(db.agendaItems, writes.agendaItems);
    // The database's hooks set `open` from doneAt on these writes, as for any other.
    await write(db.actionItems, writes.actionItems);
    await write(db.feedback, writes.feedback);
    await write(db.growthPlans, writes.growthPlans);
    await write(db.questionsAsked, writes.questionsAsked);
    return { ...plan.preview, applied };
  });
}

/**
 * Both versions of a meeting: everything of the stored one stays; a text the stored one lacks is
 * taken from the backup, and a text both have, differently, is kept beside it as another version.
 */
function keepBothMeetings(stored: Meeting, incoming: Meeting, now: number): Meeting {
  const others: OtherVersion[] = [...(stored.otherVersions ?? [])];
  const keepBeside = (mine: string, backup: string, promptId?: string): string => {
    if (mine.trim() === "") return backup;
    if (backup.trim() !== "" && backup !== mine)
      others.push({
        text: backup,
        savedAt: now,
        from: "backup",
        ...(promptId !== undefined ? { promptId } : {}),
      });
    return mine;
  };
  const answers = { ...stored.answers };
  for (const [promptId, text] of Object.entries(incoming.answers))
    answers[promptId] = keepBeside(ownText(answers, promptId), text, promptId);
  return {
    ...stored,
    notes: keepBeside(stored.notes, incoming.notes),
    answers,
    ...(stored.happiness === undefined && incoming.happiness !== undefined
      ? { happiness: incoming.happiness }
      : {}),
    ...(others.length > 0 ? { otherVersions: others } : {}),
  };
}

/** A prompt id may be named like an Object property ("constructor"); only the row's own keys count. */
function ownText(answers: Readonly<Record<string, string>>, promptId: string): string {
  return Object.hasOwn(answers, promptId) ? (answers[promptId] ?? "") : "";
}

const textFields: Record<BackupTable, readonly [string, string][]> = {
  people: [["displayName", "Name"]],
  meetings: [["notes", "Notes"]],
  agendaItems: [["text", "Agenda item"]],
  actionItems: [["text", "Action item"]],
  feedback: [
    ["situation", "Situation"],
    ["behavior", "Behavior"],
    ["impact", "Impact"],
    ["request", "Request"],
  ],
  growthPlans: [
    ["goal", "Goal"],
    ["support", "Support"],
    ["evidence", "Evidence"],
  ],
  questionsAsked: [],
};

function choicesFor(table: BackupTable): readonly ImportChoice[] {
  return table === "people" || table === "questionsAsked" ? ["mine", "backup"] : ["mine", "backup", "both"];
}

/** Equal as a backup would write them: the order of keys aside, and a missing field as undefined. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = (o: object) => Object.keys(o).filter((k) => (o as Record<string, unknown>)[k] !== undefined);
  const ka = keys(a);
  if (ka.length !== keys(b).length) return false;
  return ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

function textChanges(table: BackupTable, stored: StoredRow, incoming: StoredRow): ImportTextChange[] {
  const changes: ImportTextChange[] = [];
  for (const [field, label] of textFields[table]) {
    const mine = String(stored[field] ?? "");
    const backup = String(incoming[field] ?? "");
    if (mine !== backup) changes.push({ label, field, mine, backup });
  }
  if (table === "meetings") {
    const mine = (stored.answers ?? {}) as Record<string, string>;
    const backup = (incoming.answers ?? {}) as Record<string, string>;
    for (const promptId of new Set([...Object.keys(mine), ...Object.keys(backup)])) {
      const [a, b] = [ownText(mine, promptId), ownText(backup, promptId)];
      if (a !== b)
        changes.push({ label: `Answer (${promptId})`, field: "answer", promptId, mine: a, backup: b });
    }
  }
  return changes;
}

/** The name a differing field goes by; a page says each of these names in its own language. */
export const importFieldNames: Readonly<Record<string, string>> = {
  email: "email",
  cadenceDays: "cadence",
  archivedAt: "archived",
  startsAt: "time",
  endsAt: "time",
  kind: "kind",
  kindSetByUser: "kind",
  status: "status",
  statusSetByUser: "status",
  happiness: "happiness",
  title: "event title",
  eventInstanceId: "calendar event",
  seriesId: "calendar event",
  eid: "calendar event",
  personId: "person",
  meetingId: "meeting",
  section: "agenda part",
  position: "order",
  discussedAt: "discussed",
  owner: "owner",
  dueAt: "due date",
  doneAt: "done",
  createdAt: "created",
  valence: "kind of feedback",
  deliveredAt: "delivered",
  deliveredMeetingId: "delivered",
  quarter: "quarter",
  checkpoints: "checkpoints",
  questionId: "question",
  askedAt: "asked",
  updatedAt: "last edit",
  otherVersions: "other versions",
};

function otherFieldChanges(table: BackupTable, stored: StoredRow, incoming: StoredRow): string[] {
  const texts = new Set(textFields[table].map(([field]) => field));
  texts.add("answers");
  texts.add("id");
  texts.add("open");
  const names = new Set<string>();
  for (const field of new Set([...Object.keys(stored), ...Object.keys(incoming)])) {
    if (texts.has(field) || sameValue(stored[field], incoming[field])) continue;
    names.add(importFieldNames[field] ?? field);
  }
  return [...names];
}

function latestTime(...rows: StoredRow[]): number {
  let latest = 0;
  for (const row of rows)
    for (const field of [
      "updatedAt",
      "createdAt",
      "doneAt",
      "deliveredAt",
      "discussedAt",
      "askedAt",
      "archivedAt",
    ]) {
      const value = row[field];
      if (typeof value === "number" && value > latest) latest = value;
    }
  return latest;
}

/**
 * Nothing the manager wrote here is overwritten: a meeting with no text of theirs takes the
 * backup's (a fresh install that opened the event first), texts both wrote are kept both ways,
 * a meeting whose texts agree follows its later edit, and any other row stays as it is here.
 */
function suggestion(
  table: BackupTable,
  stored: StoredRow,
  incoming: StoredRow,
  texts: ImportTextChange[],
): ImportChoice {
  if (table === "meetings") {
    if (texts.length > 0 && texts.every((t) => t.mine.trim() === "")) return "backup";
    if (texts.length > 0) return "both";
    return Number(incoming.updatedAt ?? 0) > Number(stored.updatedAt ?? 0) ? "backup" : "mine";
  }
  if (table === "growthPlans" && texts.length > 0)
    return texts.every((t) => t.mine.trim() === "") ? "backup" : "both";
  return "mine";
}

function shortText(text: unknown): string {
  const clean = String(text ?? "")
    .replace(/\s+/g, " ")
    .trim();
  return clean.length > 80 ? `${clean.slice(0, 79)}…` : clean;
}

function rowAbout(table: BackupTable, row: StoredRow): ImportRowAbout {
  const at = (value: unknown) => (typeof value === "number" ? { day: value } : {});
  const text = (value: unknown) => (shortText(value) ? { text: shortText(value) } : {});
  switch (table) {
    case "people":
      return { table, ...text(row.displayName) };
    case "meetings":
      return { table, ...at(row.startsAt), ...text(row.title) };
    case "agendaItems":
    case "actionItems":
      return { table, ...text(row.text) };
    case "feedback":
      return { table, ...text(row.situation) };
    case "growthPlans":
      return { table, quarter: String(row.quarter) };
    case "questionsAsked":
      return { table, ...at(row.askedAt) };
  }
}

function rowLabel({ table, day, text, quarter }: ImportRowAbout): string {
  const date = day === undefined ? "" : new Date(day).toISOString().slice(0, 10);
  switch (table) {
    case "people":
      return text || "(no name)";
    case "meetings":
      return `1:1 on ${date}${text ? ` · ${text}` : ""}`;
    case "agendaItems":
      return `Agenda item: ${text ?? ""}`;
    case "actionItems":
      return `Action item: ${text ?? ""}`;
    case "feedback":
      return `Feedback: ${text ?? ""}`;
    case "growthPlans":
      return `Growth plan ${quarter}`;
    case "questionsAsked":
      return `Question asked ${date}`;
  }
}

/** One table as the plan sees it: every stored id, and the whole table when it was read. */
interface StoredTable {
  ids: ReadonlySet<string>;
  all?: ReadonlyMap<string, StoredRow>;
}

/**
 * A table up to this many times the backup's share of it is read whole, in one request. A larger
 * one is read row by row, and only where the backup's ids are already stored: one request per row
 * costs far more than reading a row in bulk, but a small backup must not read a big database.
 */
const READ_WHOLE_TABLE_UP_TO = 4;

async function storedTable(db: PrepDatabase, table: BackupTable, incoming: number): Promise<StoredTable> {
  const ids = new Set((await db.table(table).toCollection().primaryKeys()) as string[]);
  if (ids.size === 0) return { ids, all: new Map() };
  if (ids.size > READ_WHOLE_TABLE_UP_TO * incoming) return { ids };
  const rows = (await db.table(table).toArray()) as StoredRow[];
  return { ids, all: new Map(rows.map((row) => [row.id, row])) };
}

async function storedRows(
  db: PrepDatabase,
  table: BackupTable,
  stored: StoredTable,
  ids: readonly string[],
): Promise<ReadonlyMap<string, StoredRow>> {
  if (stored.all) return stored.all;
  const present = ids.filter((id) => stored.ids.has(id));
  const rows = (await db.table(table).bulkGet(present)) as (StoredRow | undefined)[];
  return new Map(rows.flatMap((row) => (row ? [[row.id, row] as const] : [])));
}

const emailKey = (person: { email?: string }) =>
  person.email ? (normalizeEmail(person.email) ?? person.email) : undefined;
const eventKey = (m: { eventInstanceId: string; personId: string }) =>
  JSON.stringify([m.eventInstanceId, m.personId]);

async function planImport(
  db: PrepDatabase,
  input: BackupRows,
  schemaVersion: number,
  now: number,
): Promise<ImportPlan> {
  if (schemaVersion > BACKUP_ROW_VERSION) throw new ImportRefused([], "newer");
  // A "happened" time in the future can only be a wrong clock where the backup was made.
  const data = Object.fromEntries(
    backupTables.map((t) => [t, (input[t] as object[]).map((row) => clampRowDates(t, row, now))]),
  ) as unknown as BackupRows;
  const merged: ImportMerge[] = [];
  const stored = {} as Record<BackupTable, StoredTable>;
  for (const table of backupTables) stored[table] = await storedTable(db, table, data[table].length);

  // People: the same id is the same person; otherwise the same email is.
  const personIds = new Set(data.people.map((p) => p.id));
  const storedPersonIds = stored.people.ids;
  const emailHolders = new Map<string, Person>();
  const storedPeople = stored.people.all;
  if (storedPeople) {
    for (const p of storedPeople.values() as Iterable<Person>) {
      const email = emailKey(p);
      if (email) emailHolders.set(email, p);
    }
  } else {
    const emails = data.people.flatMap((p) => (p.email ? [p.email, emailKey(p) ?? p.email] : []));
    if (emails.length > 0) {
      for (const p of await db.people.where("email").anyOf(emails).toArray()) {
        const email = emailKey(p);
        if (email) emailHolders.set(email, p);
      }
    }
  }
  const personIdMap = new Map<string, string>();
  for (const p of data.people) {
    const email = emailKey(p);
    if (storedPersonIds.has(p.id) || !email) continue;
    const holder = emailHolders.get(email);
    // A holder that is itself in the backup is being restored under its own id.
    if (holder && !personIds.has(holder.id)) {
      personIdMap.set(p.id, holder.id);
      merged.push({
        table: "people",
        rule: "merged by email",
        backupId: p.id,
        existingId: holder.id,
        label: holder.displayName,
      });
    }
  }
  const personId = (id: string) => personIdMap.get(id) ?? id;
  const people = data.people.map((p) => ({ ...p, id: personId(p.id) }));
  const finalPersonIds = new Set(people.map((p) => p.id));
  people.forEach((p, i) => {
    const holder = emailHolders.get(emailKey(p) ?? "");
    if (holder && holder.id !== p.id && !finalPersonIds.has(holder.id)) {
      throw new ImportRefused(
        ["people", i, "email"],
        `${p.email} already belongs to ${holder.displayName} in 1:1 Prep, and the backup gives it to ${p.displayName}. Merge the two people in 1:1 Prep first, then import again`,
        { code: "fieldEmailTaken", values: [p.email ?? "", holder.displayName, p.displayName] },
      );
    }
  });

  // Meetings: the same id is the same meeting; otherwise the same calendar event with the same person is.
  const meetingIds = new Set(data.meetings.map((m) => m.id));
  const storedMeetingIds = stored.meetings.ids;
  const eventHolders = new Map<string, Meeting>();
  const storedMeetings = stored.meetings.all;
  if (storedMeetings) {
    for (const m of storedMeetings.values() as Iterable<Meeting>) eventHolders.set(eventKey(m), m);
  } else {
    const eventIds = data.meetings.map((m) => m.eventInstanceId);
    for (const m of await db.meetings.where("eventInstanceId").anyOf(eventIds).toArray())
      eventHolders.set(eventKey(m), m);
  }
  const meetingIdMap = new Map<string, string>();
  for (const m of data.meetings) {
    if (storedMeetingIds.has(m.id)) continue;
    const holder = eventHolders.get(eventKey({ ...m, personId: personId(m.personId) }));
    if (holder && !meetingIds.has(holder.id)) {
      meetingIdMap.set(m.id, holder.id);
      merged.push({
        table: "meetings",
        rule: "merged by calendar event",
        backupId: m.id,
        existingId: holder.id,
        label: holder.title ?? new Date(holder.startsAt).toISOString().slice(0, 10),
      });
    }
  }
  const meetingId = (id: string) => meetingIdMap.get(id) ?? id;
  const meetings = data.meetings.map((m) => ({ ...m, id: meetingId(m.id), personId: personId(m.personId) }));
  const finalMeetingIds = new Set(meetings.map((m) => m.id));
  meetings.forEach((m, i) => {
    const holder = eventHolders.get(eventKey(m));
    if (holder && holder.id !== m.id && !finalMeetingIds.has(holder.id)) {
      throw new ImportRefused(
        ["meetings", i, "eventInstanceId"],
        "another meeting in 1:1 Prep is already for this calendar event and person",
        { code: "fieldMeetingTaken", values: [] },
      );
    }
  });

  const rows: BackupRows = {
    people,
    meetings,
    agendaItems: data.agendaItems.map((a) => ({
      ...a,
      personId: personId(a.personId),
      ...(a.meetingId !== undefined ? { meetingId: meetingId(a.meetingId) } : {}),
    })),
    actionItems: data.actionItems.map((a) => ({
      ...a,
      personId: personId(a.personId),
      meetingId: meetingId(a.meetingId),
    })),
    feedback: data.feedback.map((f) => ({
      ...f,
      personId: personId(f.personId),
      ...(f.deliveredMeetingId !== undefined ? { deliveredMeetingId: meetingId(f.deliveredMeetingId) } : {}),
    })),
    growthPlans: data.growthPlans.map((g) => ({ ...g, personId: personId(g.personId) })),
    questionsAsked: data.questionsAsked.map((q) => ({
      ...q,
      personId: personId(q.personId),
      meetingId: meetingId(q.meetingId),
    })),
  };

  checkReferences(data, personIds, meetingIds, storedPersonIds, storedMeetingIds);

  const names = new Map<string, string>();
  for (const p of storedPeople?.values() ?? []) names.set(p.id, String(p.displayName));
  for (const p of people) if (!names.has(p.id)) names.set(p.id, p.displayName);

  const counts = {} as Record<BackupTable, ImportCounts>;
  const added = {} as ImportPlan["added"];
  const differing = {} as ImportPlan["differing"];
  const differences: ImportDifference[] = [];
  for (const table of backupTables) {
    const incoming = rows[table] as unknown as StoredRow[];
    const before = await storedRows(
      db,
      table,
      stored[table],
      incoming.map((r) => r.id),
    );
    const c: ImportCounts = { added: 0, updated: 0, unchanged: 0 };
    added[table] = [];
    differing[table] = [];
    for (const row of incoming) {
      const old = before.get(row.id);
      if (old === undefined) {
        c.added++;
        added[table].push(row);
        continue;
      }
      const texts = textChanges(table, old, row);
      const fields = otherFieldChanges(table, old, row);
      if (texts.length === 0 && fields.length === 0) {
        c.unchanged++;
        continue;
      }
      c.updated++;
      const suggested = suggestion(table, old, row, texts);
      differing[table].push({ stored: old, incoming: row, suggested });
      const owner = table === "people" ? row.id : String(row.personId);
      const about = rowAbout(table, old);
      if (!names.has(owner)) names.set(owner, String((await db.people.get(owner))?.displayName ?? ""));
      differences.push({
        key: `${table}:${row.id}`,
        table,
        id: row.id,
        person: names.get(owner) ?? "",
        label: rowLabel(about),
        about,
        changedAt: latestTime(old, row),
        texts,
        fields,
        choices: choicesFor(table),
        suggested,
      });
    }
    counts[table] = c;
  }
  differences.sort((a, b) => b.changedAt - a.changedAt);
  return { preview: { counts, merged, differences }, added, differing };
}

/** What a row refers to; meetings and the rest share these field names. */
type Refs = { personId: string } & Partial<Record<"meetingId" | "deliveredMeetingId", string>>;

/** Every row must belong to a person and meeting in the backup or already in 1:1 Prep. */
function checkReferences(
  data: BackupRows,
  personIds: ReadonlySet<string>,
  meetingIds: ReadonlySet<string>,
  storedPersonIds: ReadonlySet<string>,
  storedMeetingIds: ReadonlySet<string>,
) {
  const referring = backupTables.filter((t) => t !== "people");
  for (const table of referring) {
    for (const [i, row] of (data[table] as readonly Refs[]).entries()) {
      if (!personIds.has(row.personId) && !storedPersonIds.has(row.personId)) {
        throw new ImportRefused(
          [table, i, "personId"],
          "no person with this id is in the backup or in 1:1 Prep",
          { code: "fieldNoPerson", values: [] },
        );
      }
    }
  }
  for (const table of referring) {
    for (const [i, row] of (data[table] as readonly Refs[]).entries()) {
      for (const field of ["meetingId", "deliveredMeetingId"] as const) {
        const id = row[field];
        if (id !== undefined && !meetingIds.has(id) && !storedMeetingIds.has(id)) {
          throw new ImportRefused(
            [table, i, field],
            "no meeting with this id is in the backup or in 1:1 Prep",
            { code: "fieldNoMeeting", values: [] },
          );
        }
      }
    }
  }
}
