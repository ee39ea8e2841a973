import { type Meeting, prepDatabase, saveMeetingNotes } from "@/lib/db";
import { type Edit, SavingTextarea } from "./SavingTextarea";

interface Props {
  meeting: Meeting;
  label: string;
  /** Hands over an edit that may not be written yet when the page goes away. */
  onUnsavedAtExit?: (edit: { notes: string; editedAt: number }) => void;
}

/** This meeting's private notes; the latest edit wins, across frames and tabs. */
export function NotesEditor({ meeting, label, onUnsavedAtExit }: Props) {
  return (
    <SavingTextarea
      className="notes"
      aria-label={label}
      placeholder="Key points, decisions, how they are doing…"
      rows={6}
      maxLength={200_000}
      value={meeting.notes}
      save={(edit: Edit) => saveMeetingNotes(prepDatabase(), meeting.id, edit.text, edit.editedAt)}
      onUnsavedAtExit={
        onUnsavedAtExit && ((edit) => onUnsavedAtExit({ notes: edit.text, editedAt: edit.editedAt }))
      }
      errorMessage="Couldn't save your notes. They are still here; keep typing to retry."
    />
  );
}
