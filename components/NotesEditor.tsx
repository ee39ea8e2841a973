import { useEffect, useRef, useState } from "react";
import { type Meeting, prepDatabase, saveMeetingNotes } from "@/lib/db";

interface Edit {
  notes: string;
  editedAt: number;
}

interface Props {
  meeting: Meeting;
  label: string;
  /** Hands over an edit that may not be written yet when the page goes away. */
  onUnsavedAtExit?: (edit: Edit) => void;
}

/**
 * Notes save as they are typed, with no debounce: the Calendar dialog can close (and take
 * this frame with it) at any moment. Writes are coalesced so only the latest text waits, and
 * an edit still unwritten when the page goes away is handed over instead of dropped.
 */
export function NotesEditor({ meeting, label, onUnsavedAtExit }: Props) {
  const [text, setText] = useState(meeting.notes);
  const [error, setError] = useState<string>();
  const lastSaved = useRef(meeting.notes);
  const focused = useRef(false);
  const queued = useRef<Edit>(undefined);
  const writing = useRef<Edit>(undefined);

  // Another view (a second Calendar tab, the popup) changed the notes: follow it unless
  // the manager is typing here, so their words are never replaced under the cursor.
  useEffect(() => {
    if (meeting.notes !== lastSaved.current && !focused.current && !queued.current && !writing.current) {
      lastSaved.current = meeting.notes;
      setText(meeting.notes);
    }
  }, [meeting.notes]);

  const meetingId = meeting.id;
  const handOver = useRef(onUnsavedAtExit);
  handOver.current = onUnsavedAtExit;
  useEffect(() => {
    const onPageHide = () => {
      const unsaved = queued.current ?? writing.current;
      if (unsaved) handOver.current?.(unsaved);
    };
    window.addEventListener("pagehide", onPageHide);
    return () => window.removeEventListener("pagehide", onPageHide);
  }, []);

  const drain = async () => {
    while (queued.current) {
      const edit = queued.current;
      queued.current = undefined;
      writing.current = edit;
      try {
        await saveMeetingNotes(prepDatabase(), meetingId, edit.notes, edit.editedAt);
        lastSaved.current = edit.notes;
        setError(undefined);
      } catch {
        setError("Couldn't save your notes. They are still here; keep typing to retry.");
      }
    }
    writing.current = undefined;
  };

  const save = (notes: string) => {
    queued.current = { notes, editedAt: Date.now() };
    if (!writing.current) void drain();
  };

  return (
    <>
      <textarea
        className="notes"
        aria-label={label}
        placeholder="Key points, decisions, how they are doing…"
        value={text}
        rows={6}
        onFocus={() => {
          focused.current = true;
        }}
        onBlur={() => {
          focused.current = false;
        }}
        onChange={(e) => {
          setText(e.target.value);
          save(e.target.value);
        }}
      />
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
