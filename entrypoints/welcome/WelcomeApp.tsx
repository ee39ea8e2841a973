import { useEffect, useId, useState } from "react";
import { CALENDAR_WEEK_URL } from "@/components/dates";
import { t } from "@/components/i18n";
import { problemText } from "@/components/problem-words";
import { useWatchedRead } from "@/components/useWatchedRead";
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
        <h1>{t("welcome.title")}</h1>
        <p className="lead">{t("welcome.lead")}</p>
      </header>

      <section aria-labelledby="how-heading" className="welcome-how">
        <div>
          <h2 id="how-heading">{t("welcome.howHeading")}</h2>
          <ol className="steps">
            <li>
              <strong>{t("welcome.step1Title")}</strong> {t("welcome.step1")}
            </li>
            <li>
              <strong>{t("welcome.step2Title")}</strong> {t("welcome.step2")}
            </li>
            <li>
              <strong>{t("welcome.step3Title")}</strong> {t("welcome.step3")}
            </li>
          </ol>
        </div>
        <img
          className="sidebar-picture"
          src="/welcome/sidebar.png"
          width="360"
          height="412"
          alt={t("welcome.pictureAlt")}
        />
      </section>

      <section aria-labelledby="privacy-heading" className="welcome-privacy">
        <h2 id="privacy-heading">{t("welcome.privacyHeading")}</h2>
        <p>{t("welcome.privacy")}</p>
      </section>

      <section aria-labelledby="setup-heading" className="welcome-setup">
        <h2 id="setup-heading">{t("welcome.setupHeading")}</h2>
        <ThisIsMe />
        <BackupChoice />
      </section>

      <nav aria-label={t("welcome.getStarted")} className="welcome-actions">
        <a className="button primary" href={CALENDAR_WEEK_URL}>
          {t("welcome.openCalendar")}
        </a>
        <a className="button" href="/sample.html">
          {t("welcome.trySample")}
        </a>
        <a className="button" href="/options.html">
          {t("welcome.allSettings")}
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
      () => setMessage({ error: false, text: t("welcome.emailSaved") }),
      (error: unknown) =>
        setMessage({
          error: true,
          text: problemText(error, t("welcome.emailNotSaved")),
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
      <h3 id={`${id}-h`}>{t("welcome.thisIsMe")}</h3>
      <p className="quiet">{stored ? t("welcome.knowsYou") : t("welcome.emailHelp")}</p>
      <div className="choice-row">
        <label className="visually-hidden" htmlFor={`${id}-email`}>
          {t("welcome.emailLabel")}
        </label>
        <input
          id={`${id}-email`}
          type="email"
          autoComplete="email"
          placeholder={t("welcome.emailPlaceholder")}
          value={email}
          onChange={(e) => {
            setEmail(e.target.value);
            setMessage(undefined);
          }}
        />
        <button type="submit" disabled={email.trim() === "" || (typed !== undefined && typed === stored)}>
          {t("welcome.thisIsMe")}
        </button>
      </div>
      <p className="quiet" data-testid="company-domain">
        {domain ? t("welcome.companyDomain", [domain]) : t("welcome.domainFromEmail")}
      </p>
      {message && (
        <p className={message.error ? "error" : "saved-note"} role={message.error ? "alert" : "status"}>
          {message.text}
        </p>
      )}
    </form>
  );
}

const backupsOn = () => readAutoBackup().then((setting) => setting !== undefined);

function BackupChoice() {
  const id = useId();
  const on = useWatchedRead(backupsOn, watchAutoBackup);
  const [error, setError] = useState<string>();

  return (
    <div className="choice">
      <h3 id={`${id}-h`}>{t("welcome.backupsHeading")}</h3>
      <p className="quiet">{t("welcome.backups", [String(AUTO_BACKUP_KEEP_DEFAULT)])}</p>
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
            work.catch((failure: unknown) => setError(problemText(failure, t("welcome.backupNotChanged"))));
          }}
        />
        {t("welcome.backupDaily")}
      </label>
      {error && (
        <p id={`${id}-error`} className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
