import type { Table } from "dexie";
import type { Meeting, Person, PrepDatabase } from "@/lib/db";
import {
  type BackupData,
  type BackupDocument,
  type BackupTable,
  backupTables,
  NEWER_BACKUP,
} from "./backup-format";
import { sameRecord } from "./canonical";
import { checkBackup } from "./parse-backup";
import { describePath } from "./problems";

/** An import refused before anything was written; the message is written for the manager. */
export class BackupImportError extends Error {
  override name = "BackupImportError";
}

export interface ImportCounts {
  added: number;
  updated: number;
  unchanged: number;
}

/**
 * A person or meeting in the backup that is already in 1:1 Prep under another id: the same
 * email, or the same calendar event. The backup's row is written onto the existing one, and the
 * backup's other rows follow it, so nobody ends up twice.
 */
export interface ImportMerge {
  table: "people" | "meetings";
  rule: "merged by email" | "merged by calendar event";
  backupId: string;
  existingId: string;
  /** the person's name, or the meeting's title or date */
  label: string;
}

export interface ImportPreview {
  counts: Record<BackupTable, ImportCounts>;
  merged: ImportMerge[];
}

interface ImportPlan {
  preview: ImportPreview;
  /**
   * Rows to write, with ids and references already merged: `added` are not stored yet, `updated`
   * replace a stored row that differs.
   */
  writes: Record<BackupTable, { added: unknown[]; updated: unknown[] }>;
  /**
   * Stored rows whose unique email or event id changes. They are deleted before the writes so
   * that rows trading those values never collide halfway through.
   */
  replaced: { people: string[]; meetings: string[] };
}

/** What importing `doc` would add, change and merge. Writes nothing. */
export async function previewImport(db: PrepDatabase, doc: BackupDocument): Promise<ImportPreview> {
  // An async scope, so Dexie keeps the transaction alive across its awaits.
  const plan = await db.transaction("r", db.tables, async () => await planImport(db, doc));
  return plan.preview;
}

/**
 * Writes the backup into the database: all of it, or, if anything fails, none of it. Rows not
 * in the backup are kept. Importing the same backup again changes nothing.
 * Throws BackupImportError when the backup doesn't fit the database.
 */
export async function importBackup(db: PrepDatabase, doc: BackupDocument): Promise<ImportPreview> {
  return db.transaction("rw", db.tables, async () => {
    const { preview, writes, replaced } = await planImport(db, doc);
    // New rows are added rather than put: a put makes the database's action item hooks read
    // every row's stored version first, one request per row, and these have none.
    const write = async <T>(table: Table<T, string>, rows: { added: unknown[]; updated: unknown[] }) => {
      if (rows.added.length > 0) await table.bulkAdd(rows.added as T[]);
      if (rows.updated.length > 0) await table.bulkPut(rows.updated as T[]);
    };
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
    return preview;
  });
}

function problemAt(path: (string | number)[], problem: string): BackupImportError {
  return new BackupImportError(
    `This backup can't be imported. The problem is at ${describePath(path)}: ${problem}.`,
  );
}

function lowerEmail(person: { email?: string }): string | undefined {
  return person.email?.toLowerCase();
}

type StoredRow = { id: string } & Record<string, unknown>;

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

/**
 * Reads the stored ids with one key-only request, and the whole table when it is small next to
 * the backup. Nothing is read for the backup's new rows, which on a fresh install are all of them.
 */
async function storedTable(db: PrepDatabase, table: BackupTable, incoming: number): Promise<StoredTable> {
  const ids = new Set((await db.table(table).toCollection().primaryKeys()) as string[]);
  if (ids.size === 0) return { ids, all: new Map() };
  if (ids.size > READ_WHOLE_TABLE_UP_TO * incoming) return { ids };
  const rows = (await db.table(table).toArray()) as StoredRow[];
  return { ids, all: new Map(rows.map((row) => [row.id, row])) };
}

/** The stored rows with these ids (the backup's, after merging). */
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

async function planImport(db: PrepDatabase, input: BackupDocument): Promise<ImportPlan> {
  // Checked again here: a document built in code never went through parseBackup.
  const checked = checkBackup(input);
  if (!checked.ok) throw new BackupImportError(checked.error);
  const { data, schemaVersion } = checked.doc;
  if (schemaVersion > db.verno) throw new BackupImportError(NEWER_BACKUP);
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
      const email = lowerEmail(p);
      if (email) emailHolders.set(email, p);
    }
  } else {
    const emails = data.people.flatMap((p) => (p.email ? [p.email] : []));
    if (emails.length > 0) {
      for (const p of await db.people.where("email").anyOfIgnoreCase(emails).toArray()) {
        const email = lowerEmail(p);
        if (email) emailHolders.set(email, p);
      }
    }
  }
  const personIdMap = new Map<string, string>();
  for (const p of data.people) {
    const email = lowerEmail(p);
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
    const holder = emailHolders.get(lowerEmail(p) ?? "");
    if (holder && holder.id !== p.id && !finalPersonIds.has(holder.id)) {
      throw problemAt(
        ["people", i, "email"],
        `${p.email} already belongs to ${holder.displayName} in 1:1 Prep, and the backup gives it to ${p.displayName}. Merge the two people in 1:1 Prep first, then import again`,
      );
    }
  });

  // Meetings: the same id is the same meeting; otherwise the same calendar event is.
  const meetingIds = new Set(data.meetings.map((m) => m.id));
  const storedMeetingIds = stored.meetings.ids;
  const eventHolders = new Map<string, Meeting>();
  const storedMeetings = stored.meetings.all;
  if (storedMeetings) {
    for (const m of storedMeetings.values() as Iterable<Meeting>) eventHolders.set(m.eventInstanceId, m);
  } else {
    const eventIds = data.meetings.map((m) => m.eventInstanceId);
    for (const m of await db.meetings.where("eventInstanceId").anyOf(eventIds).toArray()) {
      eventHolders.set(m.eventInstanceId, m);
    }
  }
  const meetingIdMap = new Map<string, string>();
  for (const m of data.meetings) {
    if (storedMeetingIds.has(m.id)) continue;
    const holder = eventHolders.get(m.eventInstanceId);
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
    const holder = eventHolders.get(m.eventInstanceId);
    if (holder && holder.id !== m.id && !finalMeetingIds.has(holder.id)) {
      throw problemAt(
        ["meetings", i, "eventInstanceId"],
        "another meeting in 1:1 Prep is already for this calendar event",
      );
    }
  });

  const rows: BackupData = {
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

  const counts = {} as Record<BackupTable, ImportCounts>;
  const writes = {} as ImportPlan["writes"];
  const replaced: ImportPlan["replaced"] = { people: [], meetings: [] };
  for (const table of backupTables) {
    const incoming: { id: string }[] = rows[table];
    const before = await storedRows(
      db,
      table,
      stored[table],
      incoming.map((r) => r.id),
    );
    const c: ImportCounts = { added: 0, updated: 0, unchanged: 0 };
    const w = { added: [] as unknown[], updated: [] as unknown[] };
    for (const row of incoming) {
      const old = before.get(row.id);
      if (old === undefined) {
        c.added++;
        w.added.push(row);
        continue;
      }
      const { open: _derived, ...comparable } = old;
      if (sameRecord(table === "actionItems" ? comparable : old, row)) {
        c.unchanged++;
        continue;
      }
      c.updated++;
      w.updated.push(row);
      if (table === "people" && old.email !== (row as Person).email) replaced.people.push(row.id);
      if (table === "meetings" && old.eventInstanceId !== (row as Meeting).eventInstanceId) {
        replaced.meetings.push(row.id);
      }
    }
    counts[table] = c;
    writes[table] = w;
  }
  return { preview: { counts, merged }, writes, replaced };
}

/** What a row refers to; meetings and the rest share these field names. */
type Refs = { personId: string } & Partial<Record<"meetingId" | "deliveredMeetingId", string>>;

/** Every row must belong to a person and meeting in the backup or already in 1:1 Prep. */
function checkReferences(
  data: BackupData,
  personIds: ReadonlySet<string>,
  meetingIds: ReadonlySet<string>,
  storedPersonIds: ReadonlySet<string>,
  storedMeetingIds: ReadonlySet<string>,
) {
  const referring = backupTables.filter((t) => t !== "people");
  for (const table of referring) {
    for (const [i, row] of (data[table] as readonly Refs[]).entries()) {
      if (!personIds.has(row.personId) && !storedPersonIds.has(row.personId)) {
        throw problemAt([table, i, "personId"], "no person with this id is in the backup or in 1:1 Prep");
      }
    }
  }
  for (const table of referring) {
    for (const [i, row] of (data[table] as readonly Refs[]).entries()) {
      for (const field of ["meetingId", "deliveredMeetingId"] as const) {
        const id = row[field];
        if (id !== undefined && !meetingIds.has(id) && !storedMeetingIds.has(id)) {
          throw problemAt([table, i, field], "no meeting with this id is in the backup or in 1:1 Prep");
        }
      }
    }
  }
}
