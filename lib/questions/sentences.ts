/**
 * What every language's question check shares: where sentences end, which of them ask something,
 * and how a verdict on them becomes a finding.
 */
import type { QuestionLintCode, QuestionLintResult } from "./lint";

export function isQuestionSentence(sentence: string): boolean {
  return sentence.slice(trimEndOf(sentence, "?!").length).includes("?");
}

/** `text` without the trailing characters in `chars`; a loop, so it stays linear. */
export function trimEndOf(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text[end - 1] ?? "")) end--;
  return text.slice(0, end);
}

export function splitSentences(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if ((ch === "?" || ch === "!" || ch === ".") && (i + 1 === text.length || text[i + 1] === " ")) {
      // Keep "?!" and "??" with their sentence.
      let end = i + 1;
      while (end < text.length && /[?!.]/.test(text[end] ?? "")) end++;
      out.push(text.slice(start, end).trim());
      start = end;
      i = end - 1;
    }
  }
  const rest = text.slice(start).trim();
  if (rest) out.push(rest);
  return out.filter(Boolean);
}

/** What a language's rules say of one sentence. */
export type QuestionVerdict = { code: "closed" | "leading"; rewrite?: string } | "open" | "statement";

/** How one language words its findings. */
export interface QuestionWords {
  messages: Readonly<Record<QuestionLintCode, string>>;
  advice: Readonly<Record<QuestionLintCode, string>>;
  /** "Try: '…'" in the language, with its quotation marks */
  suggest(question: string): string;
  /** an open question to offer when the rules have no rewrite of their own */
  fallback: string;
  /** how the language writes a sentence back, when a rewrite would only repeat it */
  sameQuestion?(a: string, b: string): boolean;
}

export interface QuestionRules {
  words: QuestionWords;
  judge(sentence: string, isQuestion: boolean): QuestionVerdict;
  /** a question sentence; Spanish opens one with "¿" as well */
  asks?(sentence: string): boolean;
  /** the text says anywhere that it asks; without it, the whole text is judged as one question */
  marked?(clean: string): boolean;
  /** the first of two open questions, as it is offered alone */
  offer?(sentence: string): string;
}

/**
 * The check every language shares: only the sentences that ask are judged (all of the text when
 * nothing is marked as a question, as people skip the mark in quick notes); the first closed or
 * leading one is reported; two open ones are a double question.
 */
export function checkQuestion(clean: string, rules: QuestionRules): QuestionLintResult {
  if (clean === "") return { ok: true };
  const asks = rules.asks ?? isQuestionSentence;
  const marked = rules.marked ? rules.marked(clean) : clean.includes("?");
  const candidates = marked ? splitSentences(clean).filter(asks) : [clean];
  const open: string[] = [];
  for (const sentence of candidates) {
    const verdict = rules.judge(sentence, asks(sentence));
    if (verdict === "open") open.push(sentence);
    else if (verdict !== "statement")
      return flagQuestion(rules.words, verdict.code, sentence, verdict.rewrite);
  }
  if (open.length < 2) return { ok: true };
  const first = rules.offer ? rules.offer(open[0] ?? "") : (open[0] ?? "");
  const { messages, advice } = rules.words;
  return {
    ok: false,
    code: "double",
    message: messages.double,
    hint: `${advice.double} ${rules.words.suggest(first)}`,
    rewrite: first,
  };
}

function flagQuestion(
  words: QuestionWords,
  code: Exclude<QuestionLintCode, "double">,
  sentence: string,
  rewrite: string | undefined,
): QuestionLintResult {
  const suggestion = rewrite ?? words.fallback;
  const same = words.sameQuestion ?? ((a: string, b: string) => a === b);
  return {
    ok: false,
    code,
    message: words.messages[code],
    hint: `${words.advice[code]} ${words.suggest(suggestion)}`,
    rewrite: same(suggestion, sentence) ? undefined : suggestion,
  };
}
