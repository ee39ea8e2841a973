import { Problem } from "@/lib/problem";
import type { Language } from "@/lib/settings";
import {
  type GrowthCheckpoint,
  growthPlanDraft,
  growthPlanTemplate,
  quarterEnd,
  quarterOf,
  quarterStart,
} from "@/lib/templates";
import type { PrepDatabase } from "./database";
import { mergeEdit } from "./merge-text";
import { newId } from "./repositories";
import { type GrowthPlan, growthPlanSchema, growthPlanTextFields } from "./schema";

export const GROWTH_TEXT_MAX = 5000;
/** A checkpoint this close is due: there is one more weekly 1:1 before it. */
export const CHECKPOINT_DUE_WITHIN = 7 * 86_400_000;

export type GrowthPlanTextField = (typeof growthPlanTextFields)[number];

/** Text for some of a plan's fields, and checkpoints to add, from a conversation. */
export type GrowthPlanFill = Partial<Record<GrowthPlanTextField, string>> & {
  checkpoints?: readonly GrowthCheckpoint[];
};

/** A plan edit refused because of what was typed; the message is written for the manager. */
export class GrowthPlanInputError extends Problem {
  override name = "GrowthPlanInputError";
}

/**
 * The career conversation's Plan prompts, by the plan field their answer fills. The projects
 * go to Support, as in a promotion plan: the work chosen to build the skill is the help.
 */
export const careerPlanPrompts = {
  goal: "career-conversation.quarter-goal",
  support: "career-conversation.projects",
} as const satisfies Partial<Record<GrowthPlanTextField, string>>;

/** What the career conversation's Plan answers put into a growth plan; empty answers add nothing. */
export function careerPlanFill(answers: Readonly<Record<string, string>>): GrowthPlanFill {
  const fill: GrowthPlanFill = {};
  for (const [field, promptId] of Object.entries(careerPlanPrompts) as [GrowthPlanTextField, string][]) {
    const answer = answers[promptId]?.trim();
    if (answer) fill[field] = answer;
  }
  return fill;
}

export function hasPlanText(fill: GrowthPlanFill): boolean {
  return growthPlanTextFields.some((f) => fill[f]?.trim());
}

/** Fields where the plan already says something else than `fill`: filling them needs a yes. */
export function fillConflicts(plan: GrowthPlan | undefined, fill: GrowthPlanFill): GrowthPlanTextField[] {
  if (!plan) return [];
  return growthPlanTextFields.filter((f) => {
    const incoming = fill[f]?.trim();
    const current = plan[f].trim();
    return Boolean(incoming && current && incoming !== current);
  });
}

export type CheckpointUrgency = "overdue" | "due" | "upcoming";

/** How pressing an open checkpoint is at `now`; undefined once it is done or missed. */
export function checkpointUrgency(
  checkpoint: GrowthCheckpoint,
  now: number,
  dueWithin = CHECKPOINT_DUE_WITHIN,
): CheckpointUrgency | undefined {
  if (checkpoint.status !== "open") return undefined;
  if (checkpoint.dueAt < now) return "overdue";
  return checkpoint.dueAt <= now + dueWithin ? "due" : "upcoming";
}

/**
 * Where a new plan's monthly checkpoints start for the quarter containing `at`. Within that
 * quarter it is now, so months already over get no checkpoint that is overdue the moment it is
 * written. A quarter not begun yet gets all three; so does one already over, since its plan is
 * being written down after the fact.
 */
export function checkpointsFrom(at: number, now: number): number {
  const start = quarterStart(at);
  return now >= start && now <= quarterEnd(at) ? now : start;
}

export function growthPlanOf(
  db: PrepDatabase,
  personId: string,
  quarter: string,
): Promise<GrowthPlan | undefined> {
  return db.growthPlans.where("[personId+quarter]").equals([personId, quarter]).first();
}

/**
 * The person's plan for the quarter containing `at`, created empty if there is none yet, its
 * checkpoints noted in `language`.
 */
export async function startGrowthPlan(
  db: PrepDatabase,
  personId: string,
  at: number,
  now = Date.now(),
  language: Language = "en",
): Promise<GrowthPlan> {
  return db.transaction("rw", db.growthPlans, async () => {
    const existing = await growthPlanOf(db, personId, quarterOf(at));
    if (existing) return existing;
    const plan = growthPlanSchema.parse({
      id: newId(),
      personId,
      ...growthPlanDraft(checkpointsFrom(at, now), language),
    });
    await db.growthPlans.add(plan);
    return plan;
  });
}

/**
 * Saves one field as typed, trimmed. `bases` are the stored texts the edit was typed over: when
 * someone else changed the field meanwhile, both changes are kept (merged, or one after the other
 * when they touch the same words). Returns the text now stored. Throws GrowthPlanInputError when
 * it is too long.
 */
export async function saveGrowthPlanText(
  db: PrepDatabase,
  planId: string,
  field: GrowthPlanTextField,
  text: string,
  bases?: readonly string[],
): Promise<string> {
  return db.transaction("rw", db.growthPlans, async () => {
    const plan = await db.growthPlans.get(planId);
    if (!plan) throw new Problem("This growth plan no longer exists.", "growthPlanGone");
    const stored = plan[field];
    const merged = mergeEdit(bases ?? [stored], text, stored);
    const clean = cleanText(
      growthPlanTemplate[field].label,
      merged.clean ? merged.text : `${merged.text.trim()}\n\n${merged.other.trim()}`,
    );
    if (clean !== stored) await db.growthPlans.update(planId, { [field]: clean } as Partial<GrowthPlan>);
    return clean;
  });
}

export interface NewCheckpoint {
  dueAt: number | undefined;
  note: string;
}

/**
 * Adds an open checkpoint, kept in date order. An empty note becomes `emptyNote`, a progress
 * review in the pages' language.
 */
export async function addGrowthCheckpoint(
  db: PrepDatabase,
  planId: string,
  checkpoint: NewCheckpoint,
  emptyNote = "Progress review",
): Promise<GrowthCheckpoint> {
  const { dueAt } = checkpoint;
  if (dueAt === undefined || !Number.isSafeInteger(dueAt) || dueAt < 0) {
    throw new GrowthPlanInputError("Pick the checkpoint's date.", "checkpointDate");
  }
  const added: GrowthCheckpoint = {
    dueAt,
    note: cleanText("The checkpoint note", checkpoint.note) || emptyNote,
    status: "open",
  };
  await changeCheckpoints(db, planId, (list) => insertByDate(list, added));
  return added;
}

/** Identifies a checkpoint by its date and note: plans keep no ids for them. */
export type CheckpointRef = Pick<GrowthCheckpoint, "dueAt" | "note">;

export function setGrowthCheckpointStatus(
  db: PrepDatabase,
  planId: string,
  ref: CheckpointRef,
  status: GrowthCheckpoint["status"],
): Promise<void> {
  return changeCheckpoints(db, planId, (list) => {
    const i = indexOf(list, ref);
    return list.map((c, j) => (j === i ? { ...c, status } : c));
  });
}

export function removeGrowthCheckpoint(db: PrepDatabase, planId: string, ref: CheckpointRef): Promise<void> {
  return changeCheckpoints(db, planId, (list) => {
    const i = indexOf(list, ref);
    return list.filter((_c, j) => j !== i);
  });
}

export interface GrowthPlanFillResult {
  plan: GrowthPlan;
  created: boolean;
  /** fields written from the fill */
  filled: GrowthPlanTextField[];
  /** fields that kept their own, different text */
  kept: GrowthPlanTextField[];
  addedCheckpoints: number;
}

/**
 * Puts a conversation's outcome into the person's plan for the quarter containing `at`,
 * creating the plan if needed. Empty fields are filled; a field that already says something
 * else is overwritten only when it is listed in `replace`, which the manager confirmed.
 * Checkpoints are only ever added, on dates the plan has none, so progress marked on
 * existing ones is never lost.
 */
export async function fillGrowthPlan(
  db: PrepDatabase,
  personId: string,
  at: number,
  fill: GrowthPlanFill,
  options: { replace?: readonly GrowthPlanTextField[]; now?: number; language?: Language } = {},
): Promise<GrowthPlanFillResult> {
  const incoming: Partial<Record<GrowthPlanTextField, string>> = {};
  for (const f of growthPlanTextFields) {
    const text = fill[f] === undefined ? "" : cleanText(growthPlanTemplate[f].label, fill[f]);
    if (text) incoming[f] = text;
  }
  const replace = new Set(options.replace ?? []);
  const now = options.now ?? Date.now();

  return db.transaction("rw", db.growthPlans, async () => {
    const existing = await growthPlanOf(db, personId, quarterOf(at));
    const draft = growthPlanDraft(checkpointsFrom(at, now), options.language);
    const before: GrowthPlan = existing ?? {
      id: newId(),
      personId,
      ...draft,
      checkpoints: fill.checkpoints ? [...fill.checkpoints] : draft.checkpoints,
    };
    const plan: GrowthPlan = { ...before };
    const filled: GrowthPlanTextField[] = [];
    const kept: GrowthPlanTextField[] = [];
    for (const f of growthPlanTextFields) {
      const text = incoming[f];
      if (!text || text === plan[f].trim()) continue;
      if (plan[f].trim() === "" || replace.has(f)) {
        plan[f] = text;
        filled.push(f);
      } else {
        kept.push(f);
      }
    }
    let addedCheckpoints = 0;
    if (existing && fill.checkpoints) {
      for (const c of fill.checkpoints) {
        if (plan.checkpoints.some((p) => p.dueAt === c.dueAt)) continue;
        plan.checkpoints = insertByDate(plan.checkpoints, { ...c });
        addedCheckpoints++;
      }
    } else if (!existing) {
      addedCheckpoints = plan.checkpoints.length;
    }
    const row = growthPlanSchema.parse(plan);
    await db.growthPlans.put(row);
    return { plan: row, created: !existing, filled, kept, addedCheckpoints };
  });
}

function cleanText(label: string, text: string): string {
  const clean = text.trim();
  if (clean.length > GROWTH_TEXT_MAX) {
    throw new GrowthPlanInputError(
      `${label} can be at most ${GROWTH_TEXT_MAX.toLocaleString("en")} characters; it has ${clean.length.toLocaleString("en")}.`,
      "growthTextTooLong",
      [GROWTH_TEXT_MAX, clean.length],
    );
  }
  return clean;
}

async function changeCheckpoints(
  db: PrepDatabase,
  planId: string,
  change: (list: GrowthCheckpoint[]) => GrowthCheckpoint[],
): Promise<void> {
  await db.transaction("rw", db.growthPlans, async () => {
    const plan = await db.growthPlans.get(planId);
    if (!plan) throw new Problem("This growth plan no longer exists.", "growthPlanGone");
    await db.growthPlans.update(planId, { checkpoints: change(plan.checkpoints) });
  });
}

function indexOf(list: readonly GrowthCheckpoint[], ref: CheckpointRef): number {
  const i = list.findIndex((c) => c.dueAt === ref.dueAt && c.note === ref.note);
  if (i < 0) throw new Problem("That checkpoint is no longer in the plan.", "checkpointGone");
  return i;
}

/** After any checkpoints on the same date, so the earlier-written one stays first. */
function insertByDate(list: readonly GrowthCheckpoint[], added: GrowthCheckpoint): GrowthCheckpoint[] {
  const at = list.findIndex((c) => c.dueAt > added.dueAt);
  return at < 0 ? [...list, added] : [...list.slice(0, at), added, ...list.slice(at)];
}
