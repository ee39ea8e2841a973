import { useState } from "react";
import { t } from "@/components/i18n";
import { problemText } from "@/components/problem-words";

interface Status {
  error: boolean;
  text: string;
}

/**
 * Runs a save and says how it went: "Saved." (or `done`) as a polite status, or what went wrong,
 * in the manager's language, as an alert, so nothing fails silently.
 */
export function useSaveStatus(fallbackError: string) {
  const [status, setStatus] = useState<Status>();
  const run = (work: Promise<unknown>, done = t("options.saved")) =>
    work.then(
      () => setStatus({ error: false, text: done }),
      (error: unknown) =>
        setStatus({
          error: true,
          text: problemText(error, fallbackError),
        }),
    );
  const view = status && (
    <p className={status.error ? "error" : "saved-note"} role={status.error ? "alert" : "status"}>
      {status.text}
    </p>
  );
  return { run, view };
}
