import { useLiveQuery } from "dexie-react-hooks";
import { useId, useState } from "react";
import {
  deletePerson,
  everyoneByName,
  mergePeople,
  type Person,
  prepDatabase,
  renamePerson,
  setPersonArchived,
  setPersonCadence,
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

  if (!people) return null;
  const nameOf = (personId: string) => people.find((p) => p.id === personId)?.displayName ?? "";
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
                }}
              />
            ))}
          </tbody>
        </table>
      )}
      {people.length > 1 && (
        <div className="row merge">
          <label>
            Merge{" "}
            <select
              aria-label="Person to merge away"
              value={merge}
              onChange={(e) => setMerge(e.target.value)}
            >
              <option value="">choose…</option>
              {people.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.displayName} {p.email ? `(${p.email})` : ""}
                </option>
              ))}
            </select>
          </label>
          <label>
            into{" "}
            <select aria-label="Person to keep" value={keep} onChange={(e) => setKeep(e.target.value)}>
              <option value="">choose…</option>
              {people
                .filter((p) => p.id !== merge)
                .map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.displayName} {p.email ? `(${p.email})` : ""}
                  </option>
                ))}
            </select>
          </label>
          <button
            type="button"
            disabled={!keep || !merge || keep === merge}
            onClick={() => {
              const merged = nameOf(merge);
              const kept = nameOf(keep);
              void run(
                mergePeople(db, keep, merge),
                `Merged ${merged} into ${kept}: every record moved.`,
              ).then(() => {
                setKeep("");
                setMerge("");
              });
            }}
          >
            Merge
          </button>
        </div>
      )}
      {status}
    </section>
  );
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
