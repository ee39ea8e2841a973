/**
 * Merging row versions from every device into one state that ends the same on all of them,
 * whatever order the batches arrive in and however often one is applied again.
 *
 * Per row the state keeps its heads: the versions no other known version has seen. Usually there
 * is one. Two devices that changed a row while apart leave two heads; the one with the later
 * clock stamp wins (ties cannot happen: the stamp ends with the device id), and for note text the
 * other is handed back as a conflict, so no text is ever dropped.
 *
 * The cross-device case cannot use the two-tab text merge (`mergeEdit` in lib/db): that needs the
 * text both sides started from, and a version carries only the stamps it was made over.
 */
import type { RowVersion } from "./batch";

/** Rows keyed by `rowKey(table, id)`, each with its heads, newest stamp first. */
export type RowHeads = ReadonlyMap<string, readonly RowVersion[]>;

/** Which field of which table is note text that must never be dropped, e.g. `{ meetings: "notes" }`. */
export type NoteFields = Readonly<Record<string, string>>;

export function rowKey(table: string, id: string): string {
  return `${table}/${id}`;
}

/** `a` was made over `b` (directly or through other versions). Stamps sort as strings. */
export function hasSeen(a: RowVersion, b: RowVersion): boolean {
  const past = a.seen[b.device];
  return past !== undefined && past >= b.hlc;
}

/** JSON with keys in order, so two equal rows read the same whatever order their keys came in. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object")
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`)
      .join(",")}}`;
  return JSON.stringify(value) ?? "null";
}

const newestFirst = (a: RowVersion, b: RowVersion) => (a.hlc < b.hlc ? 1 : a.hlc > b.hlc ? -1 : 0);

/** The heads of one row after one more version arrives. */
export function mergeVersion(heads: readonly RowVersion[], incoming: RowVersion): RowVersion[] {
  const same = heads.find((head) => head.hlc === incoming.hlc);
  if (same) {
    // One stamp is one version; should two ever differ, every device keeps the same one.
    if (canonical(same) <= canonical(incoming)) return [...heads];
    return heads.map((head) => (head === same ? incoming : head)).sort(newestFirst);
  }
  if (heads.some((head) => hasSeen(head, incoming))) return [...heads];
  return [...heads.filter((head) => !hasSeen(incoming, head)), incoming].sort(newestFirst);
}

/** A new state with the versions merged in; the given one is left as it was. */
export function mergeRows(state: RowHeads, versions: Iterable<RowVersion>): Map<string, RowVersion[]> {
  const next = new Map<string, RowVersion[]>(state as Map<string, RowVersion[]>);
  for (const version of versions) {
    const key = rowKey(version.table, version.id);
    next.set(key, mergeVersion(next.get(key) ?? [], version));
  }
  return next;
}

export interface NoteConflict {
  table: string;
  id: string;
  field: string;
  /** the stamp of the version that won */
  winner: string;
  /** the losing version, whose text is `text` */
  other: RowVersion;
  text: string;
  /** the same on every device, so a copy kept on two devices is one row, not two */
  copyId: string;
}

export interface CurrentRows {
  /** the winning version per row; a tombstone means the row is deleted */
  rows: Map<string, RowVersion>;
  /** note text of concurrent versions that lost, to keep beside the winner and show */
  conflicts: NoteConflict[];
}

export function conflictCopyId(id: string, otherStamp: string): string {
  return `${id}~${otherStamp}`;
}

function noteText(version: RowVersion, field: string): string {
  const value = version.data?.[field];
  return typeof value === "string" ? value : "";
}

/** What each row reads now, and the note text that lost a concurrent edit. */
export function currentRows(state: RowHeads, noteFields: NoteFields = {}): CurrentRows {
  const rows = new Map<string, RowVersion>();
  const conflicts: NoteConflict[] = [];
  for (const [key, heads] of state) {
    const [winner, ...others] = heads;
    if (!winner) continue;
    rows.set(key, winner);
    const field = noteFields[winner.table];
    if (field === undefined) continue;
    const kept = noteText(winner, field);
    for (const other of others) {
      const text = noteText(other, field);
      if (text.trim() === "" || text === kept) continue;
      conflicts.push({
        table: winner.table,
        id: winner.id,
        field,
        winner: winner.hlc,
        other,
        text,
        copyId: conflictCopyId(winner.id, other.hlc),
      });
    }
  }
  return { rows, conflicts };
}

export type RowChange = { table: string; id: string } & (
  | { data: Record<string, unknown> }
  | { deleted: true }
);

/**
 * The version for a change made here, stamped `hlc` (from `tick`). It is made over every head the
 * row has here, so it settles a conflict: before writing over a row with conflicts, keep their
 * text (the copies `currentRows` hands back), or it is gone from the synced row.
 */
export function nextVersion(
  heads: readonly Pick<RowVersion, "hlc" | "device" | "seen">[],
  change: RowChange,
  hlc: string,
  device: string,
): RowVersion {
  const seen: Record<string, string> = {};
  for (const head of heads) {
    for (const [other, stamp] of [...Object.entries(head.seen), [head.device, head.hlc] as const]) {
      const known = seen[other];
      if (known === undefined || stamp > known) seen[other] = stamp;
    }
  }
  const base = { table: change.table, id: change.id, hlc, device, seen };
  return "deleted" in change ? { ...base, deleted: true } : { ...base, data: change.data };
}
