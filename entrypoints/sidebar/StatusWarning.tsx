import { useState } from "react";
import { t } from "@/components/i18n";
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
      {t("sidebar.statusWarning")}{" "}
      <button
        type="button"
        className="link"
        onClick={() => {
          localStorage.setItem(dismissedKey(meetingId), "1");
          setDismissed(true);
        }}
      >
        {t("sidebar.dismiss")}
      </button>
    </p>
  );
}
