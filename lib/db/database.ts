import { Dexie, type EntityTable } from "dexie";
import type { ActionItem, AgendaItem, Feedback, GrowthPlan, Meeting, Person, QuestionAsked } from "./schema";

export const DATABASE_NAME = "one-on-one-prep";

export class PrepDatabase extends Dexie {
  people!: EntityTable<Person, "id">;
  meetings!: EntityTable<Meeting, "id">;
  agendaItems!: EntityTable<AgendaItem, "id">;
  actionItems!: EntityTable<ActionItem, "id">;
  feedback!: EntityTable<Feedback, "id">;
  growthPlans!: EntityTable<GrowthPlan, "id">;
  questionsAsked!: EntityTable<QuestionAsked, "id">;

  constructor(name = DATABASE_NAME) {
    super(name);
    // Every later change is a new version with an upgrade, never an edit of this one:
    // databases written by older releases must keep opening.
    this.version(1).stores({
      people: "id, &email, displayName",
      meetings: "id, &eventInstanceId, personId, seriesId, [personId+startsAt], startsAt",
      agendaItems: "id, personId, meetingId",
      actionItems: "id, personId, meetingId, dueAt",
      feedback: "id, personId, createdAt",
      growthPlans: "id, personId, [personId+quarter]",
      questionsAsked: "id, personId, [personId+askedAt]",
    });
  }
}

let shared: PrepDatabase | undefined;

/** The one database of the extension origin, shared by sidebar, popup, options and background. */
export function prepDatabase(): PrepDatabase {
  shared ??= new PrepDatabase();
  return shared;
}
