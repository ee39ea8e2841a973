import { type DBCore, Dexie, type EntityTable, liveQuery, type Middleware, type Table } from "dexie";
import { DATABASE_NAME } from "./database-name";
import type {
  ActionItem,
  AgendaItem,
  CalendarEvent,
  Feedback,
  GrowthPlan,
  Meeting,
  Person,
  QuestionAsked,
  UnsavedEdit,
} from "./schema";
import { type SearchChange, type StoredSearchIndex, searchChangeTracking } from "./search-store";
import {
  fillMeetingFigures,
  type MeetingFigures,
  type StatsSnapshot,
  snapshotRebuilder,
  statsFiguresTracking,
} from "./stats-figures";
import { type HeadsShelf, shelveSyncRows } from "./sync-heads";
import { type OutboxRow, type SyncChange, type SyncMetaRow, syncChangeTracking } from "./sync-store";
import { recoverUnsavedEdits } from "./text-edits";
import { upgradeToVersion3 } from "./upgrades";

export { DATABASE_NAME };

export class PrepDatabase extends Dexie {
  people!: EntityTable<Person, "id">;
  meetings!: EntityTable<Meeting, "id">;
  agendaItems!: EntityTable<AgendaItem, "id">;
  actionItems!: EntityTable<ActionItem, "id">;
  feedback!: EntityTable<Feedback, "id">;
  growthPlans!: EntityTable<GrowthPlan, "id">;
  questionsAsked!: EntityTable<QuestionAsked, "id">;
  calendarEvents!: EntityTable<CalendarEvent, "eventInstanceId">;
  unsavedEdits!: EntityTable<UnsavedEdit, "id">;
  searchIndex!: EntityTable<StoredSearchIndex, "id">;
  searchChanges!: EntityTable<SearchChange, "id">;
  syncChanges!: EntityTable<SyncChange, "id">;
  syncHeads!: EntityTable<HeadsShelf, "shelf">;
  syncOutbox!: EntityTable<OutboxRow, "hlc">;
  syncMeta!: Table<SyncMetaRow, string>;
  meetingFigures!: EntityTable<MeetingFigures, "id">;
  statsSnapshot!: EntityTable<StatsSnapshot, "id">;

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
    // Version 3: a calendar event keeps one meeting per person it was with, so a guest swapped on
    // an event starts a new meeting instead of taking the notes of the old one; edits a closing
    // page could not finish wait in unsavedEdits. The upgrade brings older rows within the rules.
    this.version(3)
      .stores({
        meetings:
          "id, eventInstanceId, &[eventInstanceId+personId], personId, seriesId, [personId+startsAt], startsAt",
        unsavedEdits: "id",
      })
      .upgrade(upgradeToVersion3);
    // Version 4 adds the search index and the writes it has yet to take in. Nothing existing
    // changes: the index is built from the rows the first time Search opens.
    this.version(4).stores({
      searchIndex: "id",
      searchChanges: "id",
    });
    // Version 5 adds sync across devices' bookkeeping: the rows written since the last sync, the
    // versions every device agrees on, those waiting for upload, and the sync's own state.
    this.version(5).stores({
      syncChanges: "id",
      syncRows: "key",
      syncOutbox: "hlc",
      syncMeta: "id",
    });
    // Version 6 keeps what the Stats tab reads apart from the notes: each meeting's figures (when,
    // whether it was held, happiness, time boxes) and a snapshot of the team's recent ones, so it
    // opens on one read. Derived: no backup or sync carries them; the upgrade fills the figures.
    this.version(6)
      .stores({ meetingFigures: "id, [personId+startsAt], startsAt", statsSnapshot: "id" })
      .upgrade(fillMeetingFigures);
    // Version 7 keeps the heads of sync's rows on shelves, many rows to a record (see
    // sync-heads.ts); version 8 drops the store that kept a record per row, emptied by 7.
    this.version(7).stores({ syncHeads: "shelf" }).upgrade(shelveSyncRows);
    this.version(8).stores({ syncRows: null });
    this.use(searchChangeTracking);
    this.use(syncChangeTracking);
    // Above the other two: it chains its writes onto theirs instead of awaiting them, which keeps
    // Dexie's transaction zone for the writes it adds (see statsFiguresTracking).
    this.use(statsFiguresTracking(snapshotRebuilder(this)));
    // Edits a closed page put down are written as soon as any page (or the background) opens the
    // database. Not awaited, so opening never waits on it (the sidebar awaits it for its meeting),
    // and started outside whatever transaction opened the database, which it must not join.
    this.on(
      "ready",
      () => {
        Dexie.ignoreTransaction(() =>
          setTimeout(() => {
            recoverUnsavedEdits(this).catch((error: unknown) =>
              console.warn("1:1 Prep could not write edits a closed page left.", error),
            );
          }),
        );
      },
      true,
    );
    this.use(actionItemOpenFlag);
  }
}

/**
 * Whatever writes an action item (sidebar, popup, import, sync), its `open` flag follows doneAt.
 * Set on each row as it is written rather than by Dexie's creating and updating hooks: with those,
 * every write of action items first read back the rows it replaced, which for years of items (a
 * restore, an import) was thousands of reads for a flag the row itself decides. Sync leaves `open`
 * out of what it sends; nothing here may change any other field of a row as it is written, or a
 * row from another device would differ from what that device sent.
 */
const actionItemOpenFlag: Middleware<DBCore> = {
  stack: "dbcore",
  name: "actionItemOpenFlag",
  create: (down) => ({
    ...down,
    table: (name) => {
      const table = down.table(name);
      if (name !== "actionItems") return table;
      return {
        ...table,
        mutate: (req) =>
          table.mutate(
            req.type === "add" || req.type === "put"
              ? { ...req, values: req.values.map((item: Partial<ActionItem>) => withOpenFlag(item)) }
              : req,
          ),
      };
    },
  }),
};

function withOpenFlag(item: Partial<ActionItem>): Partial<ActionItem> {
  const { open: _open, ...rest } = item;
  return item.doneAt === undefined ? { ...rest, open: 1 } : rest;
}

/**
 * Calls back after any committed write to one of `tables`, in this page or (while it is
 * awake) any other page of the extension. Returns the unsubscribe.
 */
export function watchTables(
  tables: readonly (keyof PrepDatabase & string)[],
  onChange: () => void,
  databaseName = DATABASE_NAME,
): () => void {
  const prefixes = tables.map((t) => `idb://${databaseName}/${t}/`);
  const listener = (parts: Record<string, unknown>) => {
    if (Object.keys(parts).some((part) => part === "all" || prefixes.some((p) => part.startsWith(p))))
      onChange();
  };
  Dexie.on("storagemutated", listener);
  return () => Dexie.on.storagemutated.unsubscribe(listener);
}

/**
 * Calls back with `query`'s result now and again after every write that changes it, in this page
 * or another of the extension's; for pages whose code reaches Dexie only once it has loaded, and
 * so can't render through the live-query hook. Returns the unsubscribe.
 */
export function watchQuery<T>(
  query: () => Promise<T>,
  onValue: (value: T) => void,
  onError: (error: unknown) => void,
): () => void {
  const subscription = liveQuery(query).subscribe({ next: onValue, error: onError });
  return () => subscription.unsubscribe();
}

let shared: PrepDatabase | undefined;

/** Opens the database now, so a page's first read doesn't wait for it. */
export async function openPrepDatabase(): Promise<PrepDatabase> {
  const db = prepDatabase();
  await db.open();
  return db;
}

/**
 * Makes `db` the one this page works on; only before the page has opened any other, so one page
 * never writes into two databases.
 */
export function setSharedDatabase(db: PrepDatabase): PrepDatabase {
  if (shared && shared !== db) throw new Error("This page already works on another database.");
  shared = db;
  return db;
}

/** Whether this page has set up its database yet: the Stats tab reads without it until then. */
export function prepDatabaseSetUp(): boolean {
  return shared !== undefined;
}

/** The one database of the extension origin, shared by sidebar, popup, options and background. */
export function prepDatabase(): PrepDatabase {
  shared ??= new PrepDatabase();
  return shared;
}
