import { describe, expect, it } from "vitest";
import {
  type AskedQuestion,
  type MeetingRef,
  type Question,
  type QuestionInput,
  questionBank,
  ROTATION_MEETINGS,
  suggestQuestions,
} from "@/lib/questions";

const week = 7 * 24 * 60 * 60 * 1000;
const t0 = Date.UTC(2026, 0, 5, 15);

/** Weekly meetings m1..mN, oldest first. */
function meetings(n: number): MeetingRef[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `m${i + 1}`,
    startsAt: t0 + i * week,
    status: "held" as const,
  }));
}

function askedIn(meeting: MeetingRef, ...questionIds: string[]): AskedQuestion[] {
  return questionIds.map((questionId) => ({
    questionId,
    meetingId: meeting.id,
    askedAt: meeting.startsAt + 60_000,
  }));
}

const ids = (qs: readonly Question[]) => qs.map((q) => q.id);

const small: QuestionInput[] = [
  { id: "a1", purpose: "blockers", text: "What is in your way?" },
  { id: "a2", purpose: "blockers", text: "What slows you down?" },
  { id: "b1", purpose: "growth", text: "What are you learning?" },
  { id: "b2", purpose: "growth", text: "What do you want to learn?" },
  { id: "c1", purpose: "career", text: "Where are you heading?" },
  { id: "c2", purpose: "career", text: "What energizes you?" },
];

describe("suggestQuestions", () => {
  it("suggests three questions by default, from three different purposes", () => {
    const out = suggestQuestions({
      bank: questionBank,
      asked: [],
      meetingsWithPerson: [],
      seed: "meeting-1",
    });
    expect(out).toHaveLength(3);
    expect(new Set(out.map((q) => q.purpose)).size).toBe(3);
  });

  it("spreads purposes across meetings too", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 40; i++) {
      for (const q of suggestQuestions({
        bank: questionBank,
        asked: [],
        meetingsWithPerson: [],
        seed: `m${i}`,
      })) {
        seen.add(q.purpose);
      }
    }
    expect(seen.size).toBe(7);
  });

  it("is deterministic for a seed and varies between seeds", () => {
    const input = { bank: questionBank, asked: [], meetingsWithPerson: meetings(3) };
    const a = suggestQuestions({ ...input, seed: "evt-42" });
    expect(suggestQuestions({ ...input, seed: "evt-42" })).toEqual(a);
    const others = ["evt-1", "evt-2", "evt-3", "evt-4"].map((seed) =>
      ids(suggestQuestions({ ...input, seed })),
    );
    expect(others.some((o) => o.join() !== ids(a).join())).toBe(true);
  });

  it("does not depend on the order rows arrive in", () => {
    const ms = meetings(8);
    const asked = ms.flatMap((m, i) => askedIn(m, questionBank[i]?.id ?? ""));
    const a = suggestQuestions({ bank: questionBank, asked, meetingsWithPerson: ms, seed: "s" });
    const b = suggestQuestions({
      bank: questionBank,
      asked: [...asked].reverse(),
      meetingsWithPerson: [...ms].reverse(),
      seed: "s",
    });
    expect(ids(b)).toEqual(ids(a));
  });

  it("never brings back anything asked in the person's last six meetings", () => {
    const ms = meetings(20);
    const asked: AskedQuestion[] = [];
    for (const [i, m] of ms.entries()) {
      const shown = suggestQuestions({
        bank: questionBank,
        asked,
        meetingsWithPerson: ms.slice(0, i),
        seed: m.id,
      });
      const recent = new Set(
        asked.filter((a) =>
          ms.slice(Math.max(0, i - ROTATION_MEETINGS), i).some((r) => r.id === a.meetingId),
        ),
      );
      for (const q of shown) expect([...recent].map((a) => a.questionId)).not.toContain(q.id);
      asked.push(...askedIn(m, ...ids(shown)));
    }
  });

  it("lets a question asked seven meetings ago come back", () => {
    const ms = meetings(7);
    const first = ms[0] as MeetingRef;
    // Everything but a1 was asked in the last six meetings; a1 only seven meetings ago.
    const asked = [
      ...askedIn(first, "a1"),
      ...ms.slice(1).flatMap((m, i) => askedIn(m, small[(i % 5) + 1]?.id ?? "")),
    ];
    const out = suggestQuestions({ bank: small, asked, meetingsWithPerson: ms, seed: "x", count: 1 });
    expect(ids(out)).toEqual(["a1"]);
  });

  it("keeps a question asked six meetings ago out while others remain", () => {
    const ms = meetings(6);
    const asked = askedIn(ms[0] as MeetingRef, "a1");
    for (const seed of ["1", "2", "3", "4", "5", "6", "7", "8"]) {
      const out = suggestQuestions({ bank: small, asked, meetingsWithPerson: ms, seed, count: 5 });
      expect(ids(out)).not.toContain("a1");
    }
  });

  it("does not count cancelled or skipped meetings towards the six", () => {
    const ms = meetings(8);
    const first = ms[0] as MeetingRef;
    const withGaps = ms.map((m, i) => (i === 3 || i === 5 ? { ...m, status: "cancelled" as const } : m));
    const asked = askedIn(first, "a1");
    // m1 is seven meetings ago by the calendar, but only five held meetings ago.
    for (const seed of ["1", "2", "3", "4", "5"]) {
      const out = suggestQuestions({ bank: small, asked, meetingsWithPerson: withGaps, seed, count: 5 });
      expect(ids(out)).not.toContain("a1");
    }
  });

  it("prefers questions never asked over those asked long ago", () => {
    const ms = meetings(10);
    const asked = askedIn(ms[0] as MeetingRef, "a1", "b1", "c1");
    const out = suggestQuestions({ bank: small, asked, meetingsWithPerson: ms, seed: "s", count: 3 });
    expect(ids(out).sort()).toEqual(["a2", "b2", "c2"]);
  });

  it("falls back to the least recently asked when everything was asked lately", () => {
    const ms = meetings(6);
    const asked = [
      ...askedIn(ms[0] as MeetingRef, "c2"),
      ...askedIn(ms[1] as MeetingRef, "b1"),
      ...askedIn(ms[2] as MeetingRef, "a1"),
      ...askedIn(ms[3] as MeetingRef, "a2"),
      ...askedIn(ms[4] as MeetingRef, "b2"),
      ...askedIn(ms[5] as MeetingRef, "c1"),
    ];
    const out = suggestQuestions({ bank: small, asked, meetingsWithPerson: ms, seed: "s", count: 2 });
    expect(ids(out)).toEqual(["c2", "b1"]);
  });

  it("fills up with recent questions only after the fresh ones", () => {
    const ms = meetings(2);
    const asked = askedIn(ms[1] as MeetingRef, "a1", "a2", "b1", "b2");
    const out = suggestQuestions({ bank: small, asked, meetingsWithPerson: ms, seed: "s", count: 4 });
    expect(ids(out).slice(0, 2).sort()).toEqual(["c1", "c2"]);
    expect(out).toHaveLength(4);
  });

  it("keeps a meeting's suggestions stable when one is ticked as asked in it", () => {
    const ms = meetings(4);
    const current = ms[3] as MeetingRef;
    const input = { bank: questionBank, meetingsWithPerson: ms, current, seed: current.id };
    const before = suggestQuestions({ ...input, asked: [] });
    const after = suggestQuestions({ ...input, asked: askedIn(current, before[0]?.id ?? "") });
    expect(after).toEqual(before);
  });

  it("counts only the meetings before the one being prepared", () => {
    const ms = meetings(10);
    const current = ms[2] as MeetingRef;
    // Counting the seven later meetings would push m1 out of the window.
    const asked = askedIn(ms[0] as MeetingRef, "a1");
    for (const seed of ["1", "2", "3", "4"]) {
      const out = suggestQuestions({ bank: small, asked, meetingsWithPerson: ms, current, seed, count: 5 });
      expect(ids(out)).not.toContain("a1");
    }
  });

  it("holds back a question recorded in a later meeting, to be safe", () => {
    const ms = meetings(5);
    const out = suggestQuestions({
      bank: small,
      asked: askedIn(ms[4] as MeetingRef, "a1"),
      meetingsWithPerson: ms,
      current: ms[1] as MeetingRef,
      seed: "s",
      count: 6,
    });
    expect(out).toHaveLength(6);
    expect(ids(out).at(-1)).toBe("a1");
  });

  it("ignores rows for other people when personId is given", () => {
    const ms = meetings(3);
    const m3 = ms[2] as MeetingRef;
    const asked = [
      ...askedIn(m3, "a1").map((a) => ({ ...a, personId: "someone-else" })),
      ...askedIn(m3, "a2").map((a) => ({ ...a, personId: "p1" })),
    ];
    const out = suggestQuestions({
      bank: small.slice(0, 2),
      asked,
      personId: "p1",
      meetingsWithPerson: ms,
      seed: "s",
      count: 1,
    });
    expect(ids(out)).toEqual(["a1"]);
  });

  describe("shuffle", () => {
    const base = { bank: questionBank, asked: [], meetingsWithPerson: [], seed: "evt-7" };

    it("replaces an excluded suggestion in place and keeps the others", () => {
      const shown = suggestQuestions(base);
      const dismissed = shown[1] as Question;
      const next = suggestQuestions({ ...base, exclude: [dismissed.id] });
      expect(next).toHaveLength(3);
      expect(next[0]).toEqual(shown[0]);
      expect(next[2]).toEqual(shown[2]);
      expect(next[1]?.id).not.toBe(dismissed.id);
      expect(ids(shown)).not.toContain(next[1]?.id);
    });

    it("keeps purposes spread after a swap", () => {
      const shown = suggestQuestions(base);
      const next = suggestQuestions({ ...base, exclude: [shown[0]?.id ?? ""] });
      expect(new Set(next.map((q) => q.purpose)).size).toBe(3);
    });

    it("gives a new replacement each time the replacement is shuffled too", () => {
      const shown = suggestQuestions(base);
      const exclude = [shown[2]?.id ?? ""];
      const seen = new Set(ids(shown));
      for (let i = 0; i < 10; i++) {
        const next = suggestQuestions({ ...base, exclude });
        const replacement = next[2] as Question;
        expect(seen.has(replacement.id)).toBe(false);
        seen.add(replacement.id);
        exclude.push(replacement.id);
      }
    });

    it("does not swap in a recently asked question while fresh ones remain", () => {
      const ms = meetings(1);
      const asked = askedIn(ms[0] as MeetingRef, "a2", "b1", "b2", "c1");
      const shown = suggestQuestions({ bank: small, asked, meetingsWithPerson: ms, seed: "s", count: 2 });
      expect(ids(shown).sort()).toEqual(["a1", "c2"]);
      const next = suggestQuestions({
        bank: small,
        asked,
        meetingsWithPerson: ms,
        seed: "s",
        count: 2,
        exclude: ["a1"],
      });
      // Only recent ones are left, so the least recently asked fills the slot.
      expect(next).toHaveLength(2);
      expect(ids(next)).toContain("c2");
    });

    it("returns fewer when the bank has run out", () => {
      const out = suggestQuestions({
        bank: small,
        asked: [],
        meetingsWithPerson: [],
        seed: "s",
        count: 3,
        exclude: ["a1", "a2", "b1", "b2"],
      });
      expect(ids(out).sort()).toEqual(["c1", "c2"]);
    });
  });

  describe("user questions", () => {
    it("accepts questions without a purpose as context", () => {
      const mine: QuestionInput[] = [{ id: "user.1", text: "What is on your mind about the offsite?" }];
      const out = suggestQuestions({ bank: mine, asked: [], meetingsWithPerson: [], seed: "s" });
      expect(out).toEqual([
        { id: "user.1", purpose: "context", text: "What is on your mind about the offsite?" },
      ]);
    });

    it("mixes them into the bank, skipping duplicates and blanks", () => {
      const bank: QuestionInput[] = [
        ...questionBank,
        { id: "user.1", purpose: "growth", text: "What talk would you like to give?" },
        { id: "user.1", purpose: "growth", text: "A duplicate id" },
        { id: "user.2", text: "   " },
      ];
      const all = suggestQuestions({ bank, asked: [], meetingsWithPerson: [], seed: "s", count: 500 });
      expect(all).toHaveLength(questionBank.length + 1);
      expect(all.filter((q) => q.id === "user.1")).toHaveLength(1);
    });
  });

  it.each([0, -1, Number.NaN])("returns nothing for count %s", (count) => {
    expect(
      suggestQuestions({ bank: questionBank, asked: [], meetingsWithPerson: [], seed: "s", count }),
    ).toEqual([]);
  });
});
