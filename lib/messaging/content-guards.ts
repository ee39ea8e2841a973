import type { TabMessage } from "./protocol";

/**
 * The content script runs on every Calendar page load, so it carries no zod. Its one inbound
 * message is checked by this guard instead; a unit test holds it to the zod schema.
 */
export function isTabMessage(value: unknown): value is TabMessage {
  if (typeof value !== "object" || value === null) return false;
  const { type, frame } = value as Record<string, unknown>;
  return type === "prep:dismiss" && typeof frame === "string" && FRAME_TOKEN.test(frame);
}

/** Shared with the zod schema so the two cannot drift apart. */
export const FRAME_TOKEN = /^[A-Za-z0-9_-]{16,64}$/;

export function newFrameToken(): string {
  return crypto.randomUUID().replaceAll("-", "");
}
