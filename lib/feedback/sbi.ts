/**
 * The SBI model: Situation, Behavior, Impact, and an optional Request.
 * Functions here accept anything (forms, imports and old rows all end up here)
 * and never throw.
 */
import { asText, capText } from "./text";

export type SbiValence = "reinforcing" | "redirecting";

export interface SbiDraft {
  situation: string;
  behavior: string;
  impact: string;
  request: string;
  valence: SbiValence;
}

export type SbiField = "situation" | "behavior" | "impact" | "request";

export const sbiFields: readonly SbiField[] = ["situation", "behavior", "impact", "request"];

/**
 * Placeholders for the capture form. The redirecting set is the method's own
 * example; the reinforcing set shows that praise needs the same specifics.
 */
export const sbiExamples: Readonly<Record<SbiValence, Readonly<SbiDraft>>> = {
  redirecting: {
    situation: "In yesterday's design review…",
    behavior: "…you interrupted the designer multiple times…",
    impact: "…it made it harder to understand their rationale.",
    request: "In future reviews, hold questions to the end.",
    valence: "redirecting",
  },
  reinforcing: {
    situation: "During Tuesday's outage call…",
    behavior: "…you posted a status update in #incident every 15 minutes…",
    impact: "…support could answer customers without pulling engineers off the fix.",
    request: "Add that update template to the on-call runbook.",
    valence: "reinforcing",
  },
};

/** Read one field of whatever was passed, as text. */
export function readField(draft: unknown, field: SbiField | "valence"): string {
  if (typeof draft !== "object" || draft === null) return "";
  try {
    return asText((draft as Record<string, unknown>)[field]);
  } catch {
    // A getter that throws or a revoked proxy is still just "no text".
    return "";
  }
}

export function readValence(draft: unknown): SbiValence {
  return readField(draft, "valence") === "reinforcing" ? "reinforcing" : "redirecting";
}

function tidy(text: string): string {
  return capText(text.replace(/\s+/g, " ").trim()).trim();
}

/**
 * The draft as it should be stored: fields trimmed, runs of whitespace
 * collapsed, each capped at the field limit, missing fields empty, and
 * "redirecting" unless it says "reinforcing".
 */
export function normalizeSbi(draft: Partial<SbiDraft>): SbiDraft {
  return {
    situation: tidy(readField(draft, "situation")),
    behavior: tidy(readField(draft, "behavior")),
    impact: tidy(readField(draft, "impact")),
    request: tidy(readField(draft, "request")),
    valence: readValence(draft),
  };
}

/** Situation, behavior and impact are written; the request is optional. */
export function isSbiComplete(draft: Partial<SbiDraft>): boolean {
  return (["situation", "behavior", "impact"] as const).every(
    (field) => readField(draft, field).trim() !== "",
  );
}
