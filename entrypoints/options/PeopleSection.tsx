import { useLiveQuery } from "dexie-react-hooks";
import { useEffect, useId, useRef, useState } from "react";
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
  const { run, view: status } = useSaveStatus("That didn't work. Try again.");
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
      <h2 id={`${id}-h`}>People</h2>
      {people.length === 0 ? (
        <p className="quiet">People appear here once you open a 1:1 with them in Google Calendar.</p>
      ) : (
        <table className="people-table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Cadence</th>
              <th scope="col">Actions</th>
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
  const { run, view: status } = useSaveStatus("That didn't work. Nothing was changed; try again.");
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
      `Merged ${what.merged.displayName} into ${what.kept.displayName}: every record moved.`,
    );
    setBusy(false);
  };

  const doUndo = async (last: MergeUndo) => {
    setBusy(true);
    await run(
      undoMerge(db, last).then(() => setUndo(undefined)),
      `Undone: ${last.merged.displayName} and ${last.kept.displayName} are two people again, each with their own records.`,
    );
    setBusy(false);
  };

  return (
    <div className="merge">
      {people.length > 1 && (
        <div className="row">
          <label>
            Merge{" "}
            <select
              aria-label="Person to merge away"
              value={merge}
              onChange={(e) => onChoose({ keep, merge: e.target.value })}
            >
              <option value="">choose…</option>
              {people.map((p) => (
                <option key={p.id} value={p.id}>
                  {choice(p)}
                </option>
              ))}
            </select>
          </label>
          <label>
            into{" "}
            <select
              aria-label="Person to keep"
              value={keep}
              onChange={(e) => onChoose({ keep: e.target.value, merge })}
            >
              <option value="">choose…</option>
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
            Merge…
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
            Merge “{preview.merged.displayName}” into “{preview.kept.displayName}”?
          </p>
          {whatMergeDoes(preview).map((line) => (
            <p key={line}>{line}</p>
          ))}
          <p>
            <button ref={confirm} type="submit" disabled={busy}>
              Merge
            </button>{" "}
            <button type="button" onClick={cancel}>
              Cancel
            </button>
          </p>
        </form>
      )}
      <div className="merge-outcome">
        {status}
        {undo && (
          <button type="button" disabled={busy} onClick={() => void doUndo(undo)}>
            Undo merge
          </button>
        )}
      </div>
    </div>
  );
}

const counted = (n: number, one: string, many = `${one}s`) => (n === 0 ? "" : `${n} ${n === 1 ? one : many}`);

function listed(parts: string[]): string {
  return parts.length < 2 ? (parts[0] ?? "") : `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`;
}

/** The merge in the manager's words: what moves, what becomes one, who is left. */
function whatMergeDoes(p: MergePreview): string[] {
  const merged = p.merged.displayName;
  const kept = p.kept.displayName;
  const moving = [
    counted(p.meetings, "meeting"),
    counted(p.actionItems, "action item"),
    counted(p.agendaItems, "agenda item"),
    counted(p.feedback, "feedback note"),
    counted(p.growthPlans, "growth plan"),
  ].filter(Boolean);
  const lines = [
    moving.length > 0
      ? `${merged}'s ${listed(moving)} move to ${kept}.`
      : `${merged} has no meetings or notes to move; only the name goes.`,
  ];
  if (p.sharedMeetings > 0)
    lines.push(
      p.sharedMeetings === 1
        ? `One of those meetings is for an event ${kept} has a meeting for too: the two become one, keeping both sets of notes.`
        : `${p.sharedMeetings} of those meetings are for events ${kept} has meetings for too: each pair becomes one, keeping both sets of notes.`,
    );
  if (p.sharedQuarters.length > 0)
    lines.push(`The growth plans for ${listed(p.sharedQuarters)} become one plan each, keeping both texts.`);
  if (p.takesEmail) lines.push(`${kept} takes the address ${p.takesEmail}.`);
  lines.push(
    `${kept} keeps the name and cadence, and ${merged} is removed. You can undo it until your next merge, while this page is open.`,
  );
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
          aria-label={`Name of ${person.displayName}`}
          value={name}
          maxLength={200}
          onChange={(e) => setName(e.target.value)}
          onBlur={() => {
            if (name.trim() !== person.displayName) void run(renamePerson(db, person.id, name), "Renamed.");
          }}
        />
        {archived && <span className="quiet"> archived</span>}
      </td>
      <td>
        {person.email ?? <span className="quiet">none yet</span>}
        {looksLike.map((other) => (
          <p key={other.id} className="look-alike" data-testid="look-alike">
            Looks like {other.displayName} ({other.email}).{" "}
            <button type="button" onClick={() => onReviewMerge(other)}>
              Merge into {other.displayName}…
            </button>
          </p>
        ))}
      </td>
      <td>
        <select
          aria-label={`Cadence with ${person.displayName}`}
          value={person.cadenceDays}
          onChange={(e) =>
            void run(setPersonCadence(db, person.id, Number(e.target.value)), "Cadence saved.")
          }
        >
          {[...new Set([...CADENCES, person.cadenceDays])].map((days) => (
            <option key={days} value={days}>
              {days === 7
                ? "weekly"
                : `every ${days / 7 === Math.floor(days / 7) ? `${days / 7} weeks` : `${days} days`}`}
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
                ? `${person.displayName} is back.`
                : `${person.displayName} archived; nothing was deleted.`,
            )
          }
        >
          {archived ? "Unarchive" : "Archive"}
        </button>{" "}
        <button
          type="button"
          onClick={() =>
            void run(
              personToMarkdown(db, person.id).then((md) =>
                download(`1-1-prep-${fileSafe(person.displayName)}.md`, md, "text/markdown"),
              ),
              "Exported.",
            )
          }
        >
          Export as Markdown
        </button>{" "}
        {confirming ? (
          <>
            <button
              type="button"
              className="danger"
              onClick={() =>
                void run(deletePerson(db, person.id), `${person.displayName} and their records were deleted.`)
              }
            >
              Really delete {person.displayName}?
            </button>{" "}
            <button type="button" onClick={() => setConfirming(false)}>
              Keep
            </button>
          </>
        ) : (
          <button type="button" className="danger" onClick={() => setConfirming(true)}>
            Delete…
          </button>
        )}
      </td>
    </tr>
  );
}
