import { Problem } from "@/lib/problem";
import type { PrepDatabase } from "./database";
import type { ActionItem, AgendaItem, Feedback, GrowthPlan, Meeting, Person, QuestionAsked } from "./schema";

/** Every table a backup carries, in the order they are written back: people before what refers to them. */
export const backupTables = [
  "people",
  "meetings",
  "agendaItems",
  "actionItems",
  "feedback",
  "growthPlans",
  "questionsAsked",
] as const;
export type BackupTable = (typeof backupTables)[number];

/** The rows of every backed-up table, as stored; an action item's derived `open` flag left out. */
export interface BackupRows {
  people: Person[];
  meetings: Meeting[];
  agendaItems: AgendaItem[];
  actionItems: Omit<ActionItem, "open">[];
  feedback: Feedback[];
  growthPlans: GrowthPlan[];
  questionsAsked: QuestionAsked[];
}

/**
 * The shape of the rows a backup holds, which is not the database's version: versions that only
 * add tables a backup leaves out (search) change nothing a backup holds, and counting them would
 * make a release that reads these rows perfectly well refuse the file as "newer". Raise it with
 * any version whose upgrade changes a backed-up row.
 */
export const BACKUP_ROW_VERSION = 3;

/**
 * Everything a backup holds, read in one transaction so it is a consistent snapshot even while a
 * sidebar is saving.
 */
export async function readBackupRows(db: PrepDatabase): Promise<{ rows: BackupRows; schemaVersion: number }> {
  const rows = await db.transaction("r", backupTables, async () => {
    const [people, meetings, agendaItems, actionItems, feedback, growthPlans, questionsAsked] =
      await Promise.all([
        db.people.toArray(),
        db.meetings.toArray(),
        db.agendaItems.toArray(),
        db.actionItems.toArray(),
        db.feedback.toArray(),
        db.growthPlans.toArray(),
        db.questionsAsked.toArray(),
      ]);
    return {
      people,
      meetings,
      agendaItems,
      actionItems: withoutOpenFlag(actionItems),
      feedback,
      growthPlans,
      questionsAsked,
    };
  });
  return { rows, schemaVersion: BACKUP_ROW_VERSION };
}

/**
 * Action items without their `open` flag, which is derived from doneAt and set again on import.
 * Only open items carry it, a few among years of done ones: the others are passed on as read.
 */
function withoutOpenFlag(items: ActionItem[]): Omit<ActionItem, "open">[] {
  return items.map((item) => {
    if (!Object.hasOwn(item, "open")) return item;
    const { open: _open, ...rest } = item;
    return rest;
  });
}

/** Rows per read while a backup is written out: small enough to show progress, big enough to cost little. */
export const BACKUP_CHUNK_ROWS = 5000;

export interface BackupReadProgress {
  /** rows read so far */
  read: number;
}

/**
 * Every backed-up row, handed to `onChunk` a chunk at a time, each table in id order, all from one
 * transaction so it is the same consistent snapshot `readBackupRows` reads, even while a sidebar is
 * saving; an action item's `open` flag is left out. Chunks of different tables come interleaved.
 *
 * Every table is read at once, each a chunk ahead of the rows being handed over, so the database
 * always has a read to work on while the rows are written out. The tables are not counted first:
 * counting costs the database about as long as reading a tenth of the rows, and would only give
 * the progress bar its end.
 */
export async function readBackupChunks(
  db: PrepDatabase,
  onChunk: <T extends BackupTable>(table: T, rows: BackupRows[T]) => void,
  onProgress?: (progress: BackupReadProgress) => void,
  chunkRows = BACKUP_CHUNK_ROWS,
): Promise<{ schemaVersion: number }> {
  if (!Number.isInteger(chunkRows) || chunkRows < 1)
    throw new RangeError("chunkRows must be a positive whole number");
  await db.transaction("r", backupTables, async () => {
    const chunk = (table: BackupTable, after?: string) =>
      (after === undefined ? db.table(table).orderBy(":id") : db.table(table).where(":id").above(after))
        .limit(chunkRows)
        .toArray() as Promise<{ id: string }[]>;
    let read = 0;
    onProgress?.({ read });
    // Each reader asks for its table's first chunk before its first await, so every table's first
    // read is asked for before any rows come back.
    await Promise.all(
      backupTables.map(async (table) => {
        let pending: Promise<{ id: string }[]> | undefined = chunk(table);
        while (pending) {
          const rows: { id: string }[] = await pending;
          pending = rows.length === chunkRows ? chunk(table, rows.at(-1)?.id) : undefined;
          if (rows.length === 0) continue;
          onChunk(
            table,
            (table === "actionItems"
              ? withoutOpenFlag(rows as ActionItem[])
              : rows) as BackupRows[typeof table],
          );
          read += rows.length;
          onProgress?.({ read });
        }
      }),
    );
  });
  return { schemaVersion: BACKUP_ROW_VERSION };
}

export interface PersonRecord {
  person: Person;
  meetings: Meeting[];
  actionItems: ActionItem[];
  feedback: Feedback[];
  growthPlans: GrowthPlan[];
}

/** One person and everything written about them, for a document of their whole history. */
export async function personRecord(db: PrepDatabase, personId: string): Promise<PersonRecord> {
  const read = await db.transaction(
    "r",
    [db.people, db.meetings, db.actionItems, db.feedback, db.growthPlans],
    async () => {
      const person = await db.people.get(personId);
      const [meetings, actionItems, feedback, growthPlans] = await Promise.all([
        db.meetings.where("personId").equals(personId).toArray(),
        db.actionItems.where("personId").equals(personId).toArray(),
        db.feedback.where("personId").equals(personId).toArray(),
        db.growthPlans.where("personId").equals(personId).toArray(),
      ]);
      return { person, meetings, actionItems, feedback, growthPlans };
    },
  );
  if (!read.person) throw new Problem("This person is no longer in 1:1 Prep.", "personGone");
  return { ...read, person: read.person };
}
