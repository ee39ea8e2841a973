import { readFileSync } from "node:fs";
import { Dexie } from "dexie";
import { afterEach, describe, expect, it } from "vitest";
import type { z } from "zod";
import {
  actionItemSchema,
  agendaItemSchema,
  calendarEventSchema,
  feedbackSchema,
  figuresOf,
  growthPlanSchema,
  LATEST_DATE,
  type Meeting,
  meetingSchema,
  meetingsOf,
  openActionItems,
  PrepDatabase,
  personSchema,
  questionAskedSchema,
  recoverUnsavedEdits,
  unsavedEditSchema,
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
  3: {
    meetings:
      "id, eventInstanceId, &[eventInstanceId+personId], personId, seriesId, [personId+startsAt], startsAt",
    unsavedEdits: "id",
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
  unsavedEdits: unsavedEditSchema,
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

/**
 * The rows once the database has written what a closed page left behind, as it does on opening:
 * each unsaved edit is in its field (the fixtures' edits are typed over the stored text) and gone
 * from unsavedEdits.
 */
function afterRecovery(tables: Fixture["tables"]): Fixture["tables"] {
  const out = structuredClone(tables);
  for (const edit of (out.unsavedEdits ?? []) as {
    target: { kind: string; planId?: string; field?: string };
    text: string;
  }[]) {
    if (edit.target.kind !== "plan") throw new Error("fixture edits are for growth plans");
    const plan = out.growthPlans?.find((g) => g.id === edit.target.planId);
    if (plan && edit.target.field) plan[edit.target.field] = edit.text;
  }
  if (out.unsavedEdits) out.unsavedEdits = [];
  return out;
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
      await recoverUnsavedEdits(db);
      for (const [table, rows] of Object.entries(afterRecovery(tables))) {
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
      // The Stats tab reads meetings through their figures: every meeting the release held has them.
      const meetings = (await db.meetings.toArray()) as Meeting[];
      expect(meetings.length).toBeGreaterThan(0);
      expect(await db.meetingFigures.toArray()).toEqual(meetings.map(figuresOf));
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

describe("upgrading a version 2 database to version 3", () => {
  it("brings untidy emails and impossible dates within the rules, losing nothing written", async () => {
    const name = `schema-upgrade-${++n}`;
    const { tables } = fixture(2);
    const rows = structuredClone(tables);
    const [priya, jordan] = rows.people as Record<string, unknown>[];
    if (!priya || !jordan) throw new Error("fixture changed");
    // Stored by an older release that only lower-cased: zero-width characters, a decomposed accent.
    rows.people?.push(
      { id: "p-lin", email: "li\u200Bn@example.com", displayName: "Lin", cadenceDays: 7 },
      { id: "p-jose", email: "jose\u0301@example.com", displayName: "José", cadenceDays: 7 },
      // the same address as Priya's once tidied: two people, one address
      { id: "p-priya-again", email: "pri\u200Bya@example.com", displayName: "Priya R.", cadenceDays: 7 },
    );
    const meeting = rows.meetings?.[0] as Record<string, unknown>;
    meeting.startsAt = 8.64e15 + 1;
    meeting.updatedAt = Number.MAX_SAFE_INTEGER;
    const plan = rows.growthPlans?.[0] as { id: string; checkpoints: { dueAt: number }[] };
    plan.checkpoints[0] = { ...plan.checkpoints[0], dueAt: -5 } as never;
    await writeAsReleased(name, 2, rows);

    const before = Date.now();
    db = new PrepDatabase(name);
    await db.open();
    const people = new Map((await db.people.toArray()).map((p) => [p.id, p]));
    expect(people.get("p-lin")?.email).toBe("lin@example.com");
    expect(people.get("p-jose")?.email).toBe("jos\u00E9@example.com");
    expect(people.get("p-priya")?.email).toBe("priya@example.com");
    expect(people.get("p-priya-again")).toMatchObject({ displayName: "Priya R." });
    expect(people.get("p-priya-again")?.email).toBeUndefined();
    const upgraded = await db.meetings.get(String(meeting.id));
    expect(upgraded?.startsAt).toBe(LATEST_DATE);
    expect(upgraded?.updatedAt).toBeGreaterThanOrEqual(before);
    expect(upgraded?.updatedAt).toBeLessThanOrEqual(Date.now());
    expect(upgraded?.notes).toBe(meeting.notes);
    expect((await db.growthPlans.get(plan.id))?.checkpoints[0]?.dueAt).toBe(0);
    for (const row of await db.people.toArray()) expect(personSchema.safeParse(row).success).toBe(true);
    for (const row of await db.meetings.toArray()) expect(meetingSchema.safeParse(row).success).toBe(true);
  });
});
