import { describe, expect, it } from "vitest";
import type { ActionItem, Meeting } from "@/lib/db";
import { carryOverItems, lastMet } from "@/lib/prep";

const day = (d: number) => Date.UTC(2026, 10, d, 15);

function meeting(id: string, d: number, status: Meeting["status"] = "held"): Meeting {
  return {
    id,
    personId: "p",
    eventInstanceId: id,
    startsAt: day(d),
    kind: "weekly",
    status,
    notes: "",
    answers: {},
    updatedAt: 0,
  };
}

function item(
  id: string,
  meetingId: string,
  createdDay: number,
  extra: Partial<ActionItem> = {},
): ActionItem {
  return { id, personId: "p", meetingId, owner: "me", text: id, createdAt: day(createdDay), ...extra };
}

describe("lastMet", () => {
  const meetings = [
    meeting("m3", 3),
    meeting("m10", 10, "cancelled"),
    meeting("m17", 17),
    meeting("m24", 24),
  ];
  it.each([
    ["first meeting", "m3", 3, undefined],
    ["skips a cancelled meeting", "m17", 17, "m3"],
    ["the one just before", "m24", 24, "m17"],
    ["a meeting not yet saved", "new", 30, "m24"],
  ])("%s", (_name, id, d, expected) => {
    expect(lastMet(meetings, { id, startsAt: day(d) })?.id).toBe(expected);
  });
});

describe("carryOverItems", () => {
  const meetings = [meeting("m3", 3), meeting("m10", 10), meeting("m17", 17, "skipped"), meeting("m24", 24)];

  it("counts the meetings an item has stayed open, skipped ones excluded", () => {
    const carried = carryOverItems([item("a", "m3", 3)], meetings, { id: "m24", startsAt: day(24) }, day(24));
    expect(carried).toHaveLength(1);
    expect(carried[0]).toMatchObject({ openSince: day(3), meetingsOpen: 2, overdue: false });
  });

  const m24 = { id: "m24", startsAt: day(24) };
  it.each([
    ["agreed in this meeting", item("b", "m24", 24), m24, 0],
    ["already done", item("c", "m3", 3, { doneAt: day(5) }), m24, 0],
    ["agreed in a later meeting", item("d", "m24", 24), { id: "m10", startsAt: day(10) }, 0],
    ["agreed earlier", item("e", "m10", 10), m24, 1],
  ])("%s", (_name, actionItem, current, expected) => {
    expect(carryOverItems([actionItem], meetings, current, day(24))).toHaveLength(expected);
  });

  it("marks an item past its due date as overdue", () => {
    const carried = carryOverItems(
      [item("a", "m3", 3, { dueAt: day(20) }), item("b", "m3", 3, { dueAt: day(30) })],
      meetings,
      { id: "m24", startsAt: day(24) },
      day(24),
    );
    expect(carried.map((c) => c.overdue)).toEqual([true, false]);
  });

  it("lists the oldest first", () => {
    const carried = carryOverItems(
      [item("late", "m10", 10), item("early", "m3", 3)],
      meetings,
      { id: "m24", startsAt: day(24) },
      day(24),
    );
    expect(carried.map((c) => c.item.id)).toEqual(["early", "late"]);
  });
});
