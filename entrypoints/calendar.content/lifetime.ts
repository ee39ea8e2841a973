import { browser } from "wxt/browser";

/**
 * How long this content script lives. WXT's own context ends when the page dispatches its
 * "content script started" event, and any script on the page can (the event's name holds only
 * our extension id, which the sidebar frame's address shows). This one ends only when the
 * extension that injected it is gone: updated, reloaded or removed.
 */
export interface Lifetime {
  /** Checks, and ends the lifetime when the extension is gone. */
  readonly over: boolean;
  onEnd(listener: () => void): void;
  setTimeout(run: () => void, ms: number): void;
  /**
   * Checks every `ms` whether the extension is gone, until the returned function is called: a
   * panel left on a page too quiet to wake the observer must still go with its extension.
   */
  checkEvery(ms: number): () => void;
  requestAnimationFrame(run: () => void): void;
  /** capture: heard before the page's own handlers can stop it */
  listen(target: EventTarget, type: string, handler: (event: Event) => void, capture?: boolean): void;
}

export function pageProofLifetime(): Lifetime {
  const controller = new AbortController();
  const { signal } = controller;
  const checkOver = () => {
    // An orphaned content script keeps running, but its runtime has lost its id.
    if (!signal.aborted && browser.runtime?.id == null) controller.abort();
    return signal.aborted;
  };
  const onEnd = (listener: () => void) => signal.addEventListener("abort", listener, { once: true });
  return {
    get over() {
      return checkOver();
    },
    onEnd,
    setTimeout(run, ms) {
      // The end listener goes once the timer has run, so timers set all day don't pile up.
      const cancel = () => clearTimeout(id);
      const id = setTimeout(() => {
        signal.removeEventListener("abort", cancel);
        if (!checkOver()) run();
      }, ms);
      signal.addEventListener("abort", cancel, { once: true });
    },
    checkEvery(ms) {
      const id = setInterval(checkOver, ms);
      const stop = () => clearInterval(id);
      onEnd(stop);
      return stop;
    },
    requestAnimationFrame(run) {
      const cancel = () => cancelAnimationFrame(id);
      const id = requestAnimationFrame(() => {
        signal.removeEventListener("abort", cancel);
        if (!checkOver()) run();
      });
      signal.addEventListener("abort", cancel, { once: true });
    },
    listen(target, type, handler, capture = false) {
      target.addEventListener(type, handler, { signal, capture });
    },
  };
}
