import { useState } from "react";
import { looksLikeStatusMeeting } from "@/lib/prep";

const dismissedKey = (meetingId: string) => `statusWarningDismissed:${meetingId}`;

/**
 * A quiet reminder when the notes read like a status report. Once dismissed it stays away for
 * this meeting, so it never nags.
 */
export function StatusWarning({ meetingId, notes }: { meetingId: string; notes: string }) {
  const [dismissed, setDismissed] = useState(() => localStorage.getItem(dismissedKey(meetingId)) === "1");
  if (dismissed || !looksLikeStatusMeeting(notes).status) return null;
  return (
    <p className="status-warning" role="status">
      1:1s are for the person; status belongs in async updates.{" "}
      <button
        type="button"
        className="link"
        onClick={() => {
          localStorage.setItem(dismissedKey(meetingId), "1");
          setDismissed(true);
        }}
      >
        Dismiss
      </button>
    </p>
  );
}
