/**
 * Text folding for matching titles written in many languages and keyboards.
 *
 * Matching runs on a folded copy (compatibility forms unified, lower case,
 * accents dropped, one kind of dash), but callers sometimes need to point back
 * into the original title, e.g. to cut a marker out before reading a name.
 * So the folded text carries, for every UTF-16 unit, the span of the original
 * code point it came from.
 */

/**
 * Calendar titles are short. Capping the text we look at keeps the worst case
 * bounded when a broken page hands us something enormous.
 */
export const MAX_TEXT_CHARS = 4096;

export interface FoldedText {
  text: string;
  /** original UTF-16 index where the code point behind text[i] starts */
  start: number[];
  /** original UTF-16 index just after that code point */
  end: number[];
}

// Letters that carry no combining mark to strip but that people routinely
// type without the diacritic ("Grüsse", "lodz").
const LETTER_FOLDS: Readonly<Record<string, string>> = {
  ß: "ss",
  ł: "l",
  đ: "d",
  ø: "o",
  æ: "ae",
  œ: "oe",
  ı: "i",
  "’": "'",
  "‘": "'",
  ʼ: "'",
  "`": "'",
  "´": "'",
  "∶": ":",
  "꞉": ":",
  "⁄": "/",
  "∕": "/",
};

const DASH = /[\u2010-\u2015\u2212\u2E3A\u2E3B\uFE58\uFE63\uFF0D]/u;
const SPACE = /[\s\p{Cc}]/u;
const INVISIBLE = /\p{Cf}/u;
const MARKS = /\p{M}/gu;

const foldCache = new Map<string, string>();

function foldCodePoint(ch: string): string {
  const cached = foldCache.get(ch);
  if (cached !== undefined) return cached;
  let out: string;
  if (INVISIBLE.test(ch)) {
    out = "";
  } else if (SPACE.test(ch)) {
    out = " ";
  } else if (DASH.test(ch)) {
    out = "-";
  } else {
    // Decompose twice: lower-casing can itself produce combining marks (İ).
    const decomposed = ch.normalize("NFKD").toLowerCase().normalize("NFKD").replace(MARKS, "");
    let folded = "";
    for (const part of decomposed.normalize("NFC")) {
      if (SPACE.test(part)) folded += " ";
      else if (DASH.test(part)) folded += "-";
      else folded += LETTER_FOLDS[part] ?? part;
    }
    out = folded;
  }
  // The cache only ever holds distinct code points, a small set in practice;
  // the cap guards against a title made of thousands of rare symbols.
  if (foldCache.size < 20_000) foldCache.set(ch, out);
  return out;
}

/** Fold `input` for matching, keeping a map back to the original indices. */
export function foldWithMap(input: string): FoldedText {
  const source = input.length > MAX_TEXT_CHARS ? input.slice(0, MAX_TEXT_CHARS) : input;
  let text = "";
  const start: number[] = [];
  const end: number[] = [];
  let i = 0;
  while (i < source.length) {
    const cp = source.codePointAt(i) ?? 0;
    const width = cp > 0xffff ? 2 : 1;
    let folded: string;
    if (cp < 0x80) {
      if (cp <= 0x20 || cp === 0x7f) folded = " ";
      else if (cp >= 0x41 && cp <= 0x5a) folded = String.fromCharCode(cp + 32);
      else if (cp === 0x60) folded = "'";
      else folded = String.fromCharCode(cp);
    } else {
      folded = foldCodePoint(source.slice(i, i + width));
    }
    for (let k = 0; k < folded.length; k++) {
      const unit = folded.charAt(k);
      // Runs of blanks collapse so patterns can use a single literal space.
      if (unit === " " && (text.length === 0 || text.endsWith(" "))) continue;
      text += unit;
      start.push(i);
      end.push(i + width);
    }
    i += width;
  }
  return { text, start, end };
}

/** Fold `input` for matching (see `foldWithMap`). */
export function fold(input: string): string {
  return foldWithMap(input).text.trim();
}

/**
 * The title as a person would read it, with compatibility forms, dashes and
 * blanks unified but case and accents kept, for reading names.
 */
export function tidyForDisplay(input: string): string {
  const source = input.length > MAX_TEXT_CHARS ? input.slice(0, MAX_TEXT_CHARS) : input;
  return source
    .normalize("NFKC")
    .replace(/\p{Cf}/gu, "")
    .replace(/[\u2010-\u2015\u2212\u2E3A\u2E3B\uFE58\uFE63]/gu, "-")
    .replace(/[’‘ʼ´`]/gu, "'")
    .replace(/[\s\p{Cc}]+/gu, " ")
    .trim();
}

/** Escape text for use as a literal inside a RegExp. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}
