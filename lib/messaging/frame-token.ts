/** Shared by the zod schema and the content script's guard, so the two cannot drift apart. */
export const FRAME_TOKEN = /^[A-Za-z0-9_-]{16,64}$/;

export function newFrameToken(): string {
  return crypto.randomUUID().replaceAll("-", "");
}

/**
 * Content script → its sidebar frame, by `postMessage` to the frame's window: "you are shown now,
 * ask for your event with this key". The page can post the same shape, but never knows the key.
 */
export const PREP_SHOW = "one-on-one-prep:show";

export interface PrepShowMessage {
  type: typeof PREP_SHOW;
  key: string;
}

/** `{ type, key }` with a key shaped like ours: what the content script posts to its frames. */
export function isKeyedMessage<T extends string>(value: unknown, type: T): value is { type: T; key: string } {
  if (typeof value !== "object" || value === null) return false;
  const { type: actual, key } = value as Record<string, unknown>;
  return actual === type && typeof key === "string" && FRAME_TOKEN.test(key);
}

export function isPrepShowMessage(value: unknown): value is PrepShowMessage {
  return isKeyedMessage(value, PREP_SHOW);
}
