import { useEffect, useId, useState } from "react";
import { browser } from "wxt/browser";
import { localeInUse, t } from "@/components/i18n";
import { problemWords } from "@/components/problem-words";
import { useWatchedRead } from "@/components/useWatchedRead";
import { type BackupCopyInfo, backupCopies, protectStorage, type StorageState, storageState } from "@/lib/db";
import { type PageMessage, pageResponseSchema } from "@/lib/messaging";
import { refusalError } from "@/lib/problem";
import {
  AUTO_BACKUP_KEEP_DEFAULT,
  AUTO_BACKUP_KEEP_MAX,
  lastAutoBackup,
  readAutoBackup,
  readAutoBackupState,
  setAutoBackup,
  turnOnAutoBackup,
  watchAutoBackup,
} from "@/lib/settings";
import { useSaveStatus } from "./status";

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} kB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

const when = (at: number) =>
  new Date(at).toLocaleString(localeInUse(), { dateStyle: "medium", timeStyle: "short" });

/**
 * Whether the browser keeps the data when disk runs low, and how much there is. The extension's
 * unlimitedStorage exempts it from eviction in Chrome and grants persistence in Firefox; asking
 * for persistence as well covers a browser that goes by that alone.
 */
export function StorageStatus() {
  const [state, setState] = useState<StorageState>();
  useEffect(() => {
    void Promise.all([
      protectStorage().then(storageState),
      browser.permissions.contains({ permissions: ["unlimitedStorage"] }).catch(() => false),
    ]).then(([state, unlimited]) => setState({ ...state, protected: state.protected || unlimited }));
  }, []);
  if (!state) return null;
  return (
    <p data-testid="storage-state">
      {t("backup.protected")}{" "}
      <strong>{state.protected ? t("backup.protectedYes") : t("backup.protectedNo")}</strong>
      {state.usage !== undefined && <> · {t("backup.using", [formatBytes(state.usage)])}</>}
      {!state.protected && (
        <>
          {" "}
          <span className="quiet">{t("backup.mayClear")}</span>
        </>
      )}
    </p>
  );
}

const readBackups = () =>
  Promise.all([
    readAutoBackup(),
    readAutoBackupState(),
    backupCopies().catch((): BackupCopyInfo[] => []),
  ]).then(([setting, state, copies]) => ({ setting, state, copies }));

/**
 * Daily or weekly backups into a folder under Downloads, the last few kept; each also kept in the
 * browser, so any of them restores in two clicks.
 */
export function AutoBackupSection({ onRestore }: { onRestore: (copy: BackupCopyInfo) => void }) {
  const id = useId();
  const backups = useWatchedRead(readBackups, watchAutoBackup);
  const [busy, setBusy] = useState(false);
  const { run, view: status } = useSaveStatus(t("backup.notWorked"));

  if (!backups) return null;
  const { setting, state, copies } = backups;

  const on = setting !== undefined;
  const chosen = setting ?? { every: "day" as const, keep: AUTO_BACKUP_KEEP_DEFAULT };
  const last = lastAutoBackup(state);

  const backUpNow = async () => {
    setBusy(true);
    try {
      const message: PageMessage = { type: "backup:now" };
      const answer = pageResponseSchema.safeParse(await browser.runtime.sendMessage(message));
      if (!answer.success) throw new Error(t("popup.noAnswer"));
      if (!answer.data.ok) throw refusalError(answer.data);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby={`${id}-h`} className="auto-backups">
      <h3 id={`${id}-h`}>{t("backup.autoHeading")}</h3>
      <label className="check">
        <input
          type="checkbox"
          checked={on}
          onChange={(e) =>
            void run(
              e.target.checked ? turnOnAutoBackup(chosen) : setAutoBackup(undefined),
              e.target.checked ? t("backup.autoOn") : t("backup.autoOff"),
            )
          }
        />{" "}
        {t("backup.autoLabel")}
      </label>
      {on && (
        <div className="row">
          <label>
            {t("backup.every")}{" "}
            <select
              value={chosen.every}
              onChange={(e) =>
                void run(setAutoBackup({ ...chosen, every: e.target.value === "week" ? "week" : "day" }))
              }
            >
              <option value="day">{t("backup.day")}</option>
              <option value="week">{t("backup.week")}</option>
            </select>
          </label>
          <label>
            {t("backup.keepingLast")}{" "}
            <input
              type="number"
              min={1}
              max={AUTO_BACKUP_KEEP_MAX}
              value={chosen.keep}
              onChange={(e) => {
                const keep = Number(e.target.value);
                if (Number.isInteger(keep) && keep >= 1 && keep <= AUTO_BACKUP_KEEP_MAX)
                  void run(setAutoBackup({ ...chosen, keep }));
              }}
            />{" "}
            {t("backup.files")}
          </label>
          <button type="button" disabled={busy} onClick={() => void run(backUpNow(), t("backup.backedUp"))}>
            {t("backup.backUpNow")}
          </button>
        </div>
      )}
      <p data-testid="last-auto-backup">
        {last
          ? t("backup.lastBackup", [
              when(last.at),
              last.file.split("/").at(-1) ?? "",
              formatBytes(last.bytes),
            ])
          : on
            ? t("backup.firstSoon")
            : t("backup.noneYet")}
      </p>
      {state.error && (
        <p className="error" role="alert">
          {state.problem ? problemWords(state.problem) : state.error}
        </p>
      )}
      {copies.length > 0 && (
        <ul className="backup-copies" aria-label={t("backup.restorable")}>
          {copies.map((copy) => (
            <li key={copy.file}>
              {when(copy.at)} · {formatBytes(copy.bytes)}{" "}
              <button type="button" onClick={() => onRestore(copy)}>
                {t("backup.restore")}
              </button>
            </li>
          ))}
        </ul>
      )}
      {status}
    </section>
  );
}
