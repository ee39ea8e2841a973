import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  actionItemsAgreedIn,
  addActionItem,
  addAgendaItem,
  addFeedback,
  cadenceHistories,
  earlierPeopleOfEvent,
  figuresOf,
  findOrCreateMeeting,
  findOrCreatePerson,
  meetingsOf,
  nextDueAt,
  openActionItems,
  openItemsDueBefore,
  PrepDatabase,
  peopleWithMeetings,
  prepMeetings,
  previousNotes,
  saveMeetingNotes,
  setActionItemDone,
  setFeedbackDelivered,
  setQuestionAsked,
} from "@/lib/db";
import { carryOverItems, lastMet } from "@/lib/prep";
import { chooseMeetingKind } from "@/lib/templates";

let db: PrepDatabase;
let n = 0;

beforeEach(async () => {
  db = new PrepDatabase(`test-${++n}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

const day = (d: number) => Date.UTC(2026, 10, d, 15);

async function priyaWithMeetings(...days: number[]) {
  const person = await findOrCreatePerson(db, { email: "Priya@Example.com", displayName: "Priya Raman" });
  const meetings = [];
  for (const d of days) {
    meetings.push(
      await findOrCreateMeeting(db, { personId: person.id, eventInstanceId: `p_${d}`, startsAt: day(d) }),
    );
  }
  return { person, meetings };
}

describe("findOrCreatePerson", () => {
  it("matches by email case-insensitively and stores it lower-case", async () => {
    const a = await findOrCreatePerson(db, { email: "Priya@Example.com", displayName: "Priya" });
    const b = await findOrCreatePerson(db, { email: "priya@example.com", displayName: "Priya Raman" });
    expect(b.id).toBe(a.id);
    expect(a.email).toBe("priya@example.com");
    expect(await db.people.count()).toBe(1);
  });

  it("keeps two people with the same name but different emails apart", async () => {
    const a = await findOrCreatePerson(db, { email: "alex@a.com", displayName: "Alex" });
    const b = await findOrCreatePerson(db, { email: "alex@b.com", displayName: "Alex" });
    expect(b.id).not.toBe(a.id);
  });

  it("attaches an email to someone first known only by name", async () => {
    const byName = await findOrCreatePerson(db, { displayName: "Jordan" });
    expect(byName.email).toBeUndefined();
    const withEmail = await findOrCreatePerson(db, { email: "jordan@example.com", displayName: "jordan" });
    expect(withEmail.id).toBe(byName.id);
    expect((await db.people.get(byName.id))?.email).toBe("jordan@example.com");
  });

  it("defaults to a weekly cadence and a name from the email", async () => {
    const p = await findOrCreatePerson(db, { email: "kim@example.com" });
    expect(p).toMatchObject({ displayName: "kim", cadenceDays: 7 });
  });
});

describe("findOrCreateMeeting", () => {
  it("returns the same meeting for the same event instance", async () => {
    const { person, meetings } = await priyaWithMeetings(3);
    const again = await findOrCreateMeeting(db, {
      personId: person.id,
      eventInstanceId: "p_3",
      startsAt: day(3),
    });
    expect(again.id).toBe(meetings[0]?.id);
    expect(await db.meetings.count()).toBe(1);
  });

  it("follows a moved and renamed event, keeping its notes", async () => {
    const { person, meetings } = await priyaWithMeetings(3);
    const first = meetings[0];
    if (!first) throw new Error("no meeting");
    await saveMeetingNotes(db, first.id, "talked about the offsite");
    const moved = await findOrCreateMeeting(db, {
      personId: person.id,
      eventInstanceId: "p_3",
      startsAt: day(4),
      title: "Priya / Sam (moved)",
    });
    expect(moved).toMatchObject({ id: first.id, startsAt: day(4), title: "Priya / Sam (moved)" });
    expect(moved.notes).toBe("talked about the offsite");
  });

  it("keeps when the event ends, follows a new length, and forgets an end a move leaves unknown", async () => {
    const person = await findOrCreatePerson(db, { displayName: "Lee" });
    const ref = { personId: person.id, eventInstanceId: "e" };
    const hour = 60 * 60_000;
    const m = await findOrCreateMeeting(db, { ...ref, startsAt: day(1), endsAt: day(1) + hour });
    expect((await db.meetings.get(m.id))?.endsAt).toBe(day(1) + hour);
    // Opened where the page shows no range (the edit page): the length stays.
    await findOrCreateMeeting(db, { ...ref, startsAt: day(1) });
    expect((await db.meetings.get(m.id))?.endsAt).toBe(day(1) + hour);
    // Made shorter.
    await findOrCreateMeeting(db, { ...ref, startsAt: day(1), endsAt: day(1) + hour / 2 });
    expect((await db.meetings.get(m.id))?.endsAt).toBe(day(1) + hour / 2);
    // Moved, with no length shown: the old end would now come before the start.
    await findOrCreateMeeting(db, { ...ref, startsAt: day(2) });
    const moved = await db.meetings.get(m.id);
    expect(moved?.startsAt).toBe(day(2));
    expect(moved && "endsAt" in moved).toBe(false);
    // An end that isn't after the start is no end.
    const other = await findOrCreateMeeting(db, {
      ...ref,
      eventInstanceId: "f",
      startsAt: day(3),
      endsAt: day(3),
    });
    expect(other.endsAt).toBeUndefined();
  });

  it("starts a new meeting now when the page showed no start, and keeps it after", async () => {
    const person = await findOrCreatePerson(db, { displayName: "Lee" });
    const m = await findOrCreateMeeting(db, { personId: person.id, eventInstanceId: "x" }, 1234);
    expect(m.startsAt).toBe(1234);
    const again = await findOrCreateMeeting(db, { personId: person.id, eventInstanceId: "x" }, 9999);
    expect(again.startsAt).toBe(1234);
  });
});

describe("an event whose guest changes", () => {
  async function anaWithNotes(write: (meetingId: string, personId: string) => Promise<unknown>) {
    const ana = await findOrCreatePerson(db, { email: "ana@example.com", displayName: "Ana" });
    const bo = await findOrCreatePerson(db, { email: "bo@example.com", displayName: "Bo" });
    const meeting = await findOrCreateMeeting(db, {
      personId: ana.id,
      eventInstanceId: "series_1",
      startsAt: day(3),
    });
    await write(meeting.id, ana.id);
    return { ana, bo, meeting };
  }

  it.each([
    ["notes", (id: string) => saveMeetingNotes(db, id, "Ana's private notes")],
    [
      "an answer",
      (id: string) => db.meetings.update(id, { answers: { "monthly.make-it-a-10": "more focus" } }),
    ],
    ["a happiness score", (id: string) => db.meetings.update(id, { happiness: 8 })],
    [
      "an action item",
      (id: string, personId: string) =>
        addActionItem(db, { personId, meetingId: id, owner: "me", text: "Book offsite" }),
    ],
    [
      "an agenda item",
      (id: string, personId: string) =>
        addAgendaItem(db, { personId, meetingId: id, section: "theirs", text: "Raise" }),
    ],
    [
      "a question marked asked",
      (id: string, personId: string) =>
        setQuestionAsked(db, { personId, meetingId: id, questionId: "q1" }, true),
    ],
    [
      "feedback delivered in it",
      async (id: string, personId: string) => {
        const fb = await addFeedback(db, {
          personId,
          situation: "s",
          behavior: "b",
          impact: "i",
          request: "",
          valence: "reinforcing",
        });
        await setFeedbackDelivered(db, fb.id, id);
      },
    ],
  ])("leaves a meeting holding %s with its person and starts one for the new guest", async (_what, write) => {
    const { ana, bo, meeting } = await anaWithNotes(write);
    const forBo = await findOrCreateMeeting(db, {
      personId: bo.id,
      eventInstanceId: "series_1",
      startsAt: day(3),
    });
    expect(forBo.id).not.toBe(meeting.id);
    expect(forBo).toMatchObject({ personId: bo.id, notes: "", answers: {} });
    expect((await db.meetings.get(meeting.id))?.personId).toBe(ana.id);
    expect((await earlierPeopleOfEvent(db, "series_1", bo.id)).map((p) => p.displayName)).toEqual(["Ana"]);
    // Handed back to Ana, the event finds her meeting again.
    const back = await findOrCreateMeeting(db, {
      personId: ana.id,
      eventInstanceId: "series_1",
      startsAt: day(3),
    });
    expect(back.id).toBe(meeting.id);
    expect(await db.meetings.count()).toBe(2);
  });

  it("moves a meeting nothing was written in to the new guest, and says nothing", async () => {
    const { bo, meeting } = await anaWithNotes(async () => {});
    const forBo = await findOrCreateMeeting(
      db,
      { personId: bo.id, eventInstanceId: "series_1", startsAt: day(3) },
      meeting.updatedAt + 61_000,
    );
    expect(forBo.id).toBe(meeting.id);
    expect(forBo.personId).toBe(bo.id);
    expect(await earlierPeopleOfEvent(db, "series_1", bo.id)).toEqual([]);
    expect(await db.meetings.count()).toBe(1);
  });

  it("leaves a meeting opened a moment ago with its person: a closed page's last keystrokes may still be arriving", async () => {
    const { ana, bo, meeting } = await anaWithNotes(async () => {});
    const forBo = await findOrCreateMeeting(
      db,
      { personId: bo.id, eventInstanceId: "series_1", startsAt: day(3) },
      meeting.updatedAt + 5_000,
    );
    expect(forBo.id).not.toBe(meeting.id);
    expect((await db.meetings.get(meeting.id))?.personId).toBe(ana.id);
    // Ana's text lands where it was typed, and stays hers.
    await saveMeetingNotes(db, meeting.id, "Ana wants to move teams.");
    expect((await db.meetings.get(meeting.id))?.personId).toBe(ana.id);
    expect((await db.meetings.get(forBo.id))?.notes).toBe("");
  });

  it("takes over a meeting filed under an event's former key, notes and all", async () => {
    const person = await findOrCreatePerson(db, { displayName: "Lee" });
    const old = await findOrCreateMeeting(db, {
      personId: person.id,
      eventInstanceId: "untracked:1:1 Lee:2026-11-03",
    });
    await saveMeetingNotes(db, old.id, "kept");
    const now = await findOrCreateMeeting(db, {
      personId: person.id,
      eventInstanceId: "untracked:new-key",
      formerEventInstanceId: "untracked:1:1 Lee:2026-11-03",
    });
    expect(now).toMatchObject({ id: old.id, eventInstanceId: "untracked:new-key", notes: "kept" });
  });
});

describe("previousNotes", () => {
  it("is the latest earlier meeting that has notes", async () => {
    const { person, meetings } = await priyaWithMeetings(3, 10, 17, 24);
    const [m3, m10, m17] = meetings;
    if (!m3 || !m10 || !m17) throw new Error("no meetings");
    await saveMeetingNotes(db, m3.id, "week one");
    await saveMeetingNotes(db, m10.id, "week two");
    await saveMeetingNotes(db, m17.id, "   ");
    expect((await previousNotes(db, person.id, day(24)))?.notes).toBe("week two");
    expect((await previousNotes(db, person.id, day(10)))?.notes).toBe("week one");
    expect(await previousNotes(db, person.id, day(3))).toBeUndefined();
  });

  it("never shows another person's notes", async () => {
    const { meetings } = await priyaWithMeetings(3);
    await saveMeetingNotes(db, meetings[0]?.id ?? "", "about priya");
    const jordan = await findOrCreatePerson(db, { email: "jordan@example.com" });
    expect(await previousNotes(db, jordan.id, day(20))).toBeUndefined();
  });
});

describe("action items", () => {
  it("lists open items from every meeting with the person, oldest first, and closes them everywhere", async () => {
    const { person, meetings } = await priyaWithMeetings(3, 10);
    const [m3, m10] = meetings;
    if (!m3 || !m10) throw new Error("no meetings");
    const a = await addActionItem(
      db,
      { personId: person.id, meetingId: m3.id, owner: "me", text: " Book offsite " },
      1,
    );
    const b = await addActionItem(
      db,
      { personId: person.id, meetingId: m10.id, owner: "them", text: "Draft doc", dueAt: 5 },
      2,
    );
    expect(a.text).toBe("Book offsite");
    expect((await openActionItems(db, person.id)).map((i) => i.id)).toEqual([a.id, b.id]);
    await setActionItemDone(db, a.id, true, 50);
    expect((await openActionItems(db, person.id)).map((i) => i.id)).toEqual([b.id]);
    expect((await actionItemsAgreedIn(db, m3.id))[0]?.doneAt).toBe(50);
    await setActionItemDone(db, a.id, false);
    expect((await db.actionItems.get(a.id))?.doneAt).toBeUndefined();
  });

  it("shows an item ticked here only while it is the person's own", async () => {
    const { person, meetings } = await priyaWithMeetings(3);
    const other = await findOrCreatePerson(db, { email: "jordan@example.com" });
    const meetingId = meetings[0]?.id ?? "";
    const theirs = await addActionItem(db, { personId: other.id, meetingId, owner: "me", text: "Jordan's" });
    const mine = await addActionItem(db, { personId: person.id, meetingId, owner: "me", text: "Priya's" });
    await setActionItemDone(db, theirs.id, true);
    await setActionItemDone(db, mine.id, true);
    // Both ids asked for: only Priya's own item may show in her prep, done or not.
    expect((await openActionItems(db, person.id, [theirs.id, mine.id])).map((i) => i.text)).toEqual([
      "Priya's",
    ]);
  });

  it("lists a person's meetings in time order", async () => {
    const { person } = await priyaWithMeetings(17, 3, 10);
    expect((await meetingsOf(db, person.id)).map((m) => m.startsAt)).toEqual([day(3), day(10), day(17)]);
  });
});

describe("saveMeetingNotes", () => {
  it("fails loudly when the meeting is gone, so the editor keeps the text", async () => {
    await expect(saveMeetingNotes(db, "missing", "text")).rejects.toThrow(/no longer exists/);
  });
});

describe("open and overdue action items", () => {
  it("keeps the open flag in step with doneAt through add, update and put", async () => {
    const { person, meetings } = await priyaWithMeetings(3);
    const meetingId = meetings[0]?.id ?? "";
    const a = await addActionItem(
      db,
      { personId: person.id, meetingId, owner: "me", text: "a", dueAt: 100 },
      1,
    );
    expect((await db.actionItems.get(a.id))?.open).toBe(1);
    await setActionItemDone(db, a.id, true, 50);
    expect((await db.actionItems.get(a.id))?.open).toBeUndefined();
    await setActionItemDone(db, a.id, false);
    expect((await db.actionItems.get(a.id))?.open).toBe(1);
    const stored = await db.actionItems.get(a.id);
    if (!stored) throw new Error("missing");
    const { open: _open, ...withoutFlag } = stored;
    await db.actionItems.put({ ...withoutFlag, text: "renamed" });
    expect((await db.actionItems.get(a.id))?.open).toBe(1);
    await db.actionItems.put({ ...withoutFlag, doneAt: 70 });
    expect((await db.actionItems.get(a.id))?.open).toBeUndefined();
    await db.actionItems
      .where("id")
      .equals(a.id)
      .modify((item) => {
        delete item.doneAt;
      });
    expect((await db.actionItems.get(a.id))?.open).toBe(1);
    await db.actionItems.update(a.id, { doneAt: 90 });
    expect((await db.actionItems.get(a.id))?.open).toBeUndefined();
    // A stale flag written along with the row is put right, never kept.
    await db.actionItems.bulkPut([{ ...withoutFlag, open: 1, doneAt: 95 }]);
    expect((await db.actionItems.get(a.id))?.open).toBeUndefined();
    expect(await db.actionItems.where("[open+dueAt]").between([1, 0], [1, Infinity]).count()).toBe(0);
  });

  it("finds open items due before now through the index", async () => {
    const { person, meetings } = await priyaWithMeetings(3);
    const meetingId = meetings[0]?.id ?? "";
    const add = (text: string, owner: "me" | "them", dueAt?: number) =>
      addActionItem(db, { personId: person.id, meetingId, owner, text, ...(dueAt ? { dueAt } : {}) }, 1);
    await add("mine late", "me", 100);
    await add("theirs late", "them", 200);
    await add("mine later", "me", 5000);
    await add("no due date", "me");
    const done = await add("done late", "me", 50);
    await setActionItemDone(db, done.id, true, 60);
    expect((await openItemsDueBefore(db, 1000)).map((i) => i.text)).toEqual(["mine late", "theirs late"]);
    expect(await openItemsDueBefore(db, 100)).toEqual([]);
    expect(await nextDueAt(db, 1000)).toBe(5000);
  });
});

describe("the team's meetings for the popup", () => {
  async function team() {
    const { person: priya } = await priyaWithMeetings(1, 3, 10, 17, 24);
    const jordan = await findOrCreatePerson(db, { email: "jordan@example.com", displayName: "Jordan" });
    await findOrCreateMeeting(db, { personId: jordan.id, eventInstanceId: "j_2", startsAt: day(2) });
    const kim = await findOrCreatePerson(db, { email: "kim@example.com", displayName: "Kim" });
    await findOrCreateMeeting(db, { personId: kim.id, eventInstanceId: "k_12", startsAt: day(12) });
    await db.people.update(kim.id, { archivedAt: day(20) });
    return { priya, jordan, kim };
  }

  it("gives each person the latest meeting before the window, then every one since, in time order", async () => {
    const { priya, jordan } = await team();
    const { people, meetingsByPerson } = await cadenceHistories(db, day(10));
    expect(people.map((p) => p.displayName).sort()).toEqual(["Jordan", "Priya Raman"]);
    expect(meetingsByPerson.get(priya.id)?.map((m) => m.startsAt)).toEqual([
      day(3),
      day(10),
      day(17),
      day(24),
    ]);
    // Known from before the window, with nothing since.
    expect(meetingsByPerson.get(jordan.id)?.map((m) => m.startsAt)).toEqual([day(2)]);
  });

  it("leaves archived people out, and reads the same as one person at a time", async () => {
    const { priya } = await team();
    const { meetingsByPerson } = await cadenceHistories(db, day(1));
    expect(meetingsByPerson.size).toBe(2);
    expect(meetingsByPerson.get(priya.id)).toEqual((await meetingsOf(db, priya.id)).map(figuresOf));
  });

  it("lists people with their last and next 1:1 around now", async () => {
    const { priya, jordan } = await team();
    const listed = await peopleWithMeetings(db, day(12));
    expect(listed.find((p) => p.person.id === priya.id)).toMatchObject({ lastAt: day(10), nextAt: day(17) });
    expect(listed.find((p) => p.person.id === jordan.id)).toEqual({ person: jordan, lastAt: day(2) });
    expect(listed).toHaveLength(2);
  });
});

describe("prepMeetings", () => {
  const WEEK = 7 * 86_400_000;
  const start = Date.UTC(2025, 0, 6, 15);

  /** Forty weekly 1:1s with Priya, every fifth one skipped; the prep is for the 38th. */
  async function history() {
    const person = await findOrCreatePerson(db, { email: "priya@example.com", displayName: "Priya" });
    const meetings = [];
    for (let w = 0; w < 40; w++) {
      const m = await findOrCreateMeeting(db, {
        personId: person.id,
        eventInstanceId: `w_${w}`,
        startsAt: start + w * WEEK,
      });
      if (w % 5 === 4) await db.meetings.update(m.id, { status: "skipped" });
      if (w % 4 === 0) await db.meetings.update(m.id, { kind: "monthly" });
      meetings.push(m);
    }
    return { person, meetings, current: meetings[37] as (typeof meetings)[number] };
  }

  async function expectSamePrep(personId: string, currentId: string, itemIds: string[]) {
    const current = await db.meetings.get(currentId);
    if (!current) throw new Error("no meeting");
    const items = (await db.actionItems.bulkGet(itemIds)).flatMap((i) => (i ? [i] : []));
    const all = await meetingsOf(db, personId);
    const some = await prepMeetings(db, personId, current.startsAt, items);
    expect(some.length).toBeLessThan(all.length);
    const now = current.startsAt;
    expect(carryOverItems(items, some, current, now)).toEqual(carryOverItems(items, all, current, now));
    expect(lastMet(some, current)).toEqual(lastMet(all, current));
    const kind = (list: typeof all) =>
      chooseMeetingKind({
        startsAt: current.startsAt,
        previousMeetings: list.filter((m) => m.startsAt < now),
      });
    expect(kind(some)).toEqual(kind(all));
    return some;
  }

  it("reads back to the oldest open item's meeting, and gives the prep what all meetings would", async () => {
    const { person, meetings, current } = await history();
    const old = await addActionItem(
      db,
      { personId: person.id, meetingId: meetings[5]?.id ?? "", owner: "me", text: "Old" },
      start,
    );
    const recent = await addActionItem(
      db,
      { personId: person.id, meetingId: meetings[30]?.id ?? "", owner: "them", text: "Recent" },
      start,
    );
    const some = await expectSamePrep(person.id, current.id, [old.id, recent.id]);
    expect(some[0]?.id).toBe(meetings[5]?.id);
    expect(some.at(-1)?.id).toBe(meetings[39]?.id);
  });

  it("without open items, reads the last six that took place and the quarter", async () => {
    const { person, current } = await history();
    const some = await expectSamePrep(person.id, current.id, []);
    const before = some.filter((m) => m.startsAt < current.startsAt);
    expect(before.filter((m) => m.status !== "skipped").length).toBeGreaterThanOrEqual(6);
    const sinceQuarter = (await meetingsOf(db, person.id)).filter(
      (m) => m.startsAt >= quarterStartOf(current.startsAt),
    );
    expect(some.slice(-sinceQuarter.length)).toEqual(sinceQuarter);
  });

  it("reads back to when an item was written when its meeting is gone", async () => {
    const { person, meetings, current } = await history();
    const item = await addActionItem(
      db,
      { personId: person.id, meetingId: "gone", owner: "me", text: "Orphan" },
      (meetings[10]?.startsAt ?? 0) + 1,
    );
    const some = await expectSamePrep(person.id, current.id, [item.id]);
    // Written just after the 11th: every meeting since counts towards its age.
    expect(some[0]?.id).toBe(meetings[11]?.id);
  });
});

function quarterStartOf(at: number): number {
  const d = new Date(at);
  return new Date(d.getFullYear(), d.getMonth() - (d.getMonth() % 3), 1).getTime();
}
