import { type FetchLike, renewAccess, TokenEndpointError } from "@/lib/calendar-api";
import { signIn } from "@/lib/calendar-sync";
import { keepDriveGrant, type PrepDatabase, prepDatabase, readDriveGrant } from "@/lib/db";
import type { CalendarToken } from "@/lib/settings";
import { readDeviceSyncConnection, readDeviceSyncToken, setDeviceSyncToken } from "@/lib/settings";
import {
  createDriveClient,
  DEVICES_FILE_NAME,
  DRIVE_APPDATA_SCOPE,
  type DriveClient,
  type DriveFile,
  KEY_FILE_NAME,
} from "@/lib/sync";

/** A token this close to its end is renewed first rather than refused part way through a sync. */
const TOKEN_MARGIN_MS = 60_000;
/** Only the hidden application folder: the one scope sync ever asks for. */
export const DEVICE_SYNC_SCOPES = [DRIVE_APPDATA_SCOPE] as const;

export interface DriveAccessDeps {
  fetch?: FetchLike;
  now?: () => number;
  /** a token without the manager (silent sign-in); Google's own by default */
  refreshToken?: (clientId: string) => Promise<CalendarToken>;
  /** where Google's lasting grant is kept; the extension's database by default */
  db?: PrepDatabase;
}

/**
 * A Drive client on the connection made in options, renewing its token when it runs out: from
 * the refresh token when Google granted offline access, with no window, else through a silent
 * sign-in, which holds only while the manager stays signed in to Google in this browser.
 */
export function connectedDrive(deps: DriveAccessDeps = {}): DriveClient {
  const now = deps.now ?? Date.now;
  const refresh = deps.refreshToken ?? ((clientId: string) => signIn(clientId, false, DEVICE_SYNC_SCOPES));
  const db = () => deps.db ?? prepDatabase();
  async function renew(clientId: string): Promise<CalendarToken> {
    const grant = await readDriveGrant(db());
    if (grant?.clientId === clientId && grant.refreshToken) {
      try {
        const renewed = await renewAccess(
          { ...grant, refreshToken: grant.refreshToken },
          {
            ...(deps.fetch ? { fetch: deps.fetch } : {}),
            now: now(),
          },
        );
        // Google may hand out a new refresh token in place of the old one: the new one is kept.
        if (renewed.refreshToken && renewed.refreshToken !== grant.refreshToken)
          await keepDriveGrant(db(), { ...grant, refreshToken: renewed.refreshToken });
        return { accessToken: renewed.accessToken, expiresAt: renewed.expiresAt };
      } catch (error) {
        // Offline or Google down: the grant still holds, and the run waits as for any outage.
        if (!(error instanceof TokenEndpointError && error.kind === "revoked")) throw error;
        // The secret stays, so connecting again asks for offline access once more.
        await keepDriveGrant(db(), { clientId: grant.clientId, clientSecret: grant.clientSecret });
      }
    }
    return refresh(clientId);
  }
  return createDriveClient({
    ...(deps.fetch ? { fetch: deps.fetch } : {}),
    now,
    async token() {
      const stored = await readDeviceSyncToken();
      if (stored && stored.expiresAt - TOKEN_MARGIN_MS > now()) return stored.accessToken;
      const connection = await readDeviceSyncConnection();
      if (!connection) throw new Error("Sync is not connected to Google.");
      const fresh = await renew(connection.clientId);
      await setDeviceSyncToken(fresh);
      return fresh.accessToken;
    },
  });
}

/** Tries before giving up when other devices keep rewriting a shared file under this one. */
export const SHARED_FILE_TRIES = 3;

/**
 * A file every device shares (the key, the list of devices): when two devices made one at the
 * same moment, the one with the lowest id, which each of them then keeps to.
 */
function sharedFileOf(files: readonly DriveFile[], name: string): DriveFile | undefined {
  return files.filter((f) => f.name === name).sort((a, b) => (a.id < b.id ? -1 : 1))[0];
}

export const keyFileOf = (files: readonly DriveFile[]) => sharedFileOf(files, KEY_FILE_NAME);
export const devicesFileOf = (files: readonly DriveFile[]) => sharedFileOf(files, DEVICES_FILE_NAME);
