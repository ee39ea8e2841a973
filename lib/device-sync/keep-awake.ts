import { browser } from "wxt/browser";

/** Under Chrome's 30 s idle limit, with room for a busy moment. */
export const KEEP_AWAKE_EVERY_MS = 20_000;

/**
 * Runs long background work to its end. Chrome stops an extension's worker that has gone 30 s
 * without an extension call, and IndexedDB and network work don't count: a first upload or
 * restore of years of notes would be cut off every 30 s and, restarting each time, never finish.
 * A call that costs nothing, every 20 s while the work runs, keeps the worker up until it ends
 * and not a moment longer. Firefox's background page needs none of it, and takes it harmlessly.
 */
export async function keepAwakeWhile<T>(work: () => Promise<T>): Promise<T> {
  const heartbeat = setInterval(() => {
    browser.runtime.getPlatformInfo().catch(() => {});
  }, KEEP_AWAKE_EVERY_MS);
  try {
    return await work();
  } finally {
    clearInterval(heartbeat);
  }
}
