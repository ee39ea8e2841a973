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
}

export interface DetectionSettings {
  /** extra words or phrases that mark a title as a 1:1 (the user's own) */
  keywords?: string[];
  /** words or phrases that mark a title as never a 1:1 */
  exclusions?: string[];
}
