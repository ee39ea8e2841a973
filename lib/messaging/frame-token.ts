/** Shared by the zod schema and the content script's guard, so the two cannot drift apart. */
export const FRAME_TOKEN = /^[A-Za-z0-9_-]{16,64}$/;

export function newFrameToken(): string {
  return crypto.randomUUID().replaceAll("-", "");
}
