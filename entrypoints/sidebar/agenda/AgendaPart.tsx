import { type FormEvent, useId, useRef, useState } from "react";
import { t } from "@/components/i18n";
import { problemWords } from "@/components/problem-words";
import { addAgendaItem, prepDatabase } from "@/lib/db";
import { type AgendaEntry, checkAgendaText } from "@/lib/prep";
import type { AgendaSectionTemplate } from "@/lib/templates";
import { AgendaItemRow } from "./AgendaItemRow";

interface Props {
  section: AgendaSectionTemplate;
  entries: AgendaEntry[];
  personId: string;
  meetingId: string;
  now: number;
}

/** One section of the weekly template: its time box, its items, and a field to add one. */
export function AgendaPart({ section, entries, personId, meetingId, now }: Props) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  // What is being typed, not a copy of stored rows: it must survive a failed write.
  const [text, setText] = useState("");
  const [error, setError] = useState<string>();
  const ordered = entries.map((e) => e.item);
  const addLabel = t("sidebar.addTo", [section.title]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const checked = checkAgendaText(text);
    if (!checked.ok) return setError(checked.reason === "empty" ? undefined : problemWords(checked.problem));
    try {
      await addAgendaItem(prepDatabase(), { personId, meetingId, section: section.key, text: checked.text });
      // Only clear what was saved: anything typed while the write was in flight stays.
      setText((current) => (current === text ? "" : current));
      setError(undefined);
    } catch {
      setError(t("sidebar.itemNotSaved"));
    }
  };

  return (
    <section className="agenda-part" aria-labelledby={`${id}-title`} data-testid={`agenda-${section.key}`}>
      <div className="agenda-part-head">
        <h3 id={`${id}-title`}>{section.title}</h3>
        <span className="agenda-timebox">
          {section.minutes === undefined
            ? t("templates.ifTime")
            : t("templates.minutesValue", [String(section.minutes)])}
        </span>
      </div>
      {entries.length === 0 ? (
        <p className="quiet agenda-prompt">{section.prompt}</p>
      ) : (
        <ul className="items">
          {entries.map((entry) => (
            <AgendaItemRow
              key={entry.item.id}
              entry={entry}
              ordered={ordered}
              meetingId={meetingId}
              now={now}
              onRemoved={() => input.current?.focus()}
            />
          ))}
        </ul>
      )}
      <form className="agenda-add" onSubmit={submit}>
        <input
          ref={input}
          type="text"
          aria-label={addLabel}
          aria-describedby={error ? `${id}-error` : undefined}
          aria-invalid={error ? true : undefined}
          placeholder={`${addLabel}…`}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <button type="submit" aria-label={addLabel}>
          {t("common.add")}
        </button>
      </form>
      {error && (
        <p className="error" role="alert" id={`${id}-error`}>
          {error}
        </p>
      )}
    </section>
  );
}
