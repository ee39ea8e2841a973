import type { calendar_v3 } from "@googleapis/calendar";
import { z } from "zod";

/*
 * What we accept from the Calendar API. Unknown fields are dropped (z.object strips them), so
 * Google adding fields changes nothing; the fields the product reads must have the documented
 * type and a sane size, or the whole answer is refused.
 */

/**
 * Google leaves fields out; its types also allow null for plain values, so both mean "not given"
 * there. Objects and lists are only ever left out.
 */
const optional = <T extends z.ZodType>(schema: T) => schema.nullish();

const noSpaceOrControl = /^[^\s\p{Cc}]+$/u;
const rfc3339 = z.iso.datetime({ offset: true });

const eventAttendeeSchema = z.object({
  email: optional(z.string().max(320)),
  displayName: optional(z.string().max(1024)),
  self: optional(z.boolean()),
  resource: optional(z.boolean()),
  organizer: optional(z.boolean()),
  optional: optional(z.boolean()),
  responseStatus: optional(z.string().max(40)),
});

const eventPersonSchema = z.object({
  email: z.string().max(320).optional(),
  displayName: z.string().max(1024).optional(),
  self: z.boolean().optional(),
});

const eventDateTimeSchema = z.object({
  /** all-day events carry a date and no time */
  date: optional(z.iso.date()),
  dateTime: optional(rfc3339),
  timeZone: optional(z.string().max(128)),
});

export const calendarApiEventSchema = z.object({
  /** for an instance of a recurring event: `<recurringEventId>_<start>` */
  id: z.string().min(1).max(1024).regex(noSpaceOrControl),
  status: optional(z.string().max(40)),
  eventType: optional(z.string().max(64)),
  summary: optional(z.string().max(8192)),
  htmlLink: optional(z.string().max(4096)),
  recurringEventId: optional(z.string().min(1).max(1024).regex(noSpaceOrControl)),
  start: eventDateTimeSchema.optional(),
  end: eventDateTimeSchema.optional(),
  /** the instance's slot in its series, kept when the instance is moved or cancelled */
  originalStartTime: eventDateTimeSchema.optional(),
  attendees: z.array(eventAttendeeSchema).max(5000).optional(),
  /** set when Google left guests out (too many, or a guest list the user may not see) */
  attendeesOmitted: optional(z.boolean()),
  organizer: optional(eventPersonSchema),
  creator: optional(eventPersonSchema),
  updated: optional(rfc3339),
});

/** An event as validated from events.list: a subset of `calendar_v3.Schema$Event`. */
export type CalendarApiEvent = z.infer<typeof calendarApiEventSchema>;
export type CalendarApiAttendee = z.infer<typeof eventAttendeeSchema>;

const pageToken = z.string().min(1).max(4096).regex(noSpaceOrControl);

/** One page of events.list. The API never sends more than 2500 events on a page. */
export const eventsPageSchema = z.object({
  items: z.array(calendarApiEventSchema).max(2500).optional(),
  nextPageToken: optional(pageToken),
  nextSyncToken: optional(pageToken),
});
export type EventsPage = z.infer<typeof eventsPageSchema>;

/**
 * Google's error body. Only read to tell a rate limit from other 403s and to give the user
 * Google's own words, so a body that does not fit is ignored rather than refused.
 */
export const apiErrorBodySchema = z.object({
  error: z.object({
    code: optional(z.number().int()),
    message: optional(z.string().max(2000)),
    status: optional(z.string().max(100)),
    errors: z
      .array(
        z.object({
          domain: optional(z.string().max(200)),
          reason: optional(z.string().max(200)),
          message: optional(z.string().max(2000)),
        }),
      )
      .max(100)
      .optional(),
  }),
});
export type ApiErrorBody = z.infer<typeof apiErrorBodySchema>;

// What we validate must still be a Calendar event as Google's own types describe it.
type Assignable<T extends calendar_v3.Schema$Event> = T;
export type CheckedCalendarApiEvent = Assignable<CalendarApiEvent>;
