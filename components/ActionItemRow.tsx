import { useId, useState } from "react";
import { type ActionItem, prepDatabase, setActionItemDone } from "@/lib/db";
import { formatDay } from "./dates";
import { t } from "./i18n";

interface Props {
  item: ActionItem;
  /** the person the 1:1 is with, named as the owner of what they took on */
  theirName: string;
  /** e.g. "open since 3 Nov, 2 meetings" */
  detail?: string;
  overdue?: boolean;
  /** after a tick or untick is saved, with the item as it now is */
  onToggled?: (item: ActionItem) => void;
}

/** One action item with its tick box; ticking it closes it in every meeting and view. */
export function ActionItemRow({ item, theirName, detail, overdue, onToggled }: Props) {
  const id = useId();
  const [error, setError] = useState<string>();
  const saved = item.doneAt !== undefined;
  // Show the tick at once; the database confirms it a moment later through the live query.
  const [ticking, setTicking] = useState<boolean>();
  const done = ticking ?? saved;
  const toggle = () => {
    const next = !done;
    setTicking(next);
    const doneAt = Date.now();
    setActionItemDone(prepDatabase(), item.id, next, doneAt).then(
      () => {
        setError(undefined);
        onToggled?.({ ...item, doneAt: next ? doneAt : undefined });
      },
      () => {
        setTicking(undefined);
        setError(t("common.couldNotSave"));
      },
    );
  };
  if (ticking !== undefined && ticking === saved) setTicking(undefined);
  return (
    <li className={`item${done ? " done" : ""}${overdue ? " overdue" : ""}`}>
      <input id={id} type="checkbox" checked={done} onChange={toggle} />
      <label htmlFor={id}>
        <span className="item-text">{item.text}</span>
        <span className="item-meta">
          {item.owner === "me" ? (
            <span className="owner owner-me">{t("common.you")}</span>
          ) : (
            <span className="owner owner-them" title={theirName}>
              {theirName}
            </span>
          )}
          {item.dueAt !== undefined && (
            <span>
              {overdue
                ? t("sidebar.overdueDueOn", [formatDay(item.dueAt)])
                : t("sidebar.dueOn", [formatDay(item.dueAt)])}
            </span>
          )}
          {detail && <span>{detail}</span>}
        </span>
      </label>
      {error && (
        <span className="error" role="alert">
          {error}
        </span>
      )}
    </li>
  );
}
