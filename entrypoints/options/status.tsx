import { useCallback, useState } from "react";
import { t } from "@/components/i18n";
import { problemText } from "@/components/problem-words";

interface Status {
  error: boolean;
  text: string;
}

/**
 * Runs a save and says how it went: "Saved." (or `done`) as a polite status, or what went wrong,
 * in the manager's language, as an alert, so nothing fails silently. A `done` worked out from the
 * result may say nothing, when another line on the page already says how it went.
 */
export function useSaveStatus(fallbackError: string) {
  const [status, setStatus] = useState<Status>();
  const run = <T,>(
    work: Promise<T>,
    done: string | ((result: T) => string | undefined) = t("options.saved"),
  ) =>
    work.then(
      (result) => {
        const text = typeof done === "string" ? done : done(result);
        setStatus(text === undefined ? undefined : { error: false, text });
      },
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
  /** A note of success that has gone stale; a problem stays until the next try. */
  const forgetDone = useCallback(() => setStatus((shown) => (shown?.error ? shown : undefined)), []);
  return { run, view, forgetDone };
}
