import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";
import { type DBCore, Dexie, type Middleware, type Table } from "dexie";
import { z } from "zod";
// The sync modules by name, not through lib/sync's index: its Drive client depends on the
// Calendar API's helpers, which depend on this database.
import { type Coverage, coverageSchema, type RowVersion, rowVersionSchema } from "@/lib/sync/batch";
import type { DataKey } from "@/lib/sync/crypto";
import {
  ClockSkewError,
  deviceIdSchema,
  formatHlc,
  type Hlc,
  hlcStringSchema,
  parseHlc,
  receive,
  tick,
} from "@/lib/sync/hlc";
import { canonical, mergeVersion, nextVersion, rowKey } from "@/lib/sync/merge";
import { type BackupTable, backupTables } from "./backup-rows";
import type { PrepDatabase } from "./database";
import { clampRowDates } from "./dates";
import { combineMeetingsInto, mergePeople } from "./merge-people";
import {
  actionItemSchema,
  agendaItemSchema,
  feedbackSchema,
  growthPlanSchema,
  type Meeting,
  meetingSchema,
  type OtherVersion,
  type Person,
  personSchema,
  questionAskedSchema,
} from "./schema";
import { transactionHolds, writtenKeys } from "./search-store";
import {
  everyRowHeads,
  headsOfTable,
  keepHeadsOnly,
  type RowHead,
  readHeads,
  type StoredHead,
  type SyncRow,
  writeHeads,
} from "./sync-heads";

/** The tables that travel between devices: what a backup carries, nothing derived. */
export const syncedTables = backupTables;
const synced = new Set<string>(syncedTables);

export const SYNC_CHANGES = "syncChanges";
/**
 * The sync's own bookkeeping: never backed up, and gone when sync is turned off here, but for what
 * it knew of each row that Drive holds (see `stopSyncing`).
 */
export const syncStateTables = [SYNC_CHANGES, "syncHeads", "syncOutbox", "syncMeta"] as const;
const EVERYTHING = "*";
const LISTED_MAX = 200;

/**
 * A row written here that the next sync has to look at. Put down in the same transaction as the
 * row, whoever wrote it, so a change can never be committed without sync hearing of it.
 */
export interface SyncChange {
  id: string;
  table: BackupTable | typeof EVERYTHING;
  key: string;
  /** when it was written, for the change's clock stamp */
  at: number;
}

/**
 * A version made here, kept until a batch holding it is safely in Drive: its stamp and its row's
 * key, the version itself being among the row's heads (see sync-heads.ts). Storing it twice wrote
 * every row of a first sync twice. The versions one stamping made together are one row (`keys` and
 * `hlcs`, under the last stamp): a row each was as many writes again as a first sync's notes.
 * Rows stored one by one, or whole, by an earlier release are read as they are.
 */
export type OutboxRow =
  | { hlc: string; key: string }
  | { hlc: string; keys: string[]; hlcs: string[] }
  | RowVersion;

type OutboxEntry = { hlc: string; key: string } | RowVersion;

/** The versions an outbox row stands for, in the order they were made. */
function outboxEntries(row: OutboxRow): OutboxEntry[] {
  if (!("keys" in row)) return [row];
  return row.keys.map((key, i) => ({ key, hlc: row.hlcs[i] as string }));
}

const outboxSize = (row: OutboxRow) => ("keys" in row ? row.keys.length : 1);

/** How many versions wait in the outbox. */
async function outboxVersions(db: PrepDatabase): Promise<number> {
  let versions = 0;
  await db.syncOutbox.each((row) => {
    versions += outboxSize(row as OutboxRow);
  });
  return versions;
}

const syncStateSchema = z.object({
  id: z.literal("state"),
  device: deviceIdSchema,
  clock: hlcStringSchema,
  /** the last own batch that is in Drive */
  seq: z.number().int().min(0),
  /** per other device, the last of its batches applied here */
  applied: coverageSchema,
  /** the batch being uploaded: retried as is, never rebuilt, so a name always means one content */
  pending: z
    .object({
      seq: z.number().int().min(1),
      rows: z.array(rowVersionSchema),
      /** the outbox entries it empties, replaced versions among them; its rows' stamps if absent */
      sent: z.array(hlcStringSchema).optional(),
      /** the Drive file id it goes up under, the same on every try: see `keepUploadFileId` */
      fileId: z.string().min(1).max(256).optional(),
    })
    .optional(),
  /** the newest own snapshot in Drive */
  snapshotSeq: z.number().int().min(0).optional(),
  /**
   * A first upload going up as one snapshot: every version made here up to this stamp is in it.
   * Kept until Drive has it, so a retry confirms the same versions even if it sends more.
   */
  firstSnapshot: z
    .object({ upTo: hlcStringSchema, fileId: z.string().min(1).max(256).optional() })
    .optional(),
  /** the Drive file of the shared key last checked to be this device's key */
  keyFileId: z.string().optional(),
  /** its version in Drive then: a passphrase changed on another device rewrites it in place */
  keyFileVersion: z.string().optional(),
});
export type SyncState = z.infer<typeof syncStateSchema>;

export interface SyncKeyRow {
  id: "key";
  keyId: string;
  /** non-extractable: stored as the browser's own key object, never as bytes */
  key: CryptoKey;
  /** the wrapped key as Drive holds it, to put back should the folder in Drive be emptied */
  keyFile?: unknown;
}

/** The sync state, the key, or the job's status: told apart by id, each read back through its own check. */
export type SyncMetaRow = { id: string } & Record<string, unknown>;

function changeFor(table: string, key: unknown, at: number): SyncChange {
  const k = String(key);
  return {
    id: table === EVERYTHING ? EVERYTHING : `${table}\u0000${k}`,
    table: table as SyncChange["table"],
    // Each "everything" its own, so stamping can tell the one it did from one asked for since.
    key: table === EVERYTHING ? crypto.randomUUID() : k,
    at,
  };
}

/** Transactions writing, for now, only what Drive holds already: see `withoutChanges`. */
const writingDriveCopies = new WeakSet<object>();

/**
 * Runs `write` in the current transaction without recording its rows as changed here. Only for
 * rows written exactly as a version every device has, which stamping would pass over anyway:
 * recording each of them made a restore write every row's change and read every row back. The
 * mark is on the transaction, not the write: nothing else may write in it until `write` ends.
 */
async function withoutChanges<T>(write: () => Promise<T>): Promise<T> {
  const trans = Dexie.currentTransaction?.idbtrans as object | undefined;
  if (!trans) return write();
  writingDriveCopies.add(trans);
  try {
    return await write();
  } finally {
    writingDriveCopies.delete(trans);
  }
}

/** Like search's change tracking: the changes store joins every read-write transaction on a synced table. */
export const syncChangeTracking: Middleware<DBCore> = {
  stack: "dbcore",
  name: "syncChangeTracking",
  create: (down) => ({
    ...down,
    transaction: (stores, mode, options) =>
      down.transaction(
        mode === "readwrite" && stores.some((s) => synced.has(s)) && !stores.includes(SYNC_CHANGES)
          ? [...stores, SYNC_CHANGES]
          : stores,
        mode,
        options,
      ),
    table: (name) => {
      const table = down.table(name);
      if (!synced.has(name)) return table;
      return {
        ...table,
        mutate: async (req) => {
          const result = await table.mutate(req);
          if (transactionHolds(req.trans, SYNC_CHANGES) && !writingDriveCopies.has(req.trans)) {
            const keys = writtenKeys(req);
            const at = Date.now();
            const changes =
              keys === undefined || keys.length > LISTED_MAX
                ? [changeFor(EVERYTHING, "", at)]
                : keys.map((k) => changeFor(name, k, at));
            if (changes.length)
              await down.table(SYNC_CHANGES).mutate({ type: "put", trans: req.trans, values: changes });
          }
          return result;
        },
      };
    },
  }),
};

const rowSchemas: Record<BackupTable, z.ZodType<Record<string, unknown>>> = {
  people: personSchema,
  meetings: meetingSchema as unknown as z.ZodType<Record<string, unknown>>,
  agendaItems: agendaItemSchema,
  actionItems: actionItemSchema.omit({ open: true }),
  feedback: feedbackSchema,
  growthPlans: growthPlanSchema,
  questionsAsked: questionAskedSchema,
};

/** A row as it travels: plain JSON, without what the database derives from it. */
function travelling(table: string, row: unknown): Record<string, unknown> {
  const plain = JSON.parse(JSON.stringify(row)) as Record<string, unknown>;
  if (table === "actionItems") delete plain.open;
  return plain;
}

/** SHA-256, from a library rather than WebCrypto: its digest is async, and would end the transaction. */
const hashOf = (canon: string) => bytesToHex(sha256(utf8ToBytes(canon)));

const isRowHead = (head: StoredHead): head is RowHead => "rowHash" in head;

/** The version kept as the row it is, whose canonical form is `canon`. */
function asRowHead(version: RowVersion, canon: string): RowHead {
  const { data: _, ...rest } = version;
  return { ...rest, rowHash: hashOf(canon) };
}

/** Whether a head holds the row whose canonical form is `canon`. */
function holdsRow(head: StoredHead, canon: string): boolean {
  if (isRowHead(head)) return head.rowHash === hashOf(canon);
  return !head.deleted && canonical(head.data) === canon;
}

/**
 * The heads with the data of each row head read back from its row, in the current transaction,
 * which holds the heads' tables; undefined for a row head whose row was written or deleted since
 * it was stamped: that version's content is gone here, and the row as it is now becomes the next.
 */
async function withRowData(
  db: PrepDatabase,
  heads: readonly StoredHead[],
): Promise<(RowVersion | undefined)[]> {
  const asRows = heads.filter(isRowHead);
  const read = await readRows(
    db,
    asRows.map((head) => ({ table: head.table as BackupTable, id: head.id })),
  );
  let at = 0;
  return heads.map((head) => {
    if (!isRowHead(head)) return head;
    const row = read[at++];
    if (row === undefined) return undefined;
    const data = travelling(head.table, row);
    if (hashOf(canonical(data)) !== head.rowHash) return undefined;
    const { rowHash: _, ...version } = head;
    return { ...version, data };
  });
}

/** Row heads whose row to read back per transaction, outside the sync's own transactions. */
const FILL_CHUNK = 2000;

/**
 * `withRowData` for every head of the snapshot: the rows read a chunk at a time, each chunk in a
 * short transaction of its own, so typing is not held up while years of notes are read. A row
 * written meanwhile is recorded as changed anyway; it is counted as `stale`, and left out.
 */
async function snapshotRows(
  db: PrepDatabase,
  heads: readonly StoredHead[],
): Promise<{ rows: RowVersion[]; stale: StoredHead[] }> {
  const dataTables = syncedTables.map((table) => db.table(table));
  const rows: RowVersion[] = [];
  const stale: StoredHead[] = [];
  const asRows: RowHead[] = [];
  for (const head of heads) {
    if (isRowHead(head)) asRows.push(head);
    else rows.push(head);
  }
  for (let start = 0; start < asRows.length; start += FILL_CHUNK) {
    const chunk = asRows.slice(start, start + FILL_CHUNK);
    const filled = await db.transaction("r", dataTables, () => withRowData(db, chunk));
    filled.forEach((version, i) => {
      if (version) rows.push(version);
      else stale.push(chunk[i] as StoredHead);
    });
  }
  return { rows, stale };
}

/**
 * Makes sure the next sync stamps these rows as they are now. Every write records its row anyway;
 * this is for a row found changed under its head all the same, whose change must not be lost.
 */
async function noteChanged(db: PrepDatabase, heads: readonly StoredHead[]): Promise<void> {
  if (heads.length === 0) return;
  const now = Date.now();
  await db.syncChanges.bulkPut(heads.map((head) => changeFor(head.table, head.id, now)));
}

export async function readSyncState(db: PrepDatabase): Promise<SyncState | undefined> {
  return syncStateSchema.safeParse(await db.syncMeta.get("state")).data;
}

export async function readSyncKey(db: PrepDatabase): Promise<DataKey | undefined> {
  const row = (await db.syncMeta.get("key")) as Partial<SyncKeyRow> | undefined;
  return row && typeof row.keyId === "string" && row.key ? { keyId: row.keyId, key: row.key } : undefined;
}

/**
 * Under which data key, and which key file in Drive, the heads kept here were agreed: they outlive
 * turning sync off. Upload again puts a new key file in an emptied folder; a new passphrase
 * rewrites the same one.
 */
const HEADS_ID = "heads";
const headsRowSchema = z.object({ id: z.literal(HEADS_ID), keyId: z.string(), keyFileId: z.string() });

/**
 * Sync starts on this device: a fresh device id and clock, the unlocked key, and every row marked
 * changed, so the first sync puts all of them in Drive (or finds them there already).
 *
 * With `rejoin` (the key file in Drive it unlocked), a device that synced under this same data key
 * and key file before and was turned off keeps what it knew of each row that Drive holds. Only
 * the rows written here since become versions, made over what every device had agreed: without
 * that, each row it held would be a version newer than any, and edits the other computers made
 * while it was off would be undone everywhere. A row no
 * longer here is not taken for deleted: what happened here while sync was off stays here, and
 * the row comes back from the other devices, as it would to a new one.
 */
export async function startSyncing(
  db: PrepDatabase,
  device: string,
  dataKey: DataKey,
  keyFile?: unknown,
  { rejoin }: { rejoin?: string } = {},
): Promise<void> {
  // The rows are read only to rejoin; a first start leaves writes to them free meanwhile.
  const dataTables = rejoin === undefined ? [] : syncedTables.map((table) => db.table(table));
  await db.transaction("rw", [...syncStateTables, ...dataTables], async () => {
    // Google's grant came with connecting, just before: sync starting here keeps it.
    const [grant, headsRow] = await Promise.all([db.syncMeta.get(GRANT_ID), db.syncMeta.get(HEADS_ID)]);
    const heads = headsRowSchema.safeParse(headsRow).data;
    const keepHeads = rejoin !== undefined && heads?.keyId === dataKey.keyId && heads.keyFileId === rejoin;
    await clearSyncState(db, keepHeads);
    if (keepHeads) {
      const here = new Set<string>();
      for (const [table, ids] of await idsHere(db)) for (const id of ids) here.add(rowKey(table, id));
      await keepHeadsOnly(db, (key) => here.has(key));
    }
    if (grant) await db.syncMeta.put(grant);
    const state: SyncState = {
      id: "state",
      device: deviceIdSchema.parse(device),
      clock: formatHlc({ wall: 0, counter: 0, device }),
      seq: 0,
      applied: {},
    };
    const key: SyncKeyRow = {
      id: "key",
      keyId: dataKey.keyId,
      key: dataKey.key,
      ...(keyFile === undefined ? {} : { keyFile }),
    };
    await db.syncMeta.bulkPut([state, key as unknown as SyncMetaRow]);
    await db.syncChanges.put(changeFor(EVERYTHING, "", Date.now()));
  });
}

/** The wrapped key this device unlocked, as it was in Drive. */
export async function readStoredKeyFile(db: PrepDatabase): Promise<unknown> {
  return ((await db.syncMeta.get("key")) as Partial<SyncKeyRow> | undefined)?.keyFile;
}

/** The wrapped key as Drive holds it now, after the passphrase was changed here. */
export async function replaceStoredKeyFile(db: PrepDatabase, keyFile: unknown): Promise<void> {
  await db.transaction("rw", db.syncMeta, async () => {
    const row = await db.syncMeta.get("key");
    if (row) await db.syncMeta.put({ ...row, keyFile } as SyncMetaRow);
  });
}

/** The shared list of devices as this device last read or wrote it in Drive. */
export interface KnownDevices {
  fileId: string;
  /** Drive's version of the file then; unknown after a write of our own */
  version?: string;
  list: unknown;
}

const knownDevicesSchema = z.object({
  fileId: z.string().min(1),
  version: z.string().optional(),
  list: z.unknown(),
});

export async function readKnownDevices(db: PrepDatabase): Promise<KnownDevices | undefined> {
  const parsed = knownDevicesSchema.safeParse(await db.syncMeta.get("devices"));
  return parsed.success ? (parsed.data as KnownDevices) : undefined;
}

export async function noteKnownDevices(db: PrepDatabase, known: KnownDevices): Promise<void> {
  await db.transaction("rw", db.syncMeta, async () => {
    // Not after sync was turned off meanwhile.
    if (!(await db.syncMeta.get("state"))) return;
    await db.syncMeta.put({ ...known, id: "devices" } as SyncMetaRow);
  });
}

const GRANT_ID = "grant";

const driveGrantSchema = z.object({
  id: z.literal(GRANT_ID),
  clientId: z.string().min(1).max(255),
  clientSecret: z.string().min(1).max(128),
  /** gone once Google refused it: the secret stays, for connecting again with offline access */
  refreshToken: z
    .string()
    .regex(/^[\x21-\x7e]{1,4096}$/)
    .optional(),
});

/**
 * Google's lasting grant to the Drive app folder, when the manager gave the OAuth client's
 * secret: kept here, in the extension's own database, rather than in extension storage, which
 * content scripts on the Calendar page can read.
 */
export type DriveGrant = Omit<z.infer<typeof driveGrantSchema>, "id">;

export async function readDriveGrant(db: PrepDatabase): Promise<DriveGrant | undefined> {
  const parsed = driveGrantSchema.safeParse(await db.syncMeta.get(GRANT_ID));
  if (!parsed.success) return undefined;
  const { id: _, ...grant } = parsed.data;
  return grant;
}

/** Keeps the grant connecting brought, or forgets it (`undefined`). */
export async function keepDriveGrant(db: PrepDatabase, grant: DriveGrant | undefined): Promise<void> {
  if (grant) await db.syncMeta.put({ ...driveGrantSchema.parse({ ...grant, id: GRANT_ID }) });
  else await db.syncMeta.delete(GRANT_ID);
}

/**
 * Sync stops here: the key, the clock and the bookkeeping go; every row stays as it is. What sync
 * knew of each row that Drive holds stays too, with the key and key file it was agreed under, for
 * turning sync on again (see `startSyncing`): no key is in it, and it never leaves this browser.
 * A version made here that is not in Drive yet is let go with its row's heads, so the row is sent
 * again once sync is back on; without a key file checked in Drive, nothing is kept.
 */
export async function stopSyncing(db: PrepDatabase): Promise<void> {
  await db.transaction("rw", [...syncStateTables], async () => {
    const [state, key] = await Promise.all([readSyncState(db), readSyncKey(db)]);
    const agreedUnder =
      state?.keyFileId && key ? { id: HEADS_ID, keyId: key.keyId, keyFileId: state.keyFileId } : undefined;
    const unsent = new Set<string>();
    for (const row of (await db.syncOutbox.toArray()) as OutboxRow[])
      for (const entry of outboxEntries(row))
        unsent.add("key" in entry ? entry.key : rowKey(entry.table, entry.id));
    for (const version of state?.pending?.rows ?? []) unsent.add(rowKey(version.table, version.id));
    await clearSyncState(db, agreedUnder !== undefined);
    if (!agreedUnder) return;
    await keepHeadsOnly(db, (row) => !unsent.has(row));
    await db.syncMeta.put(agreedUnder);
  });
}

/** Empties the sync's bookkeeping in the current transaction; with `keepHeads`, but for its heads. */
async function clearSyncState(db: PrepDatabase, keepHeads: boolean): Promise<void> {
  await Promise.all(
    syncStateTables.filter((t) => !(keepHeads && t === "syncHeads")).map((t) => db.table(t).clear()),
  );
}

/** Changes made here that are not in Drive yet. */
export async function waitingChanges(db: PrepDatabase): Promise<number> {
  return db.transaction("r", [db.syncChanges, db.syncOutbox, db.syncMeta], async () => {
    const [changes, outbox, state] = await Promise.all([
      db.syncChanges.toArray(),
      outboxVersions(db),
      readSyncState(db),
    ]);
    if (!state) return 0;
    // Before the first sync everything is marked at once; that is not a count to show.
    return changes.filter((c) => c.table !== EVERYTHING).length + outbox;
  });
}

/** What the sync job keeps between runs beside its state: when, how it went, what comes next. */
export async function readSyncStatusRow(db: PrepDatabase): Promise<Record<string, unknown> | undefined> {
  const row = await db.syncMeta.get("status");
  return row as Record<string, unknown> | undefined;
}

export async function writeSyncStatusRow(db: PrepDatabase, status: Record<string, unknown>): Promise<void> {
  await db.transaction("rw", db.syncMeta, async () => {
    // Not after sync was turned off meanwhile: the status would bring back a ghost.
    if (!(await db.syncMeta.get("state"))) return;
    await db.syncMeta.put({ ...status, id: "status" } as SyncMetaRow);
  });
}

export interface Ingested {
  /** rows written here from other devices */
  applied: number;
  /** versions from other devices that are not valid rows here; kept in the sync state, not applied */
  held: number;
  /** another device's clock was far ahead: its rows are merged, its clock not followed */
  clockSkew: boolean;
}

function otherVersionsFromLosers(winner: Meeting, losers: readonly RowVersion[]): OtherVersion[] {
  const added: OtherVersion[] = [];
  const known = new Set((winner.otherVersions ?? []).map((v) => `${v.promptId ?? ""}\u0000${v.text}`));
  const add = (text: unknown, savedAt: number, promptId?: string) => {
    if (typeof text !== "string" || text.trim() === "") return;
    const id = `${promptId ?? ""}\u0000${text}`;
    if (known.has(id)) return;
    known.add(id);
    added.push({ text, savedAt, from: "device", ...(promptId !== undefined ? { promptId } : {}) });
  };
  for (const loser of losers) {
    const data = loser.data;
    if (!data) continue;
    const savedAt = typeof data.updatedAt === "number" ? data.updatedAt : parseHlc(loser.hlc).wall;
    if (data.notes !== winner.notes) add(data.notes, savedAt);
    const answers = (data.answers ?? {}) as Record<string, unknown>;
    for (const [promptId, text] of Object.entries(answers))
      if (text !== winner.answers[promptId]) add(text, savedAt, promptId);
    // What the losing device kept beside its own text is kept too: devices that settled the same
    // clash from different versions then end with the same copies, whichever version wins.
    const kept = Array.isArray(data.otherVersions) ? (data.otherVersions as unknown[]) : [];
    for (const copy of kept) {
      if (typeof copy !== "object" || copy === null) continue;
      const { text, savedAt: at, promptId } = copy as Partial<OtherVersion>;
      const current = promptId === undefined ? winner.notes : winner.answers[promptId];
      if (text !== current)
        add(text, typeof at === "number" ? at : savedAt, typeof promptId === "string" ? promptId : undefined);
    }
  }
  return added;
}

/** Rows changed here stamped per round of reads and writes. */
const STAMP_CHUNK = 1000;

/** Fewer keys than this are read one by one: a stretch of the table costs more to look over. */
const STRETCH_MIN = 64;

/**
 * Rows by primary key, in the keys' order; undefined where there is none. Keys that fill a stretch
 * of the table, as a first sync's and a restore's do (every row, in key order), are read in one
 * request instead of one request each, which was most of the time either took with years of notes.
 */
async function readByKeys<T>(table: Table<T, string>, keys: readonly string[]): Promise<(T | undefined)[]> {
  const keyPath = table.schema.primKey.keyPath;
  if (keys.length < STRETCH_MIN || typeof keyPath !== "string") return table.bulkGet([...keys]);
  let low = keys[0] as string;
  let high = low;
  for (const key of keys) {
    if (typeof key !== "string") return table.bulkGet([...keys]);
    if (key < low) low = key;
    if (key > high) high = key;
  }
  const stretch = () => table.where(":id").between(low, high, true, true);
  // Keys scattered over a large table: the stretch holds many rows not asked for.
  const most = keys.length * 2;
  if (
    (
      await stretch()
        .limit(most + 1)
        .primaryKeys()
    ).length > most
  )
    return table.bulkGet([...keys]);
  const found = new Map<unknown, T>();
  for (const row of await stretch().toArray()) found.set((row as Record<string, unknown>)[keyPath], row);
  return keys.map((key) => found.get(key));
}

/** The rows at these places, in the same order; undefined where there is none. */
async function readRows(
  db: PrepDatabase,
  places: readonly { table: BackupTable; id: string }[],
): Promise<unknown[]> {
  const byTable = new Map<BackupTable, number[]>();
  places.forEach(({ table }, i) => {
    const at = byTable.get(table) ?? [];
    at.push(i);
    byTable.set(table, at);
  });
  const rows: unknown[] = new Array(places.length);
  await Promise.all(
    [...byTable].map(async ([table, at]) => {
      const found = await readByKeys(
        db.table(table) as Table<unknown, string>,
        at.map((i) => places[i]?.id as string),
      );
      at.forEach((i, j) => {
        rows[i] = found[j];
      });
    }),
  );
  return rows;
}

/** The id of every synced row this database holds, table by table. */
async function idsHere(db: PrepDatabase): Promise<[BackupTable, string[]][]> {
  const here: [BackupTable, string[]][] = [];
  for (const table of syncedTables)
    here.push([table, (await db.table(table).toCollection().primaryKeys()) as string[]]);
  return here;
}

/** A row changed here, by its sync key, with what to stamp it from. */
type ToStamp = [key: string, change: { table: BackupTable; id: string; at: number }];

/** The rows the recorded changes name, once each; "everything" names every row there is or was. */
async function rowsToStamp(db: PrepDatabase, changes: readonly SyncChange[]): Promise<ToStamp[]> {
  const todo = new Map<string, ToStamp[1]>();
  for (const change of changes) {
    if (change.table === EVERYTHING) {
      for (const [table, ids] of await idsHere(db)) {
        for (const id of ids) todo.set(rowKey(table, id), { table, id, at: change.at });
        for (const row of await headsOfTable(db, table))
          todo.set(row.key, { table, id: row.key.slice(table.length + 1), at: change.at });
      }
    } else if (synced.has(change.table)) {
      const key = rowKey(change.table, change.key);
      const earlier = todo.get(key);
      todo.set(key, { table: change.table, id: change.key, at: Math.max(earlier?.at ?? 0, change.at) });
    }
  }
  // In key order, which is shelf order: each chunk then reads and writes a few shelves, once each.
  return [...todo].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Makes each row of the chunk, as it is now, a version of this device's, where it differs from
 * what sync last knew of it; read and written in a few requests, since a first sync stamps every
 * row there is and one request per row made that take minutes. Returns the clock after them.
 */
async function stampRows(
  db: PrepDatabase,
  chunk: readonly ToStamp[],
  from: Hlc,
  device: string,
): Promise<Hlc> {
  let clock = from;
  const [syncedRows, rows] = await Promise.all([
    readHeads(
      db,
      chunk.map(([key]) => key),
    ),
    readRows(
      db,
      chunk.map(([, { table, id }]) => ({ table, id })),
    ),
  ]);
  const stamped: SyncRow[] = [];
  const outgoing: RowVersion[] = [];
  chunk.forEach(([key, { table, id, at }], i) => {
    const heads = syncedRows[i]?.heads ?? [];
    const row = rows[i];
    const [winner] = heads;
    let version: RowVersion;
    let kept: StoredHead;
    if (row === undefined) {
      if (!winner || syncedRows[i]?.held) return;
      // A deletion that won over versions made alongside it is made again over them when asked
      // (see `keepOverruledNotes`), so it stops being a conflict for every device that gets it.
      if (winner.deleted && heads.length === 1) return;
      clock = tick(clock, at);
      version = nextVersion(heads, { table, id, deleted: true }, formatHlc(clock), device);
      kept = version;
    } else {
      const data = travelling(table, row);
      const canon = canonical(data);
      if (heads.length === 1 && winner && holdsRow(winner, canon)) return;
      clock = tick(clock, at);
      version = nextVersion(heads, { table, id, data }, formatHlc(clock), device);
      kept = asRowHead(version, canon);
    }
    // Made over every head, the version is the only one left (see `nextVersion`).
    stamped.push({ key, heads: [kept] });
    outgoing.push(version);
  });
  await writeHeads(db, stamped);
  const last = outgoing.at(-1);
  if (!last) return clock;
  const waiting: OutboxRow =
    outgoing.length === 1
      ? { hlc: last.hlc, key: rowKey(last.table, last.id) }
      : {
          hlc: last.hlc,
          keys: outgoing.map((version) => rowKey(version.table, version.id)),
          hlcs: outgoing.map((version) => version.hlc),
        };
  await db.syncOutbox.put(waiting);
  return clock;
}

/**
 * Stamps the changes made here before a sync's one long transaction, a chunk of rows at a time,
 * each chunk in a transaction of its own. A first sync stamps every row there is, which takes
 * minutes with years of notes; in the sync's transaction that held every table all along, and a
 * note typed meanwhile waited that long to be saved. Now it waits for one chunk at most. A row is
 * read in the transaction that stamps it, so the changes recorded for it until then are in the
 * version; one edited after its chunk is recorded anew and stamped by the next sync.
 */
export async function stampLocalChanges(db: PrepDatabase): Promise<void> {
  const dataTables = syncedTables.map((table) => db.table(table));
  // The list of rows is read in one go with the changes that ask for it, so no change slips between.
  const { changes, entries } = await db.transaction(
    "r",
    [db.syncChanges, db.syncHeads, ...dataTables],
    async () => {
      const changes = (await db.syncChanges.toArray()) as SyncChange[];
      return { changes, entries: changes.length ? await rowsToStamp(db, changes) : [] };
    },
  );
  const listed = new Set(changes.map((change) => change.id));
  for (let start = 0; start < entries.length; start += STAMP_CHUNK) {
    const chunk = entries.slice(start, start + STAMP_CHUNK);
    const stopped = await db.transaction(
      "rw",
      [db.syncMeta, db.syncHeads, db.syncOutbox, db.syncChanges, ...dataTables],
      async () => {
        const state = await readSyncState(db);
        if (!state) return true;
        const clock = await stampRows(db, chunk, parseHlc(state.clock), state.device);
        await db.syncMeta.put({ ...state, clock: formatHlc(clock) });
        // The changes listed, not one per row: after "everything" the rows have none of their own,
        // and deleting what isn't there cost as much as writing it. One recorded since for a row
        // of this chunk stays, and the next sync finds nothing new in it.
        await db.syncChanges.bulkDelete(
          chunk.flatMap(([, { table, id }]) => {
            const change = changeFor(table, id, 0).id;
            return listed.has(change) ? [change] : [];
          }),
        );
        return false;
      },
    );
    // Sync was turned off meanwhile: what is left waits for it to be turned on again.
    if (stopped) return;
  }
  // "Everything" is done with, unless asked for again since the rows were listed (an import).
  const everything = changes.find((change) => change.table === EVERYTHING);
  if (everything)
    await db.transaction("rw", db.syncChanges, async () => {
      if ((await db.syncChanges.get(EVERYTHING))?.key === everything.key)
        await db.syncChanges.delete(EVERYTHING);
    });
}

/**
 * One sync's work on the database, in one transaction so no edit can slip between reading a row
 * and writing over it: changes made here become versions stamped by this device's clock, the
 * other devices' versions merge in, and each row takes what won. Text that lost a concurrent edit
 * stays beside the meeting's notes as another version, never dropped; two devices that recorded
 * the same person or the same meeting each make it one, the same way on both.
 */
export async function ingest(
  db: PrepDatabase,
  incoming: readonly RowVersion[],
  applied: Coverage,
  now = Date.now(),
): Promise<Ingested> {
  return db.transaction("rw", db.tables, async () => {
    const state = await readSyncState(db);
    if (!state) throw new Error("Sync is not on for this device.");
    let clock: Hlc = parseHlc(state.clock);
    const result: Ingested = { applied: 0, held: 0, clockSkew: false };

    const stampPending = async () => {
      const changes = (await db.syncChanges.toArray()) as SyncChange[];
      if (changes.length === 0) return;
      const entries = await rowsToStamp(db, changes);
      for (let start = 0; start < entries.length; start += STAMP_CHUNK)
        clock = await stampRows(db, entries.slice(start, start + STAMP_CHUNK), clock, state.device);
      await db.syncChanges.clear();
    };

    // What other devices think of rows changed here is judged against these edits, not past them.
    await stampPending();

    /**
     * The heads sync knows of these rows, in full. Every row head matches its row once the changes
     * are stamped; one that doesn't all the same is stamped here, not merged with content it lost.
     */
    const knownHeads = async (keys: readonly string[], again = false): Promise<RowVersion[][]> => {
      const known = await readHeads(db, keys);
      const heads = known.map((row) => row?.heads ?? []);
      if (!heads.some((row) => row.some(isRowHead))) return heads as RowVersion[][];
      const flat = heads.flat();
      const filled = await withRowData(db, flat);
      const stale = new Map<string, ToStamp[1]>();
      filled.forEach((version, i) => {
        const head = flat[i] as StoredHead;
        if (!version)
          stale.set(rowKey(head.table, head.id), { table: head.table as BackupTable, id: head.id, at: now });
      });
      if (stale.size === 0) {
        let at = 0;
        return heads.map((row) => row.map(() => filled[at++] as RowVersion));
      }
      if (again) throw new Error("A synced row changed while sync was taking it in.");
      clock = await stampRows(db, [...stale], clock, state.device);
      return knownHeads(keys, true);
    };

    const combined: Combined = { people: new Map(), meetings: new Map() };
    const overruled: RowVersion[] = [];
    // Every touched row's heads as merged here: put on their shelves a chunk at a time, and kept
    // for choosing each row's winner rather than read back.
    const touchedHeads = new Map<string, RowVersion[]>();
    // A new device takes in every row there is: read and written a chunk at a time, the versions
    // of one row merged in the order they came. In key order, which is shelf order, so each shelf
    // of heads is read and written about once, whatever order the device that sent them kept.
    const others = incoming
      .filter((version) => version.device !== state.device)
      .map((version) => ({ key: rowKey(version.table, version.id), version }))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
      .map(({ version }) => version);
    for (let start = 0; start < others.length; start += STAMP_CHUNK) {
      const chunk = others.slice(start, start + STAMP_CHUNK);
      const unread = [
        ...new Set(
          chunk.map((version) => rowKey(version.table, version.id)).filter((k) => !touchedHeads.has(k)),
        ),
      ];
      (await knownHeads(unread)).forEach((heads, i) => {
        touchedHeads.set(unread[i] as string, heads);
      });
      for (const version of chunk) {
        const key = rowKey(version.table, version.id);
        touchedHeads.set(key, mergeVersion(touchedHeads.get(key) ?? [], version));
        try {
          clock = receive(clock, parseHlc(version.hlc), now);
        } catch (error) {
          if (!(error instanceof ClockSkewError)) throw error;
          result.clockSkew = true;
        }
      }
    }

    // Deletions made over everything known of their row go first. The device that deleted a row
    // for clashing with another (the same 1:1 opened on two computers) had already combined its
    // text into the one kept: combining it into that one here as well would bring back text the
    // manager has since replaced.
    const settledDeletion = (key: string) => {
      const heads = touchedHeads.get(key) ?? [];
      return heads.length === 1 && heads[0]?.deleted === true;
    };
    const allKeys = [...touchedHeads.keys()];
    const touchedKeys = [
      ...allKeys.filter(settledDeletion),
      ...allKeys.filter((key) => !settledDeletion(key)),
    ];
    for (let start = 0; start < touchedKeys.length; start += STAMP_CHUNK) {
      const chunk = touchedKeys.slice(start, start + STAMP_CHUNK);
      const written = await applyWinners(db, chunk, touchedHeads, combined, result, now, overruled);
      // A row now stored exactly as its one version keeps that version as a row head.
      await writeHeads(
        db,
        chunk
          .filter((key) => !written.held.has(key))
          .map((key) => {
            const heads = touchedHeads.get(key) ?? [];
            const canon = written.asRows.get(key);
            // Only a row with one version is stored as it: see `applyWinners`.
            const [winner] = heads;
            return { key, heads: canon !== undefined && winner ? [asRowHead(winner, canon)] : heads };
          }),
      );
    }
    // Rows that arrived pointing at a person or meeting just made part of another follow it.
    await repoint(db, combined);
    await keepOverruledNotes(db, overruled, combined, now);
    // What was just written is what Drive already holds, except where a conflict or a clash was
    // settled here: those differ from every version and are stamped as this device's own change.
    const settle = await db.syncChanges.toArray();
    if (settle.length > 0) await stampPending();

    await db.syncMeta.put({ ...state, clock: formatHlc(clock), applied: { ...state.applied, ...applied } });
    return result;
  });
}

/**
 * Writes what won for a chunk of rows, deleted and put a table at a time. A row that clashes (its
 * person's email, or its meeting's event and person, held by another id) is written on its own,
 * after everything before it, and the rows after it are read again, as that write may have
 * combined them.
 */
async function applyWinners(
  db: PrepDatabase,
  keys: readonly string[],
  allHeads: ReadonlyMap<string, RowVersion[]>,
  combined: Combined,
  result: Ingested,
  now: number,
  /** meeting versions with text that lost to their meeting's deletion: see `keepOverruledNotes` */
  overruled: RowVersion[],
): Promise<{ asRows: Map<string, string>; held: Set<string> }> {
  /** rows stored exactly as their one version: each row's canonical form, by key */
  const asRows = new Map<string, string>();
  const heldKeys = new Set<string>();
  const winners = keys.flatMap((key) => {
    const heads = allHeads.get(key) ?? [];
    const [winner, ...losers] = heads;
    return winner && synced.has(winner.table)
      ? [{ key, heads, winner, losers, table: winner.table as BackupTable }]
      : [];
  });
  const locals = await readRows(
    db,
    winners.map(({ table, winner }) => ({ table, id: winner.id })),
  );
  const meetingPairs = winners.flatMap(({ table, winner }) => {
    const data = winner.data as Partial<Meeting> | undefined;
    return table === "meetings" && !winner.deleted && data?.eventInstanceId && data.personId
      ? [[data.eventInstanceId, data.personId] as [string, string]]
      : [];
  });
  const emails = winners.flatMap(({ table, winner }) => {
    const email = (winner.data as Partial<Person> | undefined)?.email;
    return table === "people" && !winner.deleted && typeof email === "string" ? [email] : [];
  });
  // Who holds each unique value now: a row may be put beside others only where it holds its own.
  // Asked all at once, a request per value, and only for ids: one cursor stepping from value to
  // value, reading each holder whole, was seconds of a restore.
  const holders = new Map<string, string>();
  const [pairHolders, emailHolders] = await Promise.all([
    Promise.all(
      meetingPairs.map((pair) => db.meetings.where("[eventInstanceId+personId]").equals(pair).primaryKeys()),
    ),
    Promise.all(emails.map((email) => db.people.where("email").equals(email).primaryKeys())),
  ]);
  meetingPairs.forEach(([eventInstanceId, personId], i) => {
    for (const id of pairHolders[i] ?? []) holders.set(meetingPair({ eventInstanceId, personId }), id);
  });
  emails.forEach((email, i) => {
    for (const id of emailHolders[i] ?? []) holders.set(personEmail(email), id);
  });

  const puts = new Map<BackupTable, Record<string, unknown>[]>();
  /** rows written as the one version every device has of them: nothing here for sync to send */
  const drivePuts = new Map<BackupTable, Record<string, unknown>[]>();
  const deletes = new Map<BackupTable, string[]>();
  const flush = async () => {
    // A deletion that won leaves nothing to stamp, as a row written as its only version doesn't.
    await withoutChanges(async () => {
      for (const [table, ids] of deletes) await db.table(table).bulkDelete(ids);
      for (const [table, rows] of drivePuts) await db.table(table).bulkPut(rows);
    });
    for (const [table, rows] of puts) await db.table(table).bulkPut(rows);
    deletes.clear();
    drivePuts.clear();
    puts.clear();
  };
  const queue = <T>(into: Map<BackupTable, T[]>, table: BackupTable, item: T) => {
    const list = into.get(table) ?? [];
    list.push(item);
    into.set(table, list);
  };
  /** Set once a row was written on its own: what was read ahead may have changed since. */
  let readAgain = false;

  for (const [i, { key, heads, winner, losers, table }] of winners.entries()) {
    const store = db.table(table) as Table<Record<string, unknown>, string>;
    const local = readAgain ? await store.get(winner.id) : locals[i];
    if (winner.deleted) {
      if (table === "meetings") for (const loser of losers) if (loser.data) overruled.push(loser);
      if (local !== undefined) {
        if (readAgain) await store.delete(winner.id);
        else queue(deletes, table, winner.id);
        result.applied += 1;
      }
      continue;
    }
    const parsed = rowSchemas[table].safeParse(clampRowDates(table, winner.data ?? {}, now));
    if (!parsed.success || parsed.data.id !== winner.id) {
      result.held += 1;
      heldKeys.add(key);
      await writeHeads(db, [{ key, heads, held: true }]);
      continue;
    }
    // Fields a newer release added are kept as they came: dropping them here would make this
    // device's next version of the row take them away from every device.
    let row = { ...winner.data, ...parsed.data };
    if (table === "meetings" && losers.length > 0) {
      const meeting = row as unknown as Meeting;
      const others = otherVersionsFromLosers(meeting, losers);
      if (others.length > 0)
        row = { ...row, otherVersions: [...(meeting.otherVersions ?? []), ...others] } as typeof row;
    }
    const sent = canonical(winner.data);
    const stored = local === undefined ? undefined : canonical(travelling(table, local));
    if (stored !== undefined && stored === canonical(row)) {
      if (losers.length === 0 && stored === sent) asRows.set(key, stored);
      continue;
    }
    result.applied += 1;
    const unique = uniqueValue(table, row);
    if (!readAgain && (unique === undefined || (holders.get(unique) ?? winner.id) === winner.id)) {
      if (unique !== undefined) holders.set(unique, winner.id);
      // A row written exactly as the version that won is that version, and stamping passes over
      // it (see stampRows), even where other versions lost to it: stamped as this device's own, it
      // would be a newer version made by every settling, and devices that settled apart would keep
      // overruling each other instead of coming to rest. One changed on the way in is recorded.
      const written = canonical(travelling(table, row));
      const asSent = written === sent;
      if (asSent && losers.length === 0) asRows.set(key, written);
      queue(asSent ? drivePuts : puts, table, row);
      continue;
    }
    await flush();
    await putResolvingClashes(db, table, row, combined);
    readAgain = true;
  }
  await flush();
  return { asRows, held: heldKeys };
}

/**
 * A meeting is deleted on one device when it turns out to be the same 1:1 as another (opened on
 * two computers before they synced) and is folded into it. Notes another device wrote into it
 * meanwhile lose to that deletion; folding them in too depended on which of the two rows this
 * device happened to write first. Whatever the order, their text goes beside the meeting of that
 * event and person, unless it is already there. Where no such meeting is left, the manager
 * deleted it, and that stands.
 */
async function keepOverruledNotes(
  db: PrepDatabase,
  overruled: readonly RowVersion[],
  combined: Combined,
  now: number,
) {
  for (const loser of overruled) {
    const data = loser.data as Partial<Meeting> | undefined;
    if (!data?.eventInstanceId || !data.personId) continue;
    const personId = combined.people.get(data.personId) ?? data.personId;
    const holder = await db.meetings
      .where("[eventInstanceId+personId]")
      .equals([data.eventInstanceId, personId])
      .first();
    if (!holder || holder.id === loser.id) continue;
    const missing = otherVersionsFromLosers(holder, [loser]).filter(
      ({ text, promptId }) =>
        !(promptId === undefined ? holder.notes : (holder.answers[promptId] ?? "")).includes(text),
    );
    if (missing.length > 0)
      await db.meetings.put({ ...holder, otherVersions: [...(holder.otherVersions ?? []), ...missing] });
    // Its text is beside the meeting now: the deletion is made again over it and settled, so a
    // computer restoring later doesn't bring it back after the manager has dealt with it.
    await db.syncChanges.put(changeFor("meetings", loser.id, now));
  }
}

const meetingPair = (meeting: Pick<Meeting, "eventInstanceId" | "personId">) =>
  JSON.stringify(["meeting", meeting.eventInstanceId, meeting.personId]);
const personEmail = (email: string) => JSON.stringify(["person", email]);

/** The value of a row's unique index, which another row may hold: none for most tables. */
function uniqueValue(table: BackupTable, row: Record<string, unknown>): string | undefined {
  if (table === "meetings") return meetingPair(row as unknown as Meeting);
  if (table === "people" && typeof row.email === "string") return personEmail(row.email);
  return undefined;
}

/**
 * Writes a row from another device. Two devices can record the same person (one email) or the
 * same meeting (one event with one person) under different ids; the unique index then holds the
 * local one. Both become one, keeping everything either holds, and the lower id stays: every
 * device settles the same pair the same way.
 */
async function putResolvingClashes(
  db: PrepDatabase,
  table: BackupTable,
  row: Record<string, unknown>,
  combined: Combined,
) {
  const id = row.id as string;
  if (table === "people" && typeof row.email === "string") {
    const holder = await db.people.where("email").equals(row.email).first();
    if (holder && holder.id !== id) {
      const { email: _email, ...withoutEmail } = row;
      await db.people.put(withoutEmail as never);
      const [keep, drop] = holder.id < id ? [holder.id, id] : [id, holder.id];
      await mergePeople(db, keep, drop);
      combined.people.set(drop, keep);
      return;
    }
  }
  if (table === "meetings") {
    const meeting = row as unknown as Meeting;
    const holder = await db.meetings
      .where("[eventInstanceId+personId]")
      .equals([meeting.eventInstanceId, meeting.personId])
      .first();
    if (holder && holder.id !== id) {
      if (holder.id < id) {
        await combineMeetingsInto(db, holder, meeting);
        combined.meetings.set(id, holder.id);
      } else {
        await db.meetings.delete(holder.id);
        await db.meetings.put(meeting);
        await combineMeetingsInto(db, meeting, holder);
        combined.meetings.set(holder.id, id);
      }
      return;
    }
  }
  await db.table(table).put(row);
}

/** Ids made part of another in this sync: dropped id → kept id. */
interface Combined {
  people: Map<string, string>;
  meetings: Map<string, string>;
}

async function repoint(db: PrepDatabase, combined: Combined) {
  for (const [drop, keep] of combined.people) {
    const moveTo = { personId: keep };
    for (const meeting of await db.meetings.where("personId").equals(drop).toArray()) {
      const holder = await db.meetings
        .where("[eventInstanceId+personId]")
        .equals([meeting.eventInstanceId, keep])
        .first();
      if (!holder) await db.meetings.update(meeting.id, moveTo);
      else if (holder.id < meeting.id) await combineMeetingsInto(db, holder, { ...meeting, ...moveTo });
      else {
        await db.meetings.delete(holder.id);
        await db.meetings.put({ ...meeting, ...moveTo });
        await combineMeetingsInto(db, { ...meeting, ...moveTo }, holder);
      }
    }
    for (const table of ["agendaItems", "actionItems", "feedback", "growthPlans", "questionsAsked"] as const)
      await db.table(table).where("personId").equals(drop).modify(moveTo);
  }
  for (const [drop, keep] of combined.meetings) {
    const moveTo = { meetingId: keep };
    await db.agendaItems.where("meetingId").equals(drop).modify(moveTo);
    await db.actionItems.where("meetingId").equals(drop).modify(moveTo);
    await db.questionsAsked.filter((q) => q.meetingId === drop).modify(moveTo);
    await db.feedback.filter((f) => f.deliveredMeetingId === drop).modify({ deliveredMeetingId: keep });
  }
}

export interface OutgoingBatch {
  seq: number;
  rows: RowVersion[];
  /** the Drive file id kept for it by an earlier try */
  fileId?: string;
}

/**
 * The next batch to upload: the one already on its way if an upload was cut off, or the oldest
 * versions made here. Versions stay in the outbox until `confirmBatch`. With `device`: only while
 * sync is on as that device, not after it was turned off and on again.
 */
export async function takeBatch(
  db: PrepDatabase,
  maxRows: number,
  device?: string,
): Promise<OutgoingBatch | undefined> {
  const dataTables = syncedTables.map((table) => db.table(table));
  return db.transaction(
    "rw",
    [db.syncMeta, db.syncHeads, db.syncOutbox, db.syncChanges, ...dataTables],
    async () => {
      const state = await readSyncState(db);
      if (!state || (device !== undefined && state.device !== device)) return undefined;
      if (state.pending) return state.pending;
      // A first upload is going up as a snapshot: batches follow it, numbered after it.
      if (state.firstSnapshot) return undefined;
      for (;;) {
        const read = (await db.syncOutbox.limit(maxRows).toArray()) as OutboxRow[];
        if (read.length === 0) return undefined;
        // Whole outbox rows, at least one, so each leaves the outbox with the batch holding it all.
        const waiting: OutboxRow[] = [];
        let size = 0;
        for (const row of read) {
          if (waiting.length > 0 && size + outboxSize(row) > maxRows) break;
          waiting.push(row);
          size += outboxSize(row);
        }
        const entries = waiting.flatMap(outboxEntries);
        const keys = [...new Set(entries.flatMap((entry) => ("key" in entry ? [entry.key] : [])))];
        const heads = new Map<string, StoredHead[]>();
        (await readHeads(db, keys)).forEach((row, i) => {
          heads.set(keys[i] as string, row?.heads ?? []);
        });
        // A version a later edit here replaced is no longer among its row's heads: the newer one,
        // which has seen it, is further on in the outbox and goes instead. One whose row was written
        // since it was stamped has lost its content: the row as it is now goes in the next batch.
        const taken = entries.flatMap((entry) =>
          "key" in entry ? (heads.get(entry.key) ?? []).filter((head) => head.hlc === entry.hlc) : [entry],
        );
        const filled = await withRowData(db, taken);
        await noteChanged(
          db,
          taken.filter((_, i) => filled[i] === undefined),
        );
        const rows = filled.filter((row) => row !== undefined);
        const sent = waiting.map((row) => row.hlc);
        // Every one of them replaced since: nothing of these to send.
        if (rows.length === 0) {
          await db.syncOutbox.bulkDelete(sent);
          continue;
        }
        const pending = { seq: state.seq + 1, rows, sent };
        await db.syncMeta.put({ ...state, pending });
        return pending;
      }
    },
  );
}

/** A first upload as one snapshot: what it holds, and the stamp its versions go up to. */
export interface FirstSnapshot {
  upTo: string;
  rows: RowVersion[];
  state: SyncState;
}

/**
 * A device's first upload of many versions, as one snapshot instead of batch after batch: each
 * batch is read, sealed and sent on its own, which for years of notes took longer than the
 * snapshot written after them all, holding the same versions. It is numbered 1, the batch it
 * stands for, and the next batch is 2; another device restores from it as from any snapshot.
 * Undefined when this device has uploaded before, has taken in another device's rows, or has
 * fewer than `minRows` versions to send.
 */
export async function takeFirstSnapshot(
  db: PrepDatabase,
  minRows: number,
): Promise<FirstSnapshot | undefined> {
  const taken = await db.transaction("rw", [db.syncMeta, db.syncHeads, db.syncOutbox], async () => {
    const state = await readSyncState(db);
    if (state?.seq !== 0 || state.pending) return undefined;
    let upTo = state.firstSnapshot?.upTo;
    if (!upTo) {
      // Once another device's rows are here, a snapshot would send them back with this one's
      // own: batches send only what was made here.
      if (Object.values(state.applied).some((seq) => seq > 0)) return undefined;
      // Each outbox row holds a version at least: counting rows settles most cases at once.
      if ((await db.syncOutbox.count()) < minRows && (await outboxVersions(db)) < minRows) return undefined;
      upTo = (await db.syncOutbox.orderBy(":id").lastKey()) as string | undefined;
      if (!upTo) return undefined;
      await db.syncMeta.put({ ...state, firstSnapshot: { upTo } });
    }
    return {
      upTo,
      heads: await everyHead(db),
      state: { ...state, firstSnapshot: { ...state.firstSnapshot, upTo } },
    };
  });
  if (!taken) return undefined;
  // Every version this device knows, its own up to `upTo` among them; one made since is in the
  // outbox as well, and goes in a batch after. So does the row written after its version was
  // made: that version is left out, and the row as it is now is the next version.
  const { rows, stale } = await snapshotRows(db, taken.heads);
  await noteChanged(db, stale);
  return { upTo: taken.upTo, rows, state: taken.state };
}

/**
 * The Drive file id an upload goes up under, made by Drive and kept before the first try: a try
 * whose answer was lost and the try after it then make one file, not two of one name. For the
 * batch numbered `seq`, or the first snapshot up to `upTo`; false when that upload is no longer
 * the one waiting (sync was turned off or on again meanwhile), and nothing is kept.
 */
export async function keepUploadFileId(
  db: PrepDatabase,
  device: string,
  upload: { seq: number } | { upTo: string },
  fileId: string,
): Promise<boolean> {
  return db.transaction("rw", db.syncMeta, async () => {
    const state = await readSyncState(db);
    if (state?.device !== device) return false;
    if ("seq" in upload) {
      if (state.pending?.seq !== upload.seq) return false;
      await db.syncMeta.put({ ...state, pending: { ...state.pending, fileId } });
      return true;
    }
    if (state.firstSnapshot?.upTo !== upload.upTo) return false;
    await db.syncMeta.put({ ...state, firstSnapshot: { ...state.firstSnapshot, fileId } });
    return true;
  });
}

/** The first snapshot is in Drive: the versions it holds leave the outbox, and it counts as batch 1. */
export async function confirmFirstSnapshot(db: PrepDatabase, upTo: string): Promise<void> {
  await db.transaction("rw", [db.syncMeta, db.syncOutbox], async () => {
    const state = await readSyncState(db);
    if (state?.firstSnapshot?.upTo !== upTo) return;
    await db.syncOutbox.where(":id").belowOrEqual(upTo).delete();
    const { firstSnapshot: _done, ...rest } = state;
    await db.syncMeta.put({ ...rest, seq: 1, snapshotSeq: 1 });
  });
}

/** The batch is in Drive: its versions leave the outbox. */
export async function confirmBatch(db: PrepDatabase, seq: number): Promise<void> {
  await db.transaction("rw", [db.syncMeta, db.syncOutbox], async () => {
    const state = await readSyncState(db);
    if (!state?.pending || state.pending.seq !== seq) return;
    await db.syncOutbox.bulkDelete(state.pending.sent ?? state.pending.rows.map((row) => row.hlc));
    const { pending: _done, ...rest } = state;
    await db.syncMeta.put({ ...rest, seq });
  });
}

/**
 * The shared key file in Drive was checked to wrap this device's key: it is kept as Drive holds
 * it, so an Upload again puts back the wrapping of the newest passphrase, not of the first.
 */
export async function noteKeyFile(
  db: PrepDatabase,
  file: { id: string; version?: string },
  keyFile: unknown,
): Promise<void> {
  await db.transaction("rw", db.syncMeta, async () => {
    const [state, key] = await Promise.all([readSyncState(db), db.syncMeta.get("key")]);
    if (!state) return;
    const { keyFileVersion: _earlier, ...rest } = state;
    await db.syncMeta.put({
      ...rest,
      keyFileId: file.id,
      ...(file.version === undefined ? {} : { keyFileVersion: file.version }),
    });
    if (key) await db.syncMeta.put({ ...key, keyFile } as SyncMetaRow);
  });
}

export async function noteSnapshot(db: PrepDatabase, seq: number): Promise<void> {
  await db.transaction("rw", db.syncMeta, async () => {
    const state = await readSyncState(db);
    if (state) await db.syncMeta.put({ ...state, snapshotSeq: seq });
  });
}

/** Every version of every row as this device knows them, for a snapshot; with what they cover. */
export async function readAllVersions(
  db: PrepDatabase,
): Promise<{ rows: RowVersion[]; state: SyncState } | undefined> {
  const taken = await db.transaction("r", [db.syncMeta, db.syncHeads, db.syncOutbox], async () => {
    const state = await readSyncState(db);
    // Only what is in Drive already: a snapshot names the last own batch it holds.
    if (!state || state.pending || (await db.syncOutbox.count()) > 0) return undefined;
    return { heads: await everyHead(db), state };
  });
  if (!taken) return undefined;
  const { rows, stale } = await snapshotRows(db, taken.heads);
  // A row written since its version was made: the snapshot waits for that to be in Drive first.
  if (stale.length > 0) {
    await noteChanged(db, stale);
    return undefined;
  }
  return { rows, state: taken.state };
}

/** What a snapshot holds: the newest versions of every row this device knows. */
async function everyHead(db: PrepDatabase): Promise<StoredHead[]> {
  return (await everyRowHeads(db)).flatMap((row) => row.heads);
}

/** Whether anything waits for a sync: for the background's debounce, without reading rows. */
export function syncIsOn(db: PrepDatabase): Promise<boolean> {
  return Dexie.ignoreTransaction(async () => (await db.syncMeta.get("state")) !== undefined);
}
