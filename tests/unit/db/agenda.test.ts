import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  addAgendaItem,
  agendaFor,
  findOrCreateMeeting,
  findOrCreatePerson,
  type Meeting,
  markAgendaItemDiscussed,
  moveAgendaItem,
  PrepDatabase,
  removeAgendaItem,
  unmarkAgendaItemDiscussed,
} from "@/lib/db";

let db: PrepDatabase;
let n = 0;

beforeEach(async () => {
  db = new PrepDatabase(`agenda-test-${++n}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

const day = (d: number) => Date.UTC(2026, 9, d, 16);

/** The person and one meeting per day given, in the same order. */
async function personWithMeetings<const D extends readonly number[]>(email: string, ...days: D) {
  const person = await findOrCreatePerson(db, { email });
  const meetings: Meeting[] = [];
  for (const d of days) {
    meetings.push(
      await findOrCreateMeeting(db, {
        personId: person.id,
        eventInstanceId: `${email}_${d}`,
        startsAt: day(d),
      }),
    );
  }
  return { person, meetings: meetings as { [K in keyof D]: Meeting } };
}

async function texts(meeting: { id: string; personId: string; startsAt: number }) {
  return (await agendaFor(db, meeting)).map((e) => e.item.text);
}

describe("addAgendaItem", () => {
  it("trims the text and appends to the end of its section", async () => {
    const {
      person,
      meetings: [m],
    } = await personWithMeetings("priya@example.com", 13);
    const add = (section: "theirs" | "mine", text: string) =>
      addAgendaItem(db, { personId: person.id, meetingId: m.id, section, text });
    const first = await add("theirs", "  On-call rota  ");
    const mine = await add("mine", "Reorg news");
    const second = await add("theirs", "Conference budget");
    expect(first).toMatchObject({ text: "On-call rota", position: 0, meetingId: m.id, section: "theirs" });
    expect(first.discussedAt).toBeUndefined();
    expect(mine.position).toBe(0);
    expect(second.position).toBe(1);
    expect(await texts(m)).toEqual(["On-call rota", "Conference budget", "Reorg news"]);
  });

  it.each([
    ["empty", "   "],
    ["too long", "x".repeat(5001)],
  ])("refuses %s text and writes nothing", async (_name, text) => {
    const {
      person,
      meetings: [m13],
    } = await personWithMeetings("priya@example.com", 13);
    await expect(
      addAgendaItem(db, { personId: person.id, meetingId: m13.id, section: "theirs", text }),
    ).rejects.toThrow(/Write the item first|under 5000 characters/);
    expect(await db.agendaItems.count()).toBe(0);
  });

  it("places a new item after a carried one in the same section", async () => {
    const {
      person,
      meetings: [m13, m20],
    } = await personWithMeetings("priya@example.com", 13, 20);
    await addAgendaItem(db, { personId: person.id, meetingId: m13.id, section: "theirs", text: "Old" });
    await addAgendaItem(db, { personId: person.id, meetingId: m20.id, section: "theirs", text: "New" });
    expect(await texts(m20)).toEqual(["Old", "New"]);
  });
});

describe("carry-over", () => {
  it("shows undiscussed items of earlier meetings, not discussed ones, not later ones, not other people's", async () => {
    const {
      person,
      meetings: [m13, m20, m27],
    } = await personWithMeetings("priya@example.com", 13, 20, 27);
    const {
      person: jordan,
      meetings: [jordans14],
    } = await personWithMeetings("jordan@example.com", 14);
    const add = (meetingId: string, text: string, personId = person.id) =>
      addAgendaItem(db, { personId, meetingId, section: "theirs", text });
    await add(m13.id, "Undiscussed");
    const discussed = await add(m13.id, "Discussed");
    await markAgendaItemDiscussed(db, discussed.id, m13.id, day(13));
    await add(m27.id, "For later");
    await add(jordans14.id, "Jordan's", jordan.id);
    await add(m20.id, "This week");

    const agenda = await agendaFor(db, m20);
    expect(agenda.map((e) => [e.item.text, e.carried, e.carriedFrom])).toEqual([
      ["Undiscussed", true, day(13)],
      ["This week", false, undefined],
    ]);
    // The earlier meeting still shows what was discussed there, and what was not.
    expect(await texts(m13)).toEqual(["Undiscussed", "Discussed"]);
    // Positions follow the order of writing, whichever meeting an item was written for.
    expect(await texts(m27)).toEqual(["Undiscussed", "For later", "This week"]);
  });

  it("moves a carried item to the meeting where it was discussed, and back on undo", async () => {
    const {
      person,
      meetings: [m13, m20, m27],
    } = await personWithMeetings("priya@example.com", 13, 20, 27);
    const row = await addAgendaItem(db, {
      personId: person.id,
      meetingId: m13.id,
      section: "mine",
      text: "Budget",
    });

    const before = await markAgendaItemDiscussed(db, row.id, m20.id, day(20));
    expect(before).toEqual({ meetingId: m13.id });
    expect(await db.agendaItems.get(row.id)).toMatchObject({ meetingId: m20.id, discussedAt: day(20) });
    expect(await texts(m13)).toEqual([]);
    expect(await agendaFor(db, m20)).toMatchObject([
      { item: { text: "Budget", discussedAt: day(20) }, carried: false },
    ]);
    expect(await texts(m27)).toEqual([]);

    await unmarkAgendaItemDiscussed(db, row.id, before);
    const undone = await db.agendaItems.get(row.id);
    expect(undone).toMatchObject({ meetingId: m13.id });
    expect(undone && "discussedAt" in undone).toBe(false);
    expect(await agendaFor(db, m20)).toMatchObject([{ carried: true, carriedFrom: day(13) }]);
  });

  it("unticks an item in place when there is nothing to go back to", async () => {
    const {
      person,
      meetings: [m13],
    } = await personWithMeetings("priya@example.com", 13);
    const row = await addAgendaItem(db, {
      personId: person.id,
      meetingId: m13.id,
      section: "theirs",
      text: "A",
    });
    await markAgendaItemDiscussed(db, row.id, m13.id, day(13));
    await unmarkAgendaItemDiscussed(db, row.id);
    const [entry, ...rest] = await agendaFor(db, m13);
    expect(rest).toEqual([]);
    expect(entry?.item.meetingId).toBe(m13.id);
    expect(entry?.item.discussedAt).toBeUndefined();
  });

  it("refuses to tick an item that is gone", async () => {
    await expect(markAgendaItemDiscussed(db, "missing", "m", day(1))).rejects.toThrow(/no longer exists/);
  });
});

describe("removeAgendaItem and moveAgendaItem", () => {
  it("removes an item from every meeting it showed in", async () => {
    const {
      person,
      meetings: [m13, m20],
    } = await personWithMeetings("priya@example.com", 13, 20);
    const row = await addAgendaItem(db, {
      personId: person.id,
      meetingId: m13.id,
      section: "theirs",
      text: "A",
    });
    await removeAgendaItem(db, row.id);
    expect(await texts(m13)).toEqual([]);
    expect(await texts(m20)).toEqual([]);
  });

  it("moves an item up and down within its section", async () => {
    const {
      person,
      meetings: [m13],
    } = await personWithMeetings("priya@example.com", 13);
    for (const text of ["A", "B", "C"])
      await addAgendaItem(db, { personId: person.id, meetingId: m13.id, section: "growth", text });
    const shown = async () => (await agendaFor(db, m13)).map((e) => e.item);
    const idOf = async (text: string) => (await shown()).find((i) => i.text === text)?.id ?? "";

    await moveAgendaItem(db, await shown(), await idOf("C"), "up");
    expect(await texts(m13)).toEqual(["A", "C", "B"]);
    await moveAgendaItem(db, await shown(), await idOf("A"), "down");
    expect(await texts(m13)).toEqual(["C", "A", "B"]);
    await moveAgendaItem(db, await shown(), await idOf("C"), "up");
    expect(await texts(m13)).toEqual(["C", "A", "B"]);
  });
});
