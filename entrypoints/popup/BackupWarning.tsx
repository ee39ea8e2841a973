import { useEffect, useState } from "react";
import { browser } from "wxt/browser";
import { type PageMessage, pageResponseSchema } from "@/lib/messaging";
import {
  type AutoBackup,
  type AutoBackupState,
  autoBackupIsStale,
  lastAutoBackup,
  readAutoBackup,
  readAutoBackupState,
  watchAutoBackup,
} from "@/lib/settings";

/** Says so when automatic backups are on but the last one is older than their period. */
export function BackupWarning() {
  const [backups, setBackups] = useState<{ setting?: AutoBackup; state: AutoBackupState }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  useEffect(() => {
    const load = () =>
      void Promise.all([readAutoBackup(), readAutoBackupState()]).then(([setting, state]) =>
        setBackups({ ...(setting ? { setting } : {}), state }),
      );
    load();
    return watchAutoBackup(load);
  }, []);
  if (!backups || !autoBackupIsStale(backups.setting, backups.state, Date.now())) return null;
  const last = lastAutoBackup(backups.state);

  const backUpNow = async () => {
    setBusy(true);
    setError(undefined);
    const message: PageMessage = { type: "backup:now" };
    const answer = pageResponseSchema.safeParse(
      await browser.runtime.sendMessage(message).catch(() => undefined),
    );
    if (!answer.success) setError("The background didn't answer. Try again.");
    else if (!answer.data.ok) setError(answer.data.error);
    setBusy(false);
  };

  return (
    <div className="backup-warning" role="status" data-testid="backup-warning">
      <p>
        {last
          ? `Your last automatic backup was ${new Date(last.at).toLocaleDateString(undefined, { dateStyle: "medium" })}.`
          : "No automatic backup has been made yet."}{" "}
        <button type="button" disabled={busy} onClick={() => void backUpNow()}>
          Back up now
        </button>
      </p>
      {(error ?? backups.state.error) && <p className="error">{error ?? backups.state.error}</p>}
    </div>
  );
}
