import type { Meeting } from "@/lib/db";
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
      placeholder="Key points, decisions, how they are doing…"
      rows={6}
      maxLength={200_000}
      value={meeting.notes}
      target={{ kind: "notes", meetingId: meeting.id }}
      errorMessage="Couldn't save your notes. They are still here; keep typing to retry."
      showSaveState
    />
  );
}
