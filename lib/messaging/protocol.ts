import { z } from "zod/mini";
import { SNAPSHOT_MAX_AROUND, SNAPSHOT_MAX_CHARS } from "@/lib/calendar-dom";
import { problemDetailSchema } from "@/lib/problem";
import { shortText } from "./fields";
import { FRAME_TOKEN } from "./frame-token";

/**
 * The protocol between the content script, the sidebar and the background.
 * Every receiver parses with these schemas and checks the sender; anything else is dropped.
 */

/** A fresh random token per mounted sidebar frame; it pairs the frame with the event it shows. */
const frameToken = z.string().check(z.regex(FRAME_TOKEN));

const epochMs = () => z.number().check(z.int(), z.gte(0), z.lte(Date.UTC(2200, 0, 1)));

const code = <C extends string>(name: C) => z.object({ code: z.literal(name) });
/** the title's or the manager's own words, as typed */
const quoted = shortText(300);

/**
 * Why the prep shows or not, as data the page puts in the manager's language: the detector's
 * reasons, and those of the pages that open a prep themselves.
 */
export const prepBecauseSchema = z.discriminatedUnion("code", [
  code("unreadable"),
  z.object({ code: z.literal("excluded"), phrase: quoted }),
  code("about-plural"),
  z.object({ code: z.literal("about-word"), word: quoted }),
  code("marker"),
  z.object({ code: z.literal("keyword"), phrase: quoted }),
  code("interview"),
  code("sales"),
  code("group-title"),
  code("name-pair"),
  code("no-marker"),
  code("no-other-guests"),
  z.object({ code: z.literal("group-meeting"), guests: z.number().check(z.int(), z.gte(0), z.lte(100_000)) }),
  code("group-address"),
  code("external-guest"),
  z.object({
    code: z.literal("one-guest"),
    guest: z.enum(["colleague", "guest"]),
    hint: z.enum(["group-title", "names", "regular", "recurring", "not-recurring"]),
    words: z.optional(quoted),
  }),
  z.object({ code: z.literal("unclear-self"), keyword: z.optional(quoted) }),
  /** the Calendar API sync saw the whole guest list the page hid */
  z.object({ code: z.literal("calendar-guests"), oneOther: z.boolean() }),
  /** a prep opened from 1:1 Prep's own pages, not from Calendar */
  code("opened"),
]);
export type PrepBecause = z.infer<typeof prepBecauseSchema>;

export const prepEventSchema = z
  .object({
    eventInstanceId: z.string().check(z.minLength(1), z.maxLength(1024)),
    /** the key an earlier release filed this event under, when the page showed no id for it */
    formerEventInstanceId: z.optional(z.string().check(z.minLength(1), z.maxLength(1024))),
    /** no id and no start could be read: the prep says so instead of guessing which event it is */
    unidentified: z.optional(z.literal(true)),
    seriesId: z.string().check(z.minLength(1), z.maxLength(1024)),
    /** Calendar's own id for the event view, so the popup can link back to it */
    eid: z.optional(shortText(2048)),
    title: shortText(1000),
    /** epoch ms, 1970–2200; absent when the page did not show a readable start */
    startsAt: z.optional(epochMs()),
    /** epoch ms, after startsAt; absent when the page showed no time range (an all-day event) */
    endsAt: z.optional(epochMs()),
    recurring: z.boolean(),
    counterpart: z.object({
      email: z.optional(shortText(320)),
      displayName: z.optional(shortText(200)),
    }),
    /** two guests and no telling which is the manager: the prep asks who the 1:1 is with */
    candidates: z.optional(
      z
        .array(z.object({ email: z.optional(shortText(320)), displayName: z.optional(shortText(200)) }))
        .check(z.length(2)),
    ),
    /** what the detector decided and why, before any override by the user */
    detected: z.boolean(),
    reason: shortText(300),
    /** the reason as data, for the sidebar to say in the manager's language */
    because: z.optional(prepBecauseSchema),
    override: z.optional(z.boolean()),
  })
  .check(
    z.refine(
      (event) =>
        event.endsAt === undefined || (event.startsAt !== undefined && event.endsAt > event.startsAt),
      {
        message: "an event's end comes after its start",
        path: ["endsAt"],
      },
    ),
  );
export type PrepEvent = z.infer<typeof prepEventSchema>;

/** Content script → background. */
export const contentMessageSchema = z.discriminatedUnion("type", [
  /**
   * `key` is handed to the mounted frame alone (by a message to its window, which the page can't
   * read); the frame's token is in its address, which the page can, so the token alone claims nothing.
   */
  z.object({ type: z.literal("prep:open"), frame: frameToken, key: frameToken, event: prepEventSchema }),
  /** The frame is hidden and going: no document may take its event up from now on. */
  z.object({ type: z.literal("prep:retire"), frame: frameToken }),
  /** The frame is removed; its last edits have had their time to land. */
  z.object({ type: z.literal("prep:close"), frame: frameToken }),
  /** A detector frame was added; `key` opens its channel, and is handed only to the content script's. */
  z.object({ type: z.literal("detector:open"), frame: frameToken, key: frameToken }),
]);
export type ContentMessage = z.infer<typeof contentMessageSchema>;

/** Sidebar → background. */
export const sidebarMessageSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("prep:context"), frame: frameToken, key: frameToken }),
  z.object({ type: z.literal("prep:dismiss"), frame: frameToken }),
]);
export type SidebarMessage = z.infer<typeof sidebarMessageSchema>;

/** Detector frame → background: "is this the key the content script gave you for me?" (once). */
export const detectorMessageSchema = z.object({
  type: z.literal("detector:claim"),
  frame: frameToken,
  key: frameToken,
});
export type DetectorMessage = z.infer<typeof detectorMessageSchema>;

const snapshotSchema = z.object({
  url: shortText(4096),
  source: z.enum(["dialog", "edit"]),
  html: shortText(SNAPSHOT_MAX_CHARS),
  around: z.array(shortText(SNAPSHOT_MAX_CHARS)).check(z.maxLength(SNAPSHOT_MAX_AROUND)),
  mark: shortText(4096),
});

/** Content script → its detector frame, over their private channel. */
export const detectorRequestSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("read"), id: z.number().check(z.int()), snapshot: snapshotSchema }),
  z.object({ type: z.literal("check"), id: z.number().check(z.int()), snapshot: z.nullable(snapshotSchema) }),
]);

/** Any extension page (sidebar, popup, options) → background. */
export const pageMessageSchema = z.discriminatedUnion("type", [
  /** Something changed that the toolbar badge counts; recount now rather than at the next tick. */
  z.object({ type: z.literal("badge:refresh") }),
  /** Sync with the Calendar API now (after connecting, or when the popup opens and it has been a while). */
  z.object({ type: z.literal("calendar:sync"), force: z.boolean() }),
  /** Revoke the token and take back what the sync added; the background does it so no sync runs meanwhile. */
  z.object({ type: z.literal("calendar:disconnect") }),
  /** Make an automatic backup now, due or not. */
  z.object({ type: z.literal("backup:now") }),
  /** Sync across devices now: after turning it on, or the manager's "Sync now". */
  z.object({ type: z.literal("sync:now") }),
]);
export type PageMessage = z.infer<typeof pageMessageSchema>;

/** Background → content script. */
export const tabMessageSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("prep:dismiss"), frame: frameToken }),
  /** The popup's "Check this page": what the content script can read here, masked. */
  z.object({ type: z.literal("page:check") }),
]);
export type TabMessage = z.infer<typeof tabMessageSchema>;

export const contextResponseSchema = z.union([
  z.object({ ok: z.literal(true), event: prepEventSchema }),
  z.object({ ok: z.literal(false), error: shortText(300), problem: z.optional(problemDetailSchema) }),
]);
export type ContextResponse = z.infer<typeof contextResponseSchema>;

/** Background → Chrome's offscreen document, which has the DOM the worker lacks for a file. */
export const offscreenRequestSchema = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("backup:make"),
    file: shortText(500),
    now: z.number().check(z.int(), z.gte(0)),
    keep: z.number().check(z.int(), z.gte(1), z.lte(100)),
    settings: z.record(z.string(), z.unknown()),
  }),
  /** The download is written: the backup's blob can go. */
  z.object({ type: z.literal("backup:release"), url: shortText(300) }),
]);
export type OffscreenRequest = z.infer<typeof offscreenRequestSchema>;

export const offscreenResponseSchema = z.union([
  z.object({ ok: z.literal(true), url: shortText(300), bytes: z.number().check(z.int(), z.gte(0)) }),
  z.object({ ok: z.literal(false), error: shortText(300) }),
]);
export type OffscreenResponse = z.infer<typeof offscreenResponseSchema>;
