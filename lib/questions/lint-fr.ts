import type { QuestionLintResult } from "./lint";

/** Placeholder until this language has rules of its own: nothing is flagged. */
export function frenchQuestionLint(_text: string): QuestionLintResult {
  return { ok: true };
}
