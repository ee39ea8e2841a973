import { describe, expect, it } from "vitest";
import { groupMeetingsByPerson, teamSummary } from "@/lib/cadence";
import type { Meeting } from "@/lib/db";
import { at, heldOn, meeting, person } from "./fixtures";

// Tuesday 30 June 2026; "this month" is 1–30 June.
const NOW = at("2026-06-30T12:00:00Z");
const UTC = { timeZone: "UTC" };

describe("teamSummary: seen within cadence this month", () => {
  it.each<[string, number, Meeting[], boolean, boolean]>([
    [
      "weekly, every Monday",
      7,
      heldOn("p", ["2026-05-25", "2026-06-01", "2026-06-08", "2026-06-15", "2026-06-22", "2026-06-29"]),
      true,
      false,
    ],
    [
      "weekly, a two-week gap mid-month",
      7,
      heldOn("p", ["2026-05-25", "2026-06-01", "2026-06-15", "2026-06-22", "2026-06-29"]),
      false,
      false,
    ],
    [
      "weekly, a gap that starts last month and ends in time",
      7,
      heldOn("p", ["2026-05-28", "2026-06-04", "2026-06-11", "2026-06-18", "2026-06-25"]),
      true,
      false,
    ],
    [
      "weekly, a gap from last month already too long on the 1st",
      7,
      heldOn("p", ["2026-05-20", "2026-06-03", "2026-06-10", "2026-06-17", "2026-06-24"]),
      false,
      false,
    ],
    ["every two weeks, on time", 14, heldOn("p", ["2026-05-25", "2026-06-08", "2026-06-22"]), true, false],
    [
      "first met on the 20th: the days before cost nothing",
      7,
      heldOn("p", ["2026-06-20", "2026-06-27"]),
      true,
      false,
    ],
    ["first met on the 10th, not since", 7, heldOn("p", ["2026-06-10"]), false, true],
    ["no 1:1 on record: nothing to be late for", 7, [], true, false],
  ])("%s", (_name, cadenceDays, meetings, within, overdue) => {
    const summary = teamSummary([person("p", cadenceDays)], { p: meetings }, NOW, UTC);
    expect(summary.withinCadenceThisMonth).toBe(within ? 1 : 0);
    expect(summary.overduePeople).toEqual(overdue ? ["p"] : []);
  });

  it("counts the team and the share", () => {
    const people = [
      person("a"),
      person("b"),
      person("c"),
      person("gone", 7, { archivedAt: at("2026-01-01T00:00:00Z") }),
    ];
    const meetings = [
      ...heldOn("a", ["2026-05-25", "2026-06-01", "2026-06-08", "2026-06-15", "2026-06-22", "2026-06-29"]),
      ...heldOn("b", ["2026-05-25", "2026-06-01", "2026-06-15", "2026-06-22", "2026-06-29"]),
      ...heldOn("c", ["2026-06-10"]),
      ...heldOn("gone", ["2025-12-01"]),
    ];
    const summary = teamSummary(people, groupMeetingsByPerson(meetings), NOW, UTC);
    expect(summary).toMatchObject({
      people: 3,
      withinCadenceThisMonth: 1,
      shareWithinCadence: 1 / 3,
      overduePeople: ["c"],
    });
    expect(summary.perPerson.map((s) => s.personId)).toEqual(["a", "b", "c"]);
  });

  it("has no share for an empty team", () => {
    expect(teamSummary([], {}, NOW, UTC)).toEqual({
      people: 0,
      withinCadenceThisMonth: 0,
      shareWithinCadence: undefined,
      overduePeople: [],
      perPerson: [],
    });
  });

  it("lists the longest overdue first, then by name", () => {
    const people = [
      person("zoe", 7, { displayName: "Zoe" }),
      person("amy", 7, { displayName: "Amy" }),
      person("max", 14, { displayName: "Max" }),
      person("ok", 7, { displayName: "Ok" }),
    ];
    const meetings = groupMeetingsByPerson([
      ...heldOn("zoe", ["2026-06-15"]), // due 22 June
      ...heldOn("amy", ["2026-06-15"]), // due 22 June
      ...heldOn("max", ["2026-06-01"]), // due 15 June
      ...heldOn("ok", ["2026-06-29"]),
    ]);
    expect(teamSummary(people, meetings, NOW, UTC).overduePeople).toEqual(["max", "amy", "zoe"]);
  });
});

describe("teamSummary: time zones decide the month", () => {
  // 31 March 23:30 UTC is still March in Los Angeles, already 1 April in Tokyo and Berlin.
  const now = at("2026-03-31T23:30:00Z");
  const people = [
    person("a", 7, { displayName: "Ada" }),
    person("b", 7, { displayName: "Bea" }),
    person("e", 7, { displayName: "Eli" }),
  ];
  const meetings = groupMeetingsByPerson([
    // A had a gap of 11 days in March, but was seen two days before April.
    ...["2026-02-22", "2026-03-01", "2026-03-12", "2026-03-30"].map((d) => meeting("a", `${d}T12:00:00Z`)),
    // B was last seen 24 March: 7 days before 31 March, 8 before 1 April.
    ...["2026-03-17", "2026-03-24"].map((d) => meeting("b", `${d}T12:00:00Z`)),
    // E's last 1:1, 24 March 18:00 UTC, is already 25 March in Tokyo.
    ...["2026-03-17", "2026-03-24"].map((d) => meeting("e", `${d}T18:00:00Z`)),
  ]);

  it.each([
    ["America/Los_Angeles", 2, []],
    ["Asia/Tokyo", 2, ["b"]],
    ["Europe/Berlin", 1, ["b", "e"]],
  ])("%s: %i within cadence, overdue %j", (timeZone, within, overdue) => {
    const summary = teamSummary(people, meetings, now, { timeZone });
    expect(summary.withinCadenceThisMonth).toBe(within);
    expect(summary.overduePeople).toEqual(overdue);
  });
});

describe("teamSummary: average happiness", () => {
  it("averages each person's latest reading of the last 90 days", () => {
    const people = [
      person("p1"),
      person("p2"),
      person("p3"),
      person("p4", 7, { archivedAt: 1 }),
      person("p5"),
    ];
    const meetings = groupMeetingsByPerson([
      meeting("p1", "2026-06-01T10:00:00Z", "held", { happiness: 6 }),
      meeting("p1", "2026-06-29T10:00:00Z", "held", { happiness: 8 }),
      meeting("p1", "2026-06-29T15:00:00Z", "held"),
      meeting("p2", "2026-05-04T10:00:00Z", "held", { happiness: 3 }),
      meeting("p3", "2026-03-01T10:00:00Z", "held", { happiness: 10 }),
      meeting("p4", "2026-06-29T10:00:00Z", "held", { happiness: 1 }),
      meeting("p5", "2026-07-06T10:00:00Z", "planned", { happiness: 2 }),
    ]);
    expect(teamSummary(people, meetings, NOW, UTC).averageHappiness).toBe((8 + 3) / 2);
  });

  it.each([
    ["89 days ago", "2026-04-02", 4],
    ["90 days ago", "2026-04-01", undefined],
  ])("a reading %s (%s) gives %s", (_name, date, expected) => {
    const meetings = { p: [meeting("p", `${date}T10:00:00Z`, "held", { happiness: 4 })] };
    expect(teamSummary([person("p")], meetings, NOW, UTC).averageHappiness).toBe(expected);
  });

  it("accepts meetings grouped in a Map or a plain object", () => {
    const list = [meeting("p", "2026-06-29T10:00:00Z", "held", { happiness: 7 })];
    expect(teamSummary([person("p")], new Map([["p", list]]), NOW, UTC).averageHappiness).toBe(7);
    expect(teamSummary([person("p")], { p: list }, NOW, UTC).averageHappiness).toBe(7);
  });
});
