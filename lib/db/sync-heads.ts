import type { Table, Transaction } from "dexie";
import type { RowVersion } from "@/lib/sync/batch";
import type { PrepDatabase } from "./database";

/**
 * A version kept without its data, because it is exactly the row as stored here: `rowHash` is the
 * hash of that row's canonical form, which tells a later write to the row from it without a copy.
 * Keeping every row a second time inside its head made a first sync and a restore write years of
 * notes twice. Never sent as it is: the sync reads the row back into it first.
 */
export type RowHead = Omit<RowVersion, "data"> & { rowHash: string };

/** A head as sync keeps it: in full, or as the row stored here. */
export type StoredHead = RowVersion | RowHead;

/** The versions of one row every device agrees on so far: usually one, two after a conflict. */
export interface SyncRow {
  /** `rowKey(table, id)` */
  key: string;
  heads: StoredHead[];
  /** the winning version could not be written here: its absence is not a deletion to send on */
  held?: true;
}

/**
 * The heads of every row of one table whose id starts alike, kept as one record. A record per row
 * made a first sync and a restore write as many records again as there are rows, and with years of
 * notes that cost about as much as writing the notes themselves. Ids are random, so a shelf holds
 * a share of its table; and rows in key order are shelves in order, so the sync, which goes
 * through rows in key order, reads and writes each shelf about once.
 */
export interface HeadsShelf {
  /** `<table>/<the id's first two characters>` */
  shelf: string;
  rows: SyncRow[];
}

/** The shelf a row's heads are kept on. A key is `<table>/<id>`; tables have no "/" in their name. */
export function shelfOf(key: string): string {
  const slash = key.indexOf("/");
  let end = slash + 3;
  // Never half of a character written as two code units: the shelf's name stays valid text.
  const last = key.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return key.slice(0, Math.min(end, key.length));
}

const shelves = (db: PrepDatabase) => db.syncHeads as unknown as Table<HeadsShelf, string>;

/** The items grouped by shelf, each shelf once, in the order first met. */
function byShelf<T>(items: Iterable<T>, keyOf: (item: T) => string): Map<string, T[]> {
  const grouped = new Map<string, T[]>();
  for (const item of items) {
    const shelf = shelfOf(keyOf(item));
    const list = grouped.get(shelf);
    if (list) list.push(item);
    else grouped.set(shelf, [item]);
  }
  return grouped;
}

const keyOfRow = (row: SyncRow) => row.key;

/** Each key's heads, in the keys' order; undefined where sync knows nothing of the row. */
export async function readHeads(db: PrepDatabase, keys: readonly string[]): Promise<(SyncRow | undefined)[]> {
  if (keys.length === 0) return [];
  const names = [...byShelf(keys, (key) => key).keys()];
  const found = new Map<string, SyncRow>();
  for (const shelf of await shelves(db).bulkGet(names))
    for (const row of shelf?.rows ?? []) found.set(row.key, row);
  return keys.map((key) => found.get(key));
}

/** Keeps each row's heads, in place of what its shelf held of it. */
export async function writeHeads(db: PrepDatabase, rows: readonly SyncRow[]): Promise<void> {
  if (rows.length === 0) return;
  const grouped = byShelf(rows, keyOfRow);
  const names = [...grouped.keys()];
  const stored = await shelves(db).bulkGet(names);
  await shelves(db).bulkPut(
    names.map((shelf, i) => {
      const kept = new Map((stored[i]?.rows ?? []).map((row) => [row.key, row]));
      for (const row of grouped.get(shelf) ?? []) kept.set(row.key, row);
      return { shelf, rows: [...kept.values()] };
    }),
  );
}

/** Every row of a table sync knows of. */
export async function headsOfTable(db: PrepDatabase, table: string): Promise<SyncRow[]> {
  const onTable = await shelves(db).where("shelf").startsWith(`${table}/`).toArray();
  return onTable.flatMap((shelf) => shelf.rows);
}

/** Keeps the heads of the rows `kept` says to, and lets the others go. */
export async function keepHeadsOnly(db: PrepDatabase, kept: (key: string) => boolean): Promise<void> {
  const all = await shelves(db).toArray();
  const emptied: string[] = [];
  const changed: HeadsShelf[] = [];
  for (const shelf of all) {
    const rows = shelf.rows.filter((row) => kept(row.key));
    if (rows.length === 0) emptied.push(shelf.shelf);
    else if (rows.length < shelf.rows.length) changed.push({ shelf: shelf.shelf, rows });
  }
  await shelves(db).bulkDelete(emptied);
  await shelves(db).bulkPut(changed);
}

/** Every row sync knows of, shelf by shelf: rows of one shelf come together. */
export async function everyRowHeads(db: PrepDatabase): Promise<SyncRow[]> {
  return (await shelves(db).toArray()).flatMap((shelf) => shelf.rows);
}

/**
 * Database version 7: the heads an earlier release kept a record per row go onto shelves, as they
 * were, full versions and row heads alike. The old store is emptied here and dropped by version 8.
 */
export async function shelveSyncRows(tx: Transaction): Promise<void> {
  const old = tx.table("syncRows") as Table<SyncRow, string>;
  const grouped = byShelf(await old.toArray(), keyOfRow);
  if (grouped.size === 0) return;
  await tx.table("syncHeads").bulkPut([...grouped].map(([shelf, rows]) => ({ shelf, rows })));
  await old.clear();
}
