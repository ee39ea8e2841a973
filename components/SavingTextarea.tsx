import { type TextareaHTMLAttributes, useEffect, useLayoutEffect, useRef, useState } from "react";
import {
  discardUnsavedEdit,
  keepUnsavedEdit,
  mergeEdit,
  prepDatabase,
  saveText,
  type TextEdit,
  type TextTarget,
} from "@/lib/db";
import { holdEdit, releaseEdit } from "./edit-guard";
import { t } from "./i18n";

/** Typing pauses this long before a write; each write also waits for the one before it. */
export const SAVE_DEBOUNCE_MS = 200;

interface Props extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "value" | "onChange"> {
  /** the field this text is saved into */
  target: TextTarget;
  /** the stored text, live from the database */
  value: string;
  /** what to tell the user when a write fails; their text always stays in the field */
  errorMessage?: string | ((error: unknown) => string);
  /** say "Saving…" and "Saved" under the field, for text the manager must trust is kept */
  showSaveState?: boolean;
}

/** Where the caret goes when the text around it is replaced by another view's edit. */
function caretAfter(before: string, after: string, caret: number): number {
  let common = 0;
  while (common < before.length && common < after.length && before[common] === after[common]) common++;
  return caret <= common ? caret : Math.max(common, caret + after.length - before.length);
}

/**
 * A textarea that saves itself from this page as it is typed: a short pause, then a write straight
 * into IndexedDB. Every write says which stored text it was typed over, so edits made at the same
 * time elsewhere (another tab, another window) are merged or kept beside it, never dropped; and
 * this field follows what others write whenever nothing of its own is waiting. When the page goes
 * away with an edit not yet written (the tab closed, the dialog's frame removed), the edit is put
 * down synchronously before the page is gone, for the next page to open the database to finish.
 */
export function SavingTextarea({ target, value, errorMessage, showSaveState, id, ...rest }: Props) {
  const [text, setText] = useState(value);
  const [error, setError] = useState<string>();
  const [saveState, setSaveState] = useState<"saving" | "saved">();
  const [editorId] = useState(() => crypto.randomUUID());
  const element = useRef<HTMLTextAreaElement>(null);
  const local = useRef(value);
  /** the stored text the local text is known to descend from */
  const confirmed = useRef(value);
  /** texts sent to be written whose outcome is not known yet */
  const sent = useRef<string[]>([]);
  const dirty = useRef(false);
  const writing = useRef(false);
  const kept = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const pendingCaret = useRef<number>(undefined);
  const targetRef = useRef(target);
  targetRef.current = target;

  const show = (next: string) => {
    const field = element.current;
    if (field && document.activeElement === field)
      pendingCaret.current = caretAfter(local.current, next, field.selectionStart);
    local.current = next;
    setText(next);
  };

  const edit = (): TextEdit => ({ text: local.current, bases: [confirmed.current, ...sent.current] });

  /** Something here is not written yet: the background holds it too, in case this page goes first. */
  const markDirty = () => {
    dirty.current = true;
    setSaveState("saving");
    const { text, bases } = edit();
    holdEdit({ id: editorId, target: targetRef.current, text, bases: bases.slice(-4), editedAt: Date.now() });
  };

  const drain = async () => {
    if (writing.current) return;
    writing.current = true;
    while (dirty.current) {
      dirty.current = false;
      const mine = edit();
      sent.current = [...sent.current, mine.text];
      try {
        const stored = await saveText(prepDatabase(), targetRef.current, mine);
        sent.current = [];
        setError(undefined);
        if (local.current === mine.text) {
          confirmed.current = stored;
          if (stored !== mine.text) show(stored);
        } else if (stored === mine.text) {
          confirmed.current = stored;
        } else {
          // Someone else's words were merged in while more was typed here: merge them here too.
          const rebased = mergeEdit([mine.text], local.current, stored);
          if (rebased.clean) {
            confirmed.current = stored;
            show(rebased.text);
          } else {
            confirmed.current = mine.text;
          }
          markDirty();
        }
      } catch (failure) {
        sent.current = [];
        markDirty();
        const message = typeof errorMessage === "function" ? errorMessage(failure) : errorMessage;
        setError(message ?? t("common.couldNotSaveKeepTyping"));
        break;
      }
    }
    writing.current = false;
    if (!dirty.current) {
      releaseEdit(editorId);
      setSaveState("saved");
    }
    if (!dirty.current && kept.current) {
      kept.current = false;
      void discardUnsavedEdit(prepDatabase(), editorId).catch(() => {});
    }
  };

  const flush = () => {
    clearTimeout(timer.current);
    if (dirty.current) void drain();
  };

  useLayoutEffect(() => {
    if (pendingCaret.current === undefined || !element.current) return;
    element.current.setSelectionRange(pendingCaret.current, pendingCaret.current);
    pendingCaret.current = undefined;
  });

  // Another view wrote this field: follow it unless something typed here still waits, which the
  // next write merges instead.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new stored value matters here.
  useEffect(() => {
    if (value === confirmed.current || dirty.current || writing.current) return;
    if (local.current === confirmed.current) {
      confirmed.current = value;
      show(value);
      return;
    }
    const merged = mergeEdit([confirmed.current], local.current, value);
    confirmed.current = value;
    if (merged.clean) show(merged.text);
    if (!merged.clean || merged.text !== value) {
      markDirty();
      void drain();
    }
  }, [value]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: set up once per mounted field; it reads refs.
  useEffect(() => {
    const onPageHide = () => {
      if (!dirty.current && !writing.current) return;
      clearTimeout(timer.current);
      kept.current = keepUnsavedEdit(prepDatabase(), editorId, targetRef.current, edit()) || kept.current;
    };
    const onHidden = () => {
      if (document.visibilityState === "hidden") flush();
    };
    window.addEventListener("pagehide", onPageHide);
    document.addEventListener("visibilitychange", onHidden);
    return () => {
      window.removeEventListener("pagehide", onPageHide);
      document.removeEventListener("visibilitychange", onHidden);
      // Unmounted with typing not yet written: the write carries on without the component.
      flush();
    };
  }, []);

  return (
    <>
      <textarea
        {...rest}
        ref={element}
        id={id}
        aria-describedby={error && id ? `${id}-error` : rest["aria-describedby"]}
        value={text}
        onBlur={(e) => {
          flush();
          rest.onBlur?.(e);
        }}
        onChange={(e) => {
          local.current = e.target.value;
          setText(e.target.value);
          markDirty();
          clearTimeout(timer.current);
          timer.current = setTimeout(() => void drain(), SAVE_DEBOUNCE_MS);
        }}
      />
      {error ? (
        <p id={id ? `${id}-error` : undefined} className="error" role="alert">
          {error}
        </p>
      ) : (
        showSaveState && (
          <p className="save-state" role="status" data-testid="save-state">
            {saveState === "saving" ? t("common.saving") : saveState === "saved" ? t("common.saved") : ""}
          </p>
        )
      )}
    </>
  );
}
