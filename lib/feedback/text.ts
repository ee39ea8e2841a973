/**
 * Turns what a manager typed into words the rules can look at.
 *
 * Every step is a single pass over the text (or over its words), so the lint
 * stays linear however much is pasted into a field.
 */

/** The longest text a feedback field keeps (the same limit the database row has). */
export const SBI_FIELD_MAX_CHARS = 5000;

export interface Word {
  /** lower case, contractions spelled out ("you're" gives "you" then "are") */
  w: string;
  /** written with a capital letter: a name, a product, a place */
  cap: boolean;
  /** punctuation that ends a clause; `w` is then "." */
  brk: boolean;
  /** as typed, on the first word a contraction was spelled out into; "" on the rest */
  raw: string;
}

/** Whatever was passed, as text: forms hand us strings, anything else counts as empty. */
export function asText(value: unknown): string {
  return typeof value === "string" ? value : "";
}

/** Cut to the field limit without splitting a surrogate pair. */
export function capText(text: string): string {
  if (text.length <= SBI_FIELD_MAX_CHARS) return text;
  const cut = text.charCodeAt(SBI_FIELD_MAX_CHARS - 1);
  const end = cut >= 0xd800 && cut <= 0xdbff ? SBI_FIELD_MAX_CHARS - 1 : SBI_FIELD_MAX_CHARS;
  return text.slice(0, end);
}

// Phones and word processors curl quotes; people type backticks and primes.
const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u2032\u02BC`\u00B4]/g;
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g;

function unifyQuotes(text: string): string {
  return text.normalize("NFKC").replace(SINGLE_QUOTES, "'").replace(DOUBLE_QUOTES, '"');
}

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
}

/**
 * Blank out quoted words. Quoting someone is describing what they did
 * ("you said 'this is a stupid idea'"), so the words inside are not the
 * manager's own judgment. An apostrophe inside a word ("you're", "Sam's") is
 * not a quote, and a quote that is never closed hides nothing.
 */
export function hideQuoted(text: string, standIn = "quote"): string {
  let out = "";
  let copied = 0;
  let open = -1;
  let openChar = "";
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (ch !== '"' && ch !== "'") continue;
    if (open < 0) {
      const opens = ch === '"' || (!isWordChar(text.charAt(i - 1)) && isWordChar(text.charAt(i + 1)));
      if (opens) {
        open = i;
        openChar = ch;
      }
    } else if (ch === openChar && (ch === '"' || !isWordChar(text.charAt(i + 1)))) {
      // A stand-in word keeps "you said '...' twice" reading as a sentence.
      out += `${text.slice(copied, open)} ${standIn} `;
      copied = i + 1;
      open = -1;
    }
  }
  return out + text.slice(copied);
}

const NOT_SUFFIX = "n't";
// "'s" after these means "is"; after anything else it is a possessive.
const IS_BEFORE_S = new Set(["he", "she", "it", "that", "who", "what", "there", "here", "where", "how"]);
const CONTRACTED: Readonly<Record<string, string>> = {
  re: "are",
  ve: "have",
  ll: "will",
  d: "would",
  m: "am",
};
// People skip the apostrophe on phones; only forms that are not words themselves.
const BARE: Readonly<Record<string, readonly string[]>> = {
  dont: ["do", "not"],
  doesnt: ["does", "not"],
  didnt: ["did", "not"],
  isnt: ["is", "not"],
  arent: ["are", "not"],
  wasnt: ["was", "not"],
  werent: ["were", "not"],
  cant: ["can", "not"],
  cannot: ["can", "not"],
  couldnt: ["could", "not"],
  shouldnt: ["should", "not"],
  wouldnt: ["would", "not"],
  havent: ["have", "not"],
  hasnt: ["has", "not"],
  hadnt: ["had", "not"],
  youre: ["you", "are"],
  theyre: ["they", "are"],
  youve: ["you", "have"],
  theyve: ["they", "have"],
  im: ["i", "am"],
  ive: ["i", "have"],
  thats: ["that", "is"],
  u: ["you"],
};
const IRREGULAR_NOT: Readonly<Record<string, readonly string[]>> = {
  "can't": ["can", "not"],
  "won't": ["will", "not"],
  "shan't": ["shall", "not"],
  "ain't": ["is", "not"],
  "let's": ["let", "us"],
};

function expand(word: string): readonly string[] {
  const irregular = IRREGULAR_NOT[word] ?? BARE[word];
  if (irregular) return irregular;
  const apostrophe = word.indexOf("'");
  if (apostrophe <= 0) return [word];
  if (word.endsWith(NOT_SUFFIX)) return [word.slice(0, -NOT_SUFFIX.length), "not"];
  const base = word.slice(0, apostrophe);
  const tail = word.slice(apostrophe + 1);
  if (tail === "s") return IS_BEFORE_S.has(base) ? [base, "is"] : [base];
  const spelled = CONTRACTED[tail];
  return spelled ? [base, spelled] : [base];
}

// Words may join letters with an apostrophe or hyphen ("you're", "know-it-all")
// and digits with separators ("10:30", "3/11", "v2.1", "1:1"). Each repeat of
// the group must eat a separator, so there is no backtracking blow-up.
const TOKEN =
  /[#@][\p{L}\p{N}_-]+|[\p{L}\p{N}]+(?:[-'][\p{L}\p{N}]+|(?<=\p{N})[.:/][\p{L}\p{N}]+|[.:/]\p{N}+)*|[.!?;:,()[\]{}\u2026\u2013\u2014]|(?<=\s)-(?=\s)/gu;

/**
 * Split text into words and clause breaks, with contractions spelled out.
 * With `hideQuotes`, quoted speech becomes the single word "quote".
 */
export function words(text: string, hideQuotes = false): Word[] {
  const unified = unifyQuotes(capText(text));
  const out: Word[] = [];
  for (const match of (hideQuotes ? hideQuoted(unified) : unified).matchAll(TOKEN)) {
    const raw = match[0];
    const first = raw.charAt(0);
    if (raw.length === 1 && !isWordChar(first)) {
      out.push({ w: ".", cap: false, brk: true, raw });
      continue;
    }
    const cap = first !== first.toLowerCase();
    let typed = raw;
    for (const w of expand(raw.toLowerCase())) {
      if (w === "") continue;
      out.push({ w, cap, brk: false, raw: typed });
      typed = "";
    }
  }
  return out;
}

/** The words from `start` up to `end` (exclusive) as the writer typed them. */
export function typed(ws: readonly Word[], start: number, end: number): string {
  let from = Math.max(0, start);
  // "not" spelled out of "doesn't" has nothing typed of its own
  while (from > 0 && ws[from]?.raw === "") from--;
  return ws
    .slice(from, end)
    .map((word) => word.raw)
    .filter((raw) => raw !== "")
    .join(" ");
}

/**
 * A rough stem, good enough to tell that "interrupting" and "interrupted"
 * are the same word when comparing two fields.
 */
export function stem(word: string): string {
  let w = word;
  if (w.length > 5 && w.endsWith("ies")) w = `${w.slice(0, -3)}y`;
  else if (w.length > 6 && w.endsWith("ions")) w = w.slice(0, -4);
  else if (w.length > 5 && w.endsWith("ion")) w = w.slice(0, -3);
  else if (w.length > 5 && w.endsWith("ing")) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith("ed")) w = w.slice(0, -2);
  else if (w.length > 4 && w.endsWith("ly")) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith("s") && !w.endsWith("ss")) w = w.slice(0, -1);
  // "stopped" -> "stopp" -> "stop"; "merge" and "merged" -> "merg"
  const last = w.charAt(w.length - 1);
  if (w.length > 3 && last === w.charAt(w.length - 2) && !"aeiouls".includes(last)) w = w.slice(0, -1);
  if (w.length > 3 && last === "e") w = w.slice(0, -1);
  return w;
}
