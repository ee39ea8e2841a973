import type { Meeting } from "@/lib/db";
import { monthOfQuarter, quarterOf } from "./quarter";

export interface MeetingKindRules {
  /** "first-of-month": the first 1:1 each month without a deep dive yet becomes one. */
  monthlyDeepDive: "first-of-month" | "off";
  /** "quarter": one career conversation a quarter, from the quarter's second month. */
  careerEvery: "quarter" | "off";
}

export const defaultMeetingKindRules: MeetingKindRules = {
  monthlyDeepDive: "first-of-month",
  careerEvery: "quarter",
};

export interface PastMeeting {
  startsAt: number;
  kind: Meeting["kind"];
  status: Meeting["status"];
}

export interface ChooseMeetingKindInput {
  startsAt: Date | number;
  /** the event's title: one that says what the meeting is picks that kind */
  title?: string;
  /** Earlier meetings with the same person, any order; later ones are ignored. */
  previousMeetings: readonly PastMeeting[];
  rules?: MeetingKindRules;
}

/** Words a title uses for a career talk, a promotion talk or a monthly 1:1, in the product's languages. */
const TITLE_KINDS: readonly ["career" | "monthly", RegExp][] = [
  [
    "career",
    /(?<![\p{L}\p{N}])(career|promotion|karriere|beförderung|laufbahn|carrière|évolution professionnelle|carrera profesional|desarrollo profesional|ascenso|promoción)(?![\p{L}\p{N}])/iu,
  ],
  [
    "monthly",
    /(?<![\p{L}\p{N}])(monthly|deep dive|monatlich|monatsgespräch|mensuel|mensuelle|mensual)(?![\p{L}\p{N}])/iu,
  ],
];

/** The kind a title names ("Career conversation", "Monthly 1:1", "Promotion"), if any. */
export function kindNamedIn(title: string | undefined): "career" | "monthly" | undefined {
  if (!title) return undefined;
  const text = title.slice(0, 1000).normalize("NFC");
  return TITLE_KINDS.find(([, words]) => words.test(text))?.[0];
}

/**
 * Which template a new 1:1 follows. Months and quarters are the user's local calendar.
 *
 * - Career: the first 1:1 from the second month of a quarter on, while that quarter has no
 *   career conversation yet. Waiting for month two leaves month one to settle the quarter's
 *   priorities, and a missed slot rolls to the next 1:1 rather than skipping the quarter.
 * - Monthly: the first 1:1 of a month that has no deep dive yet. A career conversation is
 *   that month's deep dive, so a quarter runs monthly, career, monthly.
 * - Otherwise weekly.
 *
 * - The very first 1:1 on record is never the career conversation: a career talk needs some
 *   relationship first, so it rolls to the next 1:1.
 *
 * - The very first 1:1 on record is a weekly one: a deep dive needs a relationship too.
 * - A title that says what the meeting is ("Career conversation", "Monthly", "Promotion") picks
 *   that kind, first meeting or not.
 *
 * Cancelled and skipped meetings did not happen, so their slot passes to the next 1:1.
 * Whatever kind the user picked for an earlier meeting is what counts.
 */
export function chooseMeetingKind(input: ChooseMeetingKindInput): "weekly" | "monthly" | "career" {
  const named = kindNamedIn(input.title);
  if (named) return named;
  const rules = input.rules ?? defaultMeetingKindRules;
  const at = new Date(input.startsAt);
  const startsAt = at.getTime();
  if (Number.isNaN(startsAt)) return "weekly";

  const quarter = quarterOf(at);
  const month = monthKey(at);
  const earlier = input.previousMeetings.filter(
    (m) => m.startsAt < startsAt && m.status !== "cancelled" && m.status !== "skipped",
  );

  if (rules.careerEvery === "quarter" && monthOfQuarter(at) > 0 && earlier.length > 0) {
    const hadCareer = earlier.some((m) => m.kind === "career" && quarterOf(m.startsAt) === quarter);
    if (!hadCareer) return "career";
  }
  if (rules.monthlyDeepDive === "first-of-month" && earlier.length > 0) {
    const hadDeepDive = earlier.some(
      (m) => (m.kind === "monthly" || m.kind === "career") && monthKey(new Date(m.startsAt)) === month,
    );
    if (!hadDeepDive) return "monthly";
  }
  return "weekly";
}

function monthKey(d: Date): string {
  return `${d.getFullYear()}-${d.getMonth()}`;
}
