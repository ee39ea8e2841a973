import type { EventSnapshot, PageCheck } from "@/lib/calendar-dom";
import { isKeyedMessage } from "./frame-token";
import type { PrepEvent } from "./protocol";

/**
 * The content script and its detector frame talk over a private channel. The content script posts
 * the channel's port to the frame's window with a key; the page can post there too, but never
 * knows the key, which the frame checks with the background (told it by the content script,
 * which the page can't impersonate). What crosses the port is JSON text, read the same in every
 * browser's content-script world.
 */
export const DETECTOR_HELLO = "one-on-one-prep:detector";

export interface DetectorHello {
  type: typeof DETECTOR_HELLO;
  key: string;
}

export function isDetectorHello(value: unknown): value is DetectorHello {
  return isKeyedMessage(value, DETECTOR_HELLO);
}

/** Content script → detector. */
export type DetectorRequest =
  | { type: "read"; id: number; snapshot: EventSnapshot }
  | { type: "check"; id: number; snapshot: EventSnapshot | null };

/** What the detector made of an open event. */
export interface Verdict {
  /** read well enough to decide on: a title, and an id or a start */
  readable: boolean;
  /** how far the guest list had arrived; Calendar fills its dialog in steps */
  guestRows: "read" | "expected" | "none";
  /** absent when nothing could be read */
  event?: PrepEvent;
  /** the detector's answer, or the manager's choice for the series */
  oneOnOne: boolean;
  /** one other person or unknown guests: a small button lets the manager open the prep anyway */
  offerButton: boolean;
  /** the manager turned the sidebar off for this Calendar account */
  off: boolean;
  /** changes whenever what the prep would show changes */
  key: string;
}

/** The answer for an event that couldn't be read: nothing is shown beside it. */
export const NOTHING_TO_SHOW: Verdict = {
  readable: false,
  guestRows: "none",
  oneOnOne: false,
  offerButton: false,
  off: false,
  key: "",
};

export type EventCheck = Omit<PageCheck, "path" | "hooks"> & {
  decision?: { oneOnOne: boolean; reason: string };
  readable: boolean;
};

/** Detector → content script. */
export type DetectorReply =
  | { type: "ready" }
  | { type: "refused" }
  /** what detection knows changed (settings, a choice for a series): decide again */
  | { type: "changed" }
  | { type: "verdict"; id: number; verdict: Verdict }
  | { type: "checked"; id: number; check: EventCheck };

/**
 * The content script carries no zod; the port is private to our own frame, so its replies are
 * checked for shape only, and the event inside goes on to the background, which parses it.
 */
export function parseDetectorReply(data: unknown): DetectorReply | undefined {
  if (typeof data !== "string" || data.length > 1_000_000) return undefined;
  let reply: unknown;
  try {
    reply = JSON.parse(data);
  } catch {
    return undefined;
  }
  if (typeof reply !== "object" || reply === null) return undefined;
  const { type, id } = reply as Record<string, unknown>;
  if (type === "ready" || type === "refused" || type === "changed") return reply as DetectorReply;
  if (typeof id !== "number") return undefined;
  if (type === "verdict" && typeof (reply as { verdict?: unknown }).verdict === "object")
    return reply as DetectorReply;
  if (type === "checked" && typeof (reply as { check?: unknown }).check === "object")
    return reply as DetectorReply;
  return undefined;
}
