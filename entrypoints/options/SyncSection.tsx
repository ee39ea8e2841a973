import { useEffect, useId, useState } from "react";
import { browser } from "wxt/browser";
import { t } from "@/components/i18n";
import { useCalendarSettings } from "@/components/useCalendarSettings";
import { SyncedDevices, SyncStateLine, useDeviceSyncStatus } from "@/components/useDeviceSyncStatus";
import {
  connectSyncDrive,
  type DeviceSyncStatus,
  deleteSyncedCopy,
  MIN_PASSPHRASE_LENGTH,
  readDeviceSyncStatus,
  SyncSetupError,
  turnOffSync,
  unlockSync,
  uploadAgain,
} from "@/lib/device-sync";
import { ChangePassphrase, SyncField } from "./ChangePassphrase";
import { SetByOrganisation, useOrganisationPolicy, useOrganisationSecret } from "./managed";
import { useSaveStatus } from "./status";

/** What a failed step says: the setup's own sentence in English, its kind's words otherwise. */
function setupProblem(error: unknown): Error {
  if (!(error instanceof SyncSetupError)) return error instanceof Error ? error : new Error(String(error));
  const words: Partial<Record<SyncSetupError["kind"], string>> = {
    permission: t("options.sync.problemPermission"),
    "wrong-passphrase": t("options.sync.problemWrongPassphrase"),
    "wrong-recovery-key": t("options.sync.problemWrongRecoveryKey"),
    "malformed-recovery-key": t("options.sync.problemMalformedRecoveryKey"),
    "empty-passphrase": t("options.sync.problemEmptyPassphrase"),
    "short-passphrase": t("options.sync.problemShortPassphrase", [String(MIN_PASSPHRASE_LENGTH)]),
    offline: t("options.sync.problemOffline"),
    "sign-in": t("options.sync.problemSignIn"),
    drive: t("options.sync.problemDrive"),
    "not-allowed": t("options.sync.notAllowed"),
    "client-secret": t("options.sync.problemClientSecret"),
  };
  return new Error(words[error.kind] ?? error.message);
}

const requestSync = () => browser.runtime.sendMessage({ type: "sync:now" });

/** Sync stopped short: the state line says why, so nothing may say "finished" beside it. */
const inTrouble = (status: DeviceSyncStatus) => ["reconnect", "offline", "error"].includes(status.phase);
/** After "Sync now" or a reconnect: "Sync finished." unless the run ran into trouble. */
const finishedUnlessTrouble = (after: DeviceSyncStatus) =>
  inTrouble(after) ? undefined : t("options.sync.finished");

/**
 * Sync across devices: off until the manager turns it on, connects Google's Drive (the hidden app
 * folder only) and chooses a passphrase, or enters the one chosen on their first device.
 */
export function SyncSection() {
  const id = useId();
  const status = useDeviceSyncStatus();
  const policy = useOrganisationPolicy();
  const organisationSecret = useOrganisationSecret(policy?.oauthClientSecretSet === true);
  const calendar = useCalendarSettings();
  const [clientId, setClientId] = useState("");
  const [clientSecret, setClientSecret] = useState("");
  const [passphrase, setPassphrase] = useState("");
  const [repeat, setRepeat] = useState("");
  const [recoveryKey, setRecoveryKey] = useState("");
  const [useRecoveryKey, setUseRecoveryKey] = useState(false);
  const [shownKey, setShownKey] = useState<string>();
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const [changing, setChanging] = useState(false);
  const [busy, setBusy] = useState(false);
  const { run, view: saveStatus, forgetDone } = useSaveStatus(t("options.sync.couldNotChange"));
  // "Sync finished." no longer holds once a later run, here or in the background, ran into trouble.
  const troubled = status !== undefined && inTrouble(status);
  useEffect(() => {
    if (troubled) forgetDone();
  }, [troubled, forgetDone]);

  // A client id known from the Calendar connection needs no typing again.
  const knownClientId = policy?.oauthClientId ?? calendar?.connection?.clientId;
  useEffect(() => {
    if (!clientId && calendar?.connection?.clientId) setClientId(calendar.connection.clientId);
  }, [calendar, clientId]);

  const heading = (
    <>
      <h2 id={`${id}-h`}>{t("options.sync.heading")}</h2>
      <p className="quiet">{t("options.sync.explain")}</p>
    </>
  );
  // Until all are read, nothing is offered that the organisation's policy could take back.
  if (!status || !policy || !organisationSecret)
    return (
      <section aria-labelledby={`${id}-h`} aria-busy="true">
        {heading}
      </section>
    );

  const act = <T,>(work: () => Promise<T>, done?: string | ((result: T) => string | undefined)) => {
    setBusy(true);
    void run(
      work().catch((error: unknown) => {
        throw setupProblem(error);
      }),
      done,
    ).finally(() => setBusy(false));
  };

  if (status.notAllowed && status.phase === "off") {
    return (
      <section aria-labelledby={`${id}-h`}>
        {heading}
        <p>
          {t("options.sync.notAllowed")} <SetByOrganisation />
        </p>
      </section>
    );
  }

  const connect = () =>
    connectSyncDrive({
      clientId: policy.oauthClientId ?? (clientId || status.clientId || ""),
      clientSecret: organisationSecret.secret ?? clientSecret,
    }).then((connected) => {
      setClientSecret("");
      return connected;
    });

  let body: React.ReactNode;
  if (shownKey) {
    body = (
      <section className="recovery-key" aria-labelledby={`${id}-rk`}>
        <h3 id={`${id}-rk`}>{t("options.sync.recoveryKeyHeading")}</h3>
        <p>{t("options.sync.recoveryKeyExplain")}</p>
        <p className="recovery-key-value" data-testid="recovery-key">
          <code>{shownKey}</code>
        </p>
        <div className="form-actions">
          <button type="button" onClick={() => void navigator.clipboard?.writeText(shownKey).catch(() => {})}>
            {t("options.sync.copy")}
          </button>
          <button type="button" onClick={() => window.print()}>
            {t("options.sync.print")}
          </button>
          <button type="button" className="primary" onClick={() => setShownKey(undefined)}>
            {t("options.sync.saved")}
          </button>
        </div>
      </section>
    );
  } else if (status.phase === "off") {
    body = (
      <form
        onSubmit={(e) => {
          e.preventDefault();
          act(connect, t("options.calendar.connected"));
        }}
      >
        {knownClientId ? null : (
          <div className="field">
            <label htmlFor={`${id}-client`}>{t("options.calendar.clientId")}</label>
            <input
              id={`${id}-client`}
              value={clientId}
              spellCheck={false}
              autoComplete="off"
              placeholder="1234-abc.apps.googleusercontent.com"
              onChange={(e) => setClientId(e.target.value)}
            />
          </div>
        )}
        {policy.oauthClientId ? <p className="quiet">{t("options.calendar.organisationClient")}</p> : null}
        {policy.oauthClientSecretSet ? null : (
          <SyncField
            id={`${id}-secret`}
            label={t("options.sync.clientSecret")}
            value={clientSecret}
            onChange={setClientSecret}
            secret={false}
            autoComplete="off"
            hint={t("options.sync.clientSecretHint")}
          />
        )}
        <div className="form-actions">
          <button type="submit" className="primary" disabled={busy}>
            {t("options.sync.turnOn")}
          </button>
        </div>
      </form>
    );
  } else if (status.phase === "needs-passphrase") {
    const first = !status.existing;
    body = (
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (first && passphrase !== repeat) {
            void run(Promise.reject(new Error(t("options.sync.passphrasesDiffer"))));
            return;
          }
          act(async () => {
            const made = await unlockSync(useRecoveryKey ? { recoveryKey } : { passphrase });
            setPassphrase("");
            setRepeat("");
            setRecoveryKey("");
            if (made.recoveryKey) setShownKey(made.recoveryKey);
          }, t("options.sync.started"));
        }}
      >
        <p>{first ? t("options.sync.chooseExplain") : t("options.sync.enterExplain")}</p>
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
            id={`${id}-pass`}
            label={t("options.sync.passphrase")}
            value={passphrase}
            onChange={setPassphrase}
            secret
            autoComplete={first ? "new-password" : "current-password"}
            minLength={first ? MIN_PASSPHRASE_LENGTH : undefined}
          />
        )}
        {first ? (
          <SyncField
            id={`${id}-repeat`}
            label={t("options.sync.repeat")}
            value={repeat}
            onChange={setRepeat}
            secret
            autoComplete="new-password"
          />
        ) : null}
        {first ? (
          <p className="quiet">{t("options.sync.passphraseHint", [String(MIN_PASSPHRASE_LENGTH)])}</p>
        ) : null}
        <div className="form-actions">
          <button type="submit" className="primary" disabled={busy}>
            {t("options.sync.start")}
          </button>
          {first ? null : (
            <button type="button" onClick={() => setUseRecoveryKey(!useRecoveryKey)}>
              {useRecoveryKey ? t("options.sync.usePassphrase") : t("options.sync.useRecoveryKey")}
            </button>
          )}
          <button type="button" disabled={busy} onClick={() => act(turnOffSync)}>
            {t("options.sync.cancel")}
          </button>
        </div>
      </form>
    );
  } else {
    body = (
      <>
        <SyncStateLine status={status} testId="device-sync-state" />
        {status.devices && status.devices.length > 0 ? (
          <SyncedDevices devices={status.devices} headingId={`${id}-devices`} />
        ) : null}
        {status.problem === "wrong-key" ? (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              act(async () => {
                await unlockSync({ passphrase }, {}, { existingOnly: true });
                setPassphrase("");
              }, t("options.sync.started"));
            }}
          >
            <SyncField
              id={`${id}-new-key`}
              label={t("options.sync.passphrase")}
              value={passphrase}
              onChange={setPassphrase}
              secret
              autoComplete="current-password"
            />
            <div className="form-actions">
              <button type="submit" className="primary" disabled={busy}>
                {t("options.sync.goOnSyncing")}
              </button>
            </div>
          </form>
        ) : null}
        <div className="form-actions">
          {status.problem === "wiped" ? (
            <button
              type="button"
              className="primary"
              disabled={busy}
              onClick={() => act(uploadAgain, t("options.sync.uploadedAgain"))}
            >
              {t("options.sync.uploadAgain")}
            </button>
          ) : null}
          {status.phase === "reconnect" ? (
            <button
              type="button"
              className="primary"
              disabled={busy}
              onClick={() =>
                // The queued changes go up at once, and the line stops saying "Paused".
                act(() => connect().then(requestSync).then(readDeviceSyncStatus), finishedUnlessTrouble)
              }
            >
              {t("options.sync.reconnect")}
            </button>
          ) : null}
          <button
            type="button"
            disabled={busy}
            onClick={() => act(() => requestSync().then(readDeviceSyncStatus), finishedUnlessTrouble)}
          >
            {t("options.sync.syncNow")}
          </button>
          {status.problem === "wiped" || status.problem === "wrong-key" || changing ? null : (
            <button type="button" disabled={busy} onClick={() => setChanging(true)}>
              {t("options.sync.changePassphrase")}
            </button>
          )}
          <button type="button" disabled={busy} onClick={() => act(turnOffSync, t("options.sync.turnedOff"))}>
            {t("options.sync.turnOff")}
          </button>
          <button type="button" disabled={busy} onClick={() => setConfirmingDelete(true)}>
            {t("options.sync.deleteCopy")}
          </button>
        </div>
        <p className="quiet">{t("options.sync.turnOffExplain")}</p>
        {changing ? <ChangePassphrase busy={busy} act={act} onClose={() => setChanging(false)} /> : null}
        {confirmingDelete ? (
          <div role="alertdialog" aria-labelledby={`${id}-del`} className="confirm">
            <p id={`${id}-del`}>{t("options.sync.deleteConfirm")}</p>
            <div className="form-actions">
              <button
                type="button"
                className="danger"
                disabled={busy}
                onClick={() => {
                  setConfirmingDelete(false);
                  act(deleteSyncedCopy, t("options.sync.deleted"));
                }}
              >
                {t("options.sync.deleteYes")}
              </button>
              <button type="button" onClick={() => setConfirmingDelete(false)}>
                {t("options.sync.deleteNo")}
              </button>
            </div>
          </div>
        ) : null}
      </>
    );
  }

  return (
    <section aria-labelledby={`${id}-h`}>
      {heading}
      {body}
      {saveStatus}
    </section>
  );
}
