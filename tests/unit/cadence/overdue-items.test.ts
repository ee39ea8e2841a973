import { describe, expect, it } from "vitest";
import {
  badgeText,
  badgeTooltip,
  type OverdueForPerson,
  overdueByPerson,
  overdueCount,
  overdueItems,
} from "@/lib/cadence";
import { at, item, person } from "./fixtures";

const NOW = at("2026-06-30T12:00:00Z");

describe("overdueItems and overdueCount", () => {
  const items = [
    item({ id: "mine-late", dueAt: at("2026-06-20T23:59:59Z") }),
    item({ id: "theirs-late", owner: "them", dueAt: at("2026-06-25T23:59:59Z") }),
    item({ id: "mine-oldest", dueAt: at("2026-06-01T23:59:59Z") }),
    item({ id: "done", dueAt: at("2026-06-29T23:59:59Z"), doneAt: at("2026-07-01T09:00:00Z") }),
    item({ id: "future", dueAt: at("2026-07-02T23:59:59Z") }),
    item({ id: "no-due-date" }),
    item({ id: "due-now", dueAt: NOW }),
    item({ id: "theirs-done", owner: "them", dueAt: at("2026-06-01T23:59:59Z"), doneAt: NOW }),
  ];

  it.each([
    ["all", ["mine-oldest", "mine-late", "theirs-late"]],
    ["mine", ["mine-oldest", "mine-late"]],
  ] as const)("%s: the longest overdue first", (scope, ids) => {
    expect(overdueItems(items, NOW, scope).map((i) => i.id)).toEqual(ids);
    expect(overdueCount(items, NOW, scope)).toBe(ids.length);
  });

  it("counts everyone's items by default", () => {
    expect(overdueCount(items, NOW)).toBe(3);
  });
});

describe("overdueByPerson", () => {
  const people = [
    person("p1", 7, { displayName: "Priya Raman" }),
    person("p2", 7, { displayName: "Jordan Kim" }),
    person("p3", 7, { displayName: "Alex Chen", archivedAt: 1 }),
  ];
  it.each<[string, string[], OverdueForPerson[]]>([
    ["none", [], []],
    [
      "most first, ties by name, archived people included",
      ["p2", "p1", "p3", "p1"],
      [
        { personId: "p1", displayName: "Priya Raman", count: 2 },
        { personId: "p3", displayName: "Alex Chen", count: 1 },
        { personId: "p2", displayName: "Jordan Kim", count: 1 },
      ],
    ],
    ["a person who is gone", ["x"], [{ personId: "x", displayName: "Unknown person", count: 1 }]],
  ])("%s", (_name, personIds, expected) => {
    const items = personIds.map((personId) => item({ personId, dueAt: 0 }));
    expect(overdueByPerson(items, people)).toEqual(expected);
  });
});

describe("badge", () => {
  it.each([
    [0, ""],
    [-1, ""],
    [Number.NaN, ""],
    [1, "1"],
    [42, "42"],
    [99, "99"],
    [100, "99+"],
    [1234, "99+"],
  ])("%d → %j", (count, text) => {
    expect(badgeText(count)).toBe(text);
  });

  const line = (displayName: string, count: number): OverdueForPerson => ({
    personId: displayName,
    displayName,
    count,
  });
  it.each<[string, OverdueForPerson[], string]>([
    ["nothing overdue", [], "1:1 Prep — no overdue action items. Nice follow-through!"],
    ["one item", [line("Jordan Kim", 1)], "1:1 Prep — 1 overdue action item\nJordan Kim: 1"],
    [
      "several people",
      [line("Priya Raman", 2), line("Jordan Kim", 1)],
      "1:1 Prep — 3 overdue action items\nPriya Raman: 2\nJordan Kim: 1",
    ],
    [
      "more people than lines",
      Array.from({ length: 12 }, (_, i) => line(`P${i + 1}`, 1)),
      [
        "1:1 Prep — 12 overdue action items",
        ...Array.from({ length: 10 }, (_, i) => `P${i + 1}: 1`),
        "and 2 more people",
      ].join("\n"),
    ],
  ])("tooltip: %s", (_name, byPerson, expected) => {
    expect(badgeTooltip(byPerson)).toBe(expected);
  });
});
