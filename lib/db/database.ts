import { Dexie, type EntityTable } from "dexie";
import type {
  ActionItem,
  AgendaItem,
  CalendarEvent,
  Feedback,
  GrowthPlan,
  Meeting,
  Person,
  QuestionAsked,
} from "./schema";

export const DATABASE_NAME = "one-on-one-prep";

export class PrepDatabase extends Dexie {
  people!: EntityTable<Person, "id">;
  meetings!: EntityTable<Meeting, "id">;
  agendaItems!: EntityTable<AgendaItem, "id">;
  actionItems!: EntityTable<ActionItem, "id">;
  feedback!: EntityTable<Feedback, "id">;
  growthPlans!: EntityTable<GrowthPlan, "id">;
  questionsAsked!: EntityTable<QuestionAsked, "id">;
  calendarEvents!: EntityTable<CalendarEvent, "eventInstanceId">;

  constructor(name = DATABASE_NAME) {
    super(name);
    // Every later change is a new version with an upgrade, never an edit of this one:
    // databases written by older releases must keep opening.
    this.version(1).stores({
      people: "id, &email, displayName",
      meetings: "id, &eventInstanceId, personId, seriesId, [personId+startsAt], startsAt",
      agendaItems: "id, personId, meetingId",
      actionItems: "id, personId, meetingId, dueAt, [personId+open], [open+dueAt]",
      feedback: "id, personId, createdAt",
      growthPlans: "id, personId, [personId+quarter]",
      questionsAsked: "id, personId, [personId+askedAt]",
    });
    // Version 2 only adds the copy of Calendar API events; no existing row changes, so it needs
    // no upgrade function.
    this.version(2).stores({
      calendarEvents: "eventInstanceId, seriesId, startsAt, meetingId",
    });
    // Whatever writes an action item (sidebar, popup, import), its `open` flag follows doneAt.
    this.actionItems.hook("creating", (_key, item) => {
      if (item.doneAt === undefined) item.open = 1;
      else delete item.open;
    });
    this.actionItems.hook("updating", (changes, _key, before) => {
      const doneAt = "doneAt" in changes ? (changes as Partial<ActionItem>).doneAt : before.doneAt;
      return { open: doneAt === undefined ? 1 : undefined };
    });
  }
}

/**
 * Calls back after any committed write to one of `tables`, in this page or (while it is
 * awake) any other page of the extension. Returns the unsubscribe.
 */
export function watchTables(
  tables: readonly (keyof PrepDatabase & string)[],
  onChange: () => void,
): () => void {
  const prefixes = tables.map((t) => `idb://${DATABASE_NAME}/${t}/`);
  const listener = (parts: Record<string, unknown>) => {
    if (Object.keys(parts).some((part) => part === "all" || prefixes.some((p) => part.startsWith(p))))
      onChange();
  };
  Dexie.on("storagemutated", listener);
  return () => Dexie.on.storagemutated.unsubscribe(listener);
}

let shared: PrepDatabase | undefined;

/** The one database of the extension origin, shared by sidebar, popup, options and background. */
export function prepDatabase(): PrepDatabase {
  shared ??= new PrepDatabase();
  return shared;
}
