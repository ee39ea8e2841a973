/**
 * Sentence handling every language's question check shares: where sentences end, and which
 * of them ask something.
 */

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
