/**
 * Gentle checks on an SBI draft, one finding per problem, each saying what to
 * do about it. The capture form runs this on every keystroke.
 */
import type { Language } from "@/lib/settings";
import type { CharacterKind } from "./behavior-lint";
import { type SbiRules, sbiRulesFor } from "./rules";
import { readField, readValence, type SbiDraft, type SbiField, type SbiValence } from "./sbi";

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

function lintSituation(rules: SbiRules, text: string): SbiFinding | undefined {
  if (text.trim() === "") {
    return {
      field: "situation",
      code: "situation-missing",
      severity: "warn",
      message: rules.messages.situationMissing,
    };
  }
  if (rules.situationAnchored(text)) return undefined;
  return {
    field: "situation",
    code: "situation-no-anchor",
    severity: "warn",
    message: rules.messages.situationNoAnchor,
  };
}

function lintBehavior(rules: SbiRules, text: string, reinforcing: boolean): SbiFinding | undefined {
  if (text.trim() === "") {
    return {
      field: "behavior",
      code: "behavior-missing",
      severity: "warn",
      message: rules.messages.behaviorMissing,
    };
  }
  const hits = rules.characterHits(text, reinforcing);
  for (const kind of KIND_ORDER) {
    const hit = hits.find((h) => h.kind === kind);
    if (hit) {
      return {
        field: "behavior",
        code: "behavior-character",
        severity: "warn",
        message: rules.messages.behavior[kind](quoted(hit.match)),
        match: hit.match,
      };
    }
  }
  return undefined;
}

function lintImpact(
  rules: SbiRules,
  text: string,
  behavior: string,
  valence: SbiValence,
): SbiFinding | undefined {
  const { messages } = rules;
  const example = messages.impactExample[valence];
  if (text.trim() === "") {
    return {
      field: "impact",
      code: "impact-missing",
      severity: "warn",
      message: messages.impactMissing(example),
    };
  }
  switch (rules.impactProblem(text, behavior)) {
    case "impact-vague":
      return {
        field: "impact",
        code: "impact-vague",
        severity: "warn",
        message: messages.impactVague(example),
      };
    case "impact-restates":
      return {
        field: "impact",
        code: "impact-restates",
        severity: "warn",
        message: messages.impactRestates(example),
      };
    case undefined:
      return undefined;
  }
}

function lintRequest(rules: SbiRules, text: string, valence: SbiValence): SbiFinding | undefined {
  const { messages } = rules;
  const example = messages.requestExample[valence];
  if (text.trim() === "") {
    return {
      field: "request",
      code: "request-missing",
      severity: "hint",
      message: messages.requestMissing[valence](example),
    };
  }
  switch (rules.requestProblem(text, valence === "reinforcing")) {
    case "no-action":
      return {
        field: "request",
        code: "request-vague",
        severity: "warn",
        message: messages.requestNoAction(example),
      };
    case "vague":
      return {
        field: "request",
        code: "request-vague",
        severity: "warn",
        message: messages.requestVague(example),
      };
    case undefined:
      return undefined;
  }
}

/**
 * Everything worth another look in an SBI draft, in field order, read and told in `language`
 * (the manager's). Never throws.
 */
export function sbiLint(draft: Partial<SbiDraft>, language: Language = "en"): SbiFinding[] {
  try {
    const rules = sbiRulesFor(language);
    const valence = readValence(draft);
    const behavior = readField(draft, "behavior");
    return [
      lintSituation(rules, readField(draft, "situation")),
      lintBehavior(rules, behavior, valence === "reinforcing"),
      lintImpact(rules, readField(draft, "impact"), behavior, valence),
      lintRequest(rules, readField(draft, "request"), valence),
    ].filter((finding): finding is SbiFinding => finding !== undefined);
  } catch {
    // A slip in one rule must not take the capture form down with it.
    return [];
  }
}
