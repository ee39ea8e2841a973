import { useState } from "react";
import { browser } from "wxt/browser";
import { localeInUse, t } from "@/components/i18n";
import { problemText, problemWords } from "@/components/problem-words";
import { useWatchedRead } from "@/components/useWatchedRead";
import { type PageMessage, pageResponseSchema } from "@/lib/messaging";
import { refusalError } from "@/lib/problem";
import {
  autoBackupIsStale,
  lastAutoBackup,
  readAutoBackup,
  readAutoBackupState,
  watchAutoBackup,
} from "@/lib/settings";

const readBackups = () =>
  Promise.all([readAutoBackup(), readAutoBackupState()]).then(([setting, state]) => ({ setting, state }));

/** Says so when automatic backups are on but the last one is older than their period. */
export function BackupWarning() {
  const backups = useWatchedRead(readBackups, watchAutoBackup);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  if (!backups || !autoBackupIsStale(backups.setting, backups.state, Date.now())) return null;
  const last = lastAutoBackup(backups.state);

  const backUpNow = async () => {
    setBusy(true);
    setError(undefined);
    const message: PageMessage = { type: "backup:now" };
    const answer = pageResponseSchema.safeParse(
      await browser.runtime.sendMessage(message).catch(() => undefined),
    );
    if (!answer.success) setError(t("popup.noAnswer"));
    else if (!answer.data.ok) setError(problemText(refusalError(answer.data), answer.data.error));
    setBusy(false);
  };

  return (
    <div className="backup-warning" role="status" data-testid="backup-warning">
      <p>
        {last
          ? t("popup.lastBackup", [
              new Date(last.at).toLocaleDateString(localeInUse(), { dateStyle: "medium" }),
            ])
          : t("popup.noBackupYet")}{" "}
        <button type="button" disabled={busy} onClick={() => void backUpNow()}>
          {t("popup.backUpNow")}
        </button>
      </p>
      {(error ?? backups.state.error) && (
        <p className="error">
          {error ?? (backups.state.problem ? problemWords(backups.state.problem) : backups.state.error)}
        </p>
      )}
    </div>
  );
}
