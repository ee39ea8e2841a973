import { useId, useState } from "react";
import { t } from "@/components/i18n";
import { type Meeting, prepDatabase, setMeetingStatus } from "@/lib/db";

type Choice = "auto" | "held" | "skipped" | "cancelled";

/**
 * Opening a prep doesn't make a 1:1 held: its time passing does, unless the calendar shows it
 * cancelled or declined, or the manager says otherwise here.
 */
export function MeetingStatusPicker({ meeting, now }: { meeting: Meeting; now: number }) {
  const id = useId();
  const [error, setError] = useState<string>();
  const choice: Choice = meeting.statusSetByUser && meeting.status !== "planned" ? meeting.status : "auto";
  const byTime =
    meeting.status === "cancelled"
      ? t("sidebar.heldCancelledInCalendar")
      : meeting.status === "skipped"
        ? t("sidebar.heldDeclinedInCalendar")
        : meeting.startsAt <= now
          ? t("sidebar.heldByTime")
          : t("sidebar.heldNotYet");
  return (
    <p className="kind-picker">
      <label htmlFor={id}>{t("sidebar.heldLabel")}</label>
      <select
        id={id}
        value={choice}
        onChange={(e) => {
          const next = e.target.value as Choice;
          setMeetingStatus(prepDatabase(), meeting.id, next === "auto" ? undefined : next).then(
            () => setError(undefined),
            () => setError(t("common.couldNotSave")),
          );
        }}
      >
        <option value="auto">{byTime}</option>
        <option value="held">{t("sidebar.heldYes")}</option>
        <option value="skipped">{t("sidebar.heldSkipped")}</option>
        <option value="cancelled">{t("sidebar.heldCancelled")}</option>
      </select>
      {error && (
        <span className="error" role="alert">
          {" "}
          {error}
        </span>
      )}
    </p>
  );
}
