import type { DBCore, DBCoreMutateRequest, DBCoreTransaction, Middleware } from "dexie";
import { z } from "zod";
import type { PrepDatabase } from "./database";
import type { ActionItem, AgendaItem, Feedback, GrowthPlan, Meeting, Person } from "./schema";

/** The tables search looks into; a write to any of them leaves the search index behind. */
export const searchedTables = [
  "people",
  "meetings",
  "agendaItems",
  "actionItems",
  "feedback",
  "growthPlans",
] as const;
export type SearchedTable = (typeof searchedTables)[number];
const searched = new Set<string>(searchedTables);

export const SEARCH_CHANGES = "searchChanges";
/** Tables derived from the others for search: no backup carries them, and they rebuild themselves. */
export const searchIndexTables = ["searchIndex", SEARCH_CHANGES] as const;
/** A change that says "everything may differ": an import, a clear, a write too big to list. */
export const EVERYTHING = "*";
/** Past this many rows in one write, marking the whole index for a rebuild is cheaper than listing them. */
const LISTED_MAX = 200;

/**
 * A row of a searched table written since the index was last saved. Written in the same
 * transaction as the row itself, so an index can never look current while a write it missed is
 * already committed. `stamp` tells a later write of the same row from the one the index took in.
 */
export const searchChangeSchema = z.object({
  id: z.string(),
  table: z.union([z.enum(searchedTables), z.literal(EVERYTHING)]),
  key: z.string(),
  stamp: z.string(),
});
export type SearchChange = z.infer<typeof searchChangeSchema>;

/**
 * The index is saved in shards, one per year of the texts' dates plus one for names and other
 * undated texts, so a popup can answer from the newest year while older ones still load, and a
 * write saves only the shard it touched. The manifest says which shards make up the index and
 * which save of each belongs to it.
 */
export const searchManifestSchema = z.object({
  id: z.literal("manifest"),
  /** the index's layout (fields, tokenizer, shards); another one is rebuilt rather than read */
  format: z.number().int(),
  /** new with every save, so a page can tell the index it holds from one another page saved since */
  stamp: z.string(),
  builtAt: z.number(),
  shards: z.array(
    z.object({
      key: z.string().min(1),
      /** the save this shard's row must carry; any other is from a save that didn't finish with it */
      stamp: z.string(),
      documentCount: z.number().int().min(0),
    }),
  ),
});
export type SearchManifest = z.infer<typeof searchManifestSchema>;

/** One shard: MiniSearch's own JSON for the texts of one year (or the undated ones). */
export const searchShardSchema = z.object({
  id: z.string().startsWith("shard:"),
  key: z.string().min(1),
  stamp: z.string(),
  json: z.string(),
  documentCount: z.number().int().min(0),
});
export type SearchShard = z.infer<typeof searchShardSchema>;
/** A row of the search index table: the manifest or a shard. */
export type StoredSearchIndex = SearchManifest | SearchShard;

export const MANIFEST = "manifest";
export function shardRowId(key: string): string {
  return `shard:${key}`;
}

function changeFor(table: string, key: unknown): SearchChange {
  const k = String(key);
  return {
    id: table === EVERYTHING ? EVERYTHING : `${table}\u0000${k}`,
    table,
    key: k,
    stamp: stamp(),
  } as SearchChange;
}

let counter = 0;
export function stamp(): string {
  return `${Date.now().toString(36)}.${(counter++).toString(36)}.${Math.random().toString(36).slice(2, 8)}`;
}

/** The keys one write touches, or undefined when they can't be told from the request. */
export function writtenKeys(req: DBCoreMutateRequest): unknown[] | undefined {
  switch (req.type) {
    case "add":
    case "put": {
      if (req.type === "put" && req.criteria && !req.values.length) return undefined;
      const keys = [...(req.keys ?? req.values.map((v: { id?: unknown }) => v?.id))];
      if (req.type === "put" && req.updates) keys.push(...req.updates.keys);
      return keys.every((k) => k !== undefined) ? keys : undefined;
    }
    case "delete":
      return req.criteria ? undefined : req.keys;
    default:
      return undefined;
  }
}

/**
 * Whether a write's transaction has `store` to write beside it: a version upgrade from before that
 * store existed writes rows too, in a transaction without it.
 */
export function transactionHolds(trans: DBCoreTransaction, store: string): boolean {
  const names = (trans as unknown as IDBTransaction).objectStoreNames;
  return !names || names.contains(store);
}

/**
 * Whoever writes (sidebar, popup, import, sync, an upgrade), the change is put down beside it
 * in the same transaction: the store of changes joins every read-write transaction on a searched
 * table, the way change tracking is done in Dexie's own sync add-ons.
 */
export const searchChangeTracking: Middleware<DBCore> = {
  stack: "dbcore",
  name: "searchChangeTracking",
  create: (down) => ({
    ...down,
    transaction: (stores, mode, options) =>
      down.transaction(
        mode === "readwrite" && stores.some((s) => searched.has(s)) && !stores.includes(SEARCH_CHANGES)
          ? [...stores, SEARCH_CHANGES]
          : stores,
        mode,
        options,
      ),
    table: (name) => {
      const table = down.table(name);
      if (!searched.has(name)) return table;
      return {
        ...table,
        mutate: async (req) => {
          const result = await table.mutate(req);
          // Not in an upgrade from before the changes: the index is built anew then, none was saved.
          if (transactionHolds(req.trans, SEARCH_CHANGES)) {
            const keys = writtenKeys(req);
            const changes =
              keys === undefined || keys.length > LISTED_MAX
                ? [changeFor(EVERYTHING, "")]
                : keys.map((k) => changeFor(name, k));
            if (changes.length)
              await down.table(SEARCH_CHANGES).mutate({ type: "put", trans: req.trans, values: changes });
          }
          return result;
        },
      };
    },
  }),
};

/** What the index needs to catch up: the saved manifest (if it reads back whole) and the changes since. */
export interface SearchIndexState {
  manifest: SearchManifest | undefined;
  changes: SearchChange[];
}

export async function readSearchIndexState(db: PrepDatabase): Promise<SearchIndexState> {
  return db.transaction("r", [db.searchIndex, db.searchChanges], async () => {
    const [row, changes] = await Promise.all([db.searchIndex.get(MANIFEST), db.searchChanges.toArray()]);
    const parsed = searchManifestSchema.safeParse(row);
    return {
      manifest: parsed.success ? parsed.data : undefined,
      changes: changes.flatMap((c) => {
        const ok = searchChangeSchema.safeParse(c);
        return ok.success ? [ok.data] : [changeFor(EVERYTHING, "")];
      }),
    };
  });
}

/** How many changes wait for the index; the popup says so while it catches up. */
export function pendingSearchChanges(db: PrepDatabase): Promise<number> {
  return db.searchChanges.count();
}

/** Every searchable row, read in one transaction together with the changes it covers. */
export interface SearchRows {
  people: Person[];
  meetings: Meeting[];
  agendaItems: AgendaItem[];
  actionItems: ActionItem[];
  feedback: Feedback[];
  growthPlans: GrowthPlan[];
  changes: SearchChange[];
  /** the stamp of the manifest saved when these rows were read */
  indexStamp: string | undefined;
}

export async function readSearchRows(db: PrepDatabase): Promise<SearchRows> {
  return db.transaction("r", [...searchedTables, SEARCH_CHANGES, "searchIndex"], async () => {
    const [people, meetings, agendaItems, actionItems, feedback, growthPlans, changes, stored] =
      await Promise.all([
        db.people.toArray(),
        db.meetings.toArray(),
        db.agendaItems.toArray(),
        db.actionItems.toArray(),
        db.feedback.toArray(),
        db.growthPlans.toArray(),
        db.searchChanges.toArray(),
        db.searchIndex.get(MANIFEST),
      ]);
    const indexStamp = searchManifestSchema.safeParse(stored).data?.stamp;
    return { people, meetings, agendaItems, actionItems, feedback, growthPlans, changes, indexStamp };
  });
}

/** The rows these changes name, as they are now (a deleted row is left out), with the meetings agenda items sit in. */
export async function readChangedRows(
  db: PrepDatabase,
  changes: readonly SearchChange[],
): Promise<Omit<SearchRows, "changes" | "indexStamp">> {
  const keysOf = (table: SearchedTable) => changes.filter((c) => c.table === table).map((c) => c.key);
  return db.transaction("r", searchedTables, async () => {
    const present = <T>(rows: (T | undefined)[]) => rows.filter((r): r is T => r !== undefined);
    const [people, meetings, agendaItems, actionItems, feedback, growthPlans] = await Promise.all([
      db.people.bulkGet(keysOf("people")).then(present),
      db.meetings.bulkGet(keysOf("meetings")).then(present),
      db.agendaItems.bulkGet(keysOf("agendaItems")).then(present),
      db.actionItems.bulkGet(keysOf("actionItems")).then(present),
      db.feedback.bulkGet(keysOf("feedback")).then(present),
      db.growthPlans.bulkGet(keysOf("growthPlans")).then(present),
    ]);
    const known = new Set(meetings.map((m) => m.id));
    const more = [
      ...new Set(agendaItems.flatMap((a) => (a.meetingId && !known.has(a.meetingId) ? [a.meetingId] : []))),
    ];
    meetings.push(...present(await db.meetings.bulkGet(more)));
    return { people, meetings, agendaItems, actionItems, feedback, growthPlans };
  });
}

/** One saved shard, or undefined when it is missing or doesn't read back as a shard. */
export async function readSearchShard(db: PrepDatabase, key: string): Promise<SearchShard | undefined> {
  return searchShardSchema.safeParse(await db.searchIndex.get(shardRowId(key))).data;
}

/**
 * Saves the shards that changed with the manifest they belong to, and lets go of the changes the
 * index took in, only when the saved manifest is still the one this index grew from (`over`):
 * otherwise another page saved since, with changes this one lacks, and nothing is written
 * (false). A change written again since (another stamp) stays, so the next catch-up takes in that
 * later write too. Shards the manifest no longer lists are deleted.
 */
export async function saveSearchIndex(
  db: PrepDatabase,
  manifest: Omit<SearchManifest, "id">,
  shards: readonly Omit<SearchShard, "id">[],
  takenIn: readonly SearchChange[],
  over: string | undefined,
): Promise<boolean> {
  return db.transaction("rw", [db.searchIndex, db.searchChanges], async () => {
    const saved = searchManifestSchema.safeParse(await db.searchIndex.get(MANIFEST)).data?.stamp;
    if (saved !== over) return false;
    await db.searchIndex.bulkPut(shards.map((s) => ({ id: shardRowId(s.key), ...s })));
    await db.searchIndex.put({ id: MANIFEST, ...manifest });
    const listed = new Set([MANIFEST, ...manifest.shards.map((s) => shardRowId(s.key))]);
    const rows = (await db.searchIndex.toCollection().primaryKeys()) as string[];
    await db.searchIndex.bulkDelete(rows.filter((id) => !listed.has(id)));
    const now = await db.searchChanges.bulkGet(takenIn.map((c) => c.id));
    const done = takenIn.filter((c, i) => now[i]?.stamp === c.stamp).map((c) => c.id);
    await db.searchChanges.bulkDelete(done);
    return true;
  });
}

/** Marks the whole index for a rebuild, as after an import or a restore. */
export async function markSearchIndexStale(db: PrepDatabase): Promise<void> {
  await db.searchChanges.put(changeFor(EVERYTHING, ""));
}

/** The rows of search results, as they are now, so a result never shows text older than the notes. */
export interface SearchHitRows {
  people: Map<string, Person>;
  meetings: Map<string, Meeting>;
  agendaItems: Map<string, AgendaItem>;
  actionItems: Map<string, ActionItem>;
  feedback: Map<string, Feedback>;
  growthPlans: Map<string, GrowthPlan>;
}

export async function readSearchHitRows(
  db: PrepDatabase,
  keys: { [T in SearchedTable]?: readonly string[] },
): Promise<SearchHitRows> {
  // Only the tables there is something to read from: each one more in the transaction costs.
  const tables = searchedTables.filter((t) => keys[t]?.length);
  const rows = emptyHitRows();
  if (!tables.length) return rows;
  return db.transaction("r", tables, async () => {
    await Promise.all(
      tables.map(async (table) => {
        const found = await (
          db[table] as { bulkGet(keys: string[]): Promise<({ id: string } | undefined)[]> }
        ).bulkGet([...new Set(keys[table])]);
        const into = rows[table] as Map<string, { id: string }>;
        for (const row of found) if (row) into.set(row.id, row);
      }),
    );
    return rows;
  });
}

export function emptyHitRows(): SearchHitRows {
  return {
    people: new Map(),
    meetings: new Map(),
    agendaItems: new Map(),
    actionItems: new Map(),
    feedback: new Map(),
    growthPlans: new Map(),
  };
}
