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
        <SyncField
          id={`${id}-rkey`}
          label={t("options.sync.recoveryKey")}
          value={recoveryKey}
          onChange={setRecoveryKey}
          secret={false}
          autoComplete="off"
        />
      ) : (
        <SyncField
          id={`${id}-current`}
          label={t("options.sync.currentPassphrase")}
          value={current}
          onChange={setCurrent}
          secret
          autoComplete="current-password"
        />
      )}
      <SyncField
        id={`${id}-next`}
        label={t("options.sync.newPassphrase")}
        value={next}
        onChange={setNext}
        secret
        autoComplete="new-password"
        minLength={MIN_PASSPHRASE_LENGTH}
      />
      <SyncField
        id={`${id}-repeat`}
        label={t("options.sync.repeat")}
        value={repeat}
        onChange={setRepeat}
        secret
        autoComplete="new-password"
      />
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

/** One line of the sync forms: a passphrase (hidden as typed) or a recovery key (shown, as it is copied). */
export function SyncField({
  id,
  label,
  value,
  onChange,
  secret,
  autoComplete,
  minLength,
  hint,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  secret: boolean;
  autoComplete: string;
  minLength?: number | undefined;
  /** a sentence under the field, read out with it */
  hint?: string;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type={secret ? "password" : "text"}
        value={value}
        spellCheck={secret ? undefined : false}
        autoComplete={autoComplete}
        minLength={minLength}
        {...(hint ? { "aria-describedby": `${id}-hint` } : {})}
        onChange={(e) => onChange(e.target.value)}
      />
      {hint ? (
        <p id={`${id}-hint`} className="quiet">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
