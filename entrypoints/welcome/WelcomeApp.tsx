import { useEffect, useId, useState } from "react";
import { CALENDAR_WEEK_URL } from "@/components/dates";
import { emailDomain, normalizeEmail } from "@/lib/detection";
import {
  AUTO_BACKUP_KEEP_DEFAULT,
  readAutoBackup,
  readDetectionState,
  setAutoBackup,
  setMyEmail,
  turnOnAutoBackup,
  watchAutoBackup,
  watchDetectionState,
} from "@/lib/settings";

/**
 * What a manager sees right after installing: what 1:1 Prep does, the privacy promise, and the
 * two choices worth making now. Everything here can be changed later in Options.
 */
export function WelcomeApp() {
  return (
    <main className="welcome">
      <header>
        <h1>Welcome to 1:1 Prep</h1>
        <p className="lead">Your prep for every 1:1, right beside the event in Google Calendar.</p>
      </header>

      <section aria-labelledby="how-heading" className="welcome-how">
        <div>
          <h2 id="how-heading">How it works</h2>
          <ol className="steps">
            <li>
              <strong>Open a 1:1 in Google Calendar.</strong> 1:1 Prep recognises it from its title and its
              two guests.
            </li>
            <li>
              <strong>The prep opens beside it:</strong> last time's notes, open action items, their agenda
              first, good questions and the feedback you queued.
            </li>
            <li>
              <strong>Write as you talk.</strong> Notes save as you type. Capture feedback any time from the
              toolbar button.
            </li>
          </ol>
        </div>
        <img
          className="sidebar-picture"
          src="/welcome/sidebar.png"
          width="360"
          height="412"
          alt="The 1:1 Prep sidebar beside a 1:1 in Google Calendar, with open action items and notes."
        />
      </section>

      <section aria-labelledby="privacy-heading" className="welcome-privacy">
        <h2 id="privacy-heading">Private by design</h2>
        <p>
          Everything you write stays in this browser. Nothing reaches Google Calendar's page, and there is no
          server of ours to send it to. Only if you later connect the Google Calendar API does 1:1 Prep talk
          to Google, and then only with your own account.
        </p>
      </section>

      <section aria-labelledby="setup-heading" className="welcome-setup">
        <h2 id="setup-heading">Two choices for now</h2>
        <ThisIsMe />
        <BackupChoice />
      </section>

      <nav aria-label="Get started" className="welcome-actions">
        <a className="button primary" href={CALENDAR_WEEK_URL}>
          Open Google Calendar
        </a>
        <a className="button" href="/sample.html">
          Try it on a sample
        </a>
        <a className="button" href="/options.html">
          All settings
        </a>
      </nav>
    </main>
  );
}

/** "This is me": the manager's own address, which tells a 1:1 from a meeting they are only invited to. */
function ThisIsMe() {
  const id = useId();
  const [stored, setStored] = useState<string>();
  const [email, setEmail] = useState("");
  const [message, setMessage] = useState<{ error: boolean; text: string }>();

  useEffect(() => {
    const adopt = (myEmail: string | undefined) => {
      setStored(myEmail);
      if (myEmail) setEmail((typed) => typed || myEmail);
    };
    void readDetectionState().then((state) => adopt(state.myEmail));
    return watchDetectionState((state) => adopt(state.myEmail));
  }, []);

  const typed = normalizeEmail(email);
  const domain = typed ? emailDomain(typed) : undefined;

  const save = () => {
    if (email.trim() === "") return;
    setMyEmail(email).then(
      () => setMessage({ error: false, text: "Saved. 1:1 Prep will know you in Calendar." }),
      (error: unknown) =>
        setMessage({
          error: true,
          text: error instanceof Error ? error.message : "Couldn't save your email. Try again.",
        }),
    );
  };

  return (
    <form
      className="choice"
      // Our own message for a bad address, in the page's words, rather than the browser's bubble.
      noValidate
      aria-labelledby={`${id}-h`}
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <h3 id={`${id}-h`}>This is me</h3>
      <p className="quiet">
        {stored
          ? "1:1 Prep knows you by this address. Change it if you hold your 1:1s from another account."
          : "Your work email, as Google Calendar shows it. Left empty, 1:1 Prep reads it from Calendar."}
      </p>
      <div className="choice-row">
        <label className="visually-hidden" htmlFor={`${id}-email`}>
          My work email
        </label>
        <input
          id={`${id}-email`}
          type="email"
          autoComplete="email"
          placeholder="you@company.com"
          value={email}
          onChange={(e) => {
            setEmail(e.target.value);
            setMessage(undefined);
          }}
        />
        <button type="submit" disabled={email.trim() === "" || (typed !== undefined && typed === stored)}>
          This is me
        </button>
      </div>
      <p className="quiet" data-testid="company-domain">
        {domain
          ? `Company domain: ${domain}. Guests from other domains count as external, so a meeting with a customer isn't taken for a 1:1.`
          : "Your company domain comes from this address."}
      </p>
      {message && (
        <p className={message.error ? "error" : "saved-note"} role={message.error ? "alert" : "status"}>
          {message.text}
        </p>
      )}
    </form>
  );
}

function BackupChoice() {
  const id = useId();
  const [on, setOn] = useState<boolean>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    const load = () => void readAutoBackup().then((setting) => setOn(setting !== undefined));
    load();
    return watchAutoBackup(load);
  }, []);

  return (
    <div className="choice">
      <h3 id={`${id}-h`}>Automatic backups</h3>
      <p className="quiet">
        Your notes live only in this browser. A backup file a day in your Downloads folder keeps them safe if
        the browser is reset; 1:1 Prep keeps the last {AUTO_BACKUP_KEEP_DEFAULT}.
      </p>
      <label className="check">
        <input
          type="checkbox"
          checked={on ?? false}
          disabled={on === undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => {
            setError(undefined);
            const work = e.target.checked
              ? turnOnAutoBackup({ every: "day", keep: AUTO_BACKUP_KEEP_DEFAULT })
              : setAutoBackup(undefined);
            work.catch((failure: unknown) =>
              setError(failure instanceof Error ? failure.message : "Couldn't change automatic backups."),
            );
          }}
        />
        Back up automatically every day
      </label>
      {error && (
        <p id={`${id}-error`} className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
