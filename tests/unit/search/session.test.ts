import { afterEach, describe, expect, it, vi } from "vitest";
import {
  addActionItem,
  addFeedback,
  findOrCreateMeeting,
  findOrCreatePerson,
  PrepDatabase,
  readSearchIndexState,
  saveMeetingNotes,
  setActionItemDone,
} from "@/lib/db";
import { exportAll, importBackup } from "@/lib/export";
import { SearchSession } from "@/lib/search";
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

const found = async (s: SearchSession, q: string) =>
  (await s.search(q)).flatMap((g) => g.results.map((r) => `${g.person.displayName}/${r.hit.kind}`));

describe("search over the database", () => {
  it("builds the index the first time, answers at once, and saves it", async () => {
    const db = await database();
    await seedJose(db);
    const s = session(db);
    expect(await found(s, "jose")).toEqual(["José Núñez/person"]);
    expect(await found(s, "managment")).toEqual(["José Núñez/note"]);
    expect(await found(s, "trade offs")).toEqual(["José Núñez/feedback"]);
    await s.settled();
    const { stored, changes } = await readSearchIndexState(db);
    expect(stored?.documentCount).toBe(4);
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
    const [group] = await later.search("venue");
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
    await db.searchIndex.update("index", { json: "{not json" });
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
      const { stored, changes } = await readSearchIndexState(db);
      expect(changes).toEqual([]);
      expect(stored?.documentCount).toBeGreaterThan(4);
    });
    expect(await found(session(db), "offsite budget")).toContain("Priya Raman/note");
  });
});
