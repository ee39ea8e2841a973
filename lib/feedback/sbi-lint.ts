/**
 * Gentle checks on an SBI draft, one finding per problem, each saying what to
 * do about it. The capture form runs this on every keystroke.
 */
import { type CharacterHit, type CharacterKind, characterHits } from "./behavior-lint";
import { impactProblem } from "./impact-lint";
import { requestProblem } from "./request-lint";
import { readField, readValence, type SbiDraft, type SbiField } from "./sbi";
import { situationAnchored } from "./situation-lint";

export type SbiFindingCode =
  | "situation-missing"
  | "situation-no-anchor"
  | "behavior-missing"
  | "behavior-character"
  | "impact-missing"
  | "impact-restates"
  | "impact-vague"
  | "request-vague"
  | "request-missing";

/** "warn": worth fixing before giving the feedback; "hint": optional. */
export type SbiSeverity = "warn" | "hint";

export interface SbiFinding {
  field: SbiField;
  code: SbiFindingCode;
  severity: SbiSeverity;
  message: string;
  /** the words that prompted it, as typed, when there are some to point at */
  match?: string;
}

const KIND_ORDER: readonly CharacterKind[] = ["trait", "mind", "absolute", "praise"];

function quoted(match: string): string {
  const short = match.length > 40 ? `${match.slice(0, 39)}…` : match;
  return `“${short}”`;
}

function behaviorMessage(hit: CharacterHit): string {
  const m = quoted(hit.match);
  switch (hit.kind) {
    case "trait":
      return `Describe what they did, not who they are: ${m} sums up the person. Try what you saw, e.g. “you interrupted twice” instead of “you're rude”.`;
    case "mind":
      return `${m} guesses at what they think or intend. Stick to what you saw or heard, e.g. “you didn't reply to the two review requests”.`;
    case "absolute":
      return `${m} invites a debate about the exceptions. Describe one specific time instead, e.g. “on Tuesday you joined standup ten minutes late”.`;
    case "praise":
      return `${m} is kind, but it doesn't say what to repeat. Name what they did, e.g. “you walked the new hire through the deploy step by step”.`;
  }
}

function lintSituation(text: string): SbiFinding | undefined {
  if (text.trim() === "") {
    return {
      field: "situation",
      code: "situation-missing",
      severity: "warn",
      message:
        "Add when and where it happened, e.g. “In yesterday's design review”. It helps them recall the moment.",
    };
  }
  if (situationAnchored(text)) return undefined;
  return {
    field: "situation",
    code: "situation-no-anchor",
    severity: "warn",
    message:
      "Anchor it to one moment: add when or where, e.g. “in yesterday's design review” or “during Tuesday's standup”.",
  };
}

function lintBehavior(text: string, reinforcing: boolean): SbiFinding | undefined {
  if (text.trim() === "") {
    return {
      field: "behavior",
      code: "behavior-missing",
      severity: "warn",
      message:
        "Describe what they did, as a camera would have seen it, e.g. “you interrupted the designer three times”.",
    };
  }
  const hits = characterHits(text, reinforcing);
  for (const kind of KIND_ORDER) {
    const hit = hits.find((h) => h.kind === kind);
    if (hit) {
      return {
        field: "behavior",
        code: "behavior-character",
        severity: "warn",
        message: behaviorMessage(hit),
        match: hit.match,
      };
    }
  }
  return undefined;
}

function lintImpact(text: string, behavior: string, reinforcing: boolean): SbiFinding | undefined {
  const example = reinforcing
    ? "“support could answer customers without pulling engineers off the fix”"
    : "“it made it harder to understand their rationale”";
  if (text.trim() === "") {
    return {
      field: "impact",
      code: "impact-missing",
      severity: "warn",
      message: `Say what it led to, and for whom, e.g. ${example}. The impact is what makes feedback land.`,
    };
  }
  switch (impactProblem(text, behavior)) {
    case "impact-vague":
      return {
        field: "impact",
        code: "impact-vague",
        severity: "warn",
        message: `Say what actually changed, and for whom, e.g. ${example}. A verdict like “it was bad” leaves them guessing.`,
      };
    case "impact-restates":
      return {
        field: "impact",
        code: "impact-restates",
        severity: "warn",
        message: `This mostly repeats the behavior. Say what happened as a result, e.g. ${example}.`,
      };
    case undefined:
      return undefined;
  }
}

function lintRequest(text: string, reinforcing: boolean): SbiFinding | undefined {
  const example = reinforcing
    ? "“Add that update template to the on-call runbook.”"
    : "“In future reviews, hold questions to the end.”";
  if (text.trim() === "") {
    return {
      field: "request",
      code: "request-missing",
      severity: "hint",
      message: reinforcing
        ? `Optional: say what to keep doing or build on, e.g. ${example}`
        : `Optional: suggest one thing to try next time, e.g. ${example}`,
    };
  }
  switch (requestProblem(text, reinforcing)) {
    case "no-action":
      return {
        field: "request",
        code: "request-vague",
        severity: "warn",
        message: `Phrase it as something they can do, starting with the action, e.g. ${example}`,
      };
    case "vague":
      return {
        field: "request",
        code: "request-vague",
        severity: "warn",
        message: `Ask for one thing they can do, so you'll both know when it happened, e.g. ${example}`,
      };
    case undefined:
      return undefined;
  }
}

/** Everything worth another look in an SBI draft, in field order. Never throws. */
export function sbiLint(draft: Partial<SbiDraft>): SbiFinding[] {
  try {
    const reinforcing = readValence(draft) === "reinforcing";
    const behavior = readField(draft, "behavior");
    return [
      lintSituation(readField(draft, "situation")),
      lintBehavior(behavior, reinforcing),
      lintImpact(readField(draft, "impact"), behavior, reinforcing),
      lintRequest(readField(draft, "request"), reinforcing),
    ].filter((finding): finding is SbiFinding => finding !== undefined);
  } catch {
    // A slip in one rule must not take the capture form down with it.
    return [];
  }
}
