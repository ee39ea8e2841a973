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
      // `open` is derived from doneAt; the database sets it again on import.
      actionItems: actionItems.map(({ open: _open, ...item }) => item),
      feedback,
      growthPlans,
      questionsAsked,
    };
  });
  return { rows, schemaVersion: BACKUP_ROW_VERSION };
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
  if (!read.person) throw new Error("This person is no longer in 1:1 Prep.");
  return { ...read, person: read.person };
}
