import type { calendar_v3 } from "@googleapis/calendar";

export type Attendee = Pick<
  calendar_v3.Schema$EventAttendee,
  "email" | "displayName" | "self" | "resource" | "organizer" | "optional" | "responseStatus"
>;

export interface EventSignals {
  title: string;
  /** undefined: unknown; []: known to have no guests */
  attendees?: Attendee[];
  selfEmail?: string;
  recurring?: boolean;
}

export interface Classification {
  isOneOnOne: boolean;
  counterpart?: { email?: string; displayName?: string };
  /** short, human-readable, shown in the UI on request */
  reason: string;
  /**
   * A 1:1 between two guests, when the page doesn't show which one is the user: the two people,
   * for the user to say who the 1:1 is with. `counterpart` is then absent: a guess could file
   * notes under the user themself.
   */
  candidates?: { email?: string; displayName?: string }[];
}

/**
 * Why `classifyEvent` decided as it did, for a page to say in the manager's language. Words
 * from the title or from the manager's own settings travel as they were typed.
 */
export type DetectionBecause =
  | { code: "unreadable" }
  | { code: "excluded"; phrase: string }
  | { code: "about-plural" }
  | { code: "about-word"; word: string }
  | { code: "marker" }
  | { code: "keyword"; phrase: string }
  | { code: "interview" }
  | { code: "sales" }
  | { code: "group-title" }
  | { code: "name-pair" }
  | { code: "no-marker" }
  | { code: "no-other-guests" }
  | { code: "group-meeting"; guests: number }
  | { code: "group-address" }
  | { code: "external-guest" }
  | {
      code: "one-guest";
      guest: "colleague" | "guest";
      hint: "group-title" | "names" | "regular" | "recurring" | "not-recurring";
      /** the title's own words that read as a regular meeting ("sync", "catch-up") */
      words?: string;
    }
  /** a marker between two guests, when the page doesn't show which one is the user */
  | { code: "unclear-self"; keyword?: string };

/** A classification with the reason as data beside its English words. */
export interface ExplainedClassification extends Classification {
  because: DetectionBecause;
}

export interface DetectionSettings {
  /** extra words or phrases that mark a title as a 1:1 (the user's own) */
  keywords?: string[];
  /** words or phrases that mark a title as never a 1:1 */
  exclusions?: string[];
  /**
   * The domain the organisation set (acme.com), for judging who is a colleague when the
   * user's own address isn't known
   */
  companyDomain?: string;
}
