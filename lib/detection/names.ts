/**
 * Reading people's names out of a title: "Alex / Sam", "Priya <> me",
 * "1:1 with Priya Sharma", "1on1 田中さん".
 *
 * A title part is a name only when every word in it looks like a personal
 * name (capitalised, not a meeting or team word). That keeps "Team sync /
 * planning" or "Design / Eng" from passing as two people.
 */
import { fold, tidyForDisplay } from "./normalize";

// Splits "Alex / Sam", "Alex <> Sam", "Alex & Sam", "Alex x Sam", "Alex | Sam",
// "Alex - Sam". Whitespace is already collapsed to single spaces, so the
// optional blanks cannot backtrack far.
const PAIR_SEPARATOR = /\s?(?:<-{0,3}>|<={0,3}>|↔|⟷|⇄|⇆|⇔|\/\/|\/|\\|&|\+|\||×|\s[xX]\s|\s-\s)\s?/gu;
// Punctuation that ends one phrase of a title and starts another.
const PHRASE_BREAK = /[:;,()[\]{}<>«»"“”„!?¦•·@]/u;
const SEPARATOR_SENTINEL = "\u0000";

/** Text standing in for a removed marker: a phrase break, so names either side stay apart. */
export const MARKER_PLACEHOLDER = " ¦ ";

const SELF_WORDS = new Set([
  "me",
  "myself",
  "moi",
  "ich",
  "mich",
  "yo",
  "mi",
  "eu",
  "io",
  "ik",
  "mij",
  "ja",
  "mnie",
  "私",
  "我",
]);

// Words that make a part a team or company rather than a person.
const ORG_WORDS = new Set([
  "team",
  "teams",
  "inc",
  "corp",
  "corporation",
  "ltd",
  "llc",
  "gmbh",
  "ag",
  "bv",
  "plc",
  "co",
  "company",
  "labs",
  "group",
  "squad",
  "guild",
  "chapter",
  "tribe",
  "dept",
  "department",
  "org",
]);

// Name particles are lower case inside a name: "Ludwig van Beethoven".
const PARTICLES = new Set([
  "van",
  "von",
  "de",
  "da",
  "del",
  "della",
  "der",
  "den",
  "di",
  "du",
  "la",
  "le",
  "dos",
  "das",
  "do",
  "ten",
  "ter",
  "bin",
  "al",
  "el",
]);

// When-words: days, times of day. Next to two names they still leave a meeting between people.
const DAY_WORDS = [
  "monday",
  "tuesday",
  "wednesday",
  "thursday",
  "friday",
  "saturday",
  "sunday",
  "tue",
  "tues",
  "wed",
  "thu",
  "thur",
  "thurs",
  "fri",
  "sat",
  "am",
  "pm",
  "today",
  "tomorrow",
];

// Connectors, articles and possessives that sit around names in a title.
const CONNECTOR_WORDS = [
  "with",
  "w",
  "and",
  "mit",
  "und",
  "avec",
  "et",
  "con",
  "com",
  "met",
  "en",
  "z",
  "ze",
  "i",
  "y",
  "e",
  "per",
  "for",
  "fur",
  "pour",
  "para",
  "voor",
  "dla",
  "the",
  "a",
  "an",
  "der",
  "die",
  "das",
  "le",
  "la",
  "les",
  "el",
  "il",
  "lo",
  "o",
  "de",
  "het",
  "re",
  "about",
  "on",
  "at",
  "to",
  "of",
  "in",
  "our",
  "my",
  "mein",
  "meine",
  "mon",
  "ma",
  "mi",
  "meu",
  "minha",
  "mijn",
  "moj",
];

// The part of STOP_WORDS that can sit next to two names without changing what
// the title is about: connectors, schedule and catch-up words. "Alex / Sam
// weekly" is two people; "Jira / Confluence training" is a topic.
const FILLER_WORD_LIST = [
  ...CONNECTOR_WORDS,
  "sync",
  "syncs",
  "synch",
  "sync-up",
  "syncup",
  "weekly",
  "biweekly",
  "bi-weekly",
  "fortnightly",
  "monthly",
  "quarterly",
  "daily",
  "catch",
  "catchup",
  "catch-up",
  "up",
  "check",
  "checkin",
  "check-in",
  "chat",
  "chats",
  "coffee",
  "tea",
  "call",
  "calls",
  "meeting",
  "meetings",
  "meet",
  "session",
  "sessions",
  "time",
  "remote",
  "online",
  "virtual",
  "in-person",
  "hybrid",
  "zoom",
  "teams",
  "tbd",
  "tba",
  "optional",
  "canceled",
  "cancelled",
  "moved",
  "hold",
  "placeholder",
  "tentative",
  "regular",
  "recurring",
  "quick",
  "one",
  "two",
  "one-on-one",
  "one-to-one",
  "skip",
  "level",
  "skip-level",
  "connect",
  "touch",
  "base",
  "mentoring",
  "mentorship",
  "coaching",
  "career",
  "growth",
  "feedback",
  "jour",
  "fixe",
  "termin",
  "besprechung",
  "austausch",
  "wochentlich",
  "woechentlich",
  "monatlich",
  "kaffee",
  "gesprach",
  "gespraech",
  "einzelgesprach",
  "mitarbeitergesprach",
  "vier",
  "augen",
  "unter",
  "point",
  "points",
  "hebdo",
  "hebdomadaire",
  "mensuel",
  "suivi",
  "echange",
  "cafe",
  "entretien",
  "individuel",
  "annuel",
  "tete",
  "tete-a-tete",
  "reunion",
  "reuniones",
  "reuniao",
  "individual",
  "seguimiento",
  "semanal",
  "mensual",
  "mensal",
  "charla",
  "conversa",
  "acompanhamento",
  "alinhamento",
  "riunione",
  "incontro",
  "colloquio",
  "individuale",
  "settimanale",
  "mensile",
  "uno",
  "um",
  "cara",
  "overleg",
  "gesprek",
  "individueel",
  "wekelijks",
  "wekelijkse",
  "maandelijks",
  "bijpraten",
  "afstemming",
  "koffie",
  "een-op-een",
  "spotkanie",
  "rozmowa",
  "indywidualne",
  "cotygodniowe",
  "jeden",
  "na",
  ...DAY_WORDS,
];

const FILLER_WORDS = new Set(FILLER_WORD_LIST.map((w) => w.normalize("NFC")));

// Meeting, schedule and topic words that are capitalised in titles but are
// not people. Extend freely; a miss here only costs a false "name".
const STOP_WORDS = new Set(
  [
    ...FILLER_WORD_LIST,
    // meeting words
    "review",
    "reviews",
    "planning",
    "plan",
    "plans",
    "standup",
    "stand-up",
    "standups",
    "annual",
    "yearly",
    "retro",
    "retrospective",
    "demo",
    "sprint",
    "all",
    "hands",
    "all-hands",
    "allhands",
    "lunch",
    "breakfast",
    "dinner",
    "drinks",
    "kickoff",
    "kick-off",
    "offsite",
    "onsite",
    "interview",
    "interviews",
    "workshop",
    "training",
    "update",
    "updates",
    "status",
    "roadmap",
    "strategy",
    "product",
    "engineering",
    "eng",
    "marketing",
    "sales",
    "finance",
    "legal",
    "hr",
    "ops",
    "operations",
    "support",
    "qa",
    "devops",
    "infra",
    "infrastructure",
    "platform",
    "backend",
    "frontend",
    "mobile",
    "web",
    "data",
    "analytics",
    "research",
    "development",
    "ux",
    "ui",
    "design",
    "brainstorm",
    "brainstorming",
    "office",
    "hours",
    "focus",
    "block",
    "prep",
    "preparation",
    "notes",
    "agenda",
    "board",
    "leadership",
    "staff",
    "exec",
    "management",
    "manager",
    "managers",
    "committee",
    "council",
    "forum",
    "townhall",
    "town",
    "hall",
    "okr",
    "okrs",
    "kpi",
    "kpis",
    "budget",
    "hiring",
    "recruiting",
    "onboarding",
    "offboarding",
    "handoff",
    "handover",
    "presentation",
    "conference",
    "webinar",
    "client",
    "customer",
    "vendor",
    "partner",
    "internal",
    "external",
    "release",
    "launch",
    "deploy",
    "incident",
    "postmortem",
    "triage",
    "grooming",
    "refinement",
    "backlog",
    "estimation",
    "architecture",
    "security",
    "compliance",
    "audit",
    "contract",
    "proposal",
    "pitch",
    "intro",
    "introduction",
    "follow",
    "followup",
    "follow-up",
    "discussion",
    "debrief",
    "briefing",
    "alignment",
    "align",
    "social",
    "happy",
    "hour",
    "party",
    "birthday",
    "holiday",
    "vacation",
    "ooo",
    "pto",
    "travel",
    "flight",
    "train",
    "hotel",
    "gym",
    "doctor",
    "dentist",
    "appointment",
    "reminder",
    "deadline",
    "performance",
    "calibration",
    "promo",
    "promotion",
    "goals",
    "goal",
    "tech",
    "scrum",
    "kanban",
    "slack",
    "new",
    "hire",
    "biz",
    "project",
    "projects",
    "program",
    "portfolio",
    "q1",
    "q2",
    "q3",
    "q4",
    "h1",
    "h2",
    "january",
    "february",
    "march",
    "july",
    "september",
    "october",
    "november",
    "december",
    "invite",
    "invitation",
    "draft",
    "private",
    "busy",
    "free",
    "open",
    "topic",
    "topics",
    "ask",
    "me",
    "anything",
    "ama",
    "qbr",
    "mbr",
    "wbr",
    // German
    "abstimmung",
    "planung",
    "teammeeting",
    "runde",
    "mittagessen",
    "vorbereitung",
    "ruckblick",
    "ziele",
    // French
    "dejeuner",
    "equipe",
    // Spanish, Portuguese, Italian
    "equipo",
    "squadra",
    // Dutch
    // Polish
    "zespol",
  ].map((w) => w.normalize("NFC")),
);

type TokenKind = "name" | "initial" | "particle" | "self" | "org" | "filler" | "stop" | "other";

interface Token {
  text: string;
  kind: TokenKind;
}

export interface NamePart {
  kind: "name" | "self" | "filler" | "other";
  /** the name as written, for "name" parts */
  text: string;
  /** folded words of the name, for matching against the user's own name */
  words: string[];
}

// First letter upper case and the second lower case: "Priya", "McKay",
// "O'Brien", "Jean-Luc"; not "OKRs", "QA", "iOS".
const NAME_WORD = /^[\p{Lu}\p{Lt}](?:\p{Ll}|'[\p{Lu}\p{Ll}])[\p{L}\p{M}]*(?:['-][\p{L}\p{M}]+)*\.?$/u;
const INITIAL = /^\p{Lu}\.?$/u;
const CJK_HONORIFIC_NAME =
  /^([\p{sc=Han}\p{sc=Katakana}\p{sc=Hiragana}ー]{1,8}?)(?:さん|様|さま|くん|君|ちゃん|氏|先生)(?:と|の)?$/u;
const KOREAN_HONORIFIC_NAME = /^(\p{sc=Hangul}{2,5}?)님(?:과|와|이랑|하고|의)?$/u;
// Chinese and Japanese names are usually two to four characters with no
// capital letter to go by, so a short all-Han word counts unless it is one
// of these everyday meeting words.
const HAN_NAME = /^\p{sc=Han}{2,4}$/u;
const HAN_STOP_WORDS = new Set([
  "会议",
  "會議",
  "会議",
  "沟通",
  "溝通",
  "交流",
  "面谈",
  "面談",
  "周会",
  "週會",
  "週会",
  "例会",
  "例會",
  "月会",
  "月會",
  "复盘",
  "復盤",
  "讨论",
  "討論",
  "汇报",
  "匯報",
  "報告",
  "准备",
  "準備",
  "计划",
  "計劃",
  "計画",
  "定例",
  "打合",
  "同步",
  "项目",
  "項目",
  "团队",
  "團隊",
  "周报",
  "週報",
  "评审",
  "評審",
  "培训",
  "培訓",
  "面试",
  "面試",
  "面接",
  "採用",
  "進捗",
  "共有",
  "相談",
  "雑談",
  "谈话",
  "談話",
  "单独",
  "單獨",
  "个人",
  "個人",
  "個別",
  "每周",
  "每週",
  "毎週",
  "绩效",
  "績效",
  "目标",
  "目標",
  "反馈",
  "回饋",
  "产品",
  "產品",
  "设计",
  "設計",
  "技术",
  "技術",
  "市场",
  "市場",
  "销售",
  "銷售",
  "运营",
  "運營",
  "運用",
  "开发",
  "開發",
  "開発",
  "测试",
  "測試",
  "财务",
  "財務",
  "人事",
  "招聘",
]);

function classifyToken(raw: string): Token | undefined {
  const trimmed = raw
    .replace(/^[^\p{L}\p{N}]+/u, "")
    .replace(/[^\p{L}\p{N}.]+$/u, "")
    .replace(/'s$/iu, "")
    // "Priyaさんとの": Japanese honorifics and particles glued to a Latin name
    .replace(/(?<=\p{sc=Latin})(?:様|氏|君|先生)?\p{sc=Hiragana}*$/u, "");
  if (trimmed.length === 0) return undefined;
  const key = fold(trimmed).replace(/\.$/u, "");
  if (SELF_WORDS.has(key)) return { text: trimmed, kind: "self" };
  if (ORG_WORDS.has(key)) return { text: trimmed, kind: "org" };
  if (PARTICLES.has(key) && trimmed === trimmed.toLowerCase()) return { text: trimmed, kind: "particle" };
  if (FILLER_WORDS.has(key)) return { text: trimmed, kind: "filler" };
  if (STOP_WORDS.has(key)) return { text: trimmed, kind: "stop" };
  if (INITIAL.test(trimmed)) return { text: trimmed, kind: "initial" };
  if (NAME_WORD.test(trimmed)) return { text: trimmed, kind: "name" };
  const cjk = CJK_HONORIFIC_NAME.exec(trimmed) ?? KOREAN_HONORIFIC_NAME.exec(trimmed);
  if (cjk?.[1] !== undefined) return { text: cjk[1], kind: "name" };
  if (HAN_NAME.test(trimmed) && !HAN_STOP_WORDS.has(trimmed)) return { text: trimmed, kind: "name" };
  return { text: trimmed, kind: "other" };
}

// Reading a pair, only filler may surround a name; reading the one name left
// after a marker is cut out, any non-name word may.
const STRICT_EDGE_NOISE: ReadonlySet<TokenKind> = new Set(["filler", "particle"]);
const LENIENT_EDGE_NOISE: ReadonlySet<TokenKind> = new Set(["filler", "stop", "other", "particle"]);
const PERSON_LIKE: ReadonlySet<TokenKind> = new Set(["name", "self", "org"]);

const FILLER_PART: NamePart = { kind: "filler", text: "", words: [] };
const OTHER_PART: NamePart = { kind: "other", text: "", words: [] };

/**
 * Decide whether one part of a title (between separators) is a person.
 * A part with nothing person-like in it ("roadmap", "new hires") is filler:
 * a description next to the names rather than a third party.
 */
export function readPart(part: string, mode: "strict" | "lenient" = "strict"): NamePart {
  const tokens: Token[] = [];
  for (const raw of part.split(" ")) {
    const token = classifyToken(raw);
    if (token !== undefined) tokens.push(token);
  }
  if (!tokens.some((t) => PERSON_LIKE.has(t.kind))) return FILLER_PART;
  const noise = mode === "strict" ? STRICT_EDGE_NOISE : LENIENT_EDGE_NOISE;
  let first = 0;
  let last = tokens.length - 1;
  while (first <= last && noise.has(tokens[first]?.kind ?? "other")) first++;
  while (last >= first && noise.has(tokens[last]?.kind ?? "other")) last--;
  const core = tokens.slice(first, last + 1);
  if (core.length === 0) return FILLER_PART;
  if (core.length === 1 && core[0]?.kind === "self") return { kind: "self", text: core[0].text, words: [] };
  let names = 0;
  let initials = 0;
  for (const token of core) {
    if (token.kind === "name") names++;
    else if (token.kind === "initial") initials++;
    else if (token.kind !== "particle") return OTHER_PART;
  }
  if (names === 0 || names + initials > 3) return OTHER_PART;
  const named = core.filter((t) => t.kind === "name");
  return {
    kind: "name",
    text: core.map((t) => t.text).join(" "),
    words: named.map((t) => fold(t.text).replace(/\.$/u, "")),
  };
}

/** Phrases of the title, each split into the parts around pair separators. */
function phrases(title: string): string[][] {
  let tidy = tidyForDisplay(title);
  // "1:1 @ Cafe Luna": what follows a free-standing "@" is a place, not a person.
  const place = tidy.search(/(?:^|\s)@/u);
  if (place >= 0) tidy = tidy.slice(0, place);
  return tidy
    .replace(PAIR_SEPARATOR, SEPARATOR_SENTINEL)
    .split(PHRASE_BREAK)
    .map((phrase) => phrase.split(SEPARATOR_SENTINEL));
}

export interface NamePair {
  first: NamePart;
  second: NamePart;
}

/**
 * Two people named side by side, e.g. "Alex / Sam - weekly" or "Priya <> me".
 * Three names, or a part that is neither a name nor filler, is not a pair.
 */
export function findNamePair(title: string): NamePair | undefined {
  for (const parts of phrases(title)) {
    if (parts.length < 2) continue;
    const read = parts.map((part) => readPart(part, "strict"));
    if (read.some((p) => p.kind === "other")) continue;
    const people = read.filter((p) => p.kind === "name" || p.kind === "self");
    const [first, second] = people;
    if (people.length !== 2 || first === undefined || second === undefined) continue;
    if (first.kind === "self" && second.kind === "self") continue;
    return { first, second };
  }
  return undefined;
}

/** Every part of the title that reads as a person's name, in order. */
export function findNames(title: string): NamePart[] {
  const names: NamePart[] = [];
  for (const parts of phrases(title)) {
    for (const part of parts) {
      const read = readPart(part, "lenient");
      if (read.kind === "name") names.push(read);
    }
  }
  return names;
}

/** Local-part words of the user's address, to tell their own name in a title. */
export function selfNameHints(selfEmail: string | undefined): string[] {
  if (selfEmail === undefined) return [];
  const at = selfEmail.lastIndexOf("@");
  const local = fold(at >= 0 ? selfEmail.slice(0, at) : selfEmail);
  return local.split(/[^\p{L}]+/u).filter((w) => w.length >= 2);
}

export function looksLikeSelf(part: NamePart, hints: readonly string[]): boolean {
  if (part.kind === "self") return true;
  if (part.kind !== "name" || hints.length === 0) return false;
  if (part.words.some((w) => w.length >= 2 && hints.includes(w))) return true;
  // "asharma@" or "alexkim@" for "Alex Sharma" / "Alex Kim"
  const compact = hints.join("");
  const [firstWord] = part.words;
  const lastWord = part.words[part.words.length - 1];
  if (firstWord === undefined || lastWord === undefined || part.words.length < 2) return false;
  return compact === part.words.join("") || compact === `${firstWord.charAt(0)}${lastWord}`;
}
