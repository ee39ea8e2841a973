import { useId } from "react";
import { type Meeting, prepDatabase, setMeetingKind } from "@/lib/db";

const KINDS: { kind: Meeting["kind"]; label: string }[] = [
  { kind: "weekly", label: "Weekly 1:1" },
  { kind: "monthly", label: "Monthly deep dive" },
  { kind: "career", label: "Career conversation" },
  { kind: "adhoc", label: "Ad hoc" },
];

/** The kind is chosen by the meeting-kind rules; one change here overrides them for this meeting. */
export function MeetingKindPicker({ meeting }: { meeting: Meeting }) {
  const id = useId();
  return (
    <p className="kind-picker">
      <label htmlFor={id}>This 1:1 is a </label>
      <select
        id={id}
        value={meeting.kind}
        onChange={(e) => {
          const kind = KINDS.find((k) => k.kind === e.target.value)?.kind;
          if (kind) void setMeetingKind(prepDatabase(), meeting.id, kind);
        }}
      >
        {KINDS.map((k) => (
          <option key={k.kind} value={k.kind}>
            {k.label}
          </option>
        ))}
      </select>
      {!meeting.kindSetByUser && <span className="quiet"> (chosen by your rules)</span>}
    </p>
  );
}
