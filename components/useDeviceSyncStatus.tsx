import { useEffect, useState } from "react";
import { localeInUse, t } from "@/components/i18n";
// The status module alone: the popup must not load the crypto and Drive code to show one line.
import {
  type DeviceSyncStatus,
  type ListedDevice,
  readDeviceSyncStatus,
  watchDeviceSyncStatus,
} from "@/lib/device-sync/status";
import { useWatchedRead } from "./useWatchedRead";

// An unreadable state reads as off: nothing is promised that isn't happening.
const readStatus = () => readDeviceSyncStatus().catch((): DeviceSyncStatus => ({ phase: "off", waiting: 0 }));

/** Sync across devices' status, kept current from any page or the background; undefined until read. */
export function useDeviceSyncStatus(): DeviceSyncStatus | undefined {
  return useWatchedRead(readStatus, watchDeviceSyncStatus);
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
];

/** "2 minutes ago", "just now" in the language in use. */
export function agoText(at: number, now = Date.now()): string {
  const format = new Intl.RelativeTimeFormat(localeInUse(), { numeric: "auto" });
  const elapsed = Math.max(0, now - at);
  for (const [unit, ms] of UNITS) if (elapsed >= ms) return format.format(-Math.floor(elapsed / ms), unit);
  return format.format(0, "second");
}

/** The one line every page shows for sync: when it last synced, or what stops it. */
export function syncStateText(status: DeviceSyncStatus, now = Date.now()): string {
  const waiting = status.waiting > 0 ? ` ${t("options.sync.waiting", status.waiting)}` : "";
  const synced =
    status.lastSyncedAt === undefined ? "" : t("options.sync.syncedAgo", [agoText(status.lastSyncedAt, now)]);
  switch (status.phase) {
    case "syncing":
      return t("options.sync.syncing");
    case "reconnect":
      return `${t("options.sync.paused")}${waiting}`;
    case "offline":
      return `${t("options.sync.offline")}${waiting}`;
    case "error": {
      const problem =
        status.problem === "wiped"
          ? t("options.sync.problemWiped")
          : status.problem === "quota"
            ? t("options.sync.problemQuota")
            : status.problem === "wrong-key"
              ? t("options.sync.problemWrongKey")
              : status.problem === "unreadable"
                ? t("options.sync.problemUnreadable")
                : status.problem === "unavailable"
                  ? t("options.sync.problemUnavailable")
                  : t("options.sync.problemRefused");
      return `${problem}${waiting}`;
    }
    case "idle":
      return `${synced || t("options.sync.firstSync")}${waiting}`;
    default:
      return "";
  }
}

export function SyncStateLine({ status, testId }: { status: DeviceSyncStatus; testId: string }) {
  const [now, setNow] = useState(Date.now());
  // "2 minutes ago" moves on while the page stays open.
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return (
    <>
      <p role="status" data-testid={testId}>
        {syncStateText(status, now)}
      </p>
      {status.held ? <p className="quiet">{t("options.sync.held", status.held)}</p> : null}
      {status.problem === "clock" ? <p className="quiet">{t("options.sync.problemClock")}</p> : null}
    </>
  );
}

const DAY_MS = 86_400_000;

/**
 * Every computer syncing, this one first. A device renews its line in the shared list about twice
 * a day, so "active today" is as exact as the list can honestly be.
 */
export function SyncedDevices({
  devices,
  headingId,
}: {
  devices: readonly ListedDevice[];
  headingId: string;
}) {
  const now = Date.now();
  return (
    <>
      <h3 id={headingId}>{t("options.sync.devicesHeading")}</h3>
      <ul aria-labelledby={headingId} className="sync-devices" data-testid="synced-devices">
        {devices.map((device) => (
          <li key={device.id}>
            {device.self
              ? t("options.sync.thisDevice", [device.label])
              : now - device.lastSeen < DAY_MS
                ? t("options.sync.activeToday", [device.label])
                : t("options.sync.lastActive", [device.label, agoText(device.lastSeen, now)])}
          </li>
        ))}
      </ul>
    </>
  );
}
