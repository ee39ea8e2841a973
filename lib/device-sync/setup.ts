import { browser } from "wxt/browser";
import { checkClientId, checkClientSecret, revokeToken } from "@/lib/calendar-api";
import { CALENDAR_API_ORIGINS, signIn, signInWithOfflineAccess } from "@/lib/calendar-sync";
import {
  keepDriveGrant,
  type PrepDatabase,
  prepDatabase,
  readDriveGrant,
  readStoredKeyFile,
  readSyncKey,
  readSyncState,
  replaceStoredKeyFile,
  startSyncing,
  stopSyncing,
} from "@/lib/db";
import { Problem } from "@/lib/problem";
import {
  readDeviceSyncConnection,
  readManagedPolicy,
  setDeviceSyncConnection,
  setDeviceSyncToken,
} from "@/lib/settings";
import {
  changePassphrase,
  createSyncKey,
  type DataKey,
  type DriveClient,
  type DriveFile,
  KEY_FILE_NAME,
  parseSyncFileName,
  SyncCryptoError,
  unlockWithPassphrase,
  unlockWithRecoveryKey,
} from "@/lib/sync";
import { fromUtf8, utf8 } from "@/lib/sync/encoding";
import { waitAtMost } from "./bounded-wait";
import {
  connectedDrive,
  DEVICE_SYNC_SCOPES,
  type DriveAccessDeps,
  keyFileOf,
  SHARED_FILE_TRIES,
} from "./drive-access";
import { leaveDeviceList } from "./job";

export type SyncSetupErrorKind =
  | "permission"
  | "sign-in"
  | "wrong-passphrase"
  | "wrong-recovery-key"
  | "malformed-recovery-key"
  | "empty-passphrase"
  | "short-passphrase"
  | "offline"
  | "drive"
  | "not-allowed"
  | "client-secret";

/** Turning sync on went wrong in a way the manager can act on; nothing was changed. */
export class SyncSetupError extends Error {
  override readonly name = "SyncSetupError";
  constructor(
    readonly kind: SyncSetupErrorKind,
    message: string,
  ) {
    super(message);
  }
}

/** A first device's passphrase: long enough that guessing it through the key file is hopeless. */
export const MIN_PASSPHRASE_LENGTH = 10;

/** Random, and says nothing about the manager: it names the device's files in Drive. */
export function newDeviceId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(10)), (b) => b.toString(36).padStart(2, "0"))
    .join("")
    .slice(0, 16);
}

async function allowed(): Promise<void> {
  if ((await readManagedPolicy()).syncAllowed === false)
    throw new SyncSetupError("not-allowed", "Your organisation has turned off sync across devices.");
}

function driveFailed(kind: string): SyncSetupError {
  return kind === "offline"
    ? new SyncSetupError("offline", "Google Drive could not be reached. Check the connection and try again.")
    : kind === "reauth"
      ? new SyncSetupError("sign-in", "Google did not let 1:1 Prep into Drive. Turn sync on again.")
      : new SyncSetupError(
          "drive",
          "Google Drive did not answer as expected. Nothing changed; try again later.",
        );
}

async function listOrThrow(drive: DriveClient): Promise<DriveFile[]> {
  const listed = await drive.listFiles();
  if (!listed.ok) throw driveFailed(listed.problem.kind);
  return listed.value;
}

/** The OAuth client sync signs in with, as typed or preset; the secret only when given. */
export interface SyncClient {
  clientId: string;
  /** with it, Google grants offline access and the token renews with no sign-in window */
  clientSecret?: string;
}

/**
 * From the click that turns sync on: the permission prompt must be the first thing awaited, as
 * browsers grant optional permissions only during the click. Then Google's sign-in for the
 * hidden app folder only, and a look at whether another device already syncs there.
 */
export async function connectSyncDrive(
  client: SyncClient,
  deps: DriveAccessDeps = {},
): Promise<{ existing: boolean }> {
  const checked = checkClientId(client.clientId);
  if (!checked.ok) throw new Problem(checked.message, "clientIdInvalid");
  const secret = client.clientSecret?.trim() ? checkClientSecret(client.clientSecret) : undefined;
  if (secret && !secret.ok) throw new SyncSetupError("client-secret", secret.message);
  const isFirefox = browser.runtime.getURL("").startsWith("moz-extension:");
  const granted = await browser.permissions.request({
    ...(isFirefox ? {} : { permissions: ["identity"] }),
    origins: CALENDAR_API_ORIGINS,
  });
  if (!granted)
    throw new SyncSetupError(
      "permission",
      "1:1 Prep needs permission to reach Google Drive to sync. Nothing changed.",
    );
  await allowed();
  const db = deps.db ?? prepDatabase();
  // Connecting again with the same client keeps to offline access, with the secret given before.
  const earlier = await readDriveGrant(db);
  const clientSecret = secret?.ok
    ? secret.clientSecret
    : earlier?.clientId === checked.clientId
      ? earlier.clientSecret
      : undefined;
  let token: Awaited<ReturnType<typeof signIn>>;
  let refreshToken: string | undefined;
  try {
    if (clientSecret) {
      const offline = await signInWithOfflineAccess(
        checked.clientId,
        clientSecret,
        DEVICE_SYNC_SCOPES,
        deps.fetch,
      );
      token = offline.token;
      refreshToken = offline.refreshToken;
    } else token = await signIn(checked.clientId, true, DEVICE_SYNC_SCOPES);
  } catch (error) {
    throw new SyncSetupError("sign-in", error instanceof Error ? error.message : "Google's sign-in failed.");
  }
  // A grant of an earlier connection goes (it may be another account's or client's), unrevoked:
  // for the same account and client Google counts it as the grant just given.
  await keepDriveGrant(
    db,
    clientSecret
      ? { clientId: checked.clientId, clientSecret, ...(refreshToken ? { refreshToken } : {}) }
      : undefined,
  );
  await setDeviceSyncToken(token);
  const connection = { clientId: checked.clientId, connectedAt: Date.now() };
  await setDeviceSyncConnection(connection);
  const existing = keyFileOf(await listOrThrow(connectedDrive(deps))) !== undefined;
  await setDeviceSyncConnection({ ...connection, existing });
  return { existing };
}

function cryptoProblem(error: unknown): never {
  if (error instanceof SyncCryptoError) {
    switch (error.kind) {
      case "wrong-passphrase":
        throw new SyncSetupError(
          "wrong-passphrase",
          "This passphrase does not open your synced data. Nothing changed; try again.",
        );
      case "wrong-recovery-key":
        throw new SyncSetupError("wrong-recovery-key", "This recovery key does not open your synced data.");
      case "malformed-recovery-key":
        throw new SyncSetupError(
          "malformed-recovery-key",
          "This recovery key has a typing mistake: check each group of letters.",
        );
      case "empty-passphrase":
        throw new SyncSetupError("empty-passphrase", "Type your sync passphrase.");
      default:
        throw new SyncSetupError("drive", "The synced key in Google Drive is not one 1:1 Prep can read.");
    }
  }
  throw error;
}

export type SyncUnlock = { passphrase: string } | { recoveryKey: string };

/** A passphrase chosen now: long enough that guessing it through the key file in Drive is hopeless. */
function checkNewPassphrase(passphrase: string): void {
  if (passphrase.trim() === "") throw new SyncSetupError("empty-passphrase", "Type your sync passphrase.");
  if ([...passphrase].length < MIN_PASSPHRASE_LENGTH)
    throw new SyncSetupError(
      "short-passphrase",
      `Choose a passphrase of at least ${MIN_PASSPHRASE_LENGTH} characters.`,
    );
}

async function downloadKeyFile(drive: DriveClient, file: DriveFile): Promise<unknown> {
  const downloaded = await drive.download(file.id);
  if (!downloaded.ok) throw driveFailed(downloaded.problem.kind);
  try {
    return JSON.parse(fromUtf8(downloaded.value));
  } catch {
    throw new SyncSetupError("drive", "The synced key in Google Drive is not one 1:1 Prep can read.");
  }
}

/**
 * After `connectSyncDrive`: the first device makes the key (and hands back its recovery key, to
 * show once); a further device opens the key with the passphrase or the recovery key. A wrong one
 * changes nothing. Then this device starts syncing and the background takes over.
 */
export async function unlockSync(
  input: SyncUnlock,
  deps: DriveAccessDeps = {},
  /** a key in Drive must be opened: none there is refused, never made anew */
  { existingOnly = false }: { existingOnly?: boolean } = {},
): Promise<{ recoveryKey?: string }> {
  await allowed();
  if (!(await readDeviceSyncConnection()))
    throw new SyncSetupError("sign-in", "Connect Google first: turn sync on again.");
  const drive = connectedDrive(deps);
  const files = await listOrThrow(drive);
  const existing = keyFileOf(files);
  let dataKey: DataKey;
  let keyFile: unknown;
  let recoveryKey: string | undefined;
  if (existing) {
    const json = await downloadKeyFile(drive, existing);
    keyFile = json;
    dataKey = await ("passphrase" in input
      ? unlockWithPassphrase(json, input.passphrase)
      : unlockWithRecoveryKey(json, input.recoveryKey)
    ).catch(cryptoProblem);
  } else {
    if (existingOnly) throw new SyncSetupError("drive", "The synced key is no longer in Google Drive.");
    if (!("passphrase" in input))
      throw new SyncSetupError("wrong-recovery-key", "There is no synced data yet.");
    checkNewPassphrase(input.passphrase);
    const made = await createSyncKey(input.passphrase).catch(cryptoProblem);
    const created = await drive.createFile(KEY_FILE_NAME, utf8(JSON.stringify(made.keyFile)));
    if (!created.ok) throw driveFailed(created.problem.kind);
    // Another device may have made its key at the same moment: every device uses the same one.
    const winner = keyFileOf(await listOrThrow(drive));
    if (winner && winner.id !== created.value.id) {
      await drive.deleteFile(created.value.id);
      return unlockSync(input, deps);
    }
    dataKey = made.dataKey;
    keyFile = made.keyFile;
    recoveryKey = made.recoveryKey;
  }
  // A computer turning sync on again under the same key takes up where it was (see startSyncing).
  await startSyncing(
    prepDatabase(),
    newDeviceId(),
    dataKey,
    keyFile,
    existing ? { rejoin: existing.id } : {},
  );
  await browser.runtime.sendMessage({ type: "sync:now" }).catch(() => undefined);
  return recoveryKey === undefined ? {} : { recoveryKey };
}

/**
 * A new passphrase for every device: the data key in Drive is wrapped again under it, with the
 * current passphrase or the recovery key to open it. Nothing else is re-encrypted or uploaded,
 * and the other devices, which hold the data key itself, keep syncing. The key file is replaced
 * only if no other device wrote it since it was read here (Drive v2's `If-Match`); when one did,
 * the change starts over from what that device wrote.
 */
export async function changeSyncPassphrase(
  current: SyncUnlock,
  next: string,
  deps: DriveAccessDeps = {},
): Promise<void> {
  checkNewPassphrase(next);
  const db = prepDatabase();
  const key = await readSyncKey(db);
  if (!key) throw new SyncSetupError("sign-in", "Connect Google first: turn sync on again.");
  const drive = connectedDrive(deps);
  for (let tries = 0; tries < SHARED_FILE_TRIES; tries++) {
    const file = keyFileOf(await listOrThrow(drive));
    if (!file) throw new SyncSetupError("drive", "The synced key is no longer in Google Drive.");
    // The ETag first: a write after it, even before the download, makes the update refuse.
    const etag = await drive.readEtag(file.id);
    if (!etag.ok) throw driveFailed(etag.problem.kind);
    const json = await downloadKeyFile(drive, file);
    if ((json as { keyId?: unknown } | null)?.keyId !== key.keyId)
      throw new SyncSetupError("drive", "The synced key in Google Drive is not the one this device uses.");
    const changed = await changePassphrase(json, current, next).catch(cryptoProblem);
    const updated = await drive.updateIfUnchanged(file.id, utf8(JSON.stringify(changed)), etag.value);
    if (updated.ok) {
      await replaceStoredKeyFile(db, changed);
      return;
    }
    if (updated.problem.kind !== "changed") throw driveFailed(updated.problem.kind);
  }
  throw driveFailed("changed");
}

/**
 * The synced folder in Drive was found empty (the app's data removed from Drive, or another
 * account): this device puts its wrapped key back and uploads everything it holds, as a first
 * device would, under a new device id so no file name of before is reused.
 */
export async function uploadAgain(deps: DriveAccessDeps = {}): Promise<void> {
  const db = prepDatabase();
  const [key, keyFile] = await Promise.all([readSyncKey(db), readStoredKeyFile(db)]);
  if (!key || keyFile === undefined) throw new SyncSetupError("drive", "Turn sync off and on again here.");
  const drive = connectedDrive(deps);
  if (!keyFileOf(await listOrThrow(drive))) {
    const created = await drive.createFile(KEY_FILE_NAME, utf8(JSON.stringify(keyFile)));
    if (!created.ok) throw driveFailed(created.problem.kind);
  }
  await startSyncing(db, newDeviceId(), key, keyFile);
  await browser.runtime.sendMessage({ type: "sync:now" }).catch(() => undefined);
}

/** How long turning sync off waits for Google to take back the lasting grant, before going on. */
const REVOKE_WAIT_MS = 5000;

/** The lasting grant goes here, and Google is asked to forget it; offline, it goes here alone. */
async function forgetGrant(db: PrepDatabase, deps: DriveAccessDeps): Promise<void> {
  const grant = await readDriveGrant(db);
  if (!grant) return;
  await keepDriveGrant(db, undefined);
  if (!grant.refreshToken) return;
  await waitAtMost(revokeToken(grant.refreshToken, deps.fetch), REVOKE_WAIT_MS);
}

/** Sync stops here; every note stays on this device, the copy in Drive stays for the others. */
export async function turnOffSync(deps: DriveAccessDeps = {}): Promise<void> {
  const db = deps.db ?? prepDatabase();
  await leaveDeviceList({ ...deps, db });
  await forgetGrant(db, deps);
  await stopSyncing(db);
  await setDeviceSyncToken(undefined);
  await setDeviceSyncConnection(undefined);
}

/** Every file sync put in Drive goes (this device's and the others'), then sync stops here. */
export async function deleteSyncedCopy(deps: DriveAccessDeps = {}): Promise<void> {
  const drive = connectedDrive(deps);
  const files = await listOrThrow(drive);
  for (const file of files) {
    if (!parseSyncFileName(file.name)) continue;
    const removed = await drive.deleteFile(file.id);
    if (!removed.ok && removed.problem.kind !== "not-found") throw driveFailed(removed.problem.kind);
  }
  await turnOffSync(deps);
}

/** Whether this device syncs (its key is unlocked). */
export async function syncIsOnHere(): Promise<boolean> {
  return (await readSyncState(prepDatabase())) !== undefined;
}
