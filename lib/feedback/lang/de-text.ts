/**
 * Reads German feedback into words the rules can compare. The English reader spells out
 * English contractions, which would mangle German, so German gets its own.
 *
 * Every step is one pass over the text, and the token pattern has no ambiguous repetition,
 * so a pasted wall of text stays cheap.
 */
import { capText } from "../text";

export interface DeWord {
  /** lower case, umlauts and ß folded, hyphens and apostrophes dropped: "Design-Review" gives "designreview" */
  w: string;
  /** as typed */
  raw: string;
  /** written with a capital letter */
  cap: boolean;
  /** punctuation that ends a clause; `w` is then "." */
  brk: boolean;
}

/**
 * One spelling for the ways managers type the same word: "Ä", "ä" and "ae" all become "a",
 * so "unzuverlässig", "unzuverlaessig" and "unzuverlassig" meet. Lexicons are folded the same way.
 */
export function fold(word: string): string {
  return word
    .toLowerCase()
    .replace(/ß/g, "ss")
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/ae/g, "a")
    .replace(/oe/g, "o")
    .replace(/ue/g, "u")
    .replace(/['’-]/g, "");
}

/** A set of folded words from a whitespace-separated list. */
export function foldedSet(text: string): ReadonlySet<string> {
  return new Set(text.split(/\s+/).filter(Boolean).map(fold));
}

const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u00AB\u00BB\u2039\u203A"]/g;

/**
 * Blank out quoted speech: quoting someone ("du hast „das ist doch Quatsch“ gesagt") describes
 * what they did. A quote that is never closed hides nothing.
 */
function hideQuoted(text: string): string {
  let out = "";
  let copied = 0;
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    if (text.charAt(i) !== '"') continue;
    if (open < 0) open = i;
    else {
      out += `${text.slice(copied, open)} zitat `;
      copied = i + 1;
      open = -1;
    }
  }
  return out + text.slice(copied);
}

// Letters may join with a hyphen or apostrophe ("Design-Review", "geht's"); digits with
// separators ("10:30", "3.11.2025"). Each repeat must eat a separator: no backtracking blow-up.
const TOKEN =
  /[#@][\p{L}\p{N}_-]+|\p{N}+(?:[.:/]\p{N}+)*|[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*|[.!?;:,()[\]{}\u2026\u2013\u2014]/gu;

/** Split German text into words and clause breaks. With `hideQuotes`, quoted speech becomes "zitat". */
export function deWords(text: string, hideQuotes = false): DeWord[] {
  const unified = capText(typeof text === "string" ? text : "")
    .normalize("NFKC")
    .replace(DOUBLE_QUOTES, '"');
  const source = hideQuotes ? hideQuoted(unified) : unified;
  const out: DeWord[] = [];
  for (const match of source.matchAll(TOKEN)) {
    const raw = match[0];
    const first = raw.charAt(0);
    if (raw.length === 1 && !/[\p{L}\p{N}]/u.test(first)) {
      out.push({ w: ".", raw, cap: false, brk: true });
      continue;
    }
    const w = fold(raw);
    if (w === "") continue;
    out.push({ w, raw, cap: first !== first.toLowerCase(), brk: false });
  }
  return out;
}

/** The words from `start` up to `end` (exclusive) as typed. */
export function typedRange(ws: readonly DeWord[], start: number, end: number): string {
  return ws
    .slice(Math.max(0, start), end)
    .filter((word) => !word.brk)
    .map((word) => word.raw)
    .join(" ");
}

const ENDINGS = [
  "ungen",
  "ung",
  "heit",
  "keit",
  "ern",
  "em",
  "en",
  "er",
  "es",
  "st",
  "te",
  "e",
  "n",
  "s",
  "t",
];

/**
 * A rough stem for comparing two fields: "unterbrochen" and "Unterbrechung" stay apart, but
 * "Designerin", "Designerinnen" and "unterbrach", "unterbrachst" meet.
 */
export function deStem(w: string): string {
  let s = w;
  if (s.length > 6 && s.startsWith("ge")) s = s.slice(2);
  for (const end of ENDINGS) {
    if (s.length - end.length >= 4 && s.endsWith(end)) return s.slice(0, -end.length);
  }
  return s;
}

/** `w`, or `w` without one adjective or noun ending, is in `words`: "faule", "faulen" find "faul". */
export function inflectedIn(w: string, words: ReadonlySet<string>): boolean {
  if (words.has(w)) return true;
  // Feminine labels too: "Besserwisserin", "Egoistinnen".
  for (const end of ["e", "en", "em", "er", "es", "n", "s", "in", "innen"]) {
    if (w.length - end.length >= 3 && w.endsWith(end) && words.has(w.slice(0, -end.length))) return true;
  }
  return false;
}
