import { useLiveQuery } from "dexie-react-hooks";
import { ActionItemRow } from "@/components/ActionItemRow";
import { prepDatabase } from "@/lib/db";

/** The people you hold 1:1s with and what is still open with each. */
export function PopupApp() {
  const db = prepDatabase();
  const people = useLiveQuery(() => db.people.orderBy("displayName").toArray(), []);
  const open = useLiveQuery(() => db.actionItems.filter((a) => a.doneAt === undefined).toArray(), []);
  if (!people || !open) return null;
  const now = Date.now();
  return (
    <main>
      <header className="prep-header">
        <h1>1:1 Prep</h1>
      </header>
      {people.length === 0 ? (
        <p className="pad quiet">Open a 1:1 in Google Calendar and its prep appears beside the event.</p>
      ) : (
        people
          .filter((p) => !p.archivedAt)
          .map((person) => {
            const items = open.filter((a) => a.personId === person.id);
            return (
              <section key={person.id} className="section" aria-label={person.displayName}>
                <h2>{person.displayName}</h2>
                {items.length === 0 ? (
                  <p className="quiet">Nothing open.</p>
                ) : (
                  <ul className="items">
                    {items.map((item) => (
                      <ActionItemRow
                        key={item.id}
                        item={item}
                        overdue={item.dueAt !== undefined && item.dueAt < now}
                      />
                    ))}
                  </ul>
                )}
              </section>
            );
          })
      )}
    </main>
  );
}
