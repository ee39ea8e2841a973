import { checkClientId } from "@/lib/calendar-api";
import { type CalendarToken, toCalendarToken } from "./calendar-settings";
import { settingsItems } from "./items";
import { watchLocalKeys } from "./watch-local";

/**
 * Sync across devices' connection to the manager's Google Drive. The token lives in session
 * storage only, like the Calendar connection's; the unlocked key lives in the database.
 */
export interface DeviceSyncConnection {
  clientId: string;
  connectedAt: number;
  /** another device already syncs there: this one enters the passphrase rather than choosing one */
  existing?: boolean;
}

export const DEVICE_SYNC_CONNECTION_KEY = "deviceSyncConnection";

export function toDeviceSyncConnection(value: unknown): DeviceSyncConnection | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const r = value as Record<string, unknown>;
  const clientId = typeof r.clientId === "string" ? checkClientId(r.clientId) : undefined;
  const connectedAt = r.connectedAt;
  if (
    !clientId?.ok ||
    typeof connectedAt !== "number" ||
    !Number.isSafeInteger(connectedAt) ||
    connectedAt < 0
  )
    return undefined;
  return {
    clientId: clientId.clientId,
    connectedAt,
    ...(typeof r.existing === "boolean" ? { existing: r.existing } : {}),
  };
}

export async function readDeviceSyncConnection(): Promise<DeviceSyncConnection | undefined> {
  return toDeviceSyncConnection(await settingsItems.deviceSyncConnection.getValue());
}

export async function setDeviceSyncConnection(connection: DeviceSyncConnection | undefined) {
  if (connection) await settingsItems.deviceSyncConnection.setValue(connection);
  else await settingsItems.deviceSyncConnection.removeValue();
}

export async function readDeviceSyncToken(): Promise<CalendarToken | undefined> {
  return toCalendarToken(await settingsItems.deviceSyncToken.getValue());
}

export async function setDeviceSyncToken(token: CalendarToken | undefined) {
  if (token) await settingsItems.deviceSyncToken.setValue(token);
  else await settingsItems.deviceSyncToken.removeValue();
}

export function watchDeviceSyncConnection(onChange: () => void): () => void {
  return watchLocalKeys([DEVICE_SYNC_CONNECTION_KEY], () => onChange());
}
