import { useId, useState } from "react";
import { browser } from "wxt/browser";
import { useCalendarSettings } from "@/components/useCalendarSettings";
import { connectCalendar, redirectUrl } from "@/lib/calendar-sync";
import { type CalendarSyncState, REMINDER_CHOICES, setReminderMinutes } from "@/lib/settings";
import { SetByOrganisation, useManagedPolicy } from "./managed";
import { useSaveStatus } from "./status";

const requestSync = (force: boolean) => browser.runtime.sendMessage({ type: "calendar:sync", force });

/**
 * The optional Google Calendar API: off until the manager connects with their own OAuth client,
 * or with the one their organisation set. Everything else in 1:1 Prep works without it.
 */
export function CalendarSection() {
  const id = useId();
  const view = useCalendarSettings();
  const policy = useManagedPolicy();
  const [clientId, setClientId] = useState("");
  const [busy, setBusy] = useState(false);
  const { run, view: status } = useSaveStatus("Couldn't change the Google Calendar connection.");

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
      <h2 id={`${id}-h`}>Google Calendar API (optional)</h2>
      <p className="quiet">
        Off unless you connect. Connected, 1:1 Prep reads your calendar (read-only) to see every guest, count
        held and cancelled 1:1s for cadence, list the week's 1:1s in the popup and remind you before them. It
        talks only to Google; your notes never leave this browser.
      </p>
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
                    "Reconnected.",
                  )
                }
              >
                Reconnect
              </button>
            ) : (
              <button
                type="button"
                disabled={busy}
                onClick={() => act(() => requestSync(true), "Sync finished.")}
              >
                Sync now
              </button>
            )}
            <button
              type="button"
              disabled={busy}
              onClick={() =>
                act(() => browser.runtime.sendMessage({ type: "calendar:disconnect" }), "Disconnected.")
              }
            >
              Disconnect
            </button>
          </div>
          <p className="quiet">
            Disconnecting signs 1:1 Prep out of Google and removes the synced copy of your calendar, with the
            meetings and people it added that you never wrote anything about. Your notes stay.
          </p>
        </>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            act(
              () =>
                connectCalendar(organisationClientId ?? clientId, { requestSync: () => requestSync(true) }),
              "Connected.",
            );
          }}
        >
          <div className="field">
            <label htmlFor={`${id}-client`}>OAuth client id</label>
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
            <p className="quiet">
              Your organisation set up the Google connection: connect and sign in with your Google account.
            </p>
          ) : (
            <p id={`${id}-client-help`} className="quiet">
              Create a "Web application" OAuth client in your own Google Cloud project, with the Calendar API
              enabled, and add this authorized redirect URI: <code>{redirectUrl()}</code>. The README explains
              each step.
            </p>
          )}
          <div className="form-actions">
            <button type="submit" disabled={busy}>
              Connect Google Calendar
            </button>
          </div>
        </form>
      )}
      <div className="field">
        <label htmlFor={`${id}-reminder`}>Remind me before a 1:1 with open items or feedback to give</label>
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
                if (!granted)
                  throw new Error("Reminders need permission to show notifications. Nothing changed.");
                return setReminderMinutes(minutes);
              }),
            );
          }}
        >
          {REMINDER_CHOICES.map((m) => (
            <option key={m} value={m}>
              {m === 0 ? "Off" : `${m} minutes before`}
            </option>
          ))}
        </select>
      </div>
      {status}
    </section>
  );
}

function connectionLine(state: CalendarSyncState | undefined): string {
  const last = state?.lastSyncAt ? ` Last synced ${new Date(state.lastSyncAt).toLocaleString()}.` : "";
  switch (state?.phase) {
    case "syncing":
      return "Connected. Syncing…";
    case "reconnect":
      return "Google Calendar needs you to sign in again.";
    case "error":
      return `${state.message ?? "The last sync failed."}${last}`;
    case "ok":
      return `Connected.${last}`;
    default:
      return "Connected. The first sync starts in a moment.";
  }
}
