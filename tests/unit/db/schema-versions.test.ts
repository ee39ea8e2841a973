import { readFileSync } from "node:fs";
import { Dexie } from "dexie";
import { afterEach, describe, expect, it } from "vitest";
import type { z } from "zod";
import {
  actionItemSchema,
  agendaItemSchema,
  calendarEventSchema,
  feedbackSchema,
  growthPlanSchema,
  meetingSchema,
  meetingsOf,
  openActionItems,
  PrepDatabase,
  personSchema,
  questionAskedSchema,
} from "@/lib/db";

/**
 * Each released layout, frozen here as it was declared: the test must not follow later edits
 * of database.ts, or it would stop testing what users' browsers actually hold.
 */
const releasedStores: Record<number, Record<string, string>> = {
  1: {
    people: "id, &email, displayName",
    meetings: "id, &eventInstanceId, personId, seriesId, [personId+startsAt], startsAt",
    agendaItems: "id, personId, meetingId",
    actionItems: "id, personId, meetingId, dueAt, [personId+open], [open+dueAt]",
    feedback: "id, personId, createdAt",
    growthPlans: "id, personId, [personId+quarter]",
    questionsAsked: "id, personId, [personId+askedAt]",
  },
  2: {
    calendarEvents: "eventInstanceId, seriesId, startsAt, meetingId",
  },
};

/** The whole layout of a version: Dexie carries every earlier version's tables forward. */
function storesUpTo(version: number): Record<string, string> {
  return Object.assign(
    {},
    ...Object.entries(releasedStores)
      .filter(([v]) => Number(v) <= version)
      .map(([, s]) => s),
  );
}

const currentSchemas: Record<string, z.ZodType> = {
  people: personSchema,
  meetings: meetingSchema,
  agendaItems: agendaItemSchema,
  actionItems: actionItemSchema,
  feedback: feedbackSchema,
  growthPlans: growthPlanSchema,
  questionsAsked: questionAskedSchema,
  calendarEvents: calendarEventSchema,
};

type Row = Record<string, unknown>;

interface Fixture {
  schemaVersion: number;
  tables: Record<string, Row[]>;
}

function fixture(version: number): Fixture {
  const url = new URL(`../../fixtures/db/v${version}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, "utf8")) as Fixture;
}

/** Writes the rows the way that release did: through its own layout, with no hooks of today's code. */
async function writeAsReleased(name: string, version: number, tables: Fixture["tables"]) {
  const old = new Dexie(name);
  for (let v = 1; v <= version; v++) old.version(v).stores(releasedStores[v] ?? {});
  await old.open();
  await old.transaction("rw", old.tables, async () => {
    for (const [table, rows] of Object.entries(tables)) await old.table(table).bulkAdd(rows);
  });
  old.close();
}

let n = 0;
let db: PrepDatabase | undefined;
afterEach(async () => {
  await db?.delete();
  db = undefined;
});

describe.each(Object.keys(releasedStores).map(Number))(
  "a database written by schema version %i",
  (version) => {
    const { tables, schemaVersion } = fixture(version);

    it("is the fixture of that version and covers every table", () => {
      expect(schemaVersion).toBe(version);
      expect(Object.keys(tables).sort()).toEqual(Object.keys(storesUpTo(version)).sort());
      for (const rows of Object.values(tables)) expect(rows.length).toBeGreaterThan(0);
    });

    it("opens with the current PrepDatabase with every record intact and valid", async () => {
      const name = `schema-v${version}-${++n}`;
      await writeAsReleased(name, version, tables);
      db = new PrepDatabase(name);
      await db.open();
      expect(db.verno).toBeGreaterThanOrEqual(version);
      for (const [table, rows] of Object.entries(tables)) {
        const stored = await db.table(table).toArray();
        const key = String(db.table(table).schema.primKey.keyPath);
        expect(stored, table).toEqual([...rows].sort((a, b) => (String(a[key]) < String(b[key]) ? -1 : 1)));
        const schema = currentSchemas[table];
        if (!schema) throw new Error(`no schema for ${table}`);
        for (const row of stored) {
          const result = schema.safeParse(row);
          expect(result.success, `${table} ${row[key]}: ${result.error?.message}`).toBe(true);
        }
      }
    });

    it("still finds the old rows through today's indexes", async () => {
      const name = `schema-v${version}-${++n}`;
      await writeAsReleased(name, version, tables);
      db = new PrepDatabase(name);
      for (const person of (tables.people ?? []) as { id: string }[]) {
        const meetings = await meetingsOf(db, person.id);
        const expected = (tables.meetings ?? [])
          .filter((m) => m.personId === person.id)
          .map((m) => m.startsAt as number)
          .sort((a, b) => a - b);
        expect(meetings.map((m) => m.startsAt)).toEqual(expected);
        const open = await openActionItems(db, person.id);
        const expectedOpen = (tables.actionItems ?? [])
          .filter((a) => a.personId === person.id && a.doneAt === undefined)
          .map((a) => a.id);
        expect(open.map((a) => a.id).sort()).toEqual(expectedOpen.sort());
      }
    });
  },
);
