import { useId, useState } from "react";
import { browser } from "wxt/browser";
import { localeInUse, t } from "@/components/i18n";
import { problemWords } from "@/components/problem-words";
import { useCalendarSettings } from "@/components/useCalendarSettings";
import { connectCalendar, redirectUrl } from "@/lib/calendar-sync";
import { type CalendarSyncState, REMINDER_CHOICES, setReminderMinutes } from "@/lib/settings";
import { SetByOrganisation, useOrganisationPolicy } from "./managed";
import { useSaveStatus } from "./status";

const requestSync = (force: boolean) => browser.runtime.sendMessage({ type: "calendar:sync", force });

/**
 * The optional Google Calendar API: off until the manager connects with their own OAuth client,
 * or with the one their organisation set. Everything else in 1:1 Prep works without it.
 */
export function CalendarSection() {
  const id = useId();
  const view = useCalendarSettings();
  const policy = useOrganisationPolicy();
  const [clientId, setClientId] = useState("");
  const [busy, setBusy] = useState(false);
  const { run, view: status } = useSaveStatus(t("options.calendar.couldNotChange"));

  if (!view) return null;
  const { connection, state } = view;
  // The organisation's client replaces the manager's own, reconnecting included. Not waited
  // for: the section shows as soon as the connection is read, as it does without a policy.
  const organisationClientId = policy?.oauthClientId;

  const act = (work: () => Promise<unknown>, done: string) => {
    setBusy(true);
    void run(work(), done).finally(() => setBusy(false));
  };

  return (
    <section aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t("options.calendar.heading")}</h2>
      <p className="quiet">{t("options.calendar.explain")}</p>
      {connection ? (
        <>
          <p role="status" data-testid="calendar-state">
            {connectionLine(state)}
          </p>
          <div className="form-actions">
            {state?.phase === "reconnect" ? (
              <button
                type="button"
                disabled={busy}
                onClick={() =>
                  act(
                    () =>
                      connectCalendar(organisationClientId ?? connection.clientId, {
                        requestSync: () => requestSync(true),
                      }),
                    t("options.calendar.reconnected"),
                  )
                }
              >
                {t("options.calendar.reconnect")}
              </button>
            ) : (
              <button
                type="button"
                disabled={busy}
                onClick={() => act(() => requestSync(true), t("options.calendar.syncFinished"))}
              >
                {t("options.calendar.syncNow")}
              </button>
            )}
            <button
              type="button"
              disabled={busy}
              onClick={() =>
                act(
                  () => browser.runtime.sendMessage({ type: "calendar:disconnect" }),
                  t("options.calendar.disconnected"),
                )
              }
            >
              {t("options.calendar.disconnect")}
            </button>
          </div>
          <p className="quiet">{t("options.calendar.disconnectExplain")}</p>
        </>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            act(
              () =>
                connectCalendar(organisationClientId ?? clientId, { requestSync: () => requestSync(true) }),
              t("options.calendar.connected"),
            );
          }}
        >
          <div className="field">
            <label htmlFor={`${id}-client`}>{t("options.calendar.clientId")}</label>
            {organisationClientId ? (
              <>
                <input
                  id={`${id}-client`}
                  value={organisationClientId}
                  readOnly
                  spellCheck={false}
                  aria-describedby={`${id}-client-managed`}
                />
                <SetByOrganisation id={`${id}-client-managed`} />
              </>
            ) : (
              <input
                id={`${id}-client`}
                value={clientId}
                spellCheck={false}
                autoComplete="off"
                placeholder="1234-abc.apps.googleusercontent.com"
                aria-describedby={`${id}-client-help`}
                onChange={(e) => setClientId(e.target.value)}
              />
            )}
          </div>
          {organisationClientId ? (
            <p className="quiet">{t("options.calendar.organisationClient")}</p>
          ) : (
            <p id={`${id}-client-help`} className="quiet">
              {t("options.calendar.clientHelp")} <code>{redirectUrl()}</code>.{" "}
              {t("options.calendar.readmeExplains")}
            </p>
          )}
          <div className="form-actions">
            <button type="submit" disabled={busy}>
              {t("options.calendar.connect")}
            </button>
          </div>
        </form>
      )}
      <div className="field">
        <label htmlFor={`${id}-reminder`}>{t("options.calendar.reminder")}</label>
        <select
          id={`${id}-reminder`}
          value={view.reminderMinutes}
          onChange={(e) => {
            const minutes = Number(e.target.value);
            // Asked during the change itself: browsers grant optional permissions only then.
            const allowed =
              minutes === 0
                ? Promise.resolve(true)
                : browser.permissions.request({ permissions: ["notifications"] });
            void run(
              allowed.then((granted) => {
                if (!granted) throw new Error(t("options.calendar.reminderPermission"));
                return setReminderMinutes(minutes);
              }),
            );
          }}
        >
          {REMINDER_CHOICES.map((m) => (
            <option key={m} value={m}>
              {m === 0 ? t("options.calendar.reminderOff") : t("options.calendar.minutesBefore", [String(m)])}
            </option>
          ))}
        </select>
      </div>
      {status}
    </section>
  );
}

function connectionLine(state: CalendarSyncState | undefined): string {
  const last = state?.lastSyncAt
    ? ` ${t("options.calendar.lastSynced", [new Date(state.lastSyncAt).toLocaleString(localeInUse())])}`
    : "";
  switch (state?.phase) {
    case "syncing":
      return t("options.calendar.syncing");
    case "reconnect":
      return t("options.calendar.signInAgain");
    case "error":
      return `${state.problem ? problemWords(state.problem) : (state.message ?? t("options.calendar.syncFailed"))}${last}`;
    case "ok":
      return `${t("options.calendar.connected")}${last}`;
    default:
      return t("options.calendar.firstSync");
  }
}
