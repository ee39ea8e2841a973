/**
 * Turns French text into words the French rules can look at.
 *
 * The English tokeniser spells out English contractions and would read "l'équipe" as "l";
 * French needs elisions split off ("l'", "qu'", "n'"), accents folded away (managers drop them
 * on phones and keyboards without dead keys) and hyphenated inversions split ("a-t-il").
 * Every step is one pass over the text, so pasting a whole page stays linear.
 */
import { capText } from "../text";

export interface FrWord {
  /** lower case, accents folded: "équipe" gives "equipe", "œuvre" gives "oeuvre" */
  w: string;
  /** as typed */
  raw: string;
  /** written with a capital letter not at the start of a clause: a name, a product, a place */
  cap: boolean;
  /** punctuation that ends a clause; `w` is then "." */
  brk: boolean;
  /** where it is in the text, for showing the words as typed */
  from: number;
  to: number;
}

export interface FrText {
  words: FrWord[];
  /** the text the offsets point into */
  text: string;
}

const set = (text: string): ReadonlySet<string> => new Set(text.trim().split(/\s+/));

/** Lower case without accents. */
export function fold(text: string): string {
  return text.toLowerCase().normalize("NFD").replace(/\p{M}/gu, "").replace(/œ/g, "oe").replace(/æ/g, "ae");
}

// Phones curl apostrophes; people type backticks and primes.
const APOSTROPHES = /[\u2018\u2019\u201A\u201B\u2032\u02BC`\u00B4]/g;

// The forms French elides before a vowel: "l'équipe", "qu'il", "n'as", "jusqu'à".
const ELIDED = set(`l d j m t s n c qu jusqu lorsqu puisqu quoiqu presqu quelqu`);

// Hyphenated words that mean one thing; everything else is split ("dis-moi", "a-t-il").
const KEEP_HYPHENATED = set(`
  apres-midi avant-hier apres-demain week-end week-ends stand-up stand-ups post-mortem kick-off all-hands
  one-on-one tete-a-tete rendez-vous compte-rendu compte-rendus open-space e-mail e-mails petit-dejeuner
  je-sais-tout je-m-en-foutiste je-m'en-foutiste tire-au-flanc rabat-joie peut-etre c'est-a-dire au-dela
  au-dessus court-circuiter porte-parole mise-a-jour check-in demo-day passif-agressif passive-agressive
  passifs-agressifs passives-agressives
`);

/** Blank out quoted speech, keeping offsets: what someone said is reported, not judged. */
function hideQuoted(text: string): string {
  // Code units, not code points, so offsets stay those of the text.
  const chars = text.split("");
  let open = -1;
  let closer = "";
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] ?? "";
    if (open < 0) {
      if (ch === "«") closer = "»";
      else if (ch === "“") closer = "”";
      else if (ch === '"') closer = '"';
      else continue;
      open = i;
    } else if (ch === closer) {
      for (let k = open; k <= i; k++) chars[k] = " ";
      // A stand-in keeps "tu as dit « … » deux fois" reading as a sentence.
      chars[open] = "\uE000";
      open = -1;
    }
  }
  return chars.join("");
}

const TOKEN =
  /\uE000|[#@][\p{L}\p{N}_-]+|[\p{L}\p{N}]+(?:['-][\p{L}\p{N}]+|[.:/]\p{N}+)*|[.!?;:,()[\]{}\u2026\u2013\u2014]/gu;

function push(out: FrWord[], raw: string, from: number, clauseStart: boolean): void {
  const first = raw.charAt(0);
  const cap = !clauseStart && first !== first.toLowerCase();
  out.push({ w: fold(raw), raw, cap, brk: false, from, to: from + raw.length });
}

/** Split one token at elisions and hyphens, keeping each part's offset. */
function splitToken(out: FrWord[], raw: string, from: number, clauseStart: boolean): void {
  let rest = raw;
  let at = from;
  let start = clauseStart;
  for (;;) {
    const apostrophe = rest.indexOf("'");
    if (apostrophe <= 0 || !ELIDED.has(fold(rest.slice(0, apostrophe)))) break;
    push(out, rest.slice(0, apostrophe), at, start);
    start = false;
    at += apostrophe + 1;
    rest = rest.slice(apostrophe + 1);
  }
  if (rest === "") return;
  if (!rest.includes("-") || KEEP_HYPHENATED.has(fold(rest))) {
    push(out, rest, at, start);
    return;
  }
  for (const part of rest.split("-")) {
    if (part !== "") splitToken(out, part, at, start);
    start = false;
    at += part.length + 1;
  }
}

/**
 * Split text into words and clause breaks. With `hideQuotes`, quoted speech becomes the single
 * word "citation".
 */
export function frWords(input: string, hideQuotes = false): FrText {
  const text = capText(input).normalize("NFC").replace(APOSTROPHES, "'");
  const scanned = hideQuotes ? hideQuoted(text) : text;
  const out: FrWord[] = [];
  let clauseStart = true;
  for (const match of scanned.matchAll(TOKEN)) {
    const raw = match[0];
    const from = match.index ?? 0;
    if (raw === "\uE000") {
      out.push({ w: "citation", raw: "", cap: false, brk: false, from, to: from });
      clauseStart = false;
      continue;
    }
    if (raw.length === 1 && !/[\p{L}\p{N}]/u.test(raw)) {
      out.push({ w: ".", raw, cap: false, brk: true, from, to: from + 1 });
      clauseStart = /[.!?]/.test(raw) || raw === "\u2026";
      continue;
    }
    splitToken(out, raw, from, clauseStart);
    clauseStart = false;
  }
  return { words: out, text };
}

/** The words from `start` up to `end` (exclusive) as the writer typed them. */
export function frTyped(read: FrText, start: number, end: number): string {
  const first = read.words[Math.max(0, start)];
  const last = read.words[Math.min(read.words.length, end) - 1];
  if (!first || !last) return "";
  return read.text.slice(first.from, Math.max(first.to, last.to)).replace(/\s+/g, " ").trim();
}

/**
 * A rough key for comparing two fields: "interrompu", "interrompre" and "interruption" share
 * one. Folded, then cut to six letters, which is where French inflection starts to differ.
 */
export function frStem(w: string): string {
  const base = w.replace(/(?:s|x)$/, "");
  return base.length > 6 ? base.slice(0, 6) : base;
}
