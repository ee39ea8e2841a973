import { findOpenEventAnchor, isEventClick, pageHooks, snapshotOpenEvent } from "@/lib/calendar-dom";
import type { PageCheckResponse } from "@/lib/messaging";
import type { Detector } from "./detector";
import type { Lifetime } from "./lifetime";

/** How long after a click on an event its dialog has to become readable. */
const DIALOG_READABLE_WITHIN_MS = 1500;

/**
 * "Check this page" in the popup: what this script can read of the open dialog, and how many
 * events were clicked in a row whose dialog it couldn't read, the sign that Calendar changed.
 */
export function startPageCheck(
  life: Lifetime,
  detector: Detector,
): () => Promise<PageCheckResponse | undefined> {
  let unreadableInARow = 0;
  const snapshotNow = () => {
    const found = findOpenEventAnchor(document, location.href);
    return found ? snapshotOpenEvent(document, found, location.href) : null;
  };
  life.listen(
    document,
    "click",
    (e) => {
      if (!isEventClick(document, e.target)) return;
      life.setTimeout(async () => {
        const snapshot = snapshotNow();
        const readable = snapshot ? (await detector.read(snapshot))?.readable : false;
        // No answer from the detector says nothing about the page.
        if (readable !== undefined) unreadableInARow = readable ? 0 : unreadableInARow + 1;
      }, DIALOG_READABLE_WITHIN_MS);
    },
    true,
  );
  return async () => {
    const hooks = pageHooks(document, location.href);
    const check = await detector.check(snapshotNow());
    if (!check) return undefined;
    const { readable: _readable, ...read } = check;
    return { ...hooks, ...read, unreadableInARow };
  };
}
