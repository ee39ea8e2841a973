import { z } from "zod";
import { isStoredEmail, normalizeEmail } from "@/lib/detection";

/** Every date 1:1 Prep keeps lies in this range; anything outside it is refused where it comes in. */
export const EARLIEST_DATE = 0;
export const LATEST_DATE = Date.UTC(2200, 0, 1);
export const DATE_PROBLEM = "not a date between 1970 and 2200";

export function isStoredDate(value: unknown): value is number {
  return (
    typeof value === "number" && Number.isInteger(value) && value >= EARLIEST_DATE && value <= LATEST_DATE
  );
}

/**
 * Dates are epoch milliseconds: indexable, compact and exact through JSON export. A time past the
 * range `Date` can show would pass a plain number check and then break every view that formats it.
 */
export const epochMs = z
  .number()
  .refine(isStoredDate, { message: DATE_PROBLEM, params: { problem: "fieldDateRange" } });
const id = z.string().min(1).max(64);

/**
 * An email as 1:1 Prep keeps it: read through the one email rule, so a stored address (already in
 * that form) comes back exactly, and a hand-edited one is tidied the same way the page's are.
 */
export const storedEmail = z
  .string()
  .max(320 * 4)
  .transform((value, ctx) => {
    const email = normalizeEmail(value);
    if (email === undefined)
      ctx.addIssue({ code: "custom", message: "not an email address", params: { problem: "fieldNotEmail" } });
    return email ?? value;
  });
export { isStoredEmail };

export const personSchema = z.object({
  id,
  /** normalised (see normalizeEmail); absent for someone known only by name from an event title */
  email: storedEmail.optional(),
  displayName: z.string().max(200),
  cadenceDays: z.number().int().min(1).max(365),
  archivedAt: epochMs.optional(),
});
export type Person = z.infer<typeof personSchema>;

export const OTHER_VERSIONS_MAX = 1000;
export const otherVersionSources = ["tab", "backup", "device"] as const;
const otherVersionSchema = z.object({
  text: z.string().max(200_000),
  savedAt: epochMs,
  /** another tab or window, a backup imported over these notes, or another device through sync */
  from: z.enum(otherVersionSources),
  /** set when it is another version of an answer to this prompt rather than of the notes */
  promptId: z.string().max(100).optional(),
});

export const meetingKinds = ["weekly", "monthly", "career", "adhoc"] as const;
// Declared before the meeting, which records time per section.
export const agendaSections = ["theirs", "growth", "feedback", "mine"] as const;
export const meetingStatuses = ["planned", "held", "skipped", "cancelled"] as const;

export const meetingSchema = z
  .object({
    id,
    personId: id,
    /** the calendar's id for this instance of the event; unique */
    eventInstanceId: z.string().min(1).max(1024),
    /** the recurring series this instance belongs to, so an override applies to every instance */
    seriesId: z.string().max(1024).optional(),
    /** Calendar's id in its event URLs, to link back to the event */
    eid: z.string().max(2048).optional(),
    /** the event title as last seen; events get renamed */
    title: z.string().max(1000).optional(),
    startsAt: epochMs,
    /** when the event ends, as the calendar showed it; absent when it showed no time range */
    endsAt: epochMs.optional(),
    kind: z.enum(meetingKinds),
    /** the manager picked the kind; otherwise it follows the meeting-kind rules */
    kindSetByUser: z.boolean().optional(),
    status: z.enum(meetingStatuses),
    /** the manager said whether it happened; otherwise its time (and the calendar) decide */
    statusSetByUser: z.boolean().optional(),
    notes: z.string().max(200_000),
    answers: z.record(z.string().max(100), z.string().max(20_000)),
    happiness: z.number().int().min(1).max(10).optional(),
    /** The time boxes as the 1:1 was run with its timer: planned and actual whole minutes. */
    timedBoxes: z
      .array(
        z.object({
          section: z.enum(agendaSections),
          plannedMinutes: z
            .number()
            .int()
            .min(0)
            .max(24 * 60),
          actualMinutes: z
            .number()
            .int()
            .min(0)
            .max(24 * 60),
        }),
      )
      .max(20)
      .optional(),
    updatedAt: epochMs,
    /**
     * Versions of the notes written elsewhere at the same time as the ones above, over the same
     * words (another tab, a backup). Kept, and shown, until the manager folds them in or lets them go.
     */
    otherVersions: z
      .array(otherVersionSchema)
      .max(5 * OTHER_VERSIONS_MAX)
      .optional(),
  })
  .refine((m) => m.endsAt === undefined || m.endsAt > m.startsAt, {
    message: "ends before it starts",
    path: ["endsAt"],
    params: { problem: "fieldEndsBeforeStart" },
  });
export type Meeting = z.infer<typeof meetingSchema>;
export type OtherVersion = z.infer<typeof otherVersionSchema>;

export const agendaItemSchema = z.object({
  id,
  personId: id,
  meetingId: id.optional(),
  section: z.enum(agendaSections),
  text: z.string().max(5000),
  position: z.number(),
  discussedAt: epochMs.optional(),
});
export type AgendaItem = z.infer<typeof agendaItemSchema>;

export const actionItemOwners = ["me", "them"] as const;

export const actionItemSchema = z.object({
  id,
  personId: id,
  /** the meeting where it was agreed */
  meetingId: id,
  owner: z.enum(actionItemOwners),
  text: z.string().max(5000),
  dueAt: epochMs.optional(),
  doneAt: epochMs.optional(),
  createdAt: epochMs,
  /**
   * 1 while not done, absent once done. Kept by the database itself (see database.ts) so
   * open and overdue items are found through an index instead of a scan of every item ever.
   */
  open: z.literal(1).optional(),
});
export type ActionItem = z.infer<typeof actionItemSchema>;

export const feedbackSchema = z.object({
  id,
  personId: id,
  situation: z.string().max(5000),
  behavior: z.string().max(5000),
  impact: z.string().max(5000),
  request: z.string().max(5000),
  valence: z.enum(["reinforcing", "redirecting"]),
  createdAt: epochMs,
  deliveredAt: epochMs.optional(),
  deliveredMeetingId: id.optional(),
});
export type Feedback = z.infer<typeof feedbackSchema>;

export const growthPlanSchema = z.object({
  id,
  personId: id,
  /** e.g. "2026-Q4" */
  quarter: z.string().regex(/^\d{4}-Q[1-4]$/),
  goal: z.string().max(5000),
  support: z.string().max(5000),
  evidence: z.string().max(5000),
  checkpoints: z.array(
    z.object({
      dueAt: epochMs,
      note: z.string().max(5000),
      status: z.enum(["open", "done", "missed"]),
    }),
  ),
});
export type GrowthPlan = z.infer<typeof growthPlanSchema>;

export const questionAskedSchema = z.object({
  id,
  personId: id,
  questionId: z.string().max(200),
  meetingId: id,
  askedAt: epochMs,
});
export type QuestionAsked = z.infer<typeof questionAskedSchema>;

/** What detection needs of a guest, as the Calendar API lists them. */
export const calendarAttendeeSchema = z.object({
  email: z.string().max(320).optional(),
  displayName: z.string().max(200).optional(),
  self: z.boolean().optional(),
  resource: z.boolean().optional(),
  organizer: z.boolean().optional(),
  optional: z.boolean().optional(),
  responseStatus: z.string().max(40).optional(),
});
export type CalendarAttendee = z.infer<typeof calendarAttendeeSchema>;

/**
 * One event instance as the optional Calendar API sync last saw it. It is a copy of the
 * user's calendar, not something they wrote: it is not in backups, and disconnecting the
 * Calendar API removes it together with the meetings and people the sync added.
 */
export const calendarEventSchema = z.object({
  /** the calendar's id for this instance: the same id a meeting carries */
  eventInstanceId: z.string().min(1).max(1024),
  seriesId: z.string().min(1).max(1024),
  eid: z.string().max(2048).optional(),
  title: z.string().max(1000),
  startsAt: epochMs,
  status: z.enum(["confirmed", "tentative", "cancelled"]),
  /** undefined when the API did not list guests (a cancelled instance, for one) */
  attendees: z.array(calendarAttendeeSchema).max(1000).optional(),
  oneOnOne: z.boolean(),
  /** the meeting this event feeds, when it is a 1:1 */
  meetingId: id.optional(),
  /** the sync created that meeting (rather than a visit in Calendar), so disconnecting may remove it */
  createdMeeting: z.boolean(),
  /** the sync created this person, so disconnecting may remove them when nothing else refers to them */
  createdPersonId: id.optional(),
  syncedAt: epochMs,
});
export type CalendarEvent = z.infer<typeof calendarEventSchema>;

export const growthPlanTextFields = ["goal", "support", "evidence"] as const;

/** Where an edit typed in a text field goes. */
export const textTargetSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("notes"), meetingId: id }),
  z.object({ kind: z.literal("answer"), meetingId: id, promptId: z.string().max(100) }),
  z.object({ kind: z.literal("plan"), planId: id, field: z.enum(growthPlanTextFields) }),
]);
export type TextTarget = z.infer<typeof textTargetSchema>;

/**
 * An edit a closing page could not see written: put down in one synchronous step as the page
 * goes, and written into its field by the next page or the background that opens the database.
 */
export const unsavedEditSchema = z.object({
  /** the text field (one per mounted editor) that typed it */
  id,
  target: textTargetSchema,
  text: z.string().max(200_000),
  /** stored texts this edit was typed over, newest last, for merging */
  bases: z.array(z.string().max(200_000)).max(4),
  editedAt: epochMs,
});
export type UnsavedEdit = z.infer<typeof unsavedEditSchema>;
