import { z } from "zod/mini";
import { problemDetailSchema } from "@/lib/problem";
import { shortText } from "./fields";

/*
 * The answers the popup reads, in a module of their own: the popup's first screen builds these
 * two schemas and none of the rest of the protocol.
 */

/** How a request of an extension page went, when it can fail in a way the manager must hear of. */
export const pageResponseSchema = z.union([
  z.object({ ok: z.literal(true) }),
  z.object({ ok: z.literal(false), error: shortText(300), problem: z.optional(problemDetailSchema) }),
]);
export type PageResponse = z.infer<typeof pageResponseSchema>;

const maskedText = shortText(400);

/** Content script → popup: its answer to "page:check". Names and emails come masked. */
export const pageCheckResponseSchema = z.object({
  path: shortText(200),
  hooks: z.record(z.string().check(z.maxLength(40)), z.number().check(z.int(), z.gte(-1), z.lte(20))),
  open: z.enum(["dialog", "edit", "none"]),
  title: z.object({ found: z.boolean(), length: z.number().check(z.int(), z.gte(0)) }),
  time: z.boolean(),
  eventId: z.boolean(),
  guests: z.union([
    z.literal("unread"),
    z
      .array(
        z.object({
          name: z.optional(maskedText),
          email: z.optional(maskedText),
          you: z.boolean(),
          organizer: z.boolean(),
        }),
      )
      .check(z.maxLength(500)),
  ]),
  you: z.optional(maskedText),
  /** event dialogs opened in a row that the page didn't let us read */
  unreadableInARow: z.number().check(z.int(), z.gte(0)),
  /** whether 1:1 Prep took the open event for a 1:1, and why */
  decision: z.optional(z.object({ oneOnOne: z.boolean(), reason: shortText(300) })),
});
export type PageCheckResponse = z.infer<typeof pageCheckResponseSchema>;
