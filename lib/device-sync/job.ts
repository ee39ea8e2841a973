import {
  confirmBatch,
  confirmFirstSnapshot,
  ingest,
  keepUploadFileId,
  noteKeyFile,
  noteKnownDevices,
  noteSnapshot,
  type PrepDatabase,
  readAllVersions,
  readKnownDevices,
  readSyncKey,
  readSyncState,
  readSyncStatusRow,
  type SyncState,
  stampLocalChanges,
  takeBatch,
  takeFirstSnapshot,
  writeSyncStatusRow,
} from "@/lib/db";
import { setDeviceSyncToken } from "@/lib/settings";
import {
  type Coverage,
  type DataKey,
  DEVICES_FILE_NAME,
  type DeviceList,
  type DriveClient,
  type DriveFile,
  type DriveProblem,
  type KeyFile,
  listWithDevice,
  listWithoutDevice,
  nextStep,
  openBatch,
  openDeviceList,
  openSnapshot,
  parseKeyFile,
  parseSyncFileName,
  planCompaction,
  planDownload,
  type RowVersion,
  SyncCryptoError,
  sealBatch,
  sealDeviceList,
  sealSnapshot,
} from "@/lib/sync";
import { fromUtf8 } from "@/lib/sync/encoding";
import { waitAtMost } from "./bounded-wait";
import { deviceLabel } from "./device-label";
import {
  connectedDrive,
  type DriveAccessDeps,
  devicesFileOf,
  keyFileOf,
  SHARED_FILE_TRIES,
} from "./drive-access";
import { type DeviceSyncProblem, type DeviceSyncStatusRow, deviceSyncStatusRowSchema } from "./status";

/** Versions per uploaded batch: small enough to upload on a poor connection, few enough files. */
export const BATCH_ROWS = 2000;
/** After this many own batches, a snapshot lets a new device restore in one download. */
export const SNAPSHOT_EVERY_BATCHES = 20;
/** Sealed with every blob: the rows follow this database version's shapes. */
const SCHEMA_VERSION = 5;

export interface DeviceSyncDeps extends DriveAccessDeps {
  db: PrepDatabase;
  /** a Drive client; the one on the options page's connection by default */
  drive?: DriveClient;
  /** this browser's user agent, for its line in the list of devices */
  userAgent?: string;
}

class Stop extends Error {
  constructor(readonly problem: DriveProblem | { kind: "wrong-key" | "unreadable" | "wiped" }) {
    super(problem.kind);
  }
}

/**
 * Sync was turned off, or off and on again, since this run began: this device is then another
 * one, maybe with another key or folder, and the rest of the run is not its to do. Uploading what
 * the new one wrote under the old key would put files in Drive the others can't read.
 */
class Superseded extends Error {}

/** This device's sync state, as long as it is still the one the run began with. */
async function stateOfRun(db: PrepDatabase, device: string): Promise<SyncState> {
  const state = await readSyncState(db);
  if (state?.device !== device) throw new Superseded();
  return state;
}

function unwrap<T>(result: { ok: true; value: T } | { ok: false; problem: DriveProblem }): T {
  if (!result.ok) throw new Stop(result.problem);
  return result.value;
}

/**
 * Before anything is read or written: the folder still holds the key this device encrypts with.
 * An emptied folder is never read as "everything was deleted", and a key another device made
 * since (the folder was emptied and synced anew) means this device must not upload what the
 * others could not read. The same key wrapped anew (the passphrase changed on another device)
 * is kept here as it now is.
 */
async function checkKey(
  drive: DriveClient,
  db: PrepDatabase,
  key: DataKey,
  files: readonly DriveFile[],
  device: string,
) {
  const state = await stateOfRun(db, device);
  const keyFile = keyFileOf(files);
  if (!keyFile) throw new Stop({ kind: "wiped" });
  if (
    state.keyFileId === keyFile.id &&
    keyFile.version !== undefined &&
    state.keyFileVersion === keyFile.version
  )
    return;
  const bytes = unwrap(await drive.download(keyFile.id));
  let parsed: KeyFile;
  try {
    parsed = parseKeyFile(JSON.parse(fromUtf8(bytes)));
  } catch {
    throw new Stop({ kind: "unreadable" });
  }
  if (parsed.keyId !== key.keyId) throw new Stop({ kind: "wrong-key" });
  await noteKeyFile(db, keyFile, parsed);
}

/**
 * One at a time, not `push(...rows)`: a snapshot of years holds more versions than a call can
 * take as arguments, and spreading them overflowed the stack on the computer restoring it.
 */
function gather(into: RowVersion[], rows: readonly RowVersion[]) {
  for (const row of rows) into.push(row);
}

async function pull(
  drive: DriveClient,
  db: PrepDatabase,
  key: DataKey,
  files: readonly DriveFile[],
  device: string,
): Promise<{ held: number; clockSkew: boolean }> {
  const state = await stateOfRun(db, device);
  const plan = planDownload(files, state.applied, state.device);
  const versions: RowVersion[] = [];
  const applied: Coverage = {};
  for (const file of plan.fetch) {
    const bytes = unwrap(await drive.download(file.id));
    const named = parseSyncFileName(file.name);
    if (named?.kind === "batch") {
      const { value } = await openBatch(key, file.name, bytes);
      gather(versions, value.rows);
      applied[value.device] = value.seq;
    } else if (named?.kind === "snapshot") {
      const { value } = await openSnapshot(key, file.name, bytes);
      gather(versions, value.rows);
      for (const [device, seq] of Object.entries(value.covers))
        if (device !== state.device && seq > (applied[device] ?? state.applied[device] ?? 0))
          applied[device] = seq;
    }
  }
  // Even with nothing downloaded: changes made here become versions, ready for the upload; a
  // chunk at a time first, so typing is never held up for long, and then what came in since.
  await stateOfRun(db, device);
  await stampLocalChanges(db);
  const result = await ingest(db, versions, applied);
  return { held: result.held, clockSkew: result.clockSkew };
}

/** A first upload of more than a batch goes up as one snapshot; see `takeFirstSnapshot`. */
async function pushFirstSnapshot(
  drive: DriveClient,
  db: PrepDatabase,
  key: DataKey,
  device: string,
): Promise<void> {
  const first = await takeFirstSnapshot(db, BATCH_ROWS + 1);
  if (!first) return;
  if (first.state.device !== device) throw new Superseded();
  const fileId = await uploadFileId(drive, db, device, first.state.firstSnapshot?.fileId, {
    upTo: first.upTo,
  });
  await uploadSnapshot(drive, key, first.state, 1, first.rows, fileId);
  await confirmFirstSnapshot(db, first.upTo);
}

/**
 * The Drive file id an upload of this device's goes up under: the one kept for it, or a new one
 * Drive makes and this device keeps before the first try (see `keepUploadFileId`).
 */
async function uploadFileId(
  drive: DriveClient,
  db: PrepDatabase,
  device: string,
  kept: string | undefined,
  upload: { seq: number } | { upTo: string },
): Promise<string> {
  if (kept) return kept;
  const [fileId] = unwrap(await drive.generateIds(1));
  if (!fileId || !(await keepUploadFileId(db, device, upload, fileId))) throw new Superseded();
  return fileId;
}

/**
 * Creates the file under `fileId`. Drive saying a file has that id already means an earlier try
 * arrived though its answer was lost: that file is this upload, and it counts as made.
 */
async function createOnce(
  drive: DriveClient,
  name: string,
  bytes: Uint8Array,
  fileId: string | undefined,
): Promise<DriveFile> {
  const created = await drive.createFile(name, bytes, fileId);
  if (!created.ok && created.problem.kind === "exists" && fileId) return { id: fileId, name };
  return unwrap(created);
}

/**
 * Seals `rows` as this device's snapshot numbered `seq`, standing for its own batches up to it
 * and what it has taken in of the others', and puts it in Drive.
 */
async function uploadSnapshot(
  drive: DriveClient,
  key: DataKey,
  state: Pick<SyncState, "device" | "applied">,
  seq: number,
  rows: RowVersion[],
  fileId?: string,
): Promise<{ created: DriveFile; covers: Coverage }> {
  const covers = { ...state.applied, [state.device]: seq };
  const sealed = await sealSnapshot(
    key,
    { format: "1on1prep-sync-snapshot", version: 1, device: state.device, seq, covers, rows },
    SCHEMA_VERSION,
  );
  return { created: await createOnce(drive, sealed.name, sealed.bytes, fileId), covers };
}

async function push(drive: DriveClient, db: PrepDatabase, key: DataKey, device: string): Promise<void> {
  await pushFirstSnapshot(drive, db, key, device);
  for (;;) {
    // Taken only while sync is still on as `device`; after a switch the next step stops the run.
    const batch = await takeBatch(db, BATCH_ROWS, device);
    if (!batch) return;
    const sealed = await sealBatch(
      key,
      { format: "1on1prep-sync-batch", version: 1, device, seq: batch.seq, rows: batch.rows },
      SCHEMA_VERSION,
    );
    const fileId = await uploadFileId(drive, db, device, batch.fileId, { seq: batch.seq });
    await createOnce(drive, sealed.name, sealed.bytes, fileId);
    await confirmBatch(db, batch.seq);
  }
}

async function snapshotIfDue(
  drive: DriveClient,
  db: PrepDatabase,
  key: DataKey,
  device: string,
): Promise<void> {
  const state = await stateOfRun(db, device);
  if (state.seq === 0 || state.seq - (state.snapshotSeq ?? 0) < SNAPSHOT_EVERY_BATCHES) return;
  const all = await readAllVersions(db);
  if (!all) return;
  if (all.state.device !== device) throw new Superseded();
  const { created, covers } = await uploadSnapshot(drive, key, all.state, all.state.seq, all.rows);
  await noteSnapshot(db, all.state.seq);
  const files = unwrap(await drive.listFiles());
  for (const old of planCompaction({
    device: all.state.device,
    files,
    snapshot: { fileId: created.id, covers },
  })) {
    const removed = await drive.deleteFile(old.id);
    if (!removed.ok && removed.problem.kind !== "not-found") return;
  }
}

/**
 * Rewrites the shared list of devices with `change` applied, only if no other device wrote it
 * since it was read here (Drive v2's `If-Match`); when one did, starts over from what it wrote.
 * A list this device can't open is left as it is: never written over with what it can't read.
 */
async function changeDeviceList(
  drive: DriveClient,
  db: PrepDatabase,
  key: DataKey,
  files: readonly DriveFile[],
  change: (list: DeviceList | undefined) => DeviceList | undefined,
): Promise<void> {
  let listed = files;
  for (let tries = 0; tries < SHARED_FILE_TRIES; tries++) {
    const file = devicesFileOf(listed);
    if (!file) {
      const made = change(undefined);
      if (!made) return;
      const created = unwrap(
        await drive.createFile(DEVICES_FILE_NAME, await sealDeviceList(key, made, SCHEMA_VERSION)),
      );
      listed = unwrap(await drive.listFiles());
      const kept = devicesFileOf(listed);
      if (kept && kept.id !== created.id) {
        // Another device made its list at the same moment: every device writes into the one kept.
        unwrap(await drive.deleteFile(created.id));
        listed = listed.filter((f) => f.id !== created.id);
        continue;
      }
      await noteKnownDevices(db, { fileId: created.id, list: made });
      return;
    }
    const known = await readKnownDevices(db);
    if (
      known?.fileId === file.id &&
      file.version !== undefined &&
      known.version === file.version &&
      !change(known.list as DeviceList)
    )
      return;
    const etag = unwrap(await drive.readEtag(file.id));
    const bytes = unwrap(await drive.download(file.id));
    let list: DeviceList;
    try {
      list = await openDeviceList(key, bytes);
    } catch {
      return;
    }
    const next = change(list);
    if (!next) {
      await noteKnownDevices(db, {
        fileId: file.id,
        ...(file.version ? { version: file.version } : {}),
        list,
      });
      return;
    }
    const updated = await drive.updateIfUnchanged(
      file.id,
      await sealDeviceList(key, next, SCHEMA_VERSION),
      etag,
    );
    if (updated.ok) {
      await noteKnownDevices(db, { fileId: file.id, list: next });
      return;
    }
    if (updated.problem.kind !== "changed") unwrap(updated);
    listed = unwrap(await drive.listFiles());
  }
}

/** How long turning sync off waits for Drive to take this device off the list, before going on. */
const LEAVE_WAIT_MS = 5000;

/**
 * This device off the shared list as sync stops here. Best effort and bounded: offline, or with
 * Drive slow, sync still turns off at once, and the others see it as not active for a while.
 */
export async function leaveDeviceList(deps: DriveAccessDeps & { db: PrepDatabase }): Promise<void> {
  const { db } = deps;
  const [state, key] = await Promise.all([readSyncState(db), readSyncKey(db)]);
  if (!state || !key) return;
  const leave = (async () => {
    const drive = connectedDrive(deps);
    const files = unwrap(await drive.listFiles());
    await changeDeviceList(drive, db, key, files, (list) => list && listWithoutDevice(list, state.device));
  })();
  await waitAtMost(leave, LEAVE_WAIT_MS);
}

function problemFor(stop: Stop["problem"]): DeviceSyncProblem | "offline" | "reconnect" {
  switch (stop.kind) {
    case "wiped":
      return "wiped";
    case "offline":
    case "rate-limited":
      return "offline";
    case "reauth":
      return "reconnect";
    case "quota":
      return "quota";
    case "unavailable":
      return "unavailable";
    case "wrong-key":
      return "wrong-key";
    case "unreadable":
    case "invalid-response":
      return "unreadable";
    default:
      return "refused";
  }
}

/**
 * The background's sync across devices: download what other devices wrote, merge it in, upload
 * what changed here, and now and then a snapshot. One run at a time; a run that fails leaves
 * every change queued and says when it tries again.
 */
export function createDeviceSync(deps: DeviceSyncDeps) {
  const now = deps.now ?? Date.now;
  let running: Promise<void> | undefined;

  async function runOnce(): Promise<void> {
    const { db } = deps;
    const [state, key] = await Promise.all([readSyncState(db), readSyncKey(db)]);
    if (!state || !key) return;
    const before = deviceSyncStatusRowSchema.safeParse((await readSyncStatusRow(db)) ?? {}).data ?? {};
    const drive = deps.drive ?? connectedDrive(deps);
    await writeSyncStatusRow(db, { ...before, running: true });
    try {
      const { device } = state;
      const files = unwrap(await drive.listFiles());
      await checkKey(drive, db, key, files, device);
      const pulled = await pull(drive, db, key, files, device);
      await push(drive, db, key, device);
      await snapshotIfDue(drive, db, key, device);
      const self = {
        id: device,
        label: deviceLabel(deps.userAgent ?? globalThis.navigator?.userAgent ?? ""),
      };
      await stateOfRun(db, device);
      await changeDeviceList(drive, db, key, files, (list) => listWithDevice(list, self, now()));
      await stateOfRun(db, device);
      const done: DeviceSyncStatusRow = {
        lastSyncedAt: now(),
        ...(pulled.held > 0 ? { held: pulled.held } : {}),
        ...(pulled.clockSkew ? { problem: "clock" } : {}),
      };
      await writeSyncStatusRow(db, done);
    } catch (error) {
      // What went wrong is not this sync's to say any more: the one turned on since says its own.
      if (error instanceof Superseded || (await readSyncState(db))?.device !== state.device) return;
      const stop =
        error instanceof Stop
          ? error.problem
          : error instanceof SyncCryptoError
            ? ({ kind: error.kind === "wrong-key" ? "wrong-key" : "unreadable" } as const)
            : undefined;
      if (!stop) {
        await writeSyncStatusRow(db, {
          ...before,
          running: false,
          problem: "refused",
          attempt: (before.attempt ?? 0) + 1,
        });
        throw error;
      }
      const attempt = before.attempt ?? 0;
      const step =
        stop.kind === "wiped" || stop.kind === "wrong-key" || stop.kind === "unreadable"
          ? ({ action: "stop" } as const)
          : nextStep(stop as DriveProblem, attempt);
      const problem = problemFor(stop);
      if (problem === "reconnect") await setDeviceSyncToken(undefined);
      await writeSyncStatusRow(db, {
        ...(before.lastSyncedAt !== undefined ? { lastSyncedAt: before.lastSyncedAt } : {}),
        problem,
        attempt: attempt + 1,
        ...(step.action === "retry" ? { nextTryAt: now() + step.delayMs } : {}),
      });
    }
  }

  /** The run asked for while another was going, to start when it ends. */
  let again: Promise<void> | undefined;

  /**
   * Syncs now: a run that starts after the call and ends before the promise does. A run already
   * going may have read this device's changes before the newest ("Sync now" clicked just after an
   * edit), so one more follows it, shared by every call made meanwhile. Never rejects.
   */
  function sync(): Promise<void> {
    if (running) {
      again ??= running.then(() => {
        again = undefined;
        return sync();
      });
      return again;
    }
    running = runOnce()
      .catch((error: unknown) => console.warn("1:1 Prep could not sync across devices.", error))
      .finally(() => {
        running = undefined;
      });
    return running;
  }

  return { sync };
}
