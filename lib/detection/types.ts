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
