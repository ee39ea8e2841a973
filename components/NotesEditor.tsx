import type { Meeting } from "@/lib/db";
import { t } from "./i18n";
import { SavingTextarea } from "./SavingTextarea";

interface Props {
  meeting: Meeting;
  label: string;
}

/** This meeting's private notes, saved from this page as they are typed. */
export function NotesEditor({ meeting, label }: Props) {
  return (
    <SavingTextarea
      className="notes"
      aria-label={label}
      placeholder={t("sidebar.notesPlaceholder")}
      rows={6}
      maxLength={200_000}
      value={meeting.notes}
      target={{ kind: "notes", meetingId: meeting.id }}
      errorMessage={t("sidebar.notesNotSaved")}
      showSaveState
    />
  );
}
