import { useId } from "react";
import { t } from "@/components/i18n";
import { type Meeting, prepDatabase, setMeetingKind } from "@/lib/db";

const KINDS: { kind: Meeting["kind"]; label: () => string }[] = [
  { kind: "weekly", label: () => t("sidebar.kindWeekly") },
  { kind: "monthly", label: () => t("sidebar.kindMonthly") },
  { kind: "career", label: () => t("sidebar.kindCareer") },
  { kind: "adhoc", label: () => t("sidebar.kindAdhoc") },
];

/** The kind is chosen by the meeting-kind rules; one change here overrides them for this meeting. */
export function MeetingKindPicker({ meeting }: { meeting: Meeting }) {
  const id = useId();
  return (
    <p className="kind-picker">
      <label htmlFor={id}>{t("sidebar.kindLabel")}</label>
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
            {k.label()}
          </option>
        ))}
      </select>
      {!meeting.kindSetByUser && <span className="quiet">{t("sidebar.kindByRules")}</span>}
    </p>
  );
}
