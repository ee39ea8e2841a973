import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { gapsOf, linesOf } from "@/entrypoints/sidebar/growth/promotion-input";
import {
  addGrowthCheckpoint,
  careerPlanFill,
  careerPlanPrompts,
  checkpointsFrom,
  checkpointUrgency,
  fillConflicts,
  fillGrowthPlan,
  GrowthPlanInputError,
  growthPlanOf,
  PrepDatabase,
  removeGrowthCheckpoint,
  saveGrowthPlanText,
  setGrowthCheckpointStatus,
  startGrowthPlan,
} from "@/lib/db";
import { careerConversation, promotionToPlan, quarterStart } from "@/lib/templates";

let db: PrepDatabase;
let n = 0;

beforeEach(async () => {
  db = new PrepDatabase(`growth-test-${++n}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

const DAY = 86_400_000;
/** Local time, as quarters and checkpoints are. */
const at = (y: number, m: number, d: number, h = 12) => new Date(y, m - 1, d, h).getTime();
const endOfDay = (y: number, m: number, d: number) => new Date(y, m - 1, d, 23, 59, 59, 999).getTime();
const oct13 = at(2026, 10, 13);

describe("startGrowthPlan", () => {
  it("creates one plan per person per quarter, with the month ends still ahead as checkpoints", async () => {
    const plan = await startGrowthPlan(db, "priya", oct13, at(2026, 11, 25));
    expect(plan).toMatchObject({
      personId: "priya",
      quarter: "2026-Q4",
      goal: "",
      support: "",
      evidence: "",
    });
    expect(plan.checkpoints.map((c) => c.dueAt)).toEqual([endOfDay(2026, 11, 30), endOfDay(2026, 12, 31)]);

    const again = await startGrowthPlan(db, "priya", at(2026, 12, 1), at(2026, 12, 1));
    expect(again.id).toBe(plan.id);
    expect(await db.growthPlans.count()).toBe(1);

    await startGrowthPlan(db, "jordan", oct13, oct13);
    await startGrowthPlan(db, "priya", at(2027, 1, 5), oct13);
    expect(await db.growthPlans.count()).toBe(3);
    expect((await growthPlanOf(db, "priya", "2027-Q1"))?.checkpoints).toHaveLength(3);
  });

  it("notes the checkpoints in the language the plan is started in", async () => {
    const german = await startGrowthPlan(db, "priya", oct13, oct13, "de");
    expect(german.checkpoints.map((c) => c.note)).toEqual([
      "Monatliches Fortschrittsgespräch",
      "Monatliches Fortschrittsgespräch",
      "Quartalsabschluss: Liegen die Nachweise vor?",
    ]);
    const english = await startGrowthPlan(db, "jordan", oct13, oct13);
    expect(english.checkpoints.at(-1)?.note).toBe("End-of-quarter review: is the evidence there?");
    const filled = await fillGrowthPlan(
      db,
      "sam",
      oct13,
      { goal: "Mener un projet" },
      { now: oct13, language: "fr" },
    );
    expect(filled.plan.checkpoints[0]?.note).toBe("Point d'étape mensuel");
  });

  it("gives an empty checkpoint note the words it is handed", async () => {
    const plan = await startGrowthPlan(db, "priya", oct13, oct13);
    const added = await addGrowthCheckpoint(
      db,
      plan.id,
      { dueAt: at(2026, 11, 15), note: " " },
      "Revisión mensual del progreso",
    );
    expect(added.note).toBe("Revisión mensual del progreso");
    const english = await addGrowthCheckpoint(db, plan.id, { dueAt: at(2026, 11, 16), note: "" });
    expect(english.note).toBe("Progress review");
  });

  it("two starts at once still make one plan", async () => {
    const [a, b] = await Promise.all([
      startGrowthPlan(db, "priya", oct13),
      startGrowthPlan(db, "priya", oct13),
    ]);
    expect(a.id).toBe(b.id);
    expect(await db.growthPlans.count()).toBe(1);
  });
});

describe("checkpointsFrom", () => {
  it.each([
    ["now within the meeting's quarter: now", oct13, at(2026, 11, 25), at(2026, 11, 25)],
    ["a quarter not begun: its first day", at(2027, 2, 1), oct13, quarterStart(at(2027, 2, 1))],
    ["a quarter already over: its first day", oct13, at(2027, 3, 1), quarterStart(oct13)],
  ])("%s", (_name, meetingAt, now, expected) => {
    expect(checkpointsFrom(meetingAt, now)).toBe(expected);
  });
});

describe("saveGrowthPlanText", () => {
  it("saves a field trimmed, leaving the others alone", async () => {
    const plan = await startGrowthPlan(db, "priya", oct13);
    expect(await saveGrowthPlanText(db, plan.id, "goal", "  Lead the billing migration \n")).toBe(
      "Lead the billing migration",
    );
    await saveGrowthPlanText(db, plan.id, "evidence", "Own the design doc");
    expect(await db.growthPlans.get(plan.id)).toMatchObject({
      goal: "Lead the billing migration",
      support: "",
      evidence: "Own the design doc",
    });
  });

  it("refuses text over 5000 characters with a message naming the field, and keeps what was saved", async () => {
    const plan = await startGrowthPlan(db, "priya", oct13);
    await saveGrowthPlanText(db, plan.id, "support", "Pair with Alex");
    const error = await saveGrowthPlanText(db, plan.id, "support", "x".repeat(5001)).catch((e) => e);
    expect(error).toBeInstanceOf(GrowthPlanInputError);
    expect(error.message).toBe("Support can be at most 5,000 characters; it has 5,001.");
    expect((await db.growthPlans.get(plan.id))?.support).toBe("Pair with Alex");
    // Surrounding whitespace does not count against the limit.
    await saveGrowthPlanText(db, plan.id, "support", ` ${"y".repeat(5000)} `);
  });

  it("says so when the plan is gone", async () => {
    await expect(saveGrowthPlanText(db, "missing", "goal", "x")).rejects.toThrow("no longer exists");
  });
});

describe("checkpoints", () => {
  it("are added in date order, marked done and reopened, and removed", async () => {
    const plan = await startGrowthPlan(db, "priya", oct13, at(2026, 11, 25));
    const added = await addGrowthCheckpoint(db, plan.id, {
      dueAt: endOfDay(2026, 12, 4),
      note: " Design review ",
    });
    expect(added).toEqual({ dueAt: endOfDay(2026, 12, 4), note: "Design review", status: "open" });
    const list = async () => (await db.growthPlans.get(plan.id))?.checkpoints ?? [];
    expect((await list()).map((c) => c.note)).toEqual([
      "Monthly progress review",
      "Design review",
      "End-of-quarter review: is the evidence there?",
    ]);

    await setGrowthCheckpointStatus(db, plan.id, added, "done");
    expect((await list())[1]?.status).toBe("done");
    await setGrowthCheckpointStatus(db, plan.id, added, "open");
    expect((await list())[1]?.status).toBe("open");

    await removeGrowthCheckpoint(db, plan.id, added);
    expect(await list()).toHaveLength(2);
    await expect(removeGrowthCheckpoint(db, plan.id, added)).rejects.toThrow("no longer in the plan");
  });

  it("a second checkpoint on the same day goes after the first", async () => {
    const plan = await startGrowthPlan(db, "priya", oct13, at(2026, 11, 25));
    await addGrowthCheckpoint(db, plan.id, { dueAt: endOfDay(2026, 11, 30), note: "Demo" });
    const notes = (await db.growthPlans.get(plan.id))?.checkpoints.map((c) => c.note);
    expect(notes?.slice(0, 2)).toEqual(["Monthly progress review", "Demo"]);
  });

  it.each([
    ["no date", undefined, "x", "Pick the checkpoint's date."],
    ["a date that is not one", Number.NaN, "x", "Pick the checkpoint's date."],
    [
      "a note too long",
      1,
      "n".repeat(5001),
      "The checkpoint note can be at most 5,000 characters; it has 5,001.",
    ],
  ])("refuses %s", async (_name, dueAt, note, message) => {
    const plan = await startGrowthPlan(db, "priya", oct13);
    await expect(addGrowthCheckpoint(db, plan.id, { dueAt, note })).rejects.toThrow(message);
  });

  it("an empty note becomes a progress review", async () => {
    const plan = await startGrowthPlan(db, "priya", oct13);
    expect((await addGrowthCheckpoint(db, plan.id, { dueAt: 1, note: "  " })).note).toBe("Progress review");
  });
});

describe("checkpointUrgency", () => {
  const now = at(2026, 11, 25);
  it.each([
    ["past: overdue", now - 1, "open", "overdue"],
    ["now: due", now, "open", "due"],
    ["in a week: due", now + 7 * DAY, "open", "due"],
    ["in a week and a minute: upcoming", now + 7 * DAY + 60_000, "open", "upcoming"],
    ["done: none", now - DAY, "done", undefined],
    ["missed: none", now - DAY, "missed", undefined],
  ] as const)("%s", (_name, dueAt, status, urgency) => {
    expect(checkpointUrgency({ dueAt, note: "", status }, now)).toBe(urgency);
  });
});

describe("careerPlanFill", () => {
  it("uses the career guide's Plan prompts", () => {
    const plan = careerConversation.sections.find((s) => s.key === "plan");
    expect(plan?.prompts.map((p) => p.id)).toEqual([careerPlanPrompts.goal, careerPlanPrompts.support]);
  });

  it("takes the quarter's goal and the projects, trimmed, and nothing that is empty", () => {
    expect(
      careerPlanFill({
        "career-conversation.quarter-goal": " Lead the billing migration ",
        "career-conversation.projects": "Billing v2 cut-over",
        "career-conversation.two-years": "Staff engineer",
      }),
    ).toEqual({ goal: "Lead the billing migration", support: "Billing v2 cut-over" });
    expect(careerPlanFill({ "career-conversation.quarter-goal": "  " })).toEqual({});
  });
});

describe("fillConflicts", () => {
  it("lists the fields that already say something else", async () => {
    const plan = {
      ...(await startGrowthPlan(db, "priya", oct13)),
      goal: "Lead X",
      support: "",
      evidence: "Doc",
    };
    expect(fillConflicts(plan, { goal: "Lead Y", support: "Pair", evidence: " Doc " })).toEqual(["goal"]);
    expect(fillConflicts(plan, { goal: "", evidence: "Demo" })).toEqual(["evidence"]);
    expect(fillConflicts(undefined, { goal: "Lead Y" })).toEqual([]);
  });
});

describe("fillGrowthPlan", () => {
  const now = at(2026, 11, 25);

  it("creates the quarter's plan from the career conversation", async () => {
    const result = await fillGrowthPlan(
      db,
      "priya",
      oct13,
      { goal: "Lead billing", support: "Billing v2" },
      { now },
    );
    expect(result).toMatchObject({ created: true, filled: ["goal", "support"], kept: [] });
    expect(await growthPlanOf(db, "priya", "2026-Q4")).toMatchObject({
      goal: "Lead billing",
      support: "Billing v2",
      evidence: "",
      checkpoints: [{ dueAt: endOfDay(2026, 11, 30) }, { dueAt: endOfDay(2026, 12, 31) }],
    });
  });

  it("fills empty fields but never overwrites text without being told to", async () => {
    const plan = await startGrowthPlan(db, "priya", oct13, now);
    await saveGrowthPlanText(db, plan.id, "goal", "My own goal");
    const result = await fillGrowthPlan(
      db,
      "priya",
      oct13,
      { goal: "Lead billing", support: "Billing v2" },
      { now },
    );
    expect(result).toMatchObject({ created: false, filled: ["support"], kept: ["goal"] });
    expect(await db.growthPlans.get(plan.id)).toMatchObject({ goal: "My own goal", support: "Billing v2" });

    const replaced = await fillGrowthPlan(
      db,
      "priya",
      oct13,
      { goal: "Lead billing" },
      { now, replace: ["goal"] },
    );
    expect(replaced).toMatchObject({ filled: ["goal"], kept: [] });
    expect((await db.growthPlans.get(plan.id))?.goal).toBe("Lead billing");
    expect(await db.growthPlans.count()).toBe(1);
  });

  it("replaces only the fields named, and reports no change for equal text", async () => {
    const plan = await startGrowthPlan(db, "priya", oct13, now);
    await saveGrowthPlanText(db, plan.id, "goal", "G");
    await saveGrowthPlanText(db, plan.id, "support", "S");
    const result = await fillGrowthPlan(
      db,
      "priya",
      oct13,
      { goal: "G2", support: "S2", evidence: "E" },
      { now, replace: ["support"] },
    );
    expect(result).toMatchObject({ filled: ["support", "evidence"], kept: ["goal"] });
    const same = await fillGrowthPlan(db, "priya", oct13, { goal: " G " }, { now });
    expect(same).toMatchObject({ filled: [], kept: [], addedCheckpoints: 0 });
  });

  it("from a promotion conversation: a new plan takes its checkpoints; an existing one keeps its own", async () => {
    const promotion = promotionToPlan({
      level: "Senior Engineer",
      expectations: ["technical leadership", "mentoring"],
      strengths: ["mentoring"],
      gaps: [{ expectation: "technical leadership", evidenceNeeded: ["a design doc", "a rollout plan"] }],
      quarterStart: checkpointsFrom(oct13, now),
    });
    const created = await fillGrowthPlan(db, "priya", oct13, promotion, { now });
    expect(created.plan).toMatchObject({
      goal: "Show technical leadership at the Senior Engineer level",
      evidence: "A design doc; A rollout plan",
    });
    expect(created.plan.checkpoints.map((c) => c.note)).toEqual([
      "Monthly progress review: technical leadership",
      "End-of-quarter review: is the evidence for the Senior Engineer role there?",
    ]);

    const plan = await startGrowthPlan(db, "jordan", oct13, now);
    await setGrowthCheckpointStatus(
      db,
      plan.id,
      { dueAt: endOfDay(2026, 11, 30), note: "Monthly progress review" },
      "done",
    );
    await addGrowthCheckpoint(db, plan.id, { dueAt: endOfDay(2026, 12, 10), note: "Demo" });
    const early = {
      dueAt: 5,
      note: "Monthly progress review: technical leadership",
      status: "open" as const,
    };
    const extra = { ...promotion, checkpoints: [...promotion.checkpoints, early] };
    const filled = await fillGrowthPlan(db, "jordan", oct13, extra, { now });
    expect(filled.addedCheckpoints).toBe(1);
    expect(filled.plan.checkpoints.map((c) => [c.note, c.status])).toEqual([
      ["Monthly progress review: technical leadership", "open"],
      ["Monthly progress review", "done"],
      ["Demo", "open"],
      ["End-of-quarter review: is the evidence there?", "open"],
    ]);
  });

  it("refuses text over the limit before writing anything", async () => {
    await expect(fillGrowthPlan(db, "priya", oct13, { goal: "g".repeat(5001) })).rejects.toThrow(
      "Goal can be at most 5,000 characters",
    );
    expect(await db.growthPlans.count()).toBe(0);
  });
});

describe("promotion input", () => {
  it("reads one item per line, dropping bullets and blank lines", () => {
    expect(linesOf("- Technical leadership\n\n* Mentoring \n2. Influence")).toEqual([
      "Technical leadership",
      "Mentoring",
      "Influence",
    ]);
  });

  it.each([
    ["Design: a doc; a plan", [{ expectation: "Design", evidenceNeeded: ["a doc", "a plan"] }]],
    ["Mentoring", [{ expectation: "Mentoring", evidenceNeeded: [] }]],
    ["Scope: ; ", [{ expectation: "Scope", evidenceNeeded: [] }]],
  ])("%j", (text, gaps) => {
    expect(gapsOf(text)).toEqual(gaps);
  });
});
