import type { FetchLike } from "@/lib/calendar-api";
import { signIn } from "@/lib/calendar-sync";
import type { CalendarToken } from "@/lib/settings";
import { readDeviceSyncConnection, readDeviceSyncToken, setDeviceSyncToken } from "@/lib/settings";
import {
  createDriveClient,
  DRIVE_APPDATA_SCOPE,
  type DriveClient,
  type DriveFile,
  parseSyncFileName,
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
}

/** A Drive client on the connection made in options, renewing its token silently when it runs out. */
export function connectedDrive(deps: DriveAccessDeps = {}): DriveClient {
  const now = deps.now ?? Date.now;
  const refresh = deps.refreshToken ?? ((clientId: string) => signIn(clientId, false, DEVICE_SYNC_SCOPES));
  return createDriveClient({
    ...(deps.fetch ? { fetch: deps.fetch } : {}),
    now,
    async token() {
      const stored = await readDeviceSyncToken();
      if (stored && stored.expiresAt - TOKEN_MARGIN_MS > now()) return stored.accessToken;
      const connection = await readDeviceSyncConnection();
      if (!connection) throw new Error("Sync is not connected to Google.");
      const fresh = await refresh(connection.clientId);
      await setDeviceSyncToken(fresh);
      return fresh.accessToken;
    },
  });
}

/** The key file every device shares; when two first devices raced, the one with the lowest id. */
export function keyFileOf(files: readonly DriveFile[]): DriveFile | undefined {
  return files
    .filter((f) => parseSyncFileName(f.name)?.kind === "key")
    .sort((a, b) => (a.id < b.id ? -1 : 1))[0];
}
