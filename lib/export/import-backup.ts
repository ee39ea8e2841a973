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
  /** rows to write: new or different from what is stored, with ids and references already merged */
  writes: BackupData;
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
    await db.people.bulkDelete(replaced.people);
    await db.people.bulkPut(writes.people);
    await db.meetings.bulkDelete(replaced.meetings);
    await db.meetings.bulkPut(writes.meetings);
    await db.agendaItems.bulkPut(writes.agendaItems);
    // The database's hooks set `open` from doneAt on these writes, as for any other.
    await db.actionItems.bulkPut(writes.actionItems);
    await db.feedback.bulkPut(writes.feedback);
    await db.growthPlans.bulkPut(writes.growthPlans);
    await db.questionsAsked.bulkPut(writes.questionsAsked);
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

async function planImport(db: PrepDatabase, input: BackupDocument): Promise<ImportPlan> {
  // Checked again here: a document built in code never went through parseBackup.
  const checked = checkBackup(input);
  if (!checked.ok) throw new BackupImportError(checked.error);
  const { data, schemaVersion } = checked.doc;
  if (schemaVersion > db.verno) throw new BackupImportError(NEWER_BACKUP);
  const merged: ImportMerge[] = [];

  // People: the same id is the same person; otherwise the same email is.
  const personIds = new Set(data.people.map((p) => p.id));
  const storedPeople = await db.people.bulkGet([...personIds]);
  const storedPersonIds = new Set(storedPeople.flatMap((p) => (p ? [p.id] : [])));
  const emails = data.people.flatMap((p) => (p.email ? [p.email] : []));
  const emailHolders = new Map<string, Person>();
  if (emails.length > 0) {
    for (const p of await db.people.where("email").anyOfIgnoreCase(emails).toArray()) {
      const email = lowerEmail(p);
      if (email) emailHolders.set(email, p);
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
  const storedMeetingIds = new Set(
    (await db.meetings.bulkGet([...meetingIds])).flatMap((m) => (m ? [m.id] : [])),
  );
  const eventHolders = new Map<string, Meeting>();
  const eventIds = data.meetings.map((m) => m.eventInstanceId);
  if (eventIds.length > 0) {
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

  await checkReferences(db, data, personIds, meetingIds);

  const counts = {} as Record<BackupTable, ImportCounts>;
  const writes = {} as Record<BackupTable, unknown[]>;
  const replaced: ImportPlan["replaced"] = { people: [], meetings: [] };
  for (const table of backupTables) {
    const incoming: { id: string }[] = rows[table];
    const stored = await db.table(table).bulkGet(incoming.map((r) => r.id));
    const c: ImportCounts = { added: 0, updated: 0, unchanged: 0 };
    const w: unknown[] = [];
    incoming.forEach((row, i) => {
      const before = stored[i] as Record<string, unknown> | undefined;
      if (before === undefined) {
        c.added++;
        w.push(row);
        return;
      }
      const { open: _derived, ...comparable } = before;
      if (sameRecord(table === "actionItems" ? comparable : before, row)) {
        c.unchanged++;
        return;
      }
      c.updated++;
      w.push(row);
      if (table === "people" && before.email !== (row as Person).email) replaced.people.push(row.id);
      if (table === "meetings" && before.eventInstanceId !== (row as Meeting).eventInstanceId) {
        replaced.meetings.push(row.id);
      }
    });
    counts[table] = c;
    writes[table] = w;
  }
  return { preview: { counts, merged }, writes: writes as unknown as BackupData, replaced };
}

interface Reference {
  path: (string | number)[];
  id: string;
}

/** Every row must belong to a person and meeting in the backup or already in 1:1 Prep. */
async function checkReferences(
  db: PrepDatabase,
  data: BackupData,
  personIds: ReadonlySet<string>,
  meetingIds: ReadonlySet<string>,
) {
  const toPeople: Reference[] = [];
  const toMeetings: Reference[] = [];
  for (const table of backupTables) {
    if (table === "people") continue;
    data[table].forEach((row, i) => {
      if (!personIds.has(row.personId)) toPeople.push({ path: [table, i, "personId"], id: row.personId });
      for (const field of ["meetingId", "deliveredMeetingId"] as const) {
        const id = (row as Partial<Record<typeof field, string>>)[field];
        if (id !== undefined && !meetingIds.has(id)) toMeetings.push({ path: [table, i, field], id });
      }
    });
  }
  const missing = async (refs: Reference[], table: "people" | "meetings") => {
    const ids = [...new Set(refs.map((r) => r.id))];
    const found = await db.table(table).bulkGet(ids);
    const absent = new Set(ids.filter((_, i) => found[i] === undefined));
    return refs.find((r) => absent.has(r.id));
  };
  const person = await missing(toPeople, "people");
  if (person) throw problemAt(person.path, "no person with this id is in the backup or in 1:1 Prep");
  const meeting = await missing(toMeetings, "meetings");
  if (meeting) throw problemAt(meeting.path, "no meeting with this id is in the backup or in 1:1 Prep");
}
