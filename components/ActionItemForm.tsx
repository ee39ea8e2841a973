import { type FormEvent, useId, useState } from "react";
import { type ActionItem, addActionItem, prepDatabase } from "@/lib/db";
import { dueAtFromDateInput } from "./dates";
import { t } from "./i18n";

const MAX_TEXT = 5000;

interface Props {
  personId: string;
  meetingId: string;
  theirName: string;
}

/** Adds an action item agreed in this meeting. On a failed save the typed text stays put. */
export function ActionItemForm({ personId, meetingId, theirName }: Props) {
  const id = useId();
  const [text, setText] = useState("");
  const [owner, setOwner] = useState<ActionItem["owner"]>("me");
  const [due, setDue] = useState("");
  const [error, setError] = useState<string>();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const trimmed = text.trim();
    if (!trimmed) return setError(t("sidebar.writeWhatFirst"));
    if (trimmed.length > MAX_TEXT) return setError(t("common.keepUnder", [String(MAX_TEXT)]));
    const dueAt = due ? dueAtFromDateInput(due) : undefined;
    if (due && dueAt === undefined) return setError(t("sidebar.dueNotValid"));
    try {
      await addActionItem(prepDatabase(), {
        personId,
        meetingId,
        owner,
        text: trimmed,
        ...(dueAt ? { dueAt } : {}),
      });
      // Only clear what was saved: anything typed while the write was in flight stays.
      setText((current) => (current === text ? "" : current));
      setDue("");
      setError(undefined);
    } catch {
      setError(t("sidebar.actionItemNotSaved"));
    }
  };

  return (
    <form className="action-form" onSubmit={submit} aria-label={t("sidebar.addActionItem")}>
      <label htmlFor={`${id}-text`} className="visually-hidden">
        {t("sidebar.newActionItem")}
      </label>
      <input
        id={`${id}-text`}
        type="text"
        placeholder={t("sidebar.actionItemPlaceholder")}
        value={text}
        maxLength={MAX_TEXT}
        onChange={(e) => setText(e.target.value)}
      />
      <div className="action-form-row">
        <label>
          {t("sidebar.owner")}{" "}
          <select value={owner} onChange={(e) => setOwner(e.target.value === "them" ? "them" : "me")}>
            <option value="me">{t("common.you")}</option>
            <option value="them">{theirName}</option>
          </select>
        </label>
        <label>
          {t("sidebar.due")} <input type="date" value={due} onChange={(e) => setDue(e.target.value)} />
        </label>
        <button type="submit">{t("common.add")}</button>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
