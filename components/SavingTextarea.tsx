import { type TextareaHTMLAttributes, useEffect, useRef, useState } from "react";

export interface Edit {
  text: string;
  editedAt: number;
}

interface Props extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "value" | "onChange"> {
  /** the stored text, live from the database */
  value: string;
  /** writes one edit; rejects when it could not be written */
  save: (edit: Edit) => Promise<unknown>;
  /** Hands over an edit that may not be written yet when the page goes away. */
  onUnsavedAtExit?: (edit: Edit) => void;
  /** what to tell the user when a write fails; their text always stays in the field */
  errorMessage?: string | ((error: unknown) => string);
}

/**
 * A textarea that saves as it is typed, with no debounce: the Calendar dialog can close (and
 * take the sidebar frame with it) at any moment. Writes are coalesced so only the latest text
 * waits; an edit still unwritten when the page goes away is handed over instead of dropped.
 * When another view changes the stored text, it is followed unless the user is typing here.
 */
export function SavingTextarea({ value, save, onUnsavedAtExit, errorMessage, id, ...rest }: Props) {
  const [text, setText] = useState(value);
  const [error, setError] = useState<string>();
  const lastSaved = useRef(value);
  const focused = useRef(false);
  const queued = useRef<Edit>(undefined);
  const writing = useRef<Edit>(undefined);
  const saveRef = useRef(save);
  saveRef.current = save;
  const handOver = useRef(onUnsavedAtExit);
  handOver.current = onUnsavedAtExit;

  useEffect(() => {
    if (value !== lastSaved.current && !focused.current && !queued.current && !writing.current) {
      lastSaved.current = value;
      setText(value);
    }
  }, [value]);

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
        await saveRef.current(edit);
        lastSaved.current = edit.text;
        setError(undefined);
      } catch (failure) {
        const message = typeof errorMessage === "function" ? errorMessage(failure) : errorMessage;
        setError(message ?? "Couldn't save. Your text is still here; keep typing to retry.");
      }
    }
    writing.current = undefined;
  };

  return (
    <>
      <textarea
        {...rest}
        id={id}
        aria-describedby={error && id ? `${id}-error` : rest["aria-describedby"]}
        value={text}
        onFocus={(e) => {
          focused.current = true;
          rest.onFocus?.(e);
        }}
        onBlur={(e) => {
          focused.current = false;
          rest.onBlur?.(e);
        }}
        onChange={(e) => {
          setText(e.target.value);
          queued.current = { text: e.target.value, editedAt: Date.now() };
          if (!writing.current) void drain();
        }}
      />
      {error && (
        <p id={id ? `${id}-error` : undefined} className="error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
