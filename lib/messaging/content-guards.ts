import { FRAME_TOKEN } from "./frame-token";
import type { TabMessage } from "./protocol";

/**
 * The content script runs on every Calendar page load, so it carries no zod. Its inbound
 * messages are checked by this guard instead; a unit test holds it to the zod schema.
 */
export function isTabMessage(value: unknown): value is TabMessage {
  if (typeof value !== "object" || value === null) return false;
  const { type, frame } = value as Record<string, unknown>;
  if (type === "page:check") return true;
  return type === "prep:dismiss" && typeof frame === "string" && FRAME_TOKEN.test(frame);
}
