import { type KeyboardEvent, useEffect, useId, useMemo, useState } from "react";
import type { PersonWithMeetings } from "@/lib/db";
import { t } from "./i18n";

export type PersonChoice = { kind: "existing"; personId: string } | { kind: "new"; displayName: string };

interface Props {
  /** undefined while the list is still loading */
  people: readonly PersonWithMeetings[] | undefined;
  value: PersonChoice | undefined;
  onChange: (choice: PersonChoice | undefined) => void;
  /** people without their name, e.g. "Who is it for?" */
  label: string;
}

/**
 * People you meet soonest come first (the next 1:1 is where queued feedback gets delivered),
 * then the most recently met, then everyone else by name.
 */
export function orderForPicker(people: readonly PersonWithMeetings[]): PersonWithMeetings[] {
  return [...people].sort((a, b) => {
    if (a.nextAt !== undefined || b.nextAt !== undefined) {
      if (a.nextAt === undefined) return 1;
      if (b.nextAt === undefined) return -1;
      if (a.nextAt !== b.nextAt) return a.nextAt - b.nextAt;
    }
    if ((a.lastAt ?? 0) !== (b.lastAt ?? 0)) return (b.lastAt ?? 0) - (a.lastAt ?? 0);
    return a.person.displayName.localeCompare(b.person.displayName);
  });
}

/** A type-to-filter combobox of people, which can also start a new person from the typed name. */
export function PersonPicker({ people: loaded, value, onChange, label }: Props) {
  const id = useId();
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  /** Enter pressed before the list came: chosen once it has, never as a new person by mistake. */
  const [enterWaiting, setEnterWaiting] = useState(false);
  const loading = loaded === undefined;
  const people = useMemo(() => loaded ?? [], [loaded]);

  const ordered = useMemo(() => orderForPicker(people), [people]);
  const q = query.trim().toLowerCase();
  const matches = q
    ? ordered.filter(
        (p) =>
          p.person.displayName.toLowerCase().includes(q) || (p.person.email ?? "").toLowerCase().includes(q),
      )
    : ordered;
  // Until the list has loaded, "new person" would be a guess: "pri" may well be Priya.
  const offerNew = !loading && q !== "" && !matches.some((p) => p.person.displayName.toLowerCase() === q);
  const options: PersonChoice[] = [
    ...matches.slice(0, 50).map((p): PersonChoice => ({ kind: "existing", personId: p.person.id })),
    ...(offerNew ? [{ kind: "new", displayName: query.trim() } as const] : []),
  ];

  const choose = (choice: PersonChoice | undefined) => {
    onChange(choice);
    setQuery("");
    setOpen(false);
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once the list arrives.
  useEffect(() => {
    if (!enterWaiting || loading) return;
    setEnterWaiting(false);
    if (options[active]) choose(options[active]);
  }, [enterWaiting, loading]);

  if (value) {
    const name =
      value.kind === "new"
        ? value.displayName
        : people.find((p) => p.person.id === value.personId)?.person.displayName;
    return (
      <div className="field">
        <span className="label">{label}</span>
        <div className="chosen">
          <strong>{name ?? (loading ? "…" : t("popup.noLongerListed"))}</strong>
          {value.kind === "new" && <span className="quiet">{t("popup.newPerson")}</span>}
          <button type="button" className="link" onClick={() => choose(undefined)}>
            {t("popup.change")}
          </button>
        </div>
      </div>
    );
  }

  const onKey = (e: KeyboardEvent) => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      setOpen(true);
      const step = e.key === "ArrowDown" ? 1 : -1;
      setActive((i) => (options.length ? (i + step + options.length) % options.length : 0));
    } else if (e.key === "Enter" && loading && q !== "") {
      e.preventDefault();
      setEnterWaiting(true);
    } else if (e.key === "Enter" && open && options[active]) {
      e.preventDefault();
      choose(options[active]);
    } else if (e.key === "Escape" && open) {
      e.preventDefault();
      e.stopPropagation();
      setOpen(false);
    }
  };

  const nameOf = (choice: PersonChoice) =>
    choice.kind === "new"
      ? t("popup.addPerson", [choice.displayName])
      : (people.find((p) => p.person.id === choice.personId)?.person.displayName ?? "");

  return (
    <div className="field picker">
      <label htmlFor={`${id}-input`}>{label}</label>
      <input
        id={`${id}-input`}
        type="text"
        role="combobox"
        aria-expanded={open}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={open && options[active] ? `${id}-opt-${active}` : undefined}
        placeholder={loading || people.length ? t("popup.typeName") : t("popup.typeNameToAdd")}
        value={query}
        autoComplete="off"
        onFocus={() => setOpen(true)}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onKeyDown={onKey}
      />
      {open && options.length > 0 && (
        <div role="listbox" id={`${id}-list`} aria-label={label}>
          {options.map((choice, i) => (
            <div
              key={choice.kind === "new" ? "new" : choice.personId}
              id={`${id}-opt-${i}`}
              role="option"
              aria-selected={i === active}
              // Focus stays in the input (aria-activedescendant); options are reached by arrow keys.
              tabIndex={-1}
              onMouseDown={(e) => {
                // Keep focus in the input so the choice lands before blur closes the list.
                e.preventDefault();
                choose(choice);
              }}
            >
              {nameOf(choice)}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
