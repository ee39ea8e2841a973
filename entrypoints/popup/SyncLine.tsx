import { useState } from "react";
import { browser } from "wxt/browser";
import { t } from "@/components/i18n";
import { SyncStateLine, useDeviceSyncStatus } from "@/components/useDeviceSyncStatus";

/** While sync across devices is on: when it last synced, or what holds it up, and "Sync now". */
export function SyncLine() {
  const status = useDeviceSyncStatus();
  const [busy, setBusy] = useState(false);
  if (!status || status.phase === "off" || status.phase === "needs-passphrase") return null;
  const syncNow = () => {
    setBusy(true);
    void browser.runtime
      .sendMessage({ type: "sync:now" })
      .catch(() => undefined)
      .finally(() => setBusy(false));
  };
  // What only the manager can mend (signing in, the new passphrase, uploading again) is done in
  // options: the popup shows the way there.
  const mend =
    status.phase === "reconnect"
      ? t("popup.reconnectInOptions")
      : status.problem === "wrong-key" || status.problem === "wiped"
        ? t("popup.syncSettings")
        : undefined;
  return (
    <footer className="sync-line">
      <SyncStateLine status={status} testId="popup-sync-state" />
      {mend ? (
        <button
          type="button"
          onClick={() => void browser.tabs.create({ url: `${browser.runtime.getURL("/options.html")}#sync` })}
        >
          {mend}
        </button>
      ) : null}
      <button type="button" disabled={busy || status.phase === "syncing"} onClick={syncNow}>
        {t("options.sync.syncNow")}
      </button>
    </footer>
  );
}
