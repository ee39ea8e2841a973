import { describe, expect, it } from "vitest";
import type { Meeting } from "@/lib/db";
import { chooseMeetingKind, kindNamedIn, type MeetingKindRules, type PastMeeting } from "@/lib/templates";

// Local time throughout: month boundaries are the user's calendar.
const at = (m: number, d: number, h = 10, y = 2026) => new Date(y, m - 1, d, h).getTime();
const past = (
  m: number,
  d: number,
  kind: Meeting["kind"],
  status: Meeting["status"] = "held",
  h = 10,
): PastMeeting => ({ startsAt: at(m, d, h), kind, status });

const off: MeetingKindRules = { monthlyDeepDive: "off", careerEvery: "off" };
const monthlyOnly: MeetingKindRules = { monthlyDeepDive: "first-of-month", careerEvery: "off" };
const careerOnly: MeetingKindRules = { monthlyDeepDive: "off", careerEvery: "quarter" };

// Q4 2026: October is its first month, November its second, December its third.
const octoberDone = [
  past(10, 6, "monthly"),
  past(10, 13, "weekly"),
  past(10, 20, "weekly"),
  past(10, 27, "weekly"),
];

describe("chooseMeetingKind", () => {
  it.each<[string, number, PastMeeting[], MeetingKindRules | undefined, string]>([
    ["first 1:1 of the quarter's first month", at(10, 6), [past(9, 29, "weekly")], undefined, "monthly"],
    ["the very first 1:1 on record is a weekly one", at(10, 6), [], undefined, "weekly"],
    [
      "one that never happened doesn't make the next the second",
      at(10, 13),
      [past(10, 6, "weekly", "cancelled")],
      undefined,
      "weekly",
    ],
    ["second 1:1 of that month", at(10, 13), [past(10, 6, "monthly")], undefined, "weekly"],
    [
      "the deep dive was cancelled, so the next 1:1 takes it",
      at(10, 13),
      [past(9, 29, "weekly"), past(10, 6, "monthly", "cancelled")],
      undefined,
      "monthly",
    ],
    [
      "a skipped deep dive passes on too",
      at(10, 13),
      [past(9, 29, "weekly"), past(10, 6, "monthly", "skipped")],
      undefined,
      "monthly",
    ],
    [
      "a planned one not yet marked held still counts",
      at(10, 13),
      [past(10, 6, "monthly", "planned")],
      undefined,
      "weekly",
    ],
    ["an ad hoc 1:1 is not the month's deep dive", at(10, 6), [past(10, 2, "adhoc")], undefined, "monthly"],
    ["first 1:1 of the second month: career", at(11, 3), octoberDone, undefined, "career"],
    [
      "after the career conversation: weekly for the rest of the month",
      at(11, 10),
      [...octoberDone, past(11, 3, "career")],
      undefined,
      "weekly",
    ],
    [
      "a skipped career conversation rolls to the next 1:1",
      at(11, 10),
      [...octoberDone, past(11, 3, "career", "skipped")],
      undefined,
      "career",
    ],
    [
      "third month after a career conversation: monthly",
      at(12, 1),
      [...octoberDone, past(11, 3, "career")],
      undefined,
      "monthly",
    ],
    [
      "third month, career still missing this quarter: career",
      at(12, 1),
      [...octoberDone, past(11, 3, "weekly")],
      undefined,
      "career",
    ],
    [
      "a career conversation last quarter does not count",
      at(11, 3),
      [past(8, 4, "career"), ...octoberDone],
      undefined,
      "career",
    ],
    [
      "a career conversation held early this quarter counts",
      at(11, 3),
      [past(10, 6, "career"), past(10, 13, "weekly")],
      undefined,
      "monthly",
    ],
    [
      "new quarter: its first month is monthly again",
      at(1, 5, 10, 2027),
      [...octoberDone, past(11, 3, "career"), past(12, 1, "monthly")],
      undefined,
      "monthly",
    ],
    [
      "later meetings are ignored",
      at(10, 6),
      [past(9, 29, "weekly"), past(10, 20, "monthly")],
      undefined,
      "monthly",
    ],
    ["career off: the second month is monthly", at(11, 3), octoberDone, monthlyOnly, "monthly"],
    ["monthly off: first month is weekly", at(10, 6), [], careerOnly, "weekly"],
    ["monthly off: career still happens", at(11, 3), octoberDone, careerOnly, "career"],
    ["the first 1:1 on record is never the career talk", at(11, 3), [], careerOnly, "weekly"],
    ["the first 1:1 on record is not the deep dive either", at(11, 3), [], undefined, "weekly"],
    [
      "the career talk rolls to the 1:1 after the first",
      at(11, 10),
      [past(11, 3, "weekly")],
      undefined,
      "career",
    ],
    [
      "monthly off: weekly after the career conversation",
      at(11, 10),
      [past(11, 3, "career")],
      careerOnly,
      "weekly",
    ],
    ["both off: always weekly", at(11, 3), [], off, "weekly"],
  ])("%s", (_name, startsAt, previousMeetings, rules, expected) => {
    expect(chooseMeetingKind({ startsAt, previousMeetings, rules })).toBe(expected);
  });

  it("uses local midnight for month boundaries", () => {
    const lateOctober = at(10, 31, 23);
    const earlyNovember = at(11, 1, 0);
    const history = [past(10, 1, "monthly", "held", 0), past(10, 2, "career")];
    expect(chooseMeetingKind({ startsAt: lateOctober, previousMeetings: history })).toBe("weekly");
    expect(chooseMeetingKind({ startsAt: earlyNovember, previousMeetings: history })).toBe("monthly");
  });

  it("accepts a Date and ignores a meeting at the very same time", () => {
    const startsAt = new Date(2026, 9, 6, 10);
    const september = past(9, 29, "weekly");
    expect(chooseMeetingKind({ startsAt, previousMeetings: [september, past(10, 6, "monthly")] })).toBe(
      "monthly",
    );
  });

  it("falls back to weekly for an invalid date", () => {
    expect(chooseMeetingKind({ startsAt: Number.NaN, previousMeetings: [] })).toBe("weekly");
  });

  it("gives each month one deep dive across a year of weekly 1:1s", () => {
    // Met once in December: the year's first 1:1 is not the first on record.
    const history: PastMeeting[] = [past(12, 29, "weekly", "held", 10)].map((m) => ({
      ...m,
      startsAt: new Date(2025, 11, 29, 10).getTime(),
    }));
    const start = new Date(2026, 0, 5, 10);
    for (let week = 0; week < 52; week++) {
      const startsAt = new Date(
        start.getFullYear(),
        start.getMonth(),
        start.getDate() + week * 7,
        10,
      ).getTime();
      history.push({
        startsAt,
        kind: chooseMeetingKind({ startsAt, previousMeetings: history }),
        status: "held",
      });
    }
    const byMonth = new Map<number, string[]>();
    for (const m of history.slice(1)) {
      const month = new Date(m.startsAt).getMonth();
      byMonth.set(month, [...(byMonth.get(month) ?? []), m.kind]);
    }
    for (const [month, kinds] of byMonth) {
      const expected = month % 3 === 1 ? "career" : "monthly";
      expect(kinds[0], `month ${month}`).toBe(expected);
      expect(kinds.slice(1).every((k) => k === "weekly")).toBe(true);
    }
  });
});

describe("a title that says what the meeting is", () => {
  it.each([
    ["Career conversation: Priya / Sam", "career"],
    ["Promotion talk — Jordan", "career"],
    ["Karrieregespräch? no: Karriere & Laufbahn mit Jonas", "career"],
    ["Évolution professionnelle : Léa", "career"],
    ["Desarrollo profesional con Ana", "career"],
    ["Monthly 1:1 Ana / Sam", "monthly"],
    ["1:1 deep dive", "monthly"],
    ["Monatlich: Jonas / Sam", "monthly"],
    ["Point mensuel Léa", "monthly"],
    ["Reunión mensual con Ana", "monthly"],
  ])("%s → %s", (title, kind) => {
    expect(kindNamedIn(title)).toBe(kind);
  });

  it.each(["1:1 Priya / Sam", "Weekly 1:1", "Promotions team sync", "Careers page review", "Monthlybudget"])(
    "names no kind: %s",
    (title) => {
      expect(kindNamedIn(title)).toBeUndefined();
    },
  );

  it("picks that kind over the month's and quarter's rotation, first meeting or not", () => {
    expect(
      chooseMeetingKind({ startsAt: at(10, 13), title: "Career conversation", previousMeetings: [] }),
    ).toBe("career");
    expect(
      chooseMeetingKind({ startsAt: at(10, 20), title: "Monthly 1:1", previousMeetings: octoberDone }),
    ).toBe("monthly");
    expect(chooseMeetingKind({ startsAt: at(10, 20), title: "Sync", previousMeetings: octoberDone })).toBe(
      "weekly",
    );
  });
});
