import { useId, useState } from "react";
import { forgetFeedbackDraft } from "@/components/feedback-draft";
import { t } from "@/components/i18n";
import { deleteEverything, prepDatabase } from "@/lib/db";
import { saveRunningTimer } from "@/lib/timer";
import { useSaveStatus } from "./status";

/** Removes every person, meeting, note and item; it asks for the words typed out first. */
export function DeleteEverything() {
  const id = useId();
  // The words to type are in the page's language, so they can be typed as read.
  const confirmation = t("options.delete.confirmWords");
  const [typed, setTyped] = useState("");
  const { run, view: status } = useSaveStatus(t("options.delete.failed"));
  return (
    <section aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t("options.delete.heading")}</h2>
      <p className="quiet">{t("options.delete.explain")}</p>
      <div className="field">
        <label htmlFor={`${id}-confirm`}>{t("options.delete.confirmLabel", [confirmation])}</label>
        <input id={`${id}-confirm`} type="text" value={typed} onChange={(e) => setTyped(e.target.value)} />
      </div>
      <button
        type="button"
        className="danger"
        disabled={typed.trim().toLocaleLowerCase() !== confirmation.toLocaleLowerCase()}
        onClick={() =>
          void run(
            // A 1:1 being timed names its person, as does a feedback draft: they go with the rest.
            Promise.all([deleteEverything(prepDatabase()), saveRunningTimer(undefined)]).then(
              () => {
                forgetFeedbackDraft();
                setTyped("");
              },
              () => {
                throw new Error(t("options.delete.failed"));
              },
            ),
            t("options.delete.done"),
          )
        }
      >
        {t("options.delete.button")}
      </button>
      {status}
    </section>
  );
}
