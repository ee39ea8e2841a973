import { expect, test } from "./extension";
import { actionItem, dayAt, meeting, person } from "./seed";

/**
 * The database as the release before this one left it (schema 5: no meeting figures, no Stats
 * snapshot), written by hand with raw IndexedDB in the extension's origin. Dexie numbers schema
 * `n` as IndexedDB version `n * 10`.
 */
const VERSION_5_STORES: Record<string, { key: string; indexes: [string, string | string[], boolean?][] }> = {
  people: {
    key: "id",
    indexes: [
      ["email", "email", true],
      ["displayName", "displayName"],
    ],
  },
  meetings: {
    key: "id",
    indexes: [
      ["eventInstanceId", "eventInstanceId"],
      ["[eventInstanceId+personId]", ["eventInstanceId", "personId"], true],
      ["personId", "personId"],
      ["seriesId", "seriesId"],
      ["[personId+startsAt]", ["personId", "startsAt"]],
      ["startsAt", "startsAt"],
    ],
  },
  agendaItems: {
    key: "id",
    indexes: [
      ["personId", "personId"],
      ["meetingId", "meetingId"],
    ],
  },
  actionItems: {
    key: "id",
    indexes: [
      ["personId", "personId"],
      ["meetingId", "meetingId"],
      ["dueAt", "dueAt"],
      ["[personId+open]", ["personId", "open"]],
      ["[open+dueAt]", ["open", "dueAt"]],
    ],
  },
  feedback: {
    key: "id",
    indexes: [
      ["personId", "personId"],
      ["createdAt", "createdAt"],
    ],
  },
  growthPlans: {
    key: "id",
    indexes: [
      ["personId", "personId"],
      ["[personId+quarter]", ["personId", "quarter"]],
    ],
  },
  questionsAsked: {
    key: "id",
    indexes: [
      ["personId", "personId"],
      ["[personId+askedAt]", ["personId", "askedAt"]],
    ],
  },
  calendarEvents: {
    key: "eventInstanceId",
    indexes: [
      ["seriesId", "seriesId"],
      ["startsAt", "startsAt"],
      ["meetingId", "meetingId"],
    ],
  },
  unsavedEdits: { key: "id", indexes: [] },
  searchIndex: { key: "id", indexes: [] },
  searchChanges: { key: "id", indexes: [] },
  syncChanges: { key: "id", indexes: [] },
  syncRows: { key: "key", indexes: [] },
  syncOutbox: { key: "hlc", indexes: [] },
  syncMeta: { key: "id", indexes: [] },
};

const HEAD = {
  table: "meetings",
  id: "m2",
  hlc: "0000019a8e2f0c00-0000-deviceaa",
  device: "deviceaa",
  seen: {},
  rowHash: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
};

const NOTES = "Priya wants to lead the payments migration. Überraschung für Jörg: 四半期の目標.";

test("notes and figures written by the release before survive the database upgrade, and Stats counts them", async ({
  context,
  extensionId,
}) => {
  const rows = {
    people: [person("priya", "Priya Raman")],
    meetings: [
      meeting("m0", "priya", dayAt(-200), { status: "cancelled" }),
      meeting("m1", "priya", dayAt(-14), { notes: "Offsite budget is stuck." }),
      meeting("m2", "priya", dayAt(-7), { notes: NOTES }),
    ],
    actionItems: [
      { ...actionItem("Send Priya the budget", "priya", "m2", { dueAt: dayAt(-1, 23) }), open: 1 },
    ],
    // What sync knew of a row, kept a record per row until heads went onto shelves.
    syncRows: [{ key: "meetings/m2", heads: [HEAD] }],
  };
  // A page of the extension's origin that runs none of its code, so nothing opens the database
  // while the old one is put in place.
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/icon/16.png`);
  await page.evaluate(
    async ({ stores, data }) => {
      await new Promise<void>((resolve, reject) => {
        const gone = indexedDB.deleteDatabase("one-on-one-prep");
        gone.onsuccess = () => resolve();
        gone.onerror = () => reject(gone.error);
      });
      // The rows go in within the upgrade that makes the stores: the extension's background,
      // should it open the database meanwhile, waits behind it and upgrades what it finds.
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open("one-on-one-prep", 50);
        open.onupgradeneeded = () => {
          for (const [name, store] of Object.entries(stores)) {
            const made = open.result.createObjectStore(name, { keyPath: store.key });
            for (const [index, keyPath, unique] of store.indexes)
              made.createIndex(index, keyPath, { unique: unique === true });
          }
          const tx = open.transaction as IDBTransaction;
          for (const [table, list] of Object.entries(data))
            for (const row of list) tx.objectStore(table).put(row);
        };
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      db.close();
    },
    { stores: VERSION_5_STORES, data: rows },
  );
  await page.close();

  // Stats opens on the figures the upgrade fills in from the notes' meetings.
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html#stats`);
  const priya = popup.getByTestId("cadence-Priya Raman");
  await expect(priya).toContainText("2 of 12");
  await expect(priya).toContainText("7 days ago");
  await expect(popup.getByRole("heading", { name: "Overdue action items (1)" })).toBeVisible();

  // Every note is there, under its person, and the database is at the new version.
  const stored = await popup.evaluate(
    () =>
      new Promise<{
        version: number;
        notes: Record<string, string>;
        figures: number;
        shelves: unknown[];
        stores: string[];
      }>((resolve, reject) => {
        const open = indexedDB.open("one-on-one-prep");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(["meetings", "meetingFigures", "syncHeads"]);
          const meetings = tx.objectStore("meetings").getAll();
          const figures = tx.objectStore("meetingFigures").count();
          const shelves = tx.objectStore("syncHeads").getAll();
          tx.oncomplete = () => {
            resolve({
              shelves: shelves.result,
              stores: [...db.objectStoreNames],
              version: db.version,
              notes: Object.fromEntries(
                (meetings.result as { id: string; personId: string; notes: string }[]).map((m) => [
                  m.id,
                  `${m.personId}: ${m.notes}`,
                ]),
              ),
              figures: figures.result,
            });
            db.close();
          };
        };
      }),
  );
  expect(stored.version).toBe(80);
  expect(stored.notes).toEqual({
    m0: "priya: ",
    m1: "priya: Offsite budget is stuck.",
    m2: `priya: ${NOTES}`,
  });
  expect(stored.figures).toBe(3);
  // Sync's knowledge of the row is on its shelf, as it was, and the store of a record per row is gone.
  expect(stored.shelves).toEqual([{ shelf: "meetings/m2", rows: [{ key: "meetings/m2", heads: [HEAD] }] }]);
  expect(stored.stores).not.toContain("syncRows");
});
