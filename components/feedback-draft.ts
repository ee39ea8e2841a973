/**
 * Where the popup keeps a feedback draft between openings: the extension's own `localStorage`,
 * which the popup and options share.
 */
export const FEEDBACK_DRAFT_KEY = "sbiDraft";

/** A half-written feedback names its person: it goes with everything else. */
export function forgetFeedbackDraft() {
  try {
    localStorage.removeItem(FEEDBACK_DRAFT_KEY);
  } catch {
    // A page without storage holds no draft.
  }
}
