import { useId, useState } from "react";
import { prepDatabase } from "@/lib/db";
import { deleteEverything } from "@/lib/export";

const CONFIRMATION = "delete everything";

/** Removes every person, meeting, note and item; it asks for the words typed out first. */
export function DeleteEverything() {
  const id = useId();
  const [typed, setTyped] = useState("");
  const [message, setMessage] = useState<{ error: boolean; text: string }>();
  return (
    <section aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Delete everything</h2>
      <p className="quiet">
        This removes every person, meeting, note, action item, feedback and growth plan from this browser.
        Export a backup first if you may want them back.
      </p>
      <div className="field">
        <label htmlFor={`${id}-confirm`}>Type “{CONFIRMATION}” to confirm</label>
        <input id={`${id}-confirm`} type="text" value={typed} onChange={(e) => setTyped(e.target.value)} />
      </div>
      <button
        type="button"
        className="danger"
        disabled={typed.trim().toLowerCase() !== CONFIRMATION}
        onClick={() =>
          deleteEverything(prepDatabase()).then(
            () => {
              setTyped("");
              setMessage({ error: false, text: "Everything was deleted." });
            },
            () => setMessage({ error: true, text: "Couldn't delete. Nothing was changed." }),
          )
        }
      >
        Delete everything
      </button>
      {message && (
        <p className={message.error ? "error" : "saved-note"} role={message.error ? "alert" : "status"}>
          {message.text}
        </p>
      )}
    </section>
  );
}
