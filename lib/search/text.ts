/** Letters that carry no combining mark to strip, spelled as people type them without it. */
const SPELLED: Record<string, string> = {
  ß: "ss",
  ø: "o",
  ł: "l",
  đ: "d",
  ð: "d",
  þ: "th",
  æ: "ae",
  œ: "oe",
  ı: "i",
};
const SPELLED_RE = new RegExp(`[${Object.keys(SPELLED).join("")}]`, "g");

/** How a word is compared: lower case, accents and other marks gone, so "jose" finds "José". */
export function fold(word: string): string {
  return word
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(SPELLED_RE, (c) => SPELLED[c] ?? c);
}

export interface Word {
  /** as written */
  text: string;
  /** where it starts in the text */
  at: number;
}

const WORD_RE = /[\p{L}\p{N}\p{M}]+/gu;

/** The words of a text with where each stands; punctuation and spaces separate them. */
export function words(text: string): Word[] {
  return [...text.matchAll(WORD_RE)].map((m) => ({ text: m[0], at: m.index }));
}

/** The words as the index and the query compare them. */
export function terms(text: string): string[] {
  return words(text)
    .map((w) => fold(w.text))
    .filter((t) => t !== "");
}

/** A piece of a result's text: shown as it is, marked when it is one of the words searched for. */
export interface TextPart {
  text: string;
  match: boolean;
}

/** Whether a folded word of the text is one the search matched. */
export type WordMatch = (folded: string) => boolean;

/** Matches the words the index said it found, and any word a query term begins. */
export function matcher(found: Iterable<string>, queryTerms: readonly string[]): WordMatch {
  const exact = new Set(found);
  return (folded) => exact.has(folded) || queryTerms.some((q) => q.length > 0 && folded.startsWith(q));
}

/** The whole text in parts, the matched words marked. */
export function highlight(text: string, isMatch: WordMatch): TextPart[] {
  return markWords(text, 0, text.length, isMatch);
}

function markWords(text: string, from: number, to: number, isMatch: WordMatch): TextPart[] {
  const parts: TextPart[] = [];
  let at = from;
  for (const w of words(text.slice(from, to))) {
    const start = from + w.at;
    if (!isMatch(fold(w.text))) continue;
    if (start > at) parts.push({ text: text.slice(at, start), match: false });
    parts.push({ text: w.text, match: true });
    at = start + w.text.length;
  }
  if (at < to) parts.push({ text: text.slice(at, to), match: false });
  return parts;
}

/**
 * A short piece of the text around its first matched word, with the matched words marked; "…"
 * where it was cut. Line breaks become spaces so a result stays on its lines.
 */
export function snippet(text: string, isMatch: WordMatch, around = 60): TextPart[] {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= around * 2) return highlight(flat, isMatch);
  const all = words(flat);
  const first = all.find((w) => isMatch(fold(w.text)));
  const center = first?.at ?? 0;
  let from = Math.max(0, center - around);
  let to = Math.min(flat.length, from + around * 2);
  from = Math.max(0, Math.min(from, to - around * 2));
  // Start and end on whole words.
  if (from > 0) from = all.find((w) => w.at >= from)?.at ?? from;
  const last = [...all].reverse().find((w) => w.at + w.text.length <= to && w.at >= from);
  if (to < flat.length && last) to = last.at + last.text.length;
  const parts = markWords(flat, from, to, isMatch);
  if (from > 0) parts.unshift({ text: "…", match: false });
  if (to < flat.length) parts.push({ text: "…", match: false });
  return parts;
}

/** Edits that still count as the same word: none for short words, one from four letters, two from eight. */
export function typosAllowed(term: string): number {
  return term.length < 4 ? 0 : term.length < 8 ? 1 : 2;
}

/** Whether `a` turns into `b` in at most `max` single-letter edits (Levenshtein). */
export function withinEdits(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  if (max === 0) return a === b;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      row.push(value);
      best = Math.min(best, value);
    }
    if (best > max) return false;
    prev = row;
  }
  return (prev[b.length] ?? max + 1) <= max;
}

/** Whether a folded word of a text answers a query term: begins with it, or is it with a typo. */
export function termMatches(queryTerm: string, word: string): boolean {
  if (word.startsWith(queryTerm)) return true;
  return withinEdits(queryTerm, word, typosAllowed(queryTerm));
}
