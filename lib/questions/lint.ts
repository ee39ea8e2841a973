/**
 * Flags questions that invite a yes/no or suggest their own answer, the method's
 * "questions to avoid", with a hint and, where the shape allows, an open rewrite.
 *
 * The rules look at grammar (how a question opens and ends), not at a list of known
 * bad questions, so they cover what the manager actually types. Patterns are anchored or
 * word-bounded with no ambiguous repetition, and trailing punctuation is trimmed by hand,
 * because a regex like /[?!]+$/ backtracks quadratically over a long run of "?".
 */

import type { Language } from "@/lib/settings";
import { germanQuestionLint } from "./lint-de";
import { spanishQuestionLint } from "./lint-es";
import { frenchQuestionLint } from "./lint-fr";
import { openRewriteKeepingSubject } from "./open-rewrite";
import { checkQuestion, type QuestionVerdict, type QuestionWords, trimEndOf } from "./sentences";

export type QuestionLintCode = "closed" | "leading" | "double";

export type QuestionLintResult =
  | { ok: true }
  | {
      ok: false;
      code: QuestionLintCode;
      message: string;
      /** Short advice, with a rewrite when there is one: "Try: '…'". */
      hint: string;
      /** An open version of the question, for a one-click replace. */
      rewrite?: string;
    };

const words: QuestionWords = {
  messages: {
    closed: "Closed question: it can be answered with a yes or no.",
    leading: "Leading question: it suggests the answer you want to hear.",
    double: "Two questions at once: people tend to answer only one.",
  },
  advice: {
    closed: "Start with what, how or where so they answer in their own words.",
    leading: "Leave your view out and ask for theirs.",
    double: "Ask one thing at a time, the one that matters most first.",
  },
  suggest: (question) => `Try: '${question}'`,
  fallback: "How would you approach this?",
};

/** How a question may open and still be open: wh-words and invitations to talk. */
const openHead =
  /^(?:what|whats|how|hows|why|where|wheres|when|whens|which|who|whos|whom|whose|tell me|tell us|walk me through|talk me through|take me through|describe|explain|help me understand|share|say more|paint me a picture|imagine|picture|think back|thoughts|ideas|reactions|impressions|(?:in|to|at|for|on|by|from|with|about|of|under) (?:what|which|whom|whose|how))\b/;

/** Polite requests to talk ("Could you walk me through…?") are open in practice. */
const politeOpenRequest =
  /^(?:can|could|would|will) you (?:please )?(?:tell (?:me|us)|walk me through|talk me through|take me through|describe|explain|share (?:more|your|how|what|why|where|which|a bit|an example|some)|say more|help me understand|give (?:me )?an example|expand|elaborate|unpack|paint)\b|^would you mind (?:telling|walking|talking|describing|explaining|sharing|saying)\b/;

/** Openers that make a yes/no question. */
const closedHead =
  /^(?:is|are|am|was|were|do|does|did|have|has|had|can|could|will|would|should|shall|may|might|must|any|anything|anyone|anybody|everything|everyone|all|got)\b/;

/** Subjects after an auxiliary: "do you…", "is the…"; tells a question without "?" from an imperative. */
const closedHeadWithSubject =
  /^(?:is|are|am|was|were|do|does|did|have|has|had|can|could|will|would|should|shall|may|might|must) (?:you|we|they|it|he|she|i|there|that|this|these|those|the|your|our|my|his|her|their|everything|anything|everyone|anyone|things)\b/;

/** "Isn't it…", "Don't you…", "Shouldn't we…": the negative presumes the answer. */
const negativeHead =
  /^(?:\w+n't|cannot) (?:you|we|they|it|he|she|i|there|that|this|the|your|our|everyone|anyone|things)\b/;

/** Subordinate openings whose main question comes after the comma. */
const clauseHead =
  /^(?:if|when|once|after|before|while|since|as|now that|given|assuming|suppose|supposing|looking|thinking|say)\b/;

const leadingAnywhere: readonly RegExp[] = [
  /\b(?:don't|do not|dont) you (?:think|agree|feel|want|believe)\b/,
  /\bdo you not (?:think|agree|feel)\b/,
  /\b(?:wouldn't|would|do|don't) you (?:not )?agree\b/,
  /^you(?:'d| would)? agree\b|\bwe all agree\b/,
  /\bwouldn't you say\b/,
  /\bam i (?:right|wrong)\b/,
  /\b(?:isn't|is it not) (?:it|that) (?:true|obvious|clear|better|fair to say)\b/,
  /\b(?:wouldn't|would not|isn't|is not) it (?:be )?(?:better|easier|simpler|smarter|best|wiser|make more sense)\b/,
  /\bwhy (?:\w+n't|cannot) (?:you|we|i|they)\b/,
  /\bwhy not \w/,
  /\bhow about (?:we|you just|just)\b/,
  /\bwhat(?:'s| is) wrong with just\b/,
  /\bcan't (?:we|you) just\b/,
  /\b(?:surely|obviously)\b/,
  /\bhow (?:great|amazing|awesome|wonderful|fantastic|incredible|brilliant|terrible|awful|horrible) (?:was|were|is|are|did|does|has|have)\b/,
];

/** Agreement-seeking tails ("…, right?"); short words need a comma so "…make this right?" passes. */
const tagWithComma =
  /[,;:\u2013\u2014-] *(?:right|correct|yes|yeah|yep|no|ok|okay|agreed|true|fair|good|fine|cool|all good|sound good|sounds good|make sense|makes sense|you know|eh|huh|or not|yes or no)\?+$/;
const negativeTag =
  /\b(?:isn't|aren't|wasn't|weren't|don't|doesn't|didn't|won't|wouldn't|can't|couldn't|shouldn't|haven't|hasn't) (?:it|you|we|they|he|she|i|that|there)(?: think)?\?+$|\bisn't that (?:so|right|true)\?+$/;

const fillers =
  /^(?:(?:so|and|but|or|also|ok|okay|all right|alright|well|hey|hi|now|then|anyway|honestly|quick question|just curious|out of curiosity|one more thing|last thing)\b[\s,:;.\u2013\u2014-]*)+/i;

type Verdict = QuestionVerdict;

/** Checks a question written in `language` (the manager's), and answers in it. Never throws. */
export function questionLint(text: string, language: Language = "en"): QuestionLintResult {
  if (typeof text !== "string") return { ok: true };
  try {
    switch (language) {
      case "de":
        return germanQuestionLint(text);
      case "fr":
        return frenchQuestionLint(text);
      case "es":
        return spanishQuestionLint(text);
      default:
        return lint(text);
    }
  } catch {
    return { ok: true };
  }
}

function lint(text: string): QuestionLintResult {
  if (typeof text !== "string") return { ok: true };
  const clean = text
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\s+/g, " ")
    .trim();
  return checkQuestion(clean, { words, judge });
}

function judge(sentence: string, isQuestion: boolean): Verdict {
  const original = sentence.replace(fillers, "").trim() || sentence;
  const lower = isQuestion ? `${trimEndOf(original.toLowerCase(), "?!")}?` : original.toLowerCase();

  if (leadingAnywhere.some((re) => re.test(lower)))
    return { code: "leading", rewrite: leadingRewrite(lower) };
  if (tagWithComma.test(lower) || negativeTag.test(lower)) {
    return { code: "leading", rewrite: "How do you see it?" };
  }
  return judgeHead(original, isQuestion, 0);
}

function judgeHead(original: string, isQuestion: boolean, depth: number): Verdict {
  const lower = original.toLowerCase();
  const head = lower.replace(/^(\w+)'(?:s|re|d|ll)\b/, "$1s");
  const clauseBreak = original.search(/[,:;\u2013\u2014]/);

  if (negativeHead.test(lower)) return { code: "leading", rewrite: leadingRewrite(lower) };
  if (clauseHead.test(head) && clauseBreak > 0 && depth < 3) {
    return judgeRest(original, clauseBreak, isQuestion, depth);
  }
  if (openHead.test(head)) return "open";
  if (politeOpenRequest.test(lower)) return "open";
  if (closedHeadWithSubject.test(lower) || (isQuestion && closedHead.test(lower))) {
    return { code: "closed", rewrite: closedRewrite(original) };
  }
  // "Hey Sam, how…", "Honestly, are you…": judge the main clause after the comma.
  if (clauseBreak > 0 && depth < 3) return judgeRest(original, clauseBreak, isQuestion, depth);
  // A question that opens with neither a wh-word nor an auxiliary is a statement with a
  // question mark ("You're okay with that?"): still yes or no.
  return isQuestion ? { code: "closed", rewrite: closedRewrite(original) } : "statement";
}

function judgeRest(original: string, at: number, isQuestion: boolean, depth: number): Verdict {
  const rest = original.slice(at + 1).trim();
  const main = rest.replace(fillers, "").trim() || rest;
  if (trimEndOf(main, "?!.") === "") {
    return isQuestion ? { code: "closed", rewrite: closedRewrite(original) } : "statement";
  }
  return judgeHead(main, isQuestion, depth + 1);
}

function leadingRewrite(lower: string): string {
  if (/\bwhy (?:didn't|haven't|hasn't|wasn't|weren't|couldn't|can't|won't)\b/.test(lower)) {
    return "What got in the way?";
  }
  if (/\bagree\b|\bam i right\b|\bwouldn't you say\b|\btrue\b/.test(lower)) return "How do you see it?";
  const how = trimEndOf(lower, "?!. ").match(/^how \w+ (?:was|were) (.+)$/);
  if (how?.[1]) return `How did ${how[1]} go from your side?`;
  return "How would you approach this?";
}

/**
 * Rewrites for the commonest yes/no shapes, then one that keeps the question's subject; a generic
 * open question in the same tense only when there is no subject to keep.
 */
function closedRewrite(original: string): string {
  const s = trimEndOf(original, "?!. ");
  const lower = s.toLowerCase();
  for (const [pattern, build] of rewrites) {
    const m = s.match(pattern);
    if (m) {
      const out = build(m);
      if (out) return out;
    }
  }
  const keepingSubject = openRewriteKeepingSubject(s);
  if (keepingSubject) return keepingSubject;
  if (/^(?:did|was|were|had)\b/.test(lower)) return "How did it go from your side?";
  if (/^(?:have|has)\b/.test(lower)) return "How is it going from your side?";
  if (/^(?:will|would|should|shall|can|could|may|might|must)\b/.test(lower)) return "What would you suggest?";
  return "How do you see it?";
}

type Rewrite = readonly [RegExp, (m: RegExpMatchArray) => string | undefined];
const lowerFirst = (s: string | undefined) =>
  s ? s.replace(/^(?:The|This|That|Your|Our|My)\b/, (w) => w.toLowerCase()) : "";
const fromMe = /\b(?:for|about|on) me\b/i;

const rewrites: readonly Rewrite[] = [
  [/\bfeedback\b/i, (m) => (fromMe.test(m.input ?? "") ? "What feedback do you have for me?" : undefined)],
  [
    /\b(?:need|want) (?:anything|something) from me\b|\banything i can do\b|\bcan i help\b/i,
    () => "What do you need from me this week?",
  ],
  [/\bblock(?:er|ers|ed|ing)\b|\bstuck\b|\bobstacles?\b/i, () => "What is slowing you down right now?"],
  [/^any ?questions\b/i, () => "What questions do you have?"],
  [/^anything else\b/i, () => "What else is on your mind?"],
  [
    /^(?:are|were) you (?:still |really |feeling )?(?:happy|ok|okay|alright|all right|good|fine|excited|comfortable|satisfied|worried|stressed|enjoying|confident|sure|clear|content|nervous|keen)(?: (?:with|about|on|in|by) (.+))?$/i,
    (m) =>
      m[1] ? `How do you feel about ${lowerFirst(m[1])}?` : "How are you feeling about work these days?",
  ],
  [
    /^you(?:'re| are) (?:ok|okay|fine|good|happy|comfortable|alright|all right) (?:with|about) (.+)$/i,
    (m) => `How do you feel about ${lowerFirst(m[1])}?`,
  ],
  [
    /^(?:everything|all|things|you|you're|feeling|doing|going)\b(?: \S+){0,4}$/i,
    () => "How are things going for you this week?",
  ],
  [
    /^(?:is|are) (?:we|you|they|it|the team) on track (?:for|with) (.+)$/i,
    (m) => `How is ${lowerFirst(m[1])} looking from where you sit?`,
  ],
  [
    /^(is|are|was|were) (.+?) (?:on track|off track|going (?:well|ok|okay|fine|smoothly|to plan|according to plan)|in good shape|ok|okay|fine|good|alright|all right|working|progressing|going)$/i,
    (m) =>
      /^(?:was|were)$/i.test(m[1] ?? "")
        ? `How did ${lowerFirst(m[2])} go from your side?`
        : `How ${m[1]?.toLowerCase()} ${lowerFirst(m[2])} going from where you sit?`,
  ],
  [
    /^(?:was|were) (.+?) (?:a success|successful|worth it|useful|helpful|valuable|a good idea|the right call|good)$/i,
    (m) => `How did ${lowerFirst(m[1])} go from your side?`,
  ],
  [
    /^(?:is|are) (.+?) (?:a success|successful|worth it|useful|helpful|valuable|a good idea|the right call|clear)$/i,
    (m) => `What do you make of ${lowerFirst(m[1])}?`,
  ],
  [
    /^(is|are) (.+?) (done|ready|finished|complete|shipped)$/i,
    (m) => `What is left before ${lowerFirst(m[2])} ${m[1]?.toLowerCase()} ${m[3]?.toLowerCase()}?`,
  ],
  [
    /^(?:did|have|has) you (?:manage to |get to )?(?:finish|finished|complete|completed|ship|shipped|wrap up|wrapped up|close|closed|fix|fixed|send|sent|submit|submitted|do|done)(?: (.+))?$/i,
    (m) => (m[1] ? `Where are you with ${lowerFirst(m[1])}?` : "Where are you with it?"),
  ],
  [
    /^(?:have|did) you (?:talk|talked|speak|spoken|spoke|meet|met|sync|synced|catch up|caught up) (?:to|with) (.+)$/i,
    (m) => `What have you heard from ${m[1]}?`,
  ],
  [/^(?:does|do|did) (.+?) make sense$/i, (m) => `What is still unclear about ${lowerFirst(m[1])}?`],
  [
    /^is there (?:anything|something) (?:else )?(?:that )?(i|we) (can|could|should) (.+)$/i,
    (m) => `What ${m[2]?.toLowerCase()} ${m[1]?.toLowerCase() === "i" ? "I" : "we"} ${m[3]}?`,
  ],
  [
    /^is (?:there )?(?:anything|something|anyone|anybody) (?:else )?(\w+ing\b.*)$/i,
    (m) => `What is ${m[1]}?`,
  ],
  [/^should (?:i|we) be (?:worried|concerned)\b/i, () => "What worries you about it?"],
  [
    /^(?:shall|should|can|could) we (?:move on|wrap up|stop|finish)\b/i,
    () => "What else should we cover today?",
  ],
  [/^(?:do|did) you feel (?:ok|okay|good|fine|alright|all right)$/i, () => "How are you feeling?"],
  [
    /^(?:do|did) you (have|see) any (\w+)(?: (.+))?$/i,
    (m) => `What ${m[2]} do you ${m[1]?.toLowerCase()}${m[3] ? ` ${m[3]}` : ""}?`,
  ],
  [
    /^any (?!\w+ing\b|of\b|one\b|way\b)(\w+)(?: (.+))?$/i,
    (m) => `What ${m[1]} do you have${m[2] ? ` ${m[2]}` : ""}?`,
  ],
  [
    /^(?:can|could|will|would) you (?:please )?(?:be able to )?(?!be\b|not\b|(?:like|love|want) to\b)(.+)$/i,
    (m) => `What would it take to ${m[1]}?`,
  ],
];
