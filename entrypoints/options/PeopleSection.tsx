import { useLiveQuery } from "dexie-react-hooks";
import { useEffect, useId, useRef, useState } from "react";
import { languageInUse, t } from "@/components/i18n";
import {
  deletePerson,
  everyoneByName,
  type MergePreview,
  type MergeUndo,
  mergePeople,
  type Person,
  prepDatabase,
  previewMerge,
  renamePerson,
  setPersonArchived,
  setPersonCadence,
  undoMerge,
} from "@/lib/db";
import { lookAlikeEmails } from "@/lib/detection";
import { personToMarkdown } from "@/lib/export";
import { download, fileSafe } from "./download";
import { useSaveStatus } from "./status";

const CADENCES = [7, 14, 28];

/** Everyone you hold 1:1s with: rename, set a cadence, archive, merge, export or delete. */
export function PeopleSection() {
  const id = useId();
  const db = prepDatabase();
  const people = useLiveQuery(() => everyoneByName(db), []);
  const { run, view: status } = useSaveStatus(t("people.notWorked"));
  const [keep, setKeep] = useState("");
  const [merge, setMerge] = useState("");
  const [confirming, setConfirming] = useState(false);

  if (!people) return null;
  // An address with letters of another script (or accents) that reads like someone else's: kept
  // as the different address it is, and flagged so the manager can decide they are one person.
  const alike = lookAlikeEmails(people.flatMap((p) => (p.email ? [p.email] : [])));
  const holder = new Map(people.flatMap((p) => (p.email ? [[p.email, p] as const] : [])));
  const looksLike = (person: Person) =>
    (person.email ? (alike.get(person.email) ?? []) : []).flatMap((email) => {
      const other = holder.get(email);
      return other ? [other] : [];
    });

  return (
    <section aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t("people.heading")}</h2>
      {people.length === 0 ? (
        <p className="quiet">{t("people.empty")}</p>
      ) : (
        <table className="people-table">
          <thead>
            <tr>
              <th scope="col">{t("people.name")}</th>
              <th scope="col">{t("people.email")}</th>
              <th scope="col">{t("people.cadence")}</th>
              <th scope="col">{t("people.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {people.map((person) => (
              <PersonRow
                key={person.id}
                person={person}
                run={run}
                looksLike={looksLike(person)}
                onReviewMerge={(other) => {
                  setMerge(person.id);
                  setKeep(other.id);
                  setConfirming(true);
                }}
              />
            ))}
          </tbody>
        </table>
      )}
      {/* Mounted with one person left too: that is when the undo of a merge is wanted. */}
      {people.length > 0 && (
        <MergeTwo
          people={people}
          keep={keep}
          merge={merge}
          confirming={confirming}
          onChoose={(next) => {
            setKeep(next.keep);
            setMerge(next.merge);
          }}
          onConfirming={setConfirming}
        />
      )}
      {status}
    </section>
  );
}

const choice = (p: Person) => `${p.displayName}${p.email ? ` (${p.email})` : ""}`;

/**
 * Merging the same report recorded twice: choose who goes into whom, read in plain words what will
 * move, confirm; then undo, until the next merge or until this page closes.
 */
function MergeTwo({
  people,
  keep,
  merge,
  confirming,
  onChoose,
  onConfirming,
}: {
  people: Person[];
  keep: string;
  merge: string;
  confirming: boolean;
  onChoose: (next: { keep: string; merge: string }) => void;
  onConfirming: (confirming: boolean) => void;
}) {
  const id = useId();
  const db = prepDatabase();
  // Its own status line, so the word on the merge and its undo stay together, whatever else is saved.
  const { run, view: status } = useSaveStatus(t("people.notWorkedNothingChanged"));
  const [undo, setUndo] = useState<MergeUndo>();
  const [busy, setBusy] = useState(false);
  const start = useRef<HTMLButtonElement>(null);
  const confirm = useRef<HTMLButtonElement>(null);
  const chosen = Boolean(keep && merge && keep !== merge);
  const preview = useLiveQuery(
    () => (confirming && chosen ? previewMerge(db, keep, merge) : Promise.resolve(undefined)),
    [confirming, chosen, keep, merge],
  );

  useEffect(() => {
    if (confirming && preview) confirm.current?.focus();
  }, [confirming, preview]);

  const cancel = () => {
    onConfirming(false);
    start.current?.focus();
  };

  const doMerge = async (what: MergePreview) => {
    setBusy(true);
    await run(
      mergePeople(db, what.kept.id, what.merged.id).then((merged) => {
        setUndo(merged.undo);
        onChoose({ keep: "", merge: "" });
        onConfirming(false);
      }),
      t("people.merged", [what.merged.displayName, what.kept.displayName]),
    );
    setBusy(false);
  };

  const doUndo = async (last: MergeUndo) => {
    setBusy(true);
    await run(
      undoMerge(db, last).then(() => setUndo(undefined)),
      t("people.undone", [last.merged.displayName, last.kept.displayName]),
    );
    setBusy(false);
  };

  return (
    <div className="merge">
      {people.length > 1 && (
        <div className="row">
          <label>
            {t("people.merge")}{" "}
            <select
              aria-label={t("people.mergeAway")}
              value={merge}
              onChange={(e) => onChoose({ keep, merge: e.target.value })}
            >
              <option value="">{t("people.choose")}</option>
              {people.map((p) => (
                <option key={p.id} value={p.id}>
                  {choice(p)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t("people.into")}{" "}
            <select
              aria-label={t("people.keepPerson")}
              value={keep}
              onChange={(e) => onChoose({ keep: e.target.value, merge })}
            >
              <option value="">{t("people.choose")}</option>
              {people
                .filter((p) => p.id !== merge)
                .map((p) => (
                  <option key={p.id} value={p.id}>
                    {choice(p)}
                  </option>
                ))}
            </select>
          </label>
          <button
            ref={start}
            type="button"
            disabled={!chosen || busy}
            aria-expanded={confirming && chosen}
            aria-controls={`${id}-confirm`}
            onClick={() => onConfirming(true)}
          >
            {t("people.mergeStart")}
          </button>
        </div>
      )}
      {confirming && preview && (
        <form
          id={`${id}-confirm`}
          className="merge-confirm"
          aria-labelledby={`${id}-question`}
          onSubmit={(e) => {
            e.preventDefault();
            void doMerge(preview);
          }}
        >
          <p id={`${id}-question`} className="merge-question">
            {t("people.mergeQuestion", [preview.merged.displayName, preview.kept.displayName])}
          </p>
          {whatMergeDoes(preview).map((line) => (
            <p key={line}>{line}</p>
          ))}
          <p>
            <button ref={confirm} type="submit" disabled={busy}>
              {t("people.merge")}
            </button>{" "}
            <button type="button" onClick={cancel}>
              {t("common.cancel")}
            </button>
          </p>
        </form>
      )}
      <div className="merge-outcome">
        {status}
        {undo && (
          <button type="button" disabled={busy} onClick={() => void doUndo(undo)}>
            {t("people.undoMerge")}
          </button>
        )}
      </div>
    </div>
  );
}

const counted = (n: number, words: (n: number) => string) => (n === 0 ? "" : words(n));

function listed(parts: string[]): string {
  return parts.length < 2
    ? (parts[0] ?? "")
    : t("common.list", [parts.slice(0, -1).join(", "), parts.at(-1) ?? ""]);
}

/** The merge in the manager's words: what moves, what becomes one, who is left. */
function whatMergeDoes(p: MergePreview): string[] {
  const merged = p.merged.displayName;
  const kept = p.kept.displayName;
  const moving = [
    counted(p.meetings, (n) => t("people.meetings", n)),
    counted(p.actionItems, (n) => t("people.actionItems", n)),
    counted(p.agendaItems, (n) => t("people.agendaItems", n)),
    counted(p.feedback, (n) => t("people.feedbackNotes", n)),
    counted(p.growthPlans, (n) => t("people.growthPlans", n)),
  ].filter(Boolean);
  const lines = [
    moving.length > 0
      ? t("people.movesTo", [merged, listed(moving), kept])
      : t("people.nothingToMove", [merged]),
  ];
  if (p.sharedMeetings > 0)
    lines.push(
      p.sharedMeetings === 1
        ? t("people.sharedOne", [kept])
        : t("people.sharedMany", [String(p.sharedMeetings), kept]),
    );
  if (p.sharedQuarters.length > 0) lines.push(t("people.sharedPlans", [listed(p.sharedQuarters)]));
  if (p.takesEmail) lines.push(t("people.takesEmail", [kept, p.takesEmail]));
  lines.push(t("people.keepsName", [kept, merged]));
  return lines;
}

function PersonRow({
  person,
  run,
  looksLike,
  onReviewMerge,
}: {
  person: Person;
  run: (work: Promise<unknown>, done: string) => Promise<void>;
  looksLike: Person[];
  onReviewMerge: (other: Person) => void;
}) {
  const db = prepDatabase();
  const [name, setName] = useState(person.displayName);
  const [confirming, setConfirming] = useState(false);
  const archived = person.archivedAt !== undefined;
  return (
    <tr className={archived ? "archived" : undefined} data-testid={`person-${person.displayName}`}>
      <td>
        <input
          type="text"
          aria-label={t("people.nameOf", [person.displayName])}
          value={name}
          maxLength={200}
          onChange={(e) => setName(e.target.value)}
          onBlur={() => {
            if (name.trim() !== person.displayName)
              void run(renamePerson(db, person.id, name), t("people.renamed"));
          }}
        />
        {archived && <span className="quiet">{t("people.archivedTag")}</span>}
      </td>
      <td>
        {person.email ?? <span className="quiet">{t("people.noneYet")}</span>}
        {looksLike.map((other) => (
          <p key={other.id} className="look-alike" data-testid="look-alike">
            {t("people.looksLike", [other.displayName, other.email ?? ""])}{" "}
            <button type="button" onClick={() => onReviewMerge(other)}>
              {t("people.mergeInto", [other.displayName])}
            </button>
          </p>
        ))}
      </td>
      <td>
        <select
          aria-label={t("people.cadenceWith", [person.displayName])}
          value={person.cadenceDays}
          onChange={(e) =>
            void run(setPersonCadence(db, person.id, Number(e.target.value)), t("people.cadenceSaved"))
          }
        >
          {[...new Set([...CADENCES, person.cadenceDays])].map((days) => (
            <option key={days} value={days}>
              {days === 7
                ? t("common.cadenceWeekly")
                : days % 7 === 0
                  ? t("common.cadenceEveryWeeks", [String(days / 7)])
                  : t("common.cadenceEveryDays", [String(days)])}
            </option>
          ))}
        </select>
      </td>
      <td>
        <button
          type="button"
          onClick={() =>
            void run(
              setPersonArchived(db, person.id, !archived),
              archived
                ? t("people.back", [person.displayName])
                : t("people.archivedDone", [person.displayName]),
            )
          }
        >
          {archived ? t("people.unarchive") : t("people.archive")}
        </button>{" "}
        <button
          type="button"
          onClick={() =>
            void run(
              personToMarkdown(db, person.id, Date.now(), languageInUse()).then((md) =>
                download(`1-1-prep-${fileSafe(person.displayName)}.md`, md, "text/markdown"),
              ),
              t("people.exported"),
            )
          }
        >
          {t("people.exportMarkdown")}
        </button>{" "}
        {confirming ? (
          <>
            <button
              type="button"
              className="danger"
              onClick={() => void run(deletePerson(db, person.id), t("people.deleted", [person.displayName]))}
            >
              {t("people.reallyDelete", [person.displayName])}
            </button>{" "}
            <button type="button" onClick={() => setConfirming(false)}>
              {t("people.keep")}
            </button>
          </>
        ) : (
          <button type="button" className="danger" onClick={() => setConfirming(true)}>
            {t("people.delete")}
          </button>
        )}
      </td>
    </tr>
  );
}
