/**
 * Word lists and patterns that read meaning out of a folded title (see
 * `normalize.ts`: lower case, no accents, one kind of dash, NFKC).
 *
 * Every pattern is a flat alternation of literals with bounded look-arounds:
 * no nested quantifiers, so matching stays linear in the title's length.
 */
import { escapeRegExp, fold } from "./normalize";
import type { DetectionBecause } from "./types";

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
  // "1v1" is how many Chinese-speaking teams write it ("1v1沟通").
  `(?<short>${NUM_START}1(?: ?: ?|-|x|×|v)1${PLURAL}${NUM_END})`,
  // "1/1" is also the first of January.
  `(?<slash>${NUM_START}1/1${PLURAL}${NUM_END}(?! (?:holidays?|day|new year|off|closed|feiertag|neujahr|ferie|festivo|feriado|jour de l'an)))`,
  // British "1-2-1"
  `${NUM_START}1-2-1${PLURAL}${NUM_END}`,
  `${NUM_START}1${JOIN}(?:on|to|op|na|zu|la|kem|ke|til|till)${JOIN}1${PLURAL}${NUM_END}`,
  // "1 на 1", "1-на-1", "1 προς 1", "1 על 1", "1 على 1", "1 ต่อ 1", "1대1"
  `${NUM_START}1${JOIN}(?:${alt(["на", "προς", "על", "على", "ต่อ", "대"])})${JOIN}1${NUM_END}`,
  `${NUM_START}1[ -]a[ -]1${NUM_END}`,
  `${NUM_START}1(?:${alt(["対", "对", "對"])})1${NUM_END}`,
  `${WORD_START}one${JOIN}(?:on|to)${JOIN}one${PLURAL}${WORD_END}`,
  `${WORD_START}one ?: ?one${WORD_END}`,
  `${WORD_START}eins${JOIN}zu${JOIN}eins${WORD_END}`,
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
  // Russian, Ukrainian
  `${WORD_START}(?:${alt(["один на один", "один-на-один", "віч-на-віч", "віч на віч", "тет-а-тет"])})${WORD_END}`,
  `${WORD_START}(?:${alt(["индивидуальн", "личн", "індивідуальн", "особист"])})\\p{L}* (?:${alt(["встреч", "беседа", "беседы", "разговор", "зустріч", "розмов"])})\\p{L}*`,
  // Czech, Slovak
  `${WORD_START}jeden na jedn(?:oho|eho|ym)${WORD_END}`,
  `${WORD_START}(?:individualni|osobni|individualne|osobne) (?:schuzk|pohovor|rozhovor|stretnuti)\\p{L}*`,
  // Turkish
  `${WORD_START}bire${JOIN}bir\\p{L}*`,
  // Finnish
  `${WORD_START}kahdenkeski\\p{L}*`,
  `kehityskeskustelu\\p{L}*`,
  // Swedish, Norwegian, Danish
  `${WORD_START}en${JOIN}till?${JOIN}en${WORD_END}`,
  `${WORD_START}enskil(?:t|da) samtal\\p{L}*`,
  `(?:medarbetar|utvecklings|medarbeider|utviklings|medarbejder|medarbejderudviklings|udviklings)samtal\\p{L}*`,
  // Greek
  `${WORD_START}(?:${alt(["ένας προς έναν", "ένα προς ένα", "ένας-προς-έναν"])})${WORD_END}`,
  `${WORD_START}(?:${alt(["ατομικ"])})\\p{L}* (?:${alt(["συνάντησ", "συζήτησ"])})\\p{L}*`,
  // Hungarian
  `${WORD_START}negyszemkozt\\p{L}*`,
  `${WORD_START}egyeni (?:megbeszeles|beszelgetes)\\p{L}*`,
  // Romanian
  `${WORD_START}unu${JOIN}la${JOIN}unu${WORD_END}`,
  `${WORD_START}(?:intalnir|discuti|sedint)\\p{L}* individual\\p{L}*`,
  // Indonesian
  `${WORD_START}(?:satu${JOIN}(?:lawan|ke)${JOIN}satu|empat mata)${WORD_END}`,
  // Vietnamese
  `${WORD_START}(?:mot${JOIN}(?:kem |voi )?mot|gap rieng|hop rieng|noi chuyen rieng)${WORD_END}`,
  // Hebrew, Arabic, Hindi, Thai: scripts the spaced-word edges don't cover; these phrases are long
  // enough to stand on their own.
  alt([
    "אחד על אחד",
    "אחד-על-אחד",
    "פגישה אישית",
    "פגישת אחד על אחד",
    "שיחה אישית",
    "שיחת אחד על אחד",
    "اجتماع فردي",
    "الاجتماع الفردي",
    "لقاء فردي",
    "جلسة فردية",
    "محادثة فردية",
    "واحد لواحد",
    "واحد إلى واحد",
    "وجها لوجه",
    "वन-ऑन-वन",
    "वन ऑन वन",
    "आमने-सामने",
    "व्यक्तिगत बैठक",
    "ตัวต่อตัว",
    "คุยส่วนตัว",
    "ประชุมส่วนตัว",
  ]),
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
    const numeric = m.groups?.short !== undefined || m.groups?.slash !== undefined;
    if (numeric && NUMBERING_WORDS.has(wordBefore(folded, m.index))) continue;
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

/**
 * Meetings about 1:1s rather than 1:1s: training managers to run them, calibrating, planning.
 * These words anywhere in a title that says 1:1 make it such a meeting.
 */
const ABOUT_ONE_ON_ONES_RE = compile([
  "how to",
  "how do we",
  "trainings?",
  "workshops?",
  "calibrations?",
  "webinars?",
  "masterclass(?:es)?",
  "courses?",
  "best practices?",
  "lunch (?:and|&|n) learn",
  "brown ?bag",
  "retro(?:spective)?s?",
  "playbooks?",
  "guidelines?",
  // German, French, Spanish, Portuguese, Italian, Dutch, Polish
  "schulung\\p{L}*",
  "fortbildung\\p{L}*",
  "kalibrierung\\p{L}*",
  "formations?",
  "calibrage",
  "capacitacion\\p{L}*",
  "talleres?",
  "calibracion",
  "treinamentos?",
  "formacao",
  "formazione",
  "calibrazione",
  "cursus",
  "szkoleni\\p{L}*",
  "warsztat\\p{L}*",
]);

/** Words that make a meeting about 1:1s only when they sit right beside the 1:1: "1:1 prep", "planning 1:1s". */
const ABOUT_WHEN_BESIDE_RE = new RegExp(
  `${WORD_START}(?:prep|preparation|prepping|planning|templates?|vorbereitung|planung|preparacion|planificacion|preparacao|planejamento|preparazione|pianificazione|voorbereiding)${WORD_END}`,
  "gu",
);

const BETWEEN_BESIDE =
  /^[\s\p{P}]*(?:(?:for|fur|pour|para|per|voor|of|our|the|des|der|die|de|la|le|les|del|the) [\s\p{P}]*)*$/u;

/** A reason the title is about 1:1s rather than one, or undefined. */
export function aboutOneOnOnes(folded: string, markers: readonly Span[]): DetectionBecause | undefined {
  // "1:1s", "one-on-ones": the numeric and English markers take a plural; other languages'
  // phrases end in "s" for reasons of their own ("entretiens individuels").
  if (markers.some((span) => /^(?:1|one).*[^s]'?s$/s.test(folded.slice(span.start, span.end))))
    return { code: "about-plural" };
  const about = firstSpan(ABOUT_ONE_ON_ONES_RE, folded);
  if (about !== undefined) return { code: "about-word", word: folded.slice(about.start, about.end) };
  ABOUT_WHEN_BESIDE_RE.lastIndex = 0;
  for (let m = ABOUT_WHEN_BESIDE_RE.exec(folded); m !== null; m = ABOUT_WHEN_BESIDE_RE.exec(folded)) {
    const word = { start: m.index, end: m.index + m[0].length };
    const beside = markers.some((span) =>
      span.end <= word.start
        ? BETWEEN_BESIDE.test(folded.slice(span.end, word.start))
        : word.end <= span.start && BETWEEN_BESIDE.test(folded.slice(word.end, span.start)),
    );
    if (beside) return { code: "about-word", word: m[0] };
  }
  return undefined;
}

/** Words that name a group: with them, only a title that says 1:1 makes a 1:1. */
const GROUP_RE = compile([
  // Not "teams": "1:1 on Teams" names the call's app.
  "team",
  "all[ -]?hands?",
  "staff",
  "stand[ -]?ups?",
  "town[ -]?halls?",
  "off[ -]?sites?",
  "department\\p{L}*",
  "squads?",
  "guilds?",
  "huddles?",
  "kick[ -]?offs?",
  "everyone",
  "group",
  "abteilung\\p{L}*",
  "equipe\\p{L}*",
  "equipo\\p{L}*",
  "squadra",
  "zespol\\p{L}*",
]);

export function findGroupHint(folded: string): Span | undefined {
  return firstSpan(GROUP_RE, folded);
}
