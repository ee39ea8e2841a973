/**
 * Turns Spanish text into words the Spanish rules can look at.
 *
 * The English tokeniser spells out English contractions, which Spanish does not have; here a
 * word is compared without case or accents ("dejé", "deje" and "DEJÉ" read alike), because
 * managers typing fast drop accents and ¿¡ as often as they keep them. Every step is one pass
 * over the text, so the rules stay linear however much is pasted into a field.
 */
import { capText, hideQuoted } from "../text";

export interface EsWord {
  /** lower case, accents and diaeresis dropped ("ñ" too: "año" reads "ano") */
  w: string;
  /** written with a capital letter: a name, a product, a place */
  cap: boolean;
  /** punctuation that ends a clause; `w` is then "." */
  brk: boolean;
  /** as typed */
  raw: string;
}

/** Lower case without accents, the form every Spanish word list is written in. */
export function fold(text: string): string {
  return text.toLowerCase().normalize("NFD").replace(/\p{M}/gu, "");
}

// Phones curl quotes; Spanish writes «…» as well as “…”.
const QUOTES = /[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB\u2039\u203A]/g;
const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u2032\u02BC`\u00B4]/g;

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && ch !== "" && /[\p{L}\p{N}]/u.test(ch);
}

// Letters may join with a hyphen or apostrophe, digits with separators ("10:30", "3/11").
// Each repeat of the group must eat a separator, so there is no backtracking blow-up.
const TOKEN =
  /[#@][\p{L}\p{N}_-]+|[\p{L}\p{M}\p{N}]+(?:[-'][\p{L}\p{M}\p{N}]+|(?<=\p{N})[.:/,][\p{N}]+|(?<=\p{N})[.:/][\p{L}]+)*|[.!?¿¡;:,()[\]{}\u2026\u2013\u2014]|(?<=\s)-(?=\s)/gu;

/** Split text into words and clause breaks. With `hideQuotes`, quoted speech becomes "cita". */
export function esWords(text: string, hideQuotes = false): EsWord[] {
  const unified = capText(text).normalize("NFKC").replace(SINGLE_QUOTES, "'").replace(QUOTES, '"');
  const out: EsWord[] = [];
  for (const match of (hideQuotes ? hideQuoted(unified, "cita") : unified).matchAll(TOKEN)) {
    const raw = match[0];
    const first = raw.charAt(0);
    if (raw.length === 1 && !isWordChar(first)) {
      out.push({ w: ".", cap: false, brk: true, raw });
      continue;
    }
    out.push({ w: fold(raw), cap: first !== first.toLowerCase(), brk: false, raw });
  }
  return out;
}

/** The words from `start` up to `end` (exclusive) as the writer typed them. */
export function esTyped(ws: readonly EsWord[], start: number, end: number): string {
  return ws
    .slice(Math.max(0, start), end)
    .filter((word) => !word.brk)
    .map((word) => word.raw)
    .join(" ");
}

export const wordSet = (text: string): ReadonlySet<string> => new Set(text.trim().split(/\s+/));

/**
 * The forms an adjective or noun can take: "descuidado", "descuidada", "descuidados",
 * "descuidadas" all give "descuidado"; "arrogantes" gives "arrogante"; "trabajadora" gives
 * "trabajador". The word lists hold the masculine singular.
 */
export function lemmaCandidates(w: string): string[] {
  const out = [w];
  if (w.length < 4) return out;
  if (w.endsWith("as")) out.push(`${w.slice(0, -2)}o`, w.slice(0, -2));
  else if (w.endsWith("os")) out.push(w.slice(0, -1));
  else if (w.endsWith("a")) out.push(`${w.slice(0, -1)}o`, w.slice(0, -1));
  if (w.endsWith("es")) out.push(w.slice(0, -2), w.slice(0, -1));
  else if (w.endsWith("s")) out.push(w.slice(0, -1));
  return out;
}

/** Whether any form of `w` is in `list`; the form found, or undefined. */
export function lemmaIn(list: ReadonlySet<string>, w: string): string | undefined {
  for (const candidate of lemmaCandidates(w)) if (list.has(candidate)) return candidate;
  return undefined;
}

/**
 * A rough stem, good enough to tell that "interrumpiste" and "interrupciones" share a root
 * when comparing two fields: endings off, then the first six letters.
 */
export function esStem(w: string): string {
  const endings = [
    "amente",
    "mente",
    "aciones",
    "iciones",
    "ciones",
    "acion",
    "icion",
    "cion",
    "siones",
    "sion",
    "ieron",
    "aron",
    "asteis",
    "isteis",
    "aste",
    "iste",
    "ando",
    "iendo",
    "ados",
    "adas",
    "idos",
    "idas",
    "ado",
    "ada",
    "ido",
    "ida",
    "aba",
    "ia",
    "ar",
    "er",
    "ir",
    "es",
    "os",
    "as",
    "o",
    "a",
    "e",
    "s",
  ];
  let stem = w;
  for (const end of endings) {
    if (stem.length - end.length >= 4 && stem.endsWith(end)) {
      stem = stem.slice(0, -end.length);
      break;
    }
  }
  return stem.slice(0, 6);
}
