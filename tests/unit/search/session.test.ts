import { afterEach, describe, expect, it, vi } from "vitest";
import {
  addActionItem,
  addFeedback,
  findOrCreateMeeting,
  findOrCreatePerson,
  PrepDatabase,
  readSearchIndexState,
  type SearchShard,
  saveMeetingNotes,
  setActionItemDone,
} from "@/lib/db";
import { exportAll, importBackup } from "@/lib/export";
import { RESULTS_MAX, type SearchAnswer, SearchSession } from "@/lib/search";
import { at, sampleRows, writeRows } from "../export/sample";

let n = 0;
const opened: PrepDatabase[] = [];
const sessions: SearchSession[] = [];

async function database(): Promise<PrepDatabase> {
  const db = new PrepDatabase(`search-${++n}`);
  opened.push(db);
  await db.open();
  return db;
}

function session(db: PrepDatabase): SearchSession {
  const s = new SearchSession(db);
  sessions.push(s);
  return s;
}

afterEach(async () => {
  for (const s of sessions.splice(0)) {
    await s.settled();
    s.close();
  }
  await Promise.all(opened.splice(0).map((db) => db.delete()));
});

async function seedJose(db: PrepDatabase) {
  const person = await findOrCreatePerson(db, { email: "jose@example.com", displayName: "José Núñez" });
  const meeting = await findOrCreateMeeting(db, {
    personId: person.id,
    eventInstanceId: "e1",
    startsAt: at(3),
  });
  await saveMeetingNotes(db, meeting.id, "Talked about management training.");
  const item = await addActionItem(db, {
    personId: person.id,
    meetingId: meeting.id,
    owner: "me",
    text: "Book the offsite venue",
  });
  await addFeedback(db, {
    personId: person.id,
    situation: "In the design review",
    behavior: "you summarised the trade-offs",
    impact: "the team decided fast",
    request: "keep doing it",
    valence: "reinforcing",
  });
  return { person, meeting, item };
}

/** What a page finds once it has read the saved index (before then, older years may be missing). */
async function found(s: SearchSession, q: string): Promise<string[]> {
  await s.whenUsable();
  const { groups } = await s.search(q);
  return groups.flatMap((g) => g.results.map((r) => `${g.person.displayName}/${r.hit.kind}`));
}

async function savedDocuments(db: PrepDatabase): Promise<number | undefined> {
  const { manifest } = await readSearchIndexState(db);
  return manifest?.shards.reduce((n, s) => n + s.documentCount, 0);
}

describe("search over the database", () => {
  it("builds the index the first time, answers at once, and saves it", async () => {
    const db = await database();
    await seedJose(db);
    const s = session(db);
    expect(await found(s, "jose")).toEqual(["José Núñez/person"]);
    expect(await found(s, "managment")).toEqual(["José Núñez/note"]);
    expect(await found(s, "trade offs")).toEqual(["José Núñez/feedback"]);
    await s.settled();
    const { manifest, changes } = await readSearchIndexState(db);
    // The name has no date; the rest were written in 2026.
    expect(manifest?.shards.map((x) => [x.key, x.documentCount])).toEqual([
      ["undated", 1],
      ["2026", 3],
    ]);
    expect(changes).toEqual([]);
  });

  it("puts every write down beside it and catches up from the saved index", async () => {
    const db = await database();
    const { meeting, item } = await seedJose(db);
    const first = session(db);
    await first.settled();
    await saveMeetingNotes(db, meeting.id, "Budget for the offsite is approved.");
    await setActionItemDone(db, item.id, true);
    const { changes } = await readSearchIndexState(db);
    expect(changes.map((c) => c.table).sort()).toEqual(["actionItems", "meetings"]);
    const later = session(db);
    expect(await found(later, "budget")).toEqual(["José Núñez/note"]);
    expect(await found(later, "management")).toEqual([]);
    const [group] = (await later.search("venue")).groups;
    expect(group?.results[0]?.actionItem?.doneAt).toBeDefined();
  });

  it("keeps an open session current as notes are written", async () => {
    const db = await database();
    const { meeting } = await seedJose(db);
    const s = session(db);
    await s.settled();
    await saveMeetingNotes(db, meeting.id, "Promotion case: needs evidence.");
    await vi.waitFor(async () => expect(await found(s, "promotion")).toEqual(["José Núñez/note"]));
  });

  it("rebuilds a saved index that doesn't read back", async () => {
    const db = await database();
    await seedJose(db);
    await session(db).settled();
    await db.searchIndex.update("shard:2026", { json: "{not json" } as Partial<SearchShard>);
    expect(await found(session(db), "venue")).toEqual(["José Núñez/action"]);
  });

  it("is rebuilt after an import", async () => {
    const source = await database();
    await writeRows(source, sampleRows());
    const backup = await exportAll(source, at(25));
    const db = await database();
    await seedJose(db);
    await session(db).settled();
    await importBackup(db, backup);
    await vi.waitFor(async () => {
      const { changes } = await readSearchIndexState(db);
      expect(changes).toEqual([]);
      expect(await savedDocuments(db)).toBeGreaterThan(4);
    });
    expect(await found(session(db), "offsite budget")).toContain("Priya Raman/note");
  });

  it("rebuilds when a shard was saved again after its manifest, rather than mix two saves", async () => {
    const db = await database();
    await seedJose(db);
    await session(db).settled();
    await db.searchIndex.update("shard:2026", { stamp: "a later save" });
    expect(await found(session(db), "venue")).toEqual(["José Núñez/action"]);
  });

  it("shows the newest results first, at most RESULTS_MAX, and says when there are more", async () => {
    const db = await database();
    const person = await findOrCreatePerson(db, { email: "ana@example.com", displayName: "Ana" });
    // One roadmap note a month over six years: the newest years answer before older ones are read.
    const months = 72;
    for (let i = 0; i < months; i++) {
      const meeting = await findOrCreateMeeting(db, {
        personId: person.id,
        eventInstanceId: `m${i}`,
        startsAt: Date.UTC(2021, i, 5, 15),
      });
      await saveMeetingNotes(db, meeting.id, `Roadmap review number ${i}`);
    }
    const s = session(db);
    await s.settled();
    const answer = await s.search("roadmap");
    const datesOf = (a: SearchAnswer) => a.groups.flatMap((g) => g.results.map((r) => r.hit.date ?? 0));
    const dates = datesOf(answer);
    expect(dates).toHaveLength(RESULTS_MAX);
    expect(answer.more).toBe(true);
    expect(answer.partial).toBe(false);
    expect(dates[0]).toBe(Date.UTC(2021, months - 1, 5, 15));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    // The first screenful comes first, and the full answer only adds below it.
    const screens: number[][] = [];
    const full = await s.search("roadmap", {}, { firstScreen: (a) => screens.push(datesOf(a)) });
    expect(screens).toEqual([dates.slice(0, 10)]);
    expect(datesOf(full)).toEqual(dates);
    // Typing that replaced the query: nothing is read or shown for it.
    const dropped = await s.search(
      "roadmap",
      {},
      { firstScreen: (a) => screens.push(datesOf(a)), wanted: () => false },
    );
    expect(dropped.groups).toEqual([]);
    expect(screens).toHaveLength(1);
    // Narrowed to one year, everything fits.
    const narrowed = await s.search("roadmap", { from: Date.UTC(2021, 0, 1), to: Date.UTC(2021, 11, 31) });
    expect(narrowed.groups[0]?.results).toHaveLength(12);
    expect(narrowed.more).toBe(false);
    const { manifest } = await readSearchIndexState(db);
    expect(manifest?.shards.map((x) => x.key)).toEqual([
      "undated",
      "2026",
      "2025",
      "2024",
      "2023",
      "2022",
      "2021",
    ]);
    // A page opening on the saved index answers from the names before the years are read, and
    // says older results may follow; once they are read, the same answer as before.
    const later = session(db);
    const early = await later.hits("roadmap");
    expect(early).toMatchObject({ hits: [], partial: true });
    await later.whenUsable();
    expect((await later.hits("roadmap")).hits.map((h) => h.date)).toEqual(dates);
  });

  it("leaves a few writes listed beside the saved index, and the next page takes them in", async () => {
    const db = await database();
    const { meeting } = await seedJose(db);
    const open = session(db);
    await open.settled();
    const before = (await readSearchIndexState(db)).manifest?.stamp;
    await saveMeetingNotes(db, meeting.id, "Quarterly roadmap agreed.");
    await vi.waitFor(async () => expect(await found(open, "roadmap")).toEqual(["José Núñez/note"]));
    await open.settled();
    const { manifest, changes } = await readSearchIndexState(db);
    expect(manifest?.stamp).toBe(before);
    expect(changes.map((c) => c.key)).toEqual([meeting.id]);
    expect(await found(session(db), "roadmap")).toEqual(["José Núñez/note"]);
    expect(await found(session(db), "management")).toEqual([]);
  });

  it("moves a meeting's notes to the year it was moved to, and finds them once", async () => {
    const db = await database();
    const { person, meeting } = await seedJose(db);
    const s = session(db);
    await s.settled();
    await findOrCreateMeeting(db, {
      personId: person.id,
      eventInstanceId: "e1",
      startsAt: Date.UTC(2027, 0, 4),
    });
    await vi.waitFor(async () => {
      const [hit] = (await s.hits("training")).hits;
      expect(hit?.date).toBe(Date.UTC(2027, 0, 4));
    });
    expect((await s.hits("training")).hits.map((h) => h.rowId)).toEqual([meeting.id]);
    const later = session(db);
    await later.whenUsable();
    expect((await later.hits("training")).hits.map((h) => h.rowId)).toEqual([meeting.id]);
  });

  it("takes in what another page saved since, and keeps finding both pages' writes", async () => {
    const db = await database();
    const { meeting, person } = await seedJose(db);
    const first = session(db);
    const second = session(db);
    await Promise.all([first.settled(), second.settled()]);
    // Enough writes that the first page to catch up saves, and the other sees a newer save.
    for (let i = 0; i < 320; i++)
      await addActionItem(db, {
        personId: person.id,
        meetingId: meeting.id,
        owner: "me",
        text: `Errand ${i}`,
      });
    await saveMeetingNotes(db, meeting.id, "Hiring plan drafted.");
    for (const s of [first, second]) {
      await vi.waitFor(async () => expect(await found(s, "hiring")).toEqual(["José Núñez/note"]));
      await s.settled();
      expect((await s.hits("errand", {}, 500)).hits).toHaveLength(320);
      expect(await found(s, "management")).toEqual([]);
    }
    expect((await readSearchIndexState(db)).changes.length).toBeLessThan(320);
  });
});
