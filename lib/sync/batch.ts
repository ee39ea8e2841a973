/**
 * What a device uploads: change batches (its own changes since the last batch) and from time to
 * time a snapshot of everything it holds, so a new device restores in one download. Files are
 * named only by the random device id and a sequence number; the rows themselves travel sealed.
 */
import { z } from "zod";
import { type BlobContext, type DataKey, decryptBlob, encryptBlob } from "./crypto";
import { fromUtf8, utf8 } from "./encoding";
import { compareHlc, deviceIdSchema, hlcStringSchema, parseHlc } from "./hlc";

const tableSchema = z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,63}$/);

/**
 * One version of one row. `seen` is the row's causal past: for each device, the newest stamp of
 * that device's versions of this row that this version was made over (never itself). Two versions
 * where neither has seen the other were made concurrently.
 */
export const rowVersionSchema = z
  .strictObject({
    table: tableSchema,
    id: z.string().min(1).max(256),
    hlc: hlcStringSchema,
    device: deviceIdSchema,
    seen: z.record(deviceIdSchema, hlcStringSchema),
    /** a tombstone: the row was deleted */
    deleted: z.literal(true).optional(),
    data: z.record(z.string(), z.unknown()).optional(),
  })
  .superRefine((row, ctx) => {
    const stamp = parseHlc(row.hlc);
    if (stamp.device !== row.device) ctx.addIssue({ code: "custom", message: "stamp of another device" });
    if ((row.deleted === true) === (row.data !== undefined))
      ctx.addIssue({ code: "custom", message: "a row is either data or a tombstone" });
    for (const [device, hlc] of Object.entries(row.seen)) {
      const seen = parseHlc(hlc);
      if (seen.device !== device)
        ctx.addIssue({ code: "custom", message: "seen stamp under another device" });
      // Versions are stamped after receiving what they were made over, so their past is older.
      if (compareHlc(seen, stamp) >= 0)
        ctx.addIssue({ code: "custom", message: "seen a stamp not in the past" });
    }
  });

export type RowVersion = z.infer<typeof rowVersionSchema>;

const seqSchema = z.number().int().min(1).max(9_999_999_999);

export const BATCH_FORMAT = "1on1prep-sync-batch";
export const SNAPSHOT_FORMAT = "1on1prep-sync-snapshot";

export const changeBatchSchema = z
  .strictObject({
    format: z.literal(BATCH_FORMAT),
    version: z.literal(1),
    device: deviceIdSchema,
    seq: seqSchema,
    rows: z.array(rowVersionSchema),
  })
  .refine((batch) => batch.rows.every((row) => row.device === batch.device), {
    message: "a device uploads only its own changes",
  });

export type ChangeBatch = z.infer<typeof changeBatchSchema>;

/** For each device, the last of its batches whose changes are in the snapshot. */
export const coverageSchema = z.record(deviceIdSchema, z.number().int().min(0).max(9_999_999_999));
export type Coverage = z.infer<typeof coverageSchema>;

export const snapshotSchema = z
  .strictObject({
    format: z.literal(SNAPSHOT_FORMAT),
    version: z.literal(1),
    device: deviceIdSchema,
    /** equals `covers[device]`: the snapshot is named after the last own batch it contains */
    seq: seqSchema,
    covers: coverageSchema,
    /** every current version of every row, tombstones included, concurrent versions all kept */
    rows: z.array(rowVersionSchema),
  })
  .refine((snapshot) => snapshot.covers[snapshot.device] === snapshot.seq, {
    message: "a snapshot is named after the last own batch it covers",
  });

export type Snapshot = z.infer<typeof snapshotSchema>;

export type SyncFileName =
  | { kind: "batch"; device: string; seq: number }
  | { kind: "snapshot"; device: string; seq: number }
  /** the wrapped data key, shared by all devices */
  | { kind: "key" }
  /** the list of devices, shared by all devices */
  | { kind: "devices" };

export const KEY_FILE_NAME = "key";
export const DEVICES_FILE_NAME = "devices";
const SEQ_DIGITS = 10;
const NAME = /^([bs])-([a-z0-9]{8,32})-(\d{10})$/;

/**
 * `b-<device>-<seq>`, zero-padded so names sort by sequence. The name is fixed before the upload,
 * so a retried upload is the same file, never a second batch.
 */
export function batchFileName(device: string, seq: number): string {
  return `b-${deviceIdSchema.parse(device)}-${String(seqSchema.parse(seq)).padStart(SEQ_DIGITS, "0")}`;
}

export function snapshotFileName(device: string, seq: number): string {
  return `s-${deviceIdSchema.parse(device)}-${String(seqSchema.parse(seq)).padStart(SEQ_DIGITS, "0")}`;
}

/** undefined for a file that is not ours to read (left alone, never deleted) */
export function parseSyncFileName(name: string): SyncFileName | undefined {
  if (name === KEY_FILE_NAME) return { kind: "key" };
  if (name === DEVICES_FILE_NAME) return { kind: "devices" };
  const match = NAME.exec(name);
  if (!match) return undefined;
  const seq = Number(match[3]);
  if (seq < 1) return undefined;
  return { kind: match[1] === "b" ? "batch" : "snapshot", device: match[2] as string, seq };
}

type SealedKind = "batch" | "snapshot" | "devices";

function sealedContext(name: string, kind: SealedKind): BlobContext {
  return { fileName: name, kind };
}

export interface SealedFile {
  name: string;
  bytes: Uint8Array;
}

/** `schemaVersion` is the database schema the rows' data follow; it is sealed with them. */
export async function sealBatch(
  dataKey: DataKey,
  batch: ChangeBatch,
  schemaVersion: number,
): Promise<SealedFile> {
  const valid = changeBatchSchema.parse(batch);
  const name = batchFileName(valid.device, valid.seq);
  return {
    name,
    bytes: await encryptBlob(
      dataKey,
      utf8(JSON.stringify(valid)),
      sealedContext(name, "batch"),
      schemaVersion,
    ),
  };
}

export async function sealSnapshot(
  dataKey: DataKey,
  snapshot: Snapshot,
  schemaVersion: number,
): Promise<SealedFile> {
  const valid = snapshotSchema.parse(snapshot);
  const name = snapshotFileName(valid.device, valid.seq);
  return {
    name,
    bytes: await encryptBlob(
      dataKey,
      utf8(JSON.stringify(valid)),
      sealedContext(name, "snapshot"),
      schemaVersion,
    ),
  };
}

export class SyncFileError extends Error {
  override readonly name = "SyncFileError";
}

async function openAs<T>(
  dataKey: DataKey,
  name: string,
  bytes: Uint8Array,
  kind: SealedKind,
  schema: z.ZodType<T>,
): Promise<{ value: T; schemaVersion: number }> {
  const opened = await decryptBlob(dataKey, bytes, sealedContext(name, kind));
  let json: unknown;
  try {
    json = JSON.parse(fromUtf8(opened.plaintext));
  } catch {
    throw new SyncFileError(`The synced ${kind} ${name} is not one we can read.`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new SyncFileError(`The synced ${kind} ${name} is not one we can read.`);
  return { value: parsed.data, schemaVersion: opened.schemaVersion };
}

export async function openBatch(dataKey: DataKey, name: string, bytes: Uint8Array) {
  const opened = await openAs(dataKey, name, bytes, "batch", changeBatchSchema);
  if (batchFileName(opened.value.device, opened.value.seq) !== name)
    throw new SyncFileError(`The synced batch ${name} holds another batch.`);
  return opened;
}

export async function openSnapshot(dataKey: DataKey, name: string, bytes: Uint8Array) {
  const opened = await openAs(dataKey, name, bytes, "snapshot", snapshotSchema);
  if (snapshotFileName(opened.value.device, opened.value.seq) !== name)
    throw new SyncFileError(`The synced snapshot ${name} holds another snapshot.`);
  return opened;
}

export const DEVICES_FORMAT = "1on1prep-sync-devices";
/** A device not heard of for this long is still listed; its time seen is renewed no more often. */
export const DEVICE_SEEN_EVERY_MS = 12 * 60 * 60 * 1000;
const epochSchema = z.number().int().min(0).max(8_640_000_000_000_000);

export const syncedDeviceSchema = z.strictObject({
  id: deviceIdSchema,
  /** the browser and system, e.g. "Chrome on Windows": what the manager tells computers apart by */
  label: z.string().min(1).max(80),
  firstSeen: epochSchema,
  lastSeen: epochSchema,
});
export type SyncedDevice = z.infer<typeof syncedDeviceSchema>;

export const deviceListSchema = z
  .strictObject({
    format: z.literal(DEVICES_FORMAT),
    version: z.literal(1),
    devices: z.array(syncedDeviceSchema).max(500),
  })
  .refine((list) => new Set(list.devices.map((d) => d.id)).size === list.devices.length, {
    message: "a device is listed once",
  });
export type DeviceList = z.infer<typeof deviceListSchema>;

/** Sealed like the rows: the list names browsers and systems, which stay out of Drive's plaintext. */
export async function sealDeviceList(dataKey: DataKey, list: DeviceList, schemaVersion: number) {
  const valid = deviceListSchema.parse(list);
  return encryptBlob(
    dataKey,
    utf8(JSON.stringify(valid)),
    sealedContext(DEVICES_FILE_NAME, "devices"),
    schemaVersion,
  );
}

export async function openDeviceList(dataKey: DataKey, bytes: Uint8Array): Promise<DeviceList> {
  return (await openAs(dataKey, DEVICES_FILE_NAME, bytes, "devices", deviceListSchema)).value;
}

/**
 * The list with this device seen `now`: undefined when it already says so closely enough, so a
 * sync every few minutes doesn't rewrite the shared file each time.
 */
export function listWithDevice(
  list: DeviceList | undefined,
  self: { id: string; label: string },
  now: number,
): DeviceList | undefined {
  const devices = list?.devices ?? [];
  const listed = devices.find((d) => d.id === self.id);
  if (
    listed &&
    listed.label === self.label &&
    now - listed.lastSeen < DEVICE_SEEN_EVERY_MS &&
    now >= listed.lastSeen
  )
    return undefined;
  const entry = { id: self.id, label: self.label, firstSeen: listed?.firstSeen ?? now, lastSeen: now };
  return {
    format: DEVICES_FORMAT,
    version: 1,
    devices: [...devices.filter((d) => d.id !== self.id), entry],
  };
}

/** The list without a device: one that turned sync off, or whose files were all deleted. */
export function listWithoutDevice(list: DeviceList, id: string): DeviceList | undefined {
  if (!list.devices.some((d) => d.id === id)) return undefined;
  return { ...list, devices: list.devices.filter((d) => d.id !== id) };
}

export interface DriveFileRef {
  id: string;
  name: string;
}

export interface CompactionInput {
  /** this device: it removes only its own files, so devices never contend */
  device: string;
  files: readonly DriveFileRef[];
  /** the own snapshot just uploaded and read back, with what it covers */
  snapshot: { fileId: string; covers: Coverage };
}

/**
 * Which of this device's files the new snapshot makes unnecessary: its batches the snapshot
 * contains, and its older snapshots. Nothing else — another device's files, a batch newer than
 * the snapshot, or anything at all when the snapshot is not among the listed files.
 */
export function planCompaction({ device, files, snapshot }: CompactionInput): DriveFileRef[] {
  const listed = files.find((file) => file.id === snapshot.fileId);
  const named = listed ? parseSyncFileName(listed.name) : undefined;
  if (named?.kind !== "snapshot" || named.device !== device) return [];
  const covered = snapshot.covers[device];
  if (covered === undefined || covered !== named.seq) return [];
  return files.filter((file) => {
    if (file.id === snapshot.fileId) return false;
    const parsed = parseSyncFileName(file.name);
    if (!parsed || parsed.kind === "key" || parsed.kind === "devices" || parsed.device !== device)
      return false;
    return parsed.kind === "batch" ? parsed.seq <= covered : parsed.seq < covered;
  });
}

export interface DownloadPlan {
  /** in the order to apply: per device, a snapshot first when one is needed, then batches by seq */
  fetch: DriveFileRef[];
  /** devices whose missing batches no snapshot covers: their changes cannot all be read yet */
  gaps: string[];
}

/**
 * What to download given, per device, the last batch already applied here. A device that was
 * offline for months finds the batches it missed compacted away and reads that device's newest
 * snapshot instead, then the batches after it.
 */
export function planDownload(files: readonly DriveFileRef[], applied: Coverage, self?: string): DownloadPlan {
  const byDevice = new Map<
    string,
    { batches: Map<number, DriveFileRef>; snapshots: Map<number, DriveFileRef> }
  >();
  for (const file of files) {
    const parsed = parseSyncFileName(file.name);
    if (!parsed || parsed.kind === "key" || parsed.kind === "devices" || parsed.device === self) continue;
    const entry = byDevice.get(parsed.device) ?? { batches: new Map(), snapshots: new Map() };
    byDevice.set(parsed.device, entry);
    // Two files of one name (an upload retried before the listing showed the first): one is read.
    const into = parsed.kind === "batch" ? entry.batches : entry.snapshots;
    const existing = into.get(parsed.seq);
    if (!existing || file.id < existing.id) into.set(parsed.seq, file);
  }
  const fetch: DriveFileRef[] = [];
  const gaps: string[] = [];
  for (const device of [...byDevice.keys()].sort()) {
    const { batches, snapshots } = byDevice.get(device) as NonNullable<ReturnType<typeof byDevice.get>>;
    let next = (applied[device] ?? 0) + 1;
    const newestSnapshot = Math.max(0, ...snapshots.keys());
    if (!batches.has(next) && newestSnapshot >= next) {
      fetch.push(snapshots.get(newestSnapshot) as DriveFileRef);
      next = newestSnapshot + 1;
    }
    const later = [...batches.keys()].filter((seq) => seq >= next).sort((a, b) => a - b);
    for (const seq of later) {
      if (seq !== next) {
        gaps.push(device);
        break;
      }
      fetch.push(batches.get(seq) as DriveFileRef);
      next += 1;
    }
  }
  return { fetch, gaps };
}
