/**
 * Word lists and patterns that read meaning out of a folded title (see
 * `normalize.ts`: lower case, no accents, one kind of dash, NFKC).
 *
 * Every pattern is a flat alternation of literals with bounded look-arounds:
 * no nested quantifiers, so matching stays linear in the title's length.
 */
import { escapeRegExp, fold } from "./normalize";

export interface Span {
  /** index into the folded text */
  start: number;
  end: number;
}

/** Fold a literal the same way titles are folded, then escape it. */
function lit(text: string): string {
  return escapeRegExp(fold(text));
}

function alt(texts: readonly string[]): string {
  return texts.map(lit).join("|");
}

// Scripts written with spaces between words. A marker glued to a letter of one
// of these ("Q1-1", "v1:1") is part of another word; glued to Japanese or
// Chinese ("田中さんと1on1") it is not, as those scripts use no spaces.
const SPACED = "[\\p{N}\\p{sc=Latin}\\p{sc=Greek}\\p{sc=Cyrillic}]";
const WORD_START = `(?<!${SPACED})`;
const WORD_END = `(?!${SPACED})`;
// A "1" that belongs to a time, date, decimal, version or id ("11:15",
// "2021-1-1", "1:1.5", "#1-1") is not a marker.
const NUM_START = `(?<!${SPACED}|\\p{N}[.:/,-]|#)`;
const NUM_END = `(?!${SPACED}|[.:/,-]\\p{N})`;
const JOIN = "[ _-]?";
const PLURAL = "(?:'?s)?";

// Interviews and candidate chats are commonly called 面談 too; the prefix says so.
const RECRUITING_PREFIX_JA = alt([
  "採用",
  "カジュアル",
  "最終",
  "一次",
  "二次",
  "三次",
  "候補者",
  "応募者",
  "選考",
]);

const MARKER_SOURCE = [
  // "1:1", "1-1", "1x1" are also how rooms and numbered things are written;
  // the capture lets the caller look at the word before them.
  // French typography puts a space before the colon: "1 : 1".
  `(?<short>${NUM_START}1(?: ?: ?|-|x|×)1${PLURAL}${NUM_END})`,
  // British "1-2-1"
  `${NUM_START}1-2-1${PLURAL}${NUM_END}`,
  `${NUM_START}1${JOIN}(?:on|to|op|na)${JOIN}1${PLURAL}${NUM_END}`,
  `${NUM_START}1[ -]a[ -]1${NUM_END}`,
  `${NUM_START}1(?:${alt(["対", "对", "對"])})1${NUM_END}`,
  `${WORD_START}one${JOIN}(?:on|to)${JOIN}one${PLURAL}${WORD_END}`,
  `${WORD_START}skip${JOIN}levels?${WORD_END}`,
  `${WORD_START}tete${JOIN}a${JOIN}tete${WORD_END}`,
  `${WORD_START}(?:cara${JOIN}a${JOIN}cara|face${JOIN}a${JOIN}face|faccia${JOIN}a${JOIN}faccia)${WORD_END}`,
  `${WORD_START}(?:uno${JOIN}a${JOIN}uno|um${JOIN}a${JOIN}um|jeden${JOIN}na${JOIN}jeden|een${JOIN}op${JOIN}een)${WORD_END}`,
  // French
  `${WORD_START}(?:entretiens?|points?) individuels?${WORD_END}`,
  `${WORD_START}entretiens? (?:annuels?|professionnels?)${WORD_END}`,
  // Spanish, Portuguese, Italian: "<meeting> individual"
  `${WORD_START}(?:reunion|reuniones|reuniao|reunioes|riunione|riunioni|incontro|incontri|colloquio|colloqui|encuentro|encuentros|encontro|encontros|conversacion|conversaciones|conversa|conversas|charla|charlas|sesion|sesiones|sessao|sessoes|sessione|sessioni) individua(?:l|les|is|le|li)${WORD_END}`,
  // Dutch
  `${WORD_START}individue(?:el|le) gesprek(?:ken)?${WORD_END}`,
  `${WORD_START}(?:functionerings|beoordelings|voortgangs|ontwikkel|loopbaan|twee)gesprek(?:ken)?${WORD_END}`,
  // German compounds are matched inside longer words on purpose
  // ("Jahresmitarbeitergespräch", "Einzelgesprächstermin"); "ae" is the
  // keyboard spelling of "ä".
  "(?:einzel|mitarbeiter|mitarbeiterinnen|personal|entwicklungs|feedback|zweier|jahres|zielvereinbarungs|perspektiv|karriere|beurteilungs|bewertungs|forder|foerder)gespr(?:a|ae)ch",
  `(?:vier|4)${JOIN}augen${JOIN}gespr(?:a|ae)ch`,
  `${WORD_START}unter (?:vier|4) augen${WORD_END}`,
  // Polish
  `${WORD_START}(?:spotkani|rozmow)\\p{L}* indywidualn\\p{L}*${WORD_END}`,
  `${WORD_START}indywidualn\\p{L}* (?:spotkani|rozmow)\\p{L}*${WORD_END}`,
  // Japanese
  alt(["ワンオンワン", "一対一"]),
  `(?<!${RECRUITING_PREFIX_JA})${lit("面談")}`,
  // Chinese
  alt(["一对一", "一對一", "单独沟通", "單獨溝通", "单独面谈", "單獨面談", "单独交流", "單獨交流", "面谈"]),
  // Korean
  alt(["일대일", "원온원", "면담"]),
].join("|");

const MARKER_RE = new RegExp(MARKER_SOURCE, "gu");

// Words before "1-1" / "1:1" that make it a number: "Room 1-1", "Sprint 1-1".
const NUMBERING_WORDS = new Set([
  "room",
  "rm",
  "rooms",
  "suite",
  "ste",
  "floor",
  "fl",
  "building",
  "bldg",
  "bld",
  "sprint",
  "phase",
  "step",
  "chapter",
  "ch",
  "section",
  "sec",
  "table",
  "page",
  "pg",
  "p",
  "gate",
  "lab",
  "unit",
  "apt",
  "apartment",
  "platform",
  "track",
  "lane",
  "stage",
  "block",
  "row",
  "seat",
  "court",
  "hall",
  "wing",
  "zone",
  "area",
  "desk",
  "box",
  "slot",
  "round",
  "game",
  "match",
  "score",
  "lesson",
  "lecture",
  "module",
  "part",
  "episode",
  "ep",
  "season",
  "version",
  "ver",
  "release",
  "build",
  "patch",
  "ticket",
  "issue",
  "case",
  "test",
  "item",
  "exercise",
  "problem",
  "question",
  "task",
  "story",
  "iteration",
  "cycle",
  "period",
  "term",
  "grade",
  "class",
  "ratio",
  "scale",
  "aspect",
  "q",
  "v",
  "no",
  "nr",
  "num",
  "number",
  "raum",
  "zimmer",
  "etage",
  "stock",
  "geschoss",
  "gebaude",
  "salle",
  "bureau",
  "sala",
  "aula",
  "piso",
  "andar",
  "stanza",
  "piano",
  "pietro",
  "kamer",
  "zaal",
  "lokaal",
  "verdieping",
  "pokoj",
]);

function wordBefore(text: string, index: number): string {
  let j = index - 1;
  // Skip "Room #", "Room no. " and the like, but only a few characters.
  let skipped = 0;
  while (j >= 0 && skipped < 3 && (text[j] === " " || text[j] === "." || text[j] === "#")) {
    j--;
    skipped++;
  }
  let k = j;
  while (k >= 0 && j - k < 24 && /[a-z]/.test(text.charAt(k))) k--;
  return text.slice(k + 1, j + 1);
}

/** Where the folded title says "this is a 1:1", in any supported language. */
export function findMarkerSpans(folded: string): Span[] {
  const spans: Span[] = [];
  MARKER_RE.lastIndex = 0;
  for (let m = MARKER_RE.exec(folded); m !== null; m = MARKER_RE.exec(folded)) {
    if (m[0].length === 0) {
      MARKER_RE.lastIndex++;
      continue;
    }
    if (m.groups?.short !== undefined && NUMBERING_WORDS.has(wordBefore(folded, m.index))) continue;
    spans.push({ start: m.index, end: m.index + m[0].length });
  }
  return spans;
}

function compile(parts: readonly string[]): RegExp {
  return new RegExp(`${WORD_START}(?:${parts.join("|")})${WORD_END}`, "u");
}

/**
 * Words that suggest a regular catch-up between two people. Too weak to make
 * a 1:1 alone ("Weekly sync" is often a team), but enough when the event has
 * exactly one other guest from the same organisation.
 */
const REGULAR_MEETING_RE = compile([
  "sync(?:[ -]?up)?s?",
  "catch[ -]?ups?",
  "check[ -]?ins?",
  "touch[ -]?base",
  "touch[ -]?points?",
  "coffee(?: chat)?s?",
  "chats?",
  "connects?",
  "weekly",
  "bi[ -]?weekly",
  "fortnightly",
  "monthly",
  "mentor(?:ing|ship)?",
  "coaching",
  "performance (?:reviews?|conversations?|talks?)",
  "career",
  "growth",
  "feedback",
  "walk(?:ing)?[ -](?:and[ -])?talk",
  // German
  "austausch",
  "jour[ -]fixe",
  "abstimmung",
  "w(?:o|oe)chentlich\\p{L}*",
  "kaffee",
  // French
  // "point" alone is too common in English ("pain points"); the French
  // catch-up reads "point avec Marie", "point hebdo".
  "points?(?= (?:avec|hebdo|mensuel|rapide|de suivi|d'etape|regulier))",
  "hebdo\\p{L}*",
  "suivi",
  "echanges?",
  "cafe",
  // Spanish, Portuguese, Italian
  "seguimiento",
  "semanal",
  "charlas?",
  "alinhamento",
  "acompanhamento",
  "bate[ -]papo",
  "allineamento",
  "settimanale",
  "chiacchierata",
  "aggiornamento",
  // Dutch
  "wekelijks\\p{L}*",
  "bijpraten",
  "afstemming",
  "koffie",
  // Polish
  "cotygodniow\\p{L}*",
  "rozmowa",
  "kawa",
  // Japanese, Chinese
  alt(["定例", "雑談", "キャッチアップ", "沟通", "溝通", "例会", "聊聊", "交流"]),
]);

/** Hiring conversations: never a manager's 1:1 unless the title says so. */
const INTERVIEW_RE = compile([
  "interview\\p{L}*",
  "candidate\\p{L}*",
  "screening\\p{L}*",
  "(?:phone|tech|technical|recruiter|initial|hr|intro) screens?",
  "on-?sites?",
  "recruit\\p{L}*",
  "take[ -]?home",
  "hiring (?:call|chat)",
  // German, Dutch, Polish
  "vorstellungsgespr(?:a|ae)ch\\p{L}*",
  "bewerbungsgespr(?:a|ae)ch\\p{L}*",
  "bewerber\\p{L}*",
  "kandida\\p{L}*",
  "kandyda\\p{L}*",
  "sollicitatie\\p{L}*",
  "rozmowa kwalifikacyjna",
  "rekrutac\\p{L}*",
  // French, Spanish, Portuguese, Italian
  "candidat\\p{L}*",
  "entretien (?:d'? ?embauche|de recrutement)",
  "entrevista\\p{L}*",
  "colloquio di lavoro",
  "selezione",
  // Japanese, Chinese, Korean
  alt([
    "面接",
    "採用",
    "候補者",
    "応募者",
    "カジュアル面談",
    "面试",
    "面試",
    "候选人",
    "候選人",
    "招聘",
    "면접",
    "채용",
  ]),
]);

/** Selling and buying: a single outside guest here is not a report. */
const BUSINESS_RE = compile([
  "vendors?",
  "suppliers?",
  "demos?",
  "demonstration",
  "pitch(?:es|ing)?",
  "prospects?",
  "customers?",
  "clients?",
  "webinars?",
  "(?:discovery|intro|introductory|sales) calls?",
  "partnership",
  "procurement",
  "rfp",
  // German, French, Spanish, Portuguese, Italian, Dutch, Polish
  "kunde\\p{L}*",
  "lieferant\\p{L}*",
  "fournisseurs?",
  "proveedor\\p{L}*",
  "fornecedor\\p{L}*",
  "fornitor\\p{L}*",
  "leverancier\\p{L}*",
  "klant\\p{L}*",
  "dostawc\\p{L}*",
  "klient\\p{L}*",
  // Japanese, Chinese
  alt(["商談", "営業", "客户", "客戶", "供应商", "供應商", "销售", "銷售"]),
]);

function firstSpan(re: RegExp, folded: string): Span | undefined {
  const m = re.exec(folded);
  return m === null ? undefined : { start: m.index, end: m.index + m[0].length };
}

export function findRegularMeetingHint(folded: string): Span | undefined {
  return firstSpan(REGULAR_MEETING_RE, folded);
}

export function findInterviewHint(folded: string): Span | undefined {
  return firstSpan(INTERVIEW_RE, folded);
}

export function findBusinessHint(folded: string): Span | undefined {
  return firstSpan(BUSINESS_RE, folded);
}

const SPACED_CHAR = new RegExp(SPACED, "u");

/**
 * Where the folded title contains the folded phrase as a whole word or
 * phrase. Edges written in scripts without spaces (Japanese, Chinese) match
 * inside longer text, since there is no word boundary to look for.
 */
export function findPhrase(foldedText: string, foldedPhrase: string): Span | undefined {
  if (foldedPhrase.length === 0) return undefined;
  const needsStart = SPACED_CHAR.test(foldedPhrase.charAt(0));
  const needsEnd = SPACED_CHAR.test(foldedPhrase.charAt(foldedPhrase.length - 1));
  let from = 0;
  while (from <= foldedText.length - foldedPhrase.length) {
    const at = foldedText.indexOf(foldedPhrase, from);
    if (at < 0) return undefined;
    const end = at + foldedPhrase.length;
    const startOk = !needsStart || at === 0 || !SPACED_CHAR.test(foldedText.charAt(at - 1));
    const endOk = !needsEnd || end === foldedText.length || !SPACED_CHAR.test(foldedText.charAt(end));
    if (startOk && endOk) return { start: at, end };
    from = at + 1;
  }
  return undefined;
}
