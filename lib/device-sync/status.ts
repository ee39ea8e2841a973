import { z } from "zod";
import {
  prepDatabase,
  readKnownDevices,
  readSyncState,
  readSyncStatusRow,
  waitingChanges,
  watchTables,
} from "@/lib/db";
import {
  readDeviceSyncConnection,
  readOrganisationPolicy,
  watchDeviceSyncConnection,
  watchOrganisationPolicy,
} from "@/lib/settings";

export type DeviceSyncProblem =
  | "quota"
  | "unavailable"
  | "wrong-key"
  | "unreadable"
  | "clock"
  | "refused"
  /** the synced folder in Drive is empty: nothing here is deleted, and it can be uploaded again */
  | "wiped";

const epoch = z.number().int().min(0);

/** How the last run went, as the background keeps it in the database for every page to show. */
export const deviceSyncStatusRowSchema = z.object({
  running: z.boolean().optional(),
  lastSyncedAt: epoch.optional(),
  problem: z
    .enum([
      "offline",
      "reconnect",
      "quota",
      "unavailable",
      "wrong-key",
      "unreadable",
      "clock",
      "refused",
      "wiped",
    ])
    .optional(),
  attempt: z.number().int().min(0).optional(),
  nextTryAt: epoch.optional(),
  held: z.number().int().min(0).optional(),
});
export type DeviceSyncStatusRow = z.infer<typeof deviceSyncStatusRowSchema>;

export type DeviceSyncPhase =
  | "off"
  /** Google is connected; the passphrase has yet to be given on this device */
  | "needs-passphrase"
  | "idle"
  | "syncing"
  /** paused until the manager reconnects Google; changes stay queued */
  | "reconnect"
  /** the next automatic try comes; `waiting` changes are queued */
  | "offline"
  | "error";

export interface DeviceSyncStatus {
  phase: DeviceSyncPhase;
  /** in needs-passphrase: another device chose the passphrase already */
  existing?: boolean;
  lastSyncedAt?: number;
  /** changes made here that are not in Drive yet */
  waiting: number;
  problem?: DeviceSyncProblem;
  nextTryAt?: number;
  /** rows from another device that could not be written here */
  held?: number;
  /** the organisation turned sync off */
  notAllowed?: boolean;
  /** the OAuth client Google was connected with, to connect again with the same */
  clientId?: string;
  /** every device syncing, as the shared list in Drive last said; this one is `self` */
  devices?: ListedDevice[];
}

export interface ListedDevice {
  id: string;
  label: string;
  lastSeen: number;
  self: boolean;
}

/**
 * The list is read here without the sync module's schemas: the popup shows the status line and
 * must not load them. A malformed entry is left out, never shown as something else.
 */
const listedSchema = z.object({
  devices: z.array(z.object({ id: z.string(), label: z.string().max(80), lastSeen: epoch })).max(500),
});

export async function readDeviceSyncStatus(): Promise<DeviceSyncStatus> {
  const db = prepDatabase();
  const [connection, state, row, policy, known] = await Promise.all([
    readDeviceSyncConnection(),
    readSyncState(db),
    readSyncStatusRow(db),
    readOrganisationPolicy(),
    readKnownDevices(db),
  ]);
  // Said in every phase: whether the organisation allows sync, and the client connected with.
  const always = {
    ...(policy.syncAllowed === false ? { notAllowed: true } : {}),
    ...(connection ? { clientId: connection.clientId } : {}),
  };
  if (!state)
    return connection
      ? { phase: "needs-passphrase", existing: connection.existing === true, waiting: 0, ...always }
      : { phase: "off", waiting: 0, ...always };
  const status = deviceSyncStatusRowSchema.safeParse(row ?? {}).data ?? {};
  const waiting = await waitingChanges(db);
  const listed = listedSchema.safeParse(known?.list).data?.devices;
  const base = {
    waiting,
    ...(listed
      ? {
          devices: listed
            .map((d) => ({ id: d.id, label: d.label, lastSeen: d.lastSeen, self: d.id === state.device }))
            .sort((a, b) => Number(b.self) - Number(a.self) || b.lastSeen - a.lastSeen),
        }
      : {}),
    ...(status.lastSyncedAt !== undefined ? { lastSyncedAt: status.lastSyncedAt } : {}),
    ...(status.nextTryAt !== undefined ? { nextTryAt: status.nextTryAt } : {}),
    ...(status.held ? { held: status.held } : {}),
    ...always,
  };
  if (status.running) return { phase: "syncing", ...base };
  if (status.problem === "reconnect") return { phase: "reconnect", ...base };
  if (status.problem === "offline") return { phase: "offline", ...base };
  if (status.problem && status.problem !== "clock")
    return { phase: "error", problem: status.problem, ...base };
  return { phase: "idle", ...base, ...(status.problem === "clock" ? { problem: "clock" as const } : {}) };
}

/** Calls back whenever the sync's status may have changed, in any page or the background. */
export function watchDeviceSyncStatus(onChange: () => void): () => void {
  const stopTables = watchTables(["syncMeta", "syncChanges", "syncOutbox"], onChange);
  const stopConnection = watchDeviceSyncConnection(onChange);
  const stopPolicy = watchOrganisationPolicy(onChange);
  return () => {
    stopTables();
    stopConnection();
    stopPolicy();
  };
}
