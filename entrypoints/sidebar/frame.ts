import { browser } from "wxt/browser";
import { t } from "@/components/i18n";
import { problemText } from "@/components/problem-words";
import { isPrepShowMessage, type SidebarMessage } from "@/lib/messaging";

/** The token this frame was mounted with; it names the one event this frame may show. */
export const frame = location.hash.slice(1);

const shownKeys: string[] = [];
let wake: (() => void) | undefined;
// Loaded ahead and hidden, the frame waits to be shown: the content script then hands it the key
// its event is asked for with. The page can post here too, but never knows a key.
window.addEventListener("message", (e) => {
  if (e.source !== window.parent || window.parent === window || !isPrepShowMessage(e.data)) return;
  shownKeys.push(e.data.key);
  wake?.();
});

/**
 * The key of the next "you are shown" message; waits for it, or gives up after `timeoutMs`.
 * A page opened on its own (not in Calendar) is never shown.
 */
export function nextShownKey(timeoutMs?: number): Promise<string | undefined> {
  const waiting = shownKeys.shift();
  if (waiting !== undefined || window.parent === window) return Promise.resolve(waiting);
  return new Promise((resolve) => {
    const giveUp = timeoutMs === undefined ? undefined : setTimeout(() => done(undefined), timeoutMs);
    const done = (key: string | undefined) => {
      clearTimeout(giveUp);
      wake = undefined;
      resolve(key);
    };
    wake = () => done(shownKeys.shift());
  });
}

export function dismissSidebar() {
  const message: SidebarMessage = { type: "prep:dismiss", frame };
  browser.runtime.sendMessage(message).catch(() => {});
}

export function errorMessage(error: unknown): string {
  return problemText(error, t("common.somethingWrong"));
}
