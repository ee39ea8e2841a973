import { characterHits } from "../behavior-lint";
import { impactProblem } from "../impact-lint";
import { requestProblem } from "../request-lint";
import type { SbiMessages, SbiRules } from "../rules";
import { sbiExamples } from "../sbi";
import { situationAnchored } from "../situation-lint";

const englishMessages: SbiMessages = {
  situationMissing:
    "Add when and where it happened, e.g. “In yesterday's design review”. It helps them recall the moment.",
  situationNoAnchor:
    "Anchor it to one moment: add when or where, e.g. “in yesterday's design review” or “during Tuesday's standup”.",
  behaviorMissing:
    "Describe what they did, as a camera would have seen it, e.g. “you interrupted the designer three times”.",
  behavior: {
    trait: (m) =>
      `Describe what they did, not who they are: ${m} sums up the person. Try what you saw, e.g. “you interrupted twice” instead of “you're rude”.`,
    mind: (m) =>
      `${m} guesses at what they think or intend. Stick to what you saw or heard, e.g. “you didn't reply to the two review requests”.`,
    absolute: (m) =>
      `${m} invites a debate about the exceptions. Describe one specific time instead, e.g. “on Tuesday you joined standup ten minutes late”.`,
    praise: (m) =>
      `${m} is kind, but it doesn't say what to repeat. Name what they did, e.g. “you walked the new hire through the deploy step by step”.`,
  },
  impactExample: {
    reinforcing: "“support could answer customers without pulling engineers off the fix”",
    redirecting: "“it made it harder to understand their rationale”",
  },
  impactMissing: (example) =>
    `Say what it led to, and for whom, e.g. ${example}. The impact is what makes feedback land.`,
  impactVague: (example) =>
    `Say what actually changed, and for whom, e.g. ${example}. A verdict like “it was bad” leaves them guessing.`,
  impactRestates: (example) =>
    `This mostly repeats the behavior. Say what happened as a result, e.g. ${example}.`,
  requestExample: {
    reinforcing: "“Add that update template to the on-call runbook.”",
    redirecting: "“In future reviews, hold questions to the end.”",
  },
  requestMissing: {
    reinforcing: (example) => `Optional: say what to keep doing or build on, e.g. ${example}`,
    redirecting: (example) => `Optional: suggest one thing to try next time, e.g. ${example}`,
  },
  requestNoAction: (example) =>
    `Phrase it as something they can do, starting with the action, e.g. ${example}`,
  requestVague: (example) =>
    `Ask for one thing they can do, so you'll both know when it happened, e.g. ${example}`,
};

export const englishSbiRules: SbiRules = {
  situationAnchored,
  characterHits,
  impactProblem,
  requestProblem,
  messages: englishMessages,
  examples: sbiExamples,
};
