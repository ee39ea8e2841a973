import { useEffect, useId, useRef, useState } from "react";
import { formatDay } from "@/components/dates";
import { t } from "@/components/i18n";
import {
  type AgendaItem,
  markAgendaItemDiscussed,
  moveAgendaItem,
  prepDatabase,
  removeAgendaItem,
  unmarkAgendaItemDiscussed,
} from "@/lib/db";
import type { AgendaEntry } from "@/lib/prep";

interface Props {
  entry: AgendaEntry;
  /** the section as shown, for moving up and down */
  ordered: readonly AgendaItem[];
  meetingId: string;
  now: number;
  onRemoved: () => void;
}

interface CarriedOrigin {
  meetingId?: string;
  startsAt?: number;
}

/** One agenda item: tick it once discussed, move it, or remove it. */
export function AgendaItemRow({ entry, ordered, meetingId, now, onRemoved }: Props) {
  const { item } = entry;
  const id = useId();
  const [error, setError] = useState<string>();
  const saved = item.discussedAt !== undefined;
  // Show the tick at once; the live query confirms it a moment later.
  const [ticking, setTicking] = useState<boolean>();
  const done = ticking ?? saved;
  if (ticking !== undefined && ticking === saved) setTicking(undefined);
  // A carried item moves to this meeting when ticked; while the row is on screen an untick
  // puts it back where it came from, carried again, instead of leaving it here.
  const [movedFrom, setMovedFrom] = useState<CarriedOrigin>();
  const origin: CarriedOrigin | undefined = entry.carried
    ? { ...(entry.carriedFrom !== undefined ? { startsAt: entry.carriedFrom } : {}) }
    : movedFrom;

  const toggle = () => {
    const next = !done;
    setTicking(next);
    const db = prepDatabase();
    const write = next
      ? markAgendaItemDiscussed(db, item.id, meetingId).then((before) => {
          if (entry.carried) setMovedFrom({ ...before, ...origin });
        })
      : unmarkAgendaItemDiscussed(db, item.id, movedFrom).then(() => setMovedFrom(undefined));
    write.then(
      () => setError(undefined),
      () => {
        setTicking(undefined);
        setError(t("common.couldNotSave"));
      },
    );
  };

  const index = ordered.findIndex((i) => i.id === item.id);
  const up = useRef<HTMLButtonElement>(null);
  const down = useRef<HTMLButtonElement>(null);
  const refocus = useRef<"up" | "down">(undefined);
  // React moves the row's node when the order changes, and a moved node loses focus.
  useEffect(() => {
    const which = refocus.current;
    if (which === undefined || index < 0) return;
    refocus.current = undefined;
    const [wanted, other] = which === "up" ? [up.current, down.current] : [down.current, up.current];
    (wanted && !wanted.disabled ? wanted : other)?.focus();
  }, [index]);

  const move = (direction: "up" | "down") => {
    refocus.current = direction;
    moveAgendaItem(prepDatabase(), ordered, item.id, direction).then(
      () => setError(undefined),
      () => setError(t("sidebar.couldNotMove")),
    );
  };
  const remove = () =>
    removeAgendaItem(prepDatabase(), item.id).then(onRemoved, () => setError(t("sidebar.couldNotRemove")));

  return (
    <li className={`item agenda-item${done ? " done" : ""}`}>
      <input
        id={id}
        type="checkbox"
        checked={done}
        onChange={toggle}
        aria-label={t("sidebar.discussed", [item.text])}
        aria-describedby={origin ? `${id}-origin` : undefined}
      />
      <label htmlFor={id}>
        <span className="item-text">{item.text}</span>
        {origin && (
          <span className="item-meta">
            <span id={`${id}-origin`} className="agenda-carried-tag">
              {origin.startsAt === undefined
                ? t("sidebar.carriedOver")
                : t("sidebar.carriedFrom", [formatDay(origin.startsAt, now)])}
            </span>
          </span>
        )}
      </label>
      <span className="agenda-item-actions">
        <button
          ref={up}
          type="button"
          className="icon agenda-icon"
          aria-label={t("sidebar.moveUp", [item.text])}
          disabled={index <= 0}
          onClick={() => move("up")}
        >
          ↑
        </button>
        <button
          ref={down}
          type="button"
          className="icon agenda-icon"
          aria-label={t("sidebar.moveDown", [item.text])}
          disabled={index < 0 || index >= ordered.length - 1}
          onClick={() => move("down")}
        >
          ↓
        </button>
        <button
          type="button"
          className="icon agenda-icon"
          aria-label={t("sidebar.removeItem", [item.text])}
          onClick={remove}
        >
          ×
        </button>
      </span>
      {error && (
        <span className="error" role="alert">
          {error}
        </span>
      )}
    </li>
  );
}
