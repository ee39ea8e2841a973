/**
 * Whether a situation is anchored to one moment: a time ("yesterday", "on
 * Tuesday", "3 Nov"), a place ("at the offsite", "in #incident") or an event
 * ("in the design review", "when you presented the roadmap"). Without one,
 * feedback reads as a verdict on the person rather than about a moment.
 */
import { type Word, words } from "./text";
import { isPastForm } from "./verbs";

const set = (text: string): ReadonlySet<string> => new Set(text.trim().split(/\s+/));

/** Words that pin down a moment on their own. */
const TIMES = set(`
  yesterday today tonight tomorrow earlier ago monday tuesday wednesday thursday friday saturday sunday tue tues
  wed thu thur thurs fri january february march april june july august september october november december jan
  feb apr jun jul aug sep sept oct nov dec noon midnight eod overnight
`);
// Also ordinary words ("you may", "I sat"): a date only next to a number or "on", "last".
const AMBIGUOUS_TIMES = set(`may mon sat sun mar`);
const DATE_LEADS = set(`on last this next since until by early late mid`);
const COUNTS = set(`two three four five six few couple`);
// "every Monday", "most mornings" generalise again; these words do not name one day.
const PLURAL_TIMES = set(
  `mondays tuesdays wednesdays thursdays fridays saturdays sundays mornings afternoons evenings weekends`,
);
const RELATIVE = set(`last this past previous earlier next that`);
const PERIODS = set(`
  morning afternoon evening night week weekend month quarter year sprint time semester half cycle iteration
  release
`);

/** Things that happen once: meetings, incidents, launches. */
const EVENTS = set(`
  meeting review standup stand-up retro retrospective planning demo sync 1:1 1-1 1on1 one-on-one all-hands allhands
  offsite off-site onsite on-site workshop presentation call interview launch release deploy deployment rollout
  incident outage postmortem post-mortem kickoff kick-off townhall huddle sprint hackathon conference lunch dinner
  breakfast training session check-in handoff hand-off pairing brainstorm meetup webinar pitch onboarding migration
  escalation qbr grooming refinement triage estimation debrief walkthrough walk-through keynote panel summit
  seminar class event party celebration trip visit conversation discussion chat talk exchange argument
  disagreement scrum bridge cutover drill game-day gameday hearing audit demo-day showcase morning
  afternoon evening weekend night shift crit critique handover game match
`);
/** Things written somewhere that can be pointed at. */
const ARTIFACTS = set(`
  pr mr commit diff doc document email e-mail mail message dm thread channel slack post comment ticket issue bug
  jira spec rfc proposal deck slides report memo wiki notebook dashboard mockup prototype runbook playbook
  roadmap changelog readme branch repo repository project figma notion confluence github gitlab zoom hangout
  loom miro draft writeup write-up spreadsheet sheet file pdf slide chart form survey contract note notes minutes
  agenda invite recording video screenshot update newsletter announcement summary
`);
/** Places. */
const PLACES = set(`
  office room kitchen hallway corridor lobby desk floor building site lab cafeteria canteen elevator warehouse
  store shop hq campus booth stage hotel airport restaurant bar car hall auditorium venue
`);

/** Words that turn a reference into a habit: "usually in standup", "in every review". */
const GENERIC = set(`
  usually generally often typically always sometimes normally regularly frequently constantly every each whenever
  any most many several multiple various lately tend tends general all
`);
const DETERMINERS = set(`the a an this that our your my his her their its`);
const CLAUSE_OPENERS = set(`when while after before as once`);
const PAST_BE = set(`was were had did`);
const PRESENT_BE = set(`am is are do does have has get gets`);
const SUBJECTS = set(`i you we they he she`);
const PLACE_PREPOSITIONS = set(`in at on during inside near`);
// Capitalised after "in" without naming anything: "In General", "In Short".
const NOT_NAMES = set(
  `general particular short fact addition summary total any all some my our your the a an`,
);

const DATE_LIKE =
  /^(?:\d{1,4}[./:-]\d{1,4}(?:[./:-]\d{1,4})?|\d{1,2}(?:st|nd|rd|th)|\d{1,2}(?:am|pm|h)|(?:19|20)\d{2}|q[1-4]|h[12]|[a-z]{2,10}-\d+|v\d+(?:\.\d+)*)$/;

const NOT_PLURAL = set(
  `this is was has its us status process class bus news series ops devops aws os yes plus`,
);

function looksPlural(w: string): boolean {
  return w.length > 3 && w.endsWith("s") && !w.endsWith("ss") && !NOT_PLURAL.has(w);
}

function at(ws: readonly Word[], i: number): string {
  return ws[i]?.w ?? "";
}

/** A reference to one moment that stands on its own, such as a date or "last week". */
function isTimeAnchor(ws: readonly Word[], i: number): boolean {
  const w = at(ws, i);
  const next = at(ws, i + 1);
  if (PLURAL_TIMES.has(w)) return false;
  if (TIMES.has(w) || (!EVENTS.has(w) && DATE_LIKE.test(w))) return true;
  if (w.startsWith("#") && w.length > 1) return true;
  if (
    AMBIGUOUS_TIMES.has(w) &&
    (/^\d/.test(next) || /^\d/.test(at(ws, i - 1)) || DATE_LEADS.has(at(ws, i - 1)))
  ) {
    return true;
  }
  if (RELATIVE.has(w) && (PERIODS.has(next) || EVENTS.has(next) || TIMES.has(next))) return true;
  // "the last two standups", "the past 3 sprints"
  if (RELATIVE.has(w) && (COUNTS.has(next) || /^\d+$/.test(next))) return true;
  if (w === "other" && next === "day") return true;
  if (w === "just" && next === "now") return true;
  // "PR 482", "sprint 14", "release 2.3"
  if ((ARTIFACTS.has(w) || EVENTS.has(w)) && /^#?\d/.test(next)) return true;
  return false;
}

/** A reference to a meeting, an artifact or a place, which a habit word can undo. */
function isEventAnchor(ws: readonly Word[], i: number, titleCase: boolean): boolean {
  const word = ws[i];
  if (!word || word.brk) return false;
  const w = word.w;
  const prev = at(ws, i - 1);
  // "when you talk to clients": a verb, not an event
  if (w === "hands") return prev === "all";
  if (EVENTS.has(w) || ARTIFACTS.has(w) || PLACES.has(w)) return !GENERIC.has(prev) && !SUBJECTS.has(prev);
  if (w === "front" && prev === "in" && at(ws, i + 1) === "of") return true;
  if (w === "during") {
    // "during meetings", "during busy periods": a kind of occasion, not one
    for (let k = i + 1; k <= i + 3; k++) {
      const later = ws[k];
      if (!later || later.brk) break;
      if (looksPlural(later.w)) return false;
    }
    return at(ws, i + 1) !== "" && !GENERIC.has(at(ws, i + 1)) && !ws[i + 1]?.brk;
  }
  if (CLAUSE_OPENERS.has(w)) {
    // "when you presented the roadmap", not "when you present" or "when you are stressed"
    for (let k = i + 1; k <= i + 3; k++) {
      const later = at(ws, k);
      if (PRESENT_BE.has(later)) return false;
      if (PAST_BE.has(later) || (later !== "" && isPastForm(later))) return true;
    }
  }
  // "in Berlin", "at Acme", "on Atlas": a name after a preposition is a place or an event.
  if (!titleCase && PLACE_PREPOSITIONS.has(prev) && word.cap && !NOT_NAMES.has(w)) return true;
  return false;
}

/** Whether the words name a particular time: "this sprint", "yesterday", "3 Nov". */
export function namesTime(ws: readonly Word[]): boolean {
  for (let i = 0; i < ws.length; i++) if (isTimeAnchor(ws, i)) return true;
  return false;
}

/** Whether the situation says when or where it happened. */
export function situationAnchored(text: string): boolean {
  const ws = words(text);
  const content = ws.filter((word) => !word.brk);
  // Text typed in Title Case or capitals says nothing about names.
  const titleCase = content.length > 2 && content.filter((word) => word.cap).length / content.length > 0.6;
  let weak = false;
  let generic = false;
  for (let i = 0; i < ws.length; i++) {
    if (isTimeAnchor(ws, i)) return true;
    // "the most recent", "the all-hands" / "all hands"
    if (GENERIC.has(at(ws, i)) && !DETERMINERS.has(at(ws, i - 1)) && at(ws, i + 1) !== "hands")
      generic = true;
    if (!weak && isEventAnchor(ws, i, titleCase)) weak = true;
  }
  return weak && !generic;
}
