/**
 * Whether a German situation is anchored to one moment: a time ("gestern", "am Dienstag",
 * "3.11."), an event ("im Design-Review", "beim Kundentermin"), a place, or a past "als"-clause
 * ("als du die Roadmap vorgestellt hast"). Habits ("normalerweise in Meetings") are not.
 */
import { type DeWord, deWords, foldedSet } from "./de-text";

const TIMES = foldedSet(`
  gestern vorgestern heute vorhin neulich kürzlich montag dienstag mittwoch donnerstag freitag
  samstag sonntag januar jänner februar märz april juni juli august september oktober november dezember
  jan feb mär apr jun jul aug sep sept okt nov dez mittag mitternacht feierabend
`);
/** Adjectives made from a day: "im gestrigen Review", "beim heutigen Standup". */
const TIME_ADJECTIVES =
  /^(?:gestrig|vorgestrig|heutig|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)\p{L}*$/u;
/** "montags" and "morgens" are habits, not a day. */
const HABIT_TIMES =
  /^(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|morgen|abend|mittag|nachmittag|vormittag|wochenend)s$/u;
const RELATIVE = /^(?:letzt|vergangen|vorig|dies|diesjahrig|nachst|kommend|selb)(?:e|er|es|en|em)?$/u;
const PERIODS = foldedSet(`
  woche wochen wochenende monat monats quartal quartals jahr jahres sprint sprints iteration release mal
  morgen vormittag nachmittag abend nacht tag tages freitag montag dienstag mittwoch donnerstag samstag sonntag
`);
const AGO_UNITS =
  /^(?:tag|tagen|woche|wochen|monat|monaten|stunde|stunden|minute|minuten|jahr|jahren|sprint|sprints)$/u;
const COUNTS = foldedSet(`einer einem einigen zwei drei vier fünf sechs sieben acht neun zehn paar kurzem`);

/** Events; a compound ending in one counts too ("Kundentermin", "Sprintplanung"). */
const EVENTS = [
  "meeting",
  "besprechung",
  "review",
  "standup",
  "daily",
  "retro",
  "retrospektive",
  "demo",
  "präsentation",
  "termin",
  "call",
  "telefonat",
  "videocall",
  "workshop",
  "gespräch",
  "planung",
  "planning",
  "sitzung",
  "konferenz",
  "schulung",
  "training",
  "onboarding",
  "release",
  "deployment",
  "rollout",
  "launch",
  "incident",
  "ausfall",
  "störung",
  "postmortem",
  "kickoff",
  "allhands",
  "townhall",
  "offsite",
  "pitch",
  "interview",
  "abstimmung",
  "jourfixe",
  "runde",
  "mittagessen",
  "feier",
  "hackathon",
  "vortrag",
  "webinar",
  "diskussion",
  "übergabe",
  "dienstreise",
  "messe",
  "audit",
  "verhandlung",
  "eskalation",
  "sync",
  "einzelgespräch",
  "sprint",
  "workshop",
  "refinement",
  "grooming",
  "event",
  "veranstaltung",
  "kundenbesuch",
  "besuch",
  "brainstorming",
  "abendessen",
  "teamessen",
  "geschäftsessen",
  "pause",
  "debatte",
  "streit",
  "konflikt",
  "austausch",
  "chat",
  "meetup",
  "migration",
  "umzug",
].map((e) => e.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase());
/** Things one can point at afterwards. */
const ARTIFACTS = foldedSet(`
  pr pullrequest mergerequest commit dokument doku email mail nachricht slack thread kanal channel ticket
  issue jira spec konzept folien foliensatz bericht report wiki dashboard entwurf angebot protokoll codereview
  kommentar antwort ankündigung newsletter
`);
const PLACES = foldedSet(`
  büro küche flur kantine konferenzraum besprechungsraum raum standort lager labor werk halle empfang
  teeküche aufzug
`);
/** Words that turn a reference into a habit: "normalerweise im Standup", "in jedem Review". */
const HABITS = foldedSet(`
  normalerweise oft häufig meistens manchmal regelmäßig generell allgemein immer ständig grundsätzlich
  typischerweise gewöhnlich oftmals öfter wiederholt jedes jeder jedem jeden jede alle allen vielen manchen
  mehreren solchen sonst
`);
/** Singular-only words before an event: "im Meeting", "beim Review", "des Calls". */
const SINGULAR_LEADS = foldedSet(
  `im beim am vom zum des eines dem einem diesem dieses deines ihres seines unseres eures meines`,
);
const PAST_AUX = foldedSet(
  `hast hat habt haben hattest hatte hatten warst war wart waren bist ist seid sind`,
);
const SUBJECTS = foldedSet(`du sie er ihr wir ich man`);

const DATE_LIKE =
  /^(?:\d{1,2}[./]\d{1,2}(?:[./]\d{2,4})?|\d{1,2}:\d{2}|(?:19|20)\d{2}|q[1-4]|kw\d{1,2}|h[12])$/u;

function at(ws: readonly DeWord[], i: number): string {
  return ws[i]?.w ?? "";
}

function eventWord(w: string): string | undefined {
  for (const event of EVENTS) {
    if (w.endsWith(event)) return event;
  }
  return undefined;
}

function isTime(ws: readonly DeWord[], i: number): boolean {
  const w = at(ws, i);
  const next = at(ws, i + 1);
  if (HABIT_TIMES.test(w)) return false;
  if (TIMES.has(w) || DATE_LIKE.test(w) || TIME_ADJECTIVES.test(w)) return true;
  if (w.startsWith("#") && w.length > 1) return true;
  // "10 Uhr", "3. März", "KW 12", "Sprint 14"
  if (/^\d{1,2}$/.test(w) && (next === "uhr" || TIMES.has(next) || TIMES.has(at(ws, i + 2)))) return true;
  if ((w === "kw" || eventWord(w) || ARTIFACTS.has(w)) && /^#?\d/.test(next)) return true;
  if (RELATIVE.test(w) && (PERIODS.has(next) || eventWord(next) !== undefined)) return true;
  // "Anfang der Woche", "Ende letzten Monats"
  if ((w === "anfang" || w === "ende" || w === "mitte") && (PERIODS.has(at(ws, i + 2)) || TIMES.has(next))) {
    return true;
  }
  // "vor zwei Wochen", "vor kurzem"
  if (
    w === "vor" &&
    (next === "kurzem" || ((COUNTS.has(next) || /^\d+$/.test(next)) && AGO_UNITS.test(at(ws, i + 2))))
  ) {
    return true;
  }
  return false;
}

function isEvent(ws: readonly DeWord[], i: number): boolean {
  const w = at(ws, i);
  const prev = at(ws, i - 1);
  if (HABITS.has(prev) || HABITS.has(at(ws, i - 2))) return false;
  const event = eventWord(w);
  if (event !== undefined) {
    if (w === event || w.length > event.length + 2) return true;
    return false;
  }
  // "Meetings", "Reviews": plural is a habit unless a singular-only word says otherwise ("des Meetings").
  for (const suffix of ["s", "es", "e", "en", "n"]) {
    if (w.endsWith(suffix) && eventWord(w.slice(0, -suffix.length)) !== undefined) {
      return SINGULAR_LEADS.has(prev) || SINGULAR_LEADS.has(at(ws, i - 2));
    }
  }
  if (ARTIFACTS.has(w) || PLACES.has(w) || w === "1:1" || w === "1on1") return true;
  if (w === "kunden" && prev === "beim") return true;
  return false;
}

/** "Als du die Roadmap vorgestellt hast": "als" with a subject and a past verb names one time. */
function isPastClause(ws: readonly DeWord[], i: number): boolean {
  if (at(ws, i) !== "als" || !(i === 0 || ws[i - 1]?.brk) || !SUBJECTS.has(at(ws, i + 1))) return false;
  for (let k = i + 2; k < ws.length && !ws[k]?.brk; k++) {
    const w = at(ws, k);
    if (PAST_AUX.has(w) || w.endsWith("test") || w.endsWith("ten")) return true;
  }
  return false;
}

export function germanSituationAnchored(text: string): boolean {
  const ws = deWords(text);
  let event = false;
  let habit = false;
  for (let i = 0; i < ws.length; i++) {
    if (ws[i]?.brk) continue;
    if (isTime(ws, i) || isPastClause(ws, i)) return true;
    if (isEvent(ws, i)) event = true;
    if (HABITS.has(at(ws, i))) habit = true;
  }
  return event && !habit;
}
