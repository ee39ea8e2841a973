import type { Page } from "@playwright/test";
import type { ActionItem, Feedback, Meeting, Person } from "../../lib/db";
import { figuresOf } from "../../lib/db/stats-figures";

export interface Seed {
  people?: Person[];
  meetings?: Meeting[];
  actionItems?: ActionItem[];
  feedback?: Feedback[];
}

export const DAY = 86_400_000;

/** Today at `hour`:00 UTC plus `offsetDays` (the test browser runs in UTC). */
export function dayAt(offsetDays: number, hour = 10): number {
  const today = new Date();
  return Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + offsetDays, hour);
}

/**
 * Writes rows straight into the extension's IndexedDB from one of its pages, as an earlier
 * version of the manager's own use would have left them. Action items get the `open` flag the
 * database keeps for them, meetings their figures, and the Stats snapshot a new stamp, as the
 * database's middleware would have written them.
 */
export async function seedDatabase(extensionPage: Page, seed: Seed) {
  // Let the page's own code create the database at its current version first.
  await extensionPage.waitForFunction(async () =>
    (await indexedDB.databases()).some((d) => d.name === "one-on-one-prep"),
  );
  const derived: Record<string, unknown[]> = {};
  if (seed.meetings) derived.meetingFigures = seed.meetings.map(figuresOf);
  if (seed.meetings || seed.people) derived.statsSnapshot = [{ id: "team", stamp: `seeded-${Date.now()}` }];
  await extensionPage.evaluate(
    async (rows: Record<string, unknown[]>) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open("one-on-one-prep");
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const tables = Object.keys(rows);
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction(tables, "readwrite");
        for (const table of tables) {
          for (const row of rows[table] ?? []) {
            const value =
              table === "actionItems"
                ? { ...(row as ActionItem), ...((row as ActionItem).doneAt === undefined ? { open: 1 } : {}) }
                : row;
            tx.objectStore(table).put(value);
          }
        }
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    { ...seed, ...derived } as Record<string, unknown[]>,
  );
}

export function person(id: string, displayName: string, extra: Partial<Person> = {}): Person {
  return { id, displayName, email: `${id}@example.com`, cadenceDays: 7, ...extra };
}

export function meeting(
  id: string,
  personId: string,
  startsAt: number,
  extra: Partial<Meeting> = {},
): Meeting {
  return {
    id,
    personId,
    eventInstanceId: `seed-${id}`,
    startsAt,
    kind: "weekly",
    status: "held",
    notes: "",
    answers: {},
    updatedAt: startsAt,
    ...extra,
  };
}

export function actionItem(
  id: string,
  personId: string,
  meetingId: string,
  extra: Partial<ActionItem>,
): ActionItem {
  return { id, personId, meetingId, owner: "me", text: id, createdAt: dayAt(-40), ...extra };
}

/** The stored notes of the meeting for `eventInstanceId`, read from an extension page. */
export async function storedNotes(extensionPage: Page, eventInstanceId: string): Promise<string | undefined> {
  return extensionPage.evaluate(async (id) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open("one-on-one-prep");
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const meeting = await new Promise<{ notes?: string } | undefined>((resolve, reject) => {
      const request = db.transaction("meetings").objectStore("meetings").index("eventInstanceId").get(id);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    db.close();
    return meeting?.notes;
  }, eventInstanceId);
}
