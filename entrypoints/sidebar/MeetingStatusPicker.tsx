import { useId, useState } from "react";
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
      ? "No: cancelled in Calendar"
      : meeting.status === "skipped"
        ? "No: declined in Calendar"
        : meeting.startsAt <= now
          ? "Yes, by its time"
          : "Not yet: counts once its time has passed";
  return (
    <p className="kind-picker">
      <label htmlFor={id}>Held? </label>
      <select
        id={id}
        value={choice}
        onChange={(e) => {
          const next = e.target.value as Choice;
          setMeetingStatus(prepDatabase(), meeting.id, next === "auto" ? undefined : next).then(
            () => setError(undefined),
            () => setError("Couldn't save. Try again."),
          );
        }}
      >
        <option value="auto">{byTime}</option>
        <option value="held">Yes, held</option>
        <option value="skipped">No, skipped this time</option>
        <option value="cancelled">No, cancelled</option>
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
