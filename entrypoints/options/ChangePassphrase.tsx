import { useId, useState } from "react";
import { t } from "@/components/i18n";
import { changeSyncPassphrase, MIN_PASSPHRASE_LENGTH } from "@/lib/device-sync";

/**
 * A new passphrase for sync, opened with the current one or the recovery key. What was typed
 * stays in the fields when the change is refused, so a wrong current passphrase costs one retype.
 */
export function ChangePassphrase({
  busy,
  act,
  onClose,
}: {
  busy: boolean;
  /** runs the change and reports how it went, as the section's other actions do */
  act: (work: () => Promise<unknown>, done?: string) => void;
  onClose: () => void;
}) {
  const id = useId();
  const [current, setCurrent] = useState("");
  const [recoveryKey, setRecoveryKey] = useState("");
  const [useRecoveryKey, setUseRecoveryKey] = useState(false);
  const [next, setNext] = useState("");
  const [repeat, setRepeat] = useState("");

  return (
    <form
      aria-labelledby={`${id}-h`}
      className="change-passphrase"
      onSubmit={(e) => {
        e.preventDefault();
        act(async () => {
          if (next !== repeat) throw new Error(t("options.sync.passphrasesDiffer"));
          await changeSyncPassphrase(useRecoveryKey ? { recoveryKey } : { passphrase: current }, next);
          onClose();
        }, t("options.sync.passphraseChanged"));
      }}
    >
      <h3 id={`${id}-h`}>{t("options.sync.changeHeading")}</h3>
      <p className="quiet">{t("options.sync.changeExplain")}</p>
      {useRecoveryKey ? (
        <div className="field">
          <label htmlFor={`${id}-rkey`}>{t("options.sync.recoveryKey")}</label>
          <input
            id={`${id}-rkey`}
            value={recoveryKey}
            spellCheck={false}
            autoComplete="off"
            onChange={(e) => setRecoveryKey(e.target.value)}
          />
        </div>
      ) : (
        <div className="field">
          <label htmlFor={`${id}-current`}>{t("options.sync.currentPassphrase")}</label>
          <input
            id={`${id}-current`}
            type="password"
            value={current}
            autoComplete="current-password"
            onChange={(e) => setCurrent(e.target.value)}
          />
        </div>
      )}
      <div className="field">
        <label htmlFor={`${id}-next`}>{t("options.sync.newPassphrase")}</label>
        <input
          id={`${id}-next`}
          type="password"
          value={next}
          autoComplete="new-password"
          minLength={MIN_PASSPHRASE_LENGTH}
          onChange={(e) => setNext(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-repeat`}>{t("options.sync.repeat")}</label>
        <input
          id={`${id}-repeat`}
          type="password"
          value={repeat}
          autoComplete="new-password"
          onChange={(e) => setRepeat(e.target.value)}
        />
      </div>
      <p className="quiet">{t("options.sync.passphraseHint", [String(MIN_PASSPHRASE_LENGTH)])}</p>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          {t("options.sync.changePassphrase")}
        </button>
        <button type="button" onClick={() => setUseRecoveryKey(!useRecoveryKey)}>
          {useRecoveryKey ? t("options.sync.usePassphrase") : t("options.sync.useRecoveryKey")}
        </button>
        <button type="button" onClick={onClose}>
          {t("options.sync.cancel")}
        </button>
      </div>
    </form>
  );
}
