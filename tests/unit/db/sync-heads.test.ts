import { afterEach, describe, expect, it } from "vitest";
import { PrepDatabase } from "@/lib/db";
import {
  everyRowHeads,
  headsOfTable,
  readHeads,
  type SyncRow,
  shelfOf,
  writeHeads,
} from "@/lib/db/sync-heads";

const opened: PrepDatabase[] = [];
let n = 0;
afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.delete()));
});

function database(): PrepDatabase {
  const db = new PrepDatabase(`sync-heads-${++n}`);
  opened.push(db);
  return db;
}

/** A row's heads as sync keeps them; the stamp tells one write of a row from the next. */
function row(table: string, id: string, stamp = "1"): SyncRow {
  return {
    key: `${table}/${id}`,
    heads: [
      {
        table: table as never,
        id,
        hlc: `0000000000000${stamp}-0000-devicea1`,
        device: "devicea1",
        seen: {},
        rowHash: `hash-${stamp}`,
      },
    ],
  };
}

describe("shelfOf", () => {
  it.each([
    ["meetings/3f2a9c1e-0000", "meetings/3f"],
    ["people/x", "people/x"],
    ["people/", "people/"],
    ["agendaItems/Ünïcode", "agendaItems/Ün"],
    // Never half of a character: an emoji second stays whole or is left off.
    ["people/a😀b", "people/a"],
    ["people/😀b", "people/😀"],
    ["people/__proto__", "people/__"],
  ])("%s is on %s", (key, shelf) => {
    expect(shelfOf(key)).toBe(shelf);
  });
});

describe("heads on shelves", () => {
  it("writing a row replaces only that row on its shelf", async () => {
    const db = database();
    await writeHeads(db, [row("meetings", "ab-1"), row("meetings", "ab-2"), row("meetings", "cd-1")]);
    await writeHeads(db, [row("meetings", "ab-2", "2")]);
    const [first, second, third, none] = await readHeads(db, [
      "meetings/ab-1",
      "meetings/ab-2",
      "meetings/cd-1",
      "meetings/ab-3",
    ]);
    expect(first).toEqual(row("meetings", "ab-1"));
    expect(second).toEqual(row("meetings", "ab-2", "2"));
    expect(third).toEqual(row("meetings", "cd-1"));
    expect(none).toBeUndefined();
    expect(await db.syncHeads.count()).toBe(2);
  });

  it("the same id in two tables is two rows, each on its table's shelf", async () => {
    const db = database();
    await writeHeads(db, [row("people", "ab-1"), row("meetings", "ab-1", "2")]);
    expect(await headsOfTable(db, "people")).toEqual([row("people", "ab-1")]);
    expect(await headsOfTable(db, "meetings")).toEqual([row("meetings", "ab-1", "2")]);
    expect(await readHeads(db, ["people/ab-1", "meetings/ab-1"])).toEqual([
      row("people", "ab-1"),
      row("meetings", "ab-1", "2"),
    ]);
  });

  it("keeps ids that look like an object's own names, and a held row's mark", async () => {
    const db = database();
    const held = { ...row("people", "constructor"), held: true as const };
    await writeHeads(db, [row("people", "__proto__"), held, row("people", "toString")]);
    expect(await readHeads(db, ["people/__proto__", "people/constructor", "people/toString"])).toEqual([
      row("people", "__proto__"),
      held,
      row("people", "toString"),
    ]);
    expect((await everyRowHeads(db)).map((r) => r.key).sort()).toEqual([
      "people/__proto__",
      "people/constructor",
      "people/toString",
    ]);
  });

  it("a row written twice in one call keeps the later", async () => {
    const db = database();
    await writeHeads(db, [row("feedback", "f-1"), row("feedback", "f-1", "3")]);
    expect(await everyRowHeads(db)).toEqual([row("feedback", "f-1", "3")]);
  });
});
