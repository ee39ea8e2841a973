import { endOfMonth } from "date-fns";
import type { GrowthPlan } from "@/lib/db";
import { quarterEnd, quarterOf } from "./quarter";

export type GrowthCheckpoint = GrowthPlan["checkpoints"][number];

export interface GrowthPlanField {
  label: string;
  /** The method's own example, shown until the manager writes theirs. */
  placeholder: string;
  hint: string;
}

/** One plan per person per quarter: tie growth to real work, with evidence you can check. */
export const growthPlanTemplate = {
  goal: {
    label: "Goal",
    placeholder: "Lead a small project end to end",
    hint: "One goal, tied to real work this quarter.",
  },
  support: {
    label: "Support",
    placeholder: "Pair with senior engineer",
    hint: "What you and others will do to help.",
  },
  evidence: {
    label: "Evidence",
    placeholder: "Own the design doc and delivery plan",
    hint: "Something you can both point to at the end of the quarter.",
  },
  checkpoints: {
    label: "Checkpoints",
    placeholder: "Monthly progress review",
    hint: "Review progress together once a month.",
  },
} as const satisfies Record<"goal" | "support" | "evidence" | "checkpoints", GrowthPlanField>;

/**
 * A checkpoint at the end of each month (local time) of the quarter containing `from`.
 * Months already over at `from` get none, so a plan started mid-quarter has no checkpoint
 * that is overdue the moment it is written.
 */
export function monthlyCheckpoints(
  from: Date | number,
  note: (month: number, last: boolean) => string = defaultCheckpointNote,
): GrowthCheckpoint[] {
  const start = new Date(from).getTime();
  const end = quarterEnd(start);
  const first = new Date(start);
  const dues: number[] = [];
  for (let month = 0; month < 3; month++) {
    const due = endOfMonth(new Date(first.getFullYear(), first.getMonth() + month, 1)).getTime();
    if (due > end) break;
    dues.push(due);
  }
  return dues.map((dueAt, i) => ({ dueAt, note: note(i, i === dues.length - 1), status: "open" as const }));
}

function defaultCheckpointNote(_month: number, last: boolean): string {
  return last ? "End-of-quarter review: is the evidence there?" : "Monthly progress review";
}

/** An empty plan for the quarter containing `at`, with its monthly checkpoints. */
export function growthPlanDraft(
  at: Date | number,
): Pick<GrowthPlan, "quarter" | "goal" | "support" | "evidence" | "checkpoints"> {
  return { quarter: quarterOf(at), goal: "", support: "", evidence: "", checkpoints: monthlyCheckpoints(at) };
}

/** The earliest checkpoint still open (overdue ones included), for the sidebar. */
export function nextCheckpoint(checkpoints: readonly GrowthCheckpoint[]): GrowthCheckpoint | undefined {
  let next: GrowthCheckpoint | undefined;
  for (const c of checkpoints) {
    if (c.status === "open" && (!next || c.dueAt < next.dueAt)) next = c;
  }
  return next;
}

export interface PromotionGap {
  /** One of the level's expectations the person does not show yet. */
  expectation: string;
  /** What you need to see to call it met: concrete, observable. */
  evidenceNeeded: readonly string[];
}

export interface PromotionConversation {
  /** e.g. "Senior Engineer" */
  level: string;
  expectations: readonly string[];
  strengths: readonly string[];
  gaps: readonly PromotionGap[];
}

export interface PromotionPlan {
  quarter: string;
  goal: string;
  support: string;
  evidence: string;
  checkpoints: GrowthCheckpoint[];
}

/**
 * The method's promotion conversation in one go: "The <level> role expects X, Y, Z. I see you
 * doing X well. For Y, I need to see A and B. Let's build a plan together and check progress
 * monthly." Empty parts are left out rather than read out as blanks.
 */
export function promotionScript(input: PromotionConversation): string {
  const level = roleName(input.level);
  const gaps = cleanGaps(input.gaps);
  const expectations = expectationsOf(input, gaps);
  const strengths = clean(input.strengths);

  const sentences: string[] = [];
  if (expectations.length > 0) sentences.push(`The ${level} role expects ${listOf(expectations)}.`);
  if (strengths.length > 0) sentences.push(`I see you doing ${listOf(strengths)} well.`);
  for (const gap of gaps) {
    sentences.push(
      gap.evidenceNeeded.length > 0
        ? `For ${gap.expectation}, I need to see ${listOf(gap.evidenceNeeded)}.`
        : `For ${gap.expectation}, let's agree on what evidence would show it.`,
    );
  }
  sentences.push("Let's build a plan together and check progress monthly.");
  return sentences.join(" ");
}

/** Fills a growth plan from the promotion conversation: the gaps are the goal, their evidence the bar. */
export function promotionToPlan(
  input: PromotionConversation & { quarterStart: Date | number },
): PromotionPlan {
  const level = roleName(input.level);
  const gaps = cleanGaps(input.gaps);
  const strengths = clean(input.strengths);
  const focus = gaps.length > 0 ? gaps.map((g) => g.expectation) : expectationsOf(input, gaps);
  const evidence = gaps.flatMap((g) => g.evidenceNeeded);

  const goal =
    focus.length > 0
      ? `Show ${listOf(focus)} at the ${level} level`
      : `Build a shared picture of what the ${level} role expects`;
  const support = [
    focus.length > 0 ? `Projects chosen to show ${listOf(focus)}` : "",
    strengths.length > 0 ? `keep building on ${listOf(strengths)}` : "",
    "monthly progress reviews together",
  ]
    .filter(Boolean)
    .join("; ");
  const checkpoints = monthlyCheckpoints(input.quarterStart, (_month, last) =>
    last
      ? `End-of-quarter review: is the evidence for the ${level} role there?`
      : `Monthly progress review${focus.length > 0 ? `: ${listOf(focus)}` : ""}`,
  );

  return {
    quarter: quarterOf(input.quarterStart),
    goal: capitalize(goal),
    support: capitalize(support),
    evidence: evidence.length > 0 ? evidence.map(capitalize).join("; ") : "",
    checkpoints,
  };
}

function roleName(level: string): string {
  return trimItem(level ?? "") || "next";
}

function expectationsOf(input: PromotionConversation, gaps: readonly PromotionGap[]): string[] {
  const stated = clean(input.expectations);
  if (stated.length > 0) return stated;
  // Without a stated list, what was praised and what is missing are the expectations.
  return unique([...clean(input.strengths), ...gaps.map((g) => g.expectation)]);
}

function cleanGaps(gaps: readonly PromotionGap[]): { expectation: string; evidenceNeeded: string[] }[] {
  return (gaps ?? [])
    .map((g) => ({
      expectation: trimItem(g.expectation ?? ""),
      evidenceNeeded: clean(g.evidenceNeeded ?? []),
    }))
    .filter((g) => g.expectation !== "");
}

function clean(items: readonly string[]): string[] {
  return unique((items ?? []).map(trimItem).filter(Boolean));
}

/** People type "Owns design docs." as often as "owns design docs"; the sentence adds its own stops. */
function trimItem(item: string): string {
  return item
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[.;,:!]+$/, "")
    .trim();
}

function unique(items: readonly string[]): string[] {
  return [...new Set(items)];
}

/** "A", "A and B", "A, B, and C" */
export function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  if (items.length === 2) return `${items[0]} and ${items[1]}`;
  return `${items.slice(0, -1).join(", ")}, and ${items.at(-1)}`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
