import { describe, expect, it } from "vitest";
import {
  growthPlanDraft,
  growthPlanTemplate,
  monthlyCheckpoints,
  nextCheckpoint,
  promotionScript,
  promotionToPlan,
} from "@/lib/templates";

const endOfDay = (y: number, m: number, d: number) => new Date(y, m - 1, d, 23, 59, 59, 999).getTime();

describe("growthPlanTemplate", () => {
  it("shows the method's example as placeholders", () => {
    expect(growthPlanTemplate.goal.placeholder).toBe("Lead a small project end to end");
    expect(growthPlanTemplate.support.placeholder).toBe("Pair with senior engineer");
    expect(growthPlanTemplate.evidence.placeholder).toBe("Own the design doc and delivery plan");
    expect(growthPlanTemplate.checkpoints.placeholder).toBe("Monthly progress review");
    expect(Object.values(growthPlanTemplate).map((f) => f.label)).toEqual([
      "Goal",
      "Support",
      "Evidence",
      "Checkpoints",
    ]);
  });
});

describe("monthlyCheckpoints", () => {
  it.each([
    [
      "from the quarter's start: three",
      new Date(2026, 9, 1),
      [endOfDay(2026, 10, 31), endOfDay(2026, 11, 30), endOfDay(2026, 12, 31)],
    ],
    [
      "from mid-quarter: the months left",
      new Date(2026, 10, 10),
      [endOfDay(2026, 11, 30), endOfDay(2026, 12, 31)],
    ],
    ["on the last day: one", new Date(2026, 11, 31, 12), [endOfDay(2026, 12, 31)]],
    [
      "February in a leap year",
      new Date(2028, 0, 1),
      [endOfDay(2028, 1, 31), endOfDay(2028, 2, 29), endOfDay(2028, 3, 31)],
    ],
  ])("%s", (_name, from, dues) => {
    const checkpoints = monthlyCheckpoints(from);
    expect(checkpoints.map((c) => c.dueAt)).toEqual(dues);
    expect(checkpoints.every((c) => c.status === "open")).toBe(true);
    expect(checkpoints.at(-1)?.note).toMatch(/End-of-quarter/);
  });
});

describe("growthPlanDraft", () => {
  it("is an empty plan for the quarter, with monthly checkpoints", () => {
    const draft = growthPlanDraft(new Date(2026, 9, 5));
    expect(draft).toMatchObject({ quarter: "2026-Q4", goal: "", support: "", evidence: "" });
    expect(draft.checkpoints).toHaveLength(3);
  });
});

describe("nextCheckpoint", () => {
  it("is the earliest open one, overdue or not", () => {
    const checkpoints = [
      { dueAt: 3, note: "c", status: "open" as const },
      { dueAt: 1, note: "a", status: "done" as const },
      { dueAt: 2, note: "b", status: "open" as const },
    ];
    expect(nextCheckpoint(checkpoints)?.note).toBe("b");
    expect(nextCheckpoint([])).toBeUndefined();
  });
});

const conversation = {
  level: "Senior Engineer",
  expectations: ["technical design", "mentoring", "owning delivery"],
  strengths: ["technical design"],
  gaps: [
    {
      expectation: "mentoring",
      evidenceNeeded: ["regular pairing with a newer engineer", "a mentee shipping a feature"],
    },
  ],
};

describe("promotionScript", () => {
  it("says the method's sentence, filled in", () => {
    expect(promotionScript(conversation)).toBe(
      "The Senior Engineer role expects technical design, mentoring, and owning delivery. " +
        "I see you doing technical design well. " +
        "For mentoring, I need to see regular pairing with a newer engineer and a mentee shipping a feature. " +
        "Let's build a plan together and check progress monthly.",
    );
  });

  it("names each gap with its own evidence", () => {
    const script = promotionScript({
      ...conversation,
      gaps: [
        { expectation: "mentoring", evidenceNeeded: ["A."] },
        { expectation: "owning delivery", evidenceNeeded: ["B", "C", "D"] },
        { expectation: "cross-team influence", evidenceNeeded: [] },
      ],
    });
    expect(script).toContain("For mentoring, I need to see A.");
    expect(script).toContain("For owning delivery, I need to see B, C, and D.");
    expect(script).toContain("For cross-team influence, let's agree on what evidence would show it.");
  });

  it("leaves out what is empty instead of reading out blanks", () => {
    expect(promotionScript({ level: " ", expectations: [], strengths: [" "], gaps: [] })).toBe(
      "Let's build a plan together and check progress monthly.",
    );
    expect(
      promotionScript({
        level: "Staff",
        expectations: [],
        strengths: ["design"],
        gaps: [{ expectation: "scope", evidenceNeeded: ["a"] }],
      }),
    ).toMatch(/^The Staff role expects design and scope\. I see you doing design well\. For scope/);
  });
});

describe("promotionToPlan", () => {
  it("turns the gaps into the quarter's goal, evidence and monthly checkpoints", () => {
    const plan = promotionToPlan({ ...conversation, quarterStart: new Date(2026, 9, 1) });
    expect(plan.quarter).toBe("2026-Q4");
    expect(plan.goal).toBe("Show mentoring at the Senior Engineer level");
    expect(plan.support).toContain("mentoring");
    expect(plan.support).toContain("technical design");
    expect(plan.support).toMatch(/monthly progress reviews/);
    expect(plan.evidence).toBe("Regular pairing with a newer engineer; A mentee shipping a feature");
    expect(plan.checkpoints.map((c) => c.dueAt)).toEqual([
      endOfDay(2026, 10, 31),
      endOfDay(2026, 11, 30),
      endOfDay(2026, 12, 31),
    ]);
    expect(plan.checkpoints.every((c) => c.status === "open" && c.note.length > 0)).toBe(true);
  });

  it("accepts a timestamp anywhere in the quarter", () => {
    const plan = promotionToPlan({ ...conversation, quarterStart: new Date(2026, 10, 10).getTime() });
    expect(plan.quarter).toBe("2026-Q4");
    expect(plan.checkpoints).toHaveLength(2);
  });

  it("still makes a plan when no gaps were named", () => {
    const plan = promotionToPlan({ ...conversation, gaps: [], quarterStart: new Date(2026, 0, 1) });
    expect(plan.goal).toBe(
      "Show technical design, mentoring, and owning delivery at the Senior Engineer level",
    );
    expect(plan.evidence).toBe("");
    expect(plan.checkpoints).toHaveLength(3);
  });
});
