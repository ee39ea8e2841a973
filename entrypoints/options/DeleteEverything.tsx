import { useId, useState } from "react";
import { deleteEverything, prepDatabase } from "@/lib/db";
import { useSaveStatus } from "./status";

const CONFIRMATION = "delete everything";

/** Removes every person, meeting, note and item; it asks for the words typed out first. */
export function DeleteEverything() {
  const id = useId();
  const [typed, setTyped] = useState("");
  const { run, view: status } = useSaveStatus("Couldn't delete. Nothing was changed.");
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
          void run(
            deleteEverything(prepDatabase()).then(
              () => setTyped(""),
              () => {
                throw new Error("Couldn't delete. Nothing was changed.");
              },
            ),
            "Everything was deleted.",
          )
        }
      >
        Delete everything
      </button>
      {status}
    </section>
  );
}
