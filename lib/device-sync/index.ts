/**
 * Sync across devices as the extension runs it: turning it on from options (Google's sign-in
 * for the hidden app folder, the passphrase), the background job that exchanges encrypted
 * batches with the other devices, and the status every page shows. The crypto, file formats and
 * merge rules are `lib/sync`'s; the rows' bookkeeping is `lib/db`'s.
 */
export { connectedDrive, DEVICE_SYNC_SCOPES, keyFileOf } from "./drive-access";
export { BATCH_ROWS, createDeviceSync, type DeviceSyncDeps, SNAPSHOT_EVERY_BATCHES } from "./job";
export { KEEP_AWAKE_EVERY_MS, keepAwakeWhile } from "./keep-awake";
export {
  changeSyncPassphrase,
  connectSyncDrive,
  deleteSyncedCopy,
  MIN_PASSPHRASE_LENGTH,
  newDeviceId,
  SyncSetupError,
  type SyncSetupErrorKind,
  type SyncUnlock,
  syncIsOnHere,
  turnOffSync,
  unlockSync,
  uploadAgain,
} from "./setup";
export {
  type DeviceSyncPhase,
  type DeviceSyncProblem,
  type DeviceSyncStatus,
  type DeviceSyncStatusRow,
  type ListedDevice,
  readDeviceSyncStatus,
  watchDeviceSyncStatus,
} from "./status";
