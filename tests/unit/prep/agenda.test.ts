import { describe, expect, it } from "vitest";
import type { AgendaItem } from "@/lib/db";
import {
  AGENDA_NUDGE,
  AGENDA_TEXT_MAX,
  agendaNudge,
  checkAgendaText,
  meetingAgenda,
  mineOutnumberTheirs,
  openCounts,
  swapPositions,
} from "@/lib/prep";

const day = (d: number) => Date.UTC(2026, 9, d, 16);

const meetings = [
  { id: "m13", startsAt: day(13) },
  { id: "m20", startsAt: day(20) },
  { id: "m27", startsAt: day(27) },
];
const m20 = { id: "m20", personId: "p", startsAt: day(20) };

function item(id: string, extra: Partial<AgendaItem> = {}): AgendaItem {
  return { id, personId: "p", meetingId: "m20", section: "theirs", text: id, position: 0, ...extra };
}

describe("meetingAgenda", () => {
  it.each([
    ["added for this meeting", item("a"), { carried: false }],
    ["added for this meeting and discussed", item("a", { discussedAt: day(20) }), { carried: false }],
    [
      "undiscussed from an earlier meeting",
      item("a", { meetingId: "m13" }),
      { carried: true, carriedFrom: day(13) },
    ],
    ["discussed in an earlier meeting", item("a", { meetingId: "m13", discussedAt: day(13) }), undefined],
    ["added for a later meeting", item("a", { meetingId: "m27" }), undefined],
    ["added between meetings", item("a", { meetingId: undefined }), { carried: true }],
    ["from a meeting no longer on record", item("a", { meetingId: "gone" }), { carried: true }],
    ["another person's", item("a", { personId: "q", meetingId: "m13" }), undefined],
  ])("%s", (_name, row, expected) => {
    const [entry, ...rest] = meetingAgenda([row], meetings, m20);
    expect(rest).toEqual([]);
    if (expected === undefined) expect(entry).toBeUndefined();
    else expect(entry).toEqual({ item: row, ...expected });
  });

  it("orders by position, whichever meeting an item came from", () => {
    const rows = [
      item("new", { position: 3 }),
      item("old", { meetingId: "m13", position: 1 }),
      item("moved-up", { position: 0.5 }),
    ];
    expect(meetingAgenda(rows, meetings, m20).map((e) => e.item.id)).toEqual(["moved-up", "old", "new"]);
  });

  it("keeps the weekly template's section order", () => {
    const rows = [
      item("mine", { section: "mine" }),
      item("feedback", { section: "feedback" }),
      item("theirs", { position: 9 }),
      item("growth", { section: "growth" }),
    ];
    expect(meetingAgenda(rows, meetings, m20).map((e) => e.item.id)).toEqual([
      "theirs",
      "growth",
      "feedback",
      "mine",
    ]);
  });
});

describe("checkAgendaText", () => {
  it.each([
    ["  Conference budget \n", { ok: true, text: "Conference budget" }],
    ["", { ok: false, reason: "empty" }],
    [" \t\n ", { ok: false, reason: "empty" }],
    ["x".repeat(AGENDA_TEXT_MAX), { ok: true, text: "x".repeat(AGENDA_TEXT_MAX) }],
    [` ${"x".repeat(AGENDA_TEXT_MAX)} `, { ok: true, text: "x".repeat(AGENDA_TEXT_MAX) }],
    ["x".repeat(AGENDA_TEXT_MAX + 1), { ok: false, reason: "too-long" }],
  ])("%j", (text, expected) => {
    expect(checkAgendaText(text)).toMatchObject(expected);
  });

  it("says what is wrong with a long item", () => {
    const check = checkAgendaText("x".repeat(AGENDA_TEXT_MAX + 1));
    expect(check.ok ? "" : check.message).toMatch(/under 5000 characters/);
  });
});

describe("mineOutnumberTheirs", () => {
  it.each([
    [0, 0, false],
    [0, 1, false],
    [1, 0, false],
    [2, 0, true],
    [2, 1, true],
    [2, 2, false],
    [3, 2, true],
    [3, 5, false],
  ])("mine %i, theirs %i: %s", (mine, theirs, expected) => {
    expect(mineOutnumberTheirs({ mine, theirs })).toBe(expected);
  });
});

describe("agendaNudge", () => {
  const mine = (id: string, extra: Partial<AgendaItem> = {}) => item(id, { section: "mine", ...extra });
  it.each([
    ["two of mine, none of theirs", [mine("a"), mine("b")], AGENDA_NUDGE],
    ["two of mine, two of theirs", [mine("a"), mine("b"), item("c"), item("d")], undefined],
    ["discussed items do not count", [mine("a"), mine("b", { discussedAt: day(20) }), item("c")], undefined],
    [
      "their discussed items do not count either",
      [mine("a"), mine("b"), item("c", { discussedAt: day(20) })],
      AGENDA_NUDGE,
    ],
    ["carried items count", [mine("a", { meetingId: "m13" }), mine("b"), item("c")], AGENDA_NUDGE],
    [
      "growth and feedback items do not count",
      [mine("a"), mine("b"), item("c"), item("d", { section: "growth" })],
      AGENDA_NUDGE,
    ],
  ])("%s", (_name, rows, expected) => {
    expect(agendaNudge(meetingAgenda(rows, meetings, m20))).toBe(expected);
  });
});

describe("openCounts", () => {
  it("counts undiscussed items per section", () => {
    const rows = [item("a"), item("b", { discussedAt: 1 }), item("c", { section: "growth" })];
    expect(openCounts(meetingAgenda(rows, meetings, m20))).toEqual({
      theirs: 1,
      growth: 1,
      feedback: 0,
      mine: 0,
    });
  });
});

describe("swapPositions", () => {
  const ordered = [
    { id: "a", position: 0 },
    { id: "b", position: 1 },
    { id: "c", position: 1 },
  ];
  it.each([
    ["b up", "b", "up", { id: "b", position: 0, neighbour: { id: "a", position: 1 } }],
    ["a down", "a", "down", { id: "a", position: 1, neighbour: { id: "b", position: 0 } }],
    [
      "c up past an equal position",
      "c",
      "up",
      { id: "c", position: 0.5, neighbour: { id: "b", position: 1 } },
    ],
    [
      "b down past an equal position",
      "b",
      "down",
      { id: "b", position: 1.5, neighbour: { id: "c", position: 1 } },
    ],
    ["a up: already first", "a", "up", undefined],
    ["c down: already last", "c", "down", undefined],
    ["an item not shown", "x", "up", undefined],
  ] as const)("%s", (_name, id, direction, expected) => {
    expect(swapPositions(ordered, id, direction)).toEqual(expected);
  });
});
