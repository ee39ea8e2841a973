import type { Table } from "dexie";
import { backupTables } from "./backup-rows";
import type { PrepDatabase } from "./database";
import type { Person } from "./schema";

/** The tables a merge writes to: everything a person owns, and the calendar's copy of their events. */
const mergedTables = [...backupTables, "calendarEvents"] as const;
type MergedTable = (typeof mergedTables)[number];

type StoredRow = Record<string, unknown>;

/** One row as the merge found it and as it left it; absent when there was no such row. */
export interface MergedRow {
  table: MergedTable;
  key: string;
  before?: StoredRow;
  after?: StoredRow;
}

/** What it takes to make two people of one again, exactly as they were before the merge. */
export interface MergeUndo {
  kept: Person;
  merged: Person;
  rows: readonly MergedRow[];
  /** every row the merge looked at, changed or not, as `table:key`: anything else is newer */
  seen: ReadonlySet<string>;
}

/** Undo would overwrite something written since the merge; the message says what. */
export class MergeUndoRefused extends Error {}

type RowsByTable = Record<MergedTable, StoredRow[]>;

function tableOf(db: PrepDatabase, name: MergedTable): Table<StoredRow, string> {
  return db.table(name);
}

function keyOf(db: PrepDatabase, table: MergedTable, row: StoredRow): string {
  return String(row[tableOf(db, table).schema.primKey.keyPath as string]);
}

/**
 * Every row a merge of `mergeId` into `keepId` may change or delete: both people, all their
 * meetings and plans, and everything of the merged person or hanging on one of their meetings.
 * Read inside the merge's transaction, so nothing can slip in between.
 */
export async function rowsAMergeMayChange(
  db: PrepDatabase,
  keepId: string,
  mergeId: string,
): Promise<RowsByTable> {
  const both = [keepId, mergeId];
  const meetingIds = await db.meetings.where("personId").equals(mergeId).primaryKeys();
  const inMeetings = new Set<string>(meetingIds);
  const ofMerged = async (table: "agendaItems" | "actionItems") => {
    const rows = new Map<string, StoredRow>();
    for (const row of await db[table].where("personId").equals(mergeId).toArray()) rows.set(row.id, row);
    for (const row of await db[table].where("meetingId").anyOf(meetingIds).toArray()) rows.set(row.id, row);
    return [...rows.values()];
  };
  const found: RowsByTable = {
    people: (await db.people.bulkGet(both)).filter((p) => p !== undefined),
    meetings: await db.meetings.where("personId").anyOf(both).toArray(),
    agendaItems: await ofMerged("agendaItems"),
    actionItems: await ofMerged("actionItems"),
    feedback: await db.feedback
      .filter(
        (f) =>
          f.personId === mergeId ||
          (f.deliveredMeetingId !== undefined && inMeetings.has(f.deliveredMeetingId)),
      )
      .toArray(),
    growthPlans: await db.growthPlans.where("personId").anyOf(both).toArray(),
    questionsAsked: await db.questionsAsked.where("personId").equals(mergeId).toArray(),
    calendarEvents: await db.calendarEvents.where("meetingId").anyOf(meetingIds).toArray(),
  };
  // Copies: the merge builds its rows from objects it reads, and the undo must keep the originals.
  return structuredClone(found);
}

/** The undo of a merge that has just written, from the rows read before it did. */
export async function mergeUndo(
  db: PrepDatabase,
  kept: Person,
  merged: Person,
  before: RowsByTable,
): Promise<MergeUndo> {
  const rows: MergedRow[] = [];
  const seen = new Set<string>();
  for (const table of mergedTables) {
    const keys = before[table].map((row) => keyOf(db, table, row));
    const after = await tableOf(db, table).bulkGet(keys);
    before[table].forEach((row, i) => {
      const key = keys[i] ?? "";
      seen.add(`${table}:${key}`);
      const now = after[i];
      if (!sameValue(row, now)) rows.push({ table, key, before: row, after: now });
    });
  }
  return structuredClone({ kept, merged, rows, seen });
}

/**
 * Makes the two people of a merge again, restoring every row it changed or deleted, in one
 * transaction. Refuses, changing nothing, when anything the merge left has been edited since, or
 * something new was written into a meeting that would go back to the merged person: restoring
 * would overwrite the newer text or leave it under the wrong person.
 */
export async function undoMerge(db: PrepDatabase, undo: MergeUndo): Promise<void> {
  await db.transaction("rw", db.tables, async () => {
    const problems = await changesSinceTheMerge(db, undo);
    if (problems.length > 0) {
      const shown = problems.slice(0, 3).join("; ");
      const more = problems.length > 3 ? `; and ${problems.length - 3} more` : "";
      throw new MergeUndoRefused(
        `The merge can't be undone without overwriting what changed since: ${shown}${more}. Nothing was changed.`,
      );
    }
    // Rows the merge kept go back first: the kept person gives up the email the merged one had
    // before that person returns with it.
    const ordered = [...undo.rows.filter((r) => r.after), ...undo.rows.filter((r) => !r.after)];
    for (const row of ordered) {
      const table = tableOf(db, row.table);
      if (row.table === "calendarEvents") {
        // A copy of the calendar the sync keeps rewriting: only the link the merge moved goes back.
        const now = await table.get(row.key);
        if (now && row.before) await table.put({ ...now, meetingId: row.before.meetingId });
      } else if (row.before) {
        await table.put(row.before);
      } else {
        await table.delete(row.key);
      }
    }
  });
}

async function changesSinceTheMerge(db: PrepDatabase, undo: MergeUndo): Promise<string[]> {
  const problems: string[] = [];
  const known = undo.seen;
  for (const row of undo.rows) {
    if (row.table === "calendarEvents") continue;
    const now = await tableOf(db, row.table).get(row.key);
    if (!sameValue(now, row.after)) problems.push(describeChange(row, now));
  }
  if (await db.people.get(undo.merged.id)) problems.push(`${undo.merged.displayName} is back in 1:1 Prep`);
  if (undo.merged.email) {
    const holder = await db.people.where("email").equals(undo.merged.email).first();
    if (holder && !known.has(`people:${holder.id}`))
      problems.push(`${holder.displayName} now has the address ${undo.merged.email}`);
  }
  // Meetings that go back to the merged person: anything written into them since would stay
  // with the kept person while its meeting left.
  const returning = new Set(
    undo.rows.flatMap((r) =>
      r.table === "meetings" && r.after && r.before?.personId === undo.merged.id ? [r.key] : [],
    ),
  );
  const ids = [...returning];
  const added = (table: MergedTable, rows: StoredRow[], what: (row: StoredRow) => string) => {
    for (const row of rows)
      if (!known.has(`${table}:${keyOf(db, table, row)}`))
        problems.push(`${what(row)} was added to a 1:1 that was ${undo.merged.displayName}'s`);
  };
  added("agendaItems", await db.agendaItems.where("meetingId").anyOf(ids).toArray(), (r) =>
    quoted("the agenda item", r.text),
  );
  added("actionItems", await db.actionItems.where("meetingId").anyOf(ids).toArray(), (r) =>
    quoted("the action item", r.text),
  );
  added(
    "questionsAsked",
    await db.questionsAsked.filter((q) => returning.has(q.meetingId)).toArray(),
    () => "a question asked",
  );
  added(
    "feedback",
    await db.feedback
      .filter((f) => f.deliveredMeetingId !== undefined && returning.has(f.deliveredMeetingId))
      .toArray(),
    (r) => quoted("the feedback", r.situation),
  );
  return problems;
}

function describeChange({ table, before, after }: MergedRow, now: StoredRow | undefined): string {
  const row = after ?? before ?? {};
  const how = now === undefined ? "was deleted" : after === undefined ? "was added" : "was changed";
  switch (table) {
    case "people":
      return `${String(row.displayName)} ${now === undefined ? "was deleted" : "was renamed or changed"}`;
    case "meetings": {
      const meeting = `the 1:1 on ${day(row.startsAt)}`;
      if (now && after && now.notes !== after.notes) return `the notes of ${meeting} were edited`;
      return `${meeting} ${how}`;
    }
    case "agendaItems":
      return `${quoted("the agenda item", row.text)} ${how}`;
    case "actionItems":
      return `${quoted("the action item", row.text)} ${how}`;
    case "feedback":
      return `${quoted("the feedback", row.situation)} ${how}`;
    case "growthPlans":
      return `the growth plan for ${String(row.quarter)} ${how}`;
    case "questionsAsked":
      return `a question asked on ${day(row.askedAt)} ${how}`;
    case "calendarEvents":
      return `a calendar event ${how}`;
  }
}

function day(at: unknown): string {
  return typeof at === "number" ? new Date(at).toISOString().slice(0, 10) : "an unknown day";
}

function quoted(what: string, text: unknown): string {
  const clean = String(text ?? "")
    .replace(/\s+/g, " ")
    .trim();
  if (!clean) return what;
  return `${what} “${clean.length > 60 ? `${clean.slice(0, 59)}…` : clean}”`;
}

/** Equal as stored rows are: plain objects, arrays and primitives, key order aside. */
function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ak = Object.keys(a);
  const bk = Object.keys(b);
  if (ak.length !== bk.length) return false;
  return ak.every(
    (k) =>
      Object.hasOwn(b, k) && sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
  );
}
