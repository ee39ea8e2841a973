import type { PageResponse } from "./page-replies";
import {
  type ContextResponse,
  contentMessageSchema,
  detectorMessageSchema,
  type PrepEvent,
  pageMessageSchema,
  sidebarMessageSchema,
} from "./protocol";

/** The parts of `runtime.MessageSender` the router trusts. */
export interface Sender {
  id?: string;
  url?: string;
  tab?: { id?: number };
  /** Chrome names each document; Firefox does not, so there a token can be claimed only once. */
  documentId?: string;
}

export interface MessageRouterOptions {
  extensionId: string;
  /** e.g. chrome-extension://<id>/sidebar.html */
  sidebarUrl: string;
  /** e.g. chrome-extension://<id>/detector.html */
  detectorUrl: string;
  /** Pages whose content script may open a prep. */
  calendarOrigin: string;
  /** How long a sidebar waits for its event to be announced before giving up. */
  contextWaitMs?: number;
  onDismiss?: (tabId: number, frame: string) => void;
  /** A sidebar frame was removed from its tab: edits it left behind can be written now. */
  onFrameClosed?: () => void;
  onBadgeRefresh?: () => void;
  /** Resolves once the sync (or the one already running) is over; never rejects. */
  onCalendarSync?: (force: boolean) => Promise<void>;
  onCalendarDisconnect?: () => Promise<void>;
  /** Makes an automatic backup now; resolves with how it went, never rejects. */
  onBackupNow?: () => Promise<PageResponse>;
  /** sync across devices now; resolves when that run is over */
  onDeviceSync?: () => Promise<void>;
}

/** Wakes a sidebar waiting for its frame's announcement (or its frame's end). */
type Waiter = () => void;

/** A mounted frame's event, and the one sidebar document that may show it. */
interface Context {
  event: PrepEvent;
  /** known only to the content script and the frame it mounted */
  key: string;
  claimedBy?: string;
}

const ANY_DOCUMENT = "";

/**
 * The background's one message listener. It keeps, per tab, which event each mounted sidebar
 * frame shows (only what the Calendar page itself displays, never notes or people) and hands
 * the few requests of extension pages to the background's handlers.
 */
export function createMessageRouter(options: MessageRouterOptions) {
  const contexts = new Map<string, Context>();
  /** Per detector frame added to a tab, the key to its channel, until its frame claims it. */
  const detectorKeys = new Map<string, string>();
  const waiters = new Map<string, Waiter[]>();
  const key = (tabId: number, frame: string) => `${tabId}:${frame}`;

  function isFromCalendarTab(sender: Sender): sender is Sender & { tab: { id: number } } {
    return (
      sender.id === options.extensionId &&
      typeof sender.tab?.id === "number" &&
      typeof sender.url === "string" &&
      sender.url.startsWith(`${options.calendarOrigin}/`)
    );
  }

  function isFromFrame(sender: Sender, pageUrl: string): sender is Sender & { tab: { id: number } } {
    return (
      sender.id === options.extensionId &&
      typeof sender.tab?.id === "number" &&
      typeof sender.url === "string" &&
      (sender.url === pageUrl || sender.url.startsWith(`${pageUrl}#`) || sender.url.startsWith(`${pageUrl}?`))
    );
  }

  // Not `new URL(…).origin`: extension schemes are not special URLs, so by the URL standard
  // their origin is "null", and only some browsers say otherwise.
  const extensionRoot = /^[a-z][a-z0-9+.-]*:\/\/[^/]+\//i.exec(options.sidebarUrl)?.[0];

  /** Our own extension pages: not a web page, and not a content script (those carry a tab URL). */
  function isFromExtensionPage(sender: Sender): boolean {
    return (
      extensionRoot !== undefined &&
      sender.id === options.extensionId &&
      typeof sender.url === "string" &&
      sender.url.startsWith(extensionRoot)
    );
  }

  function announce(k: string) {
    for (const wake of waiters.get(k) ?? []) wake();
    waiters.delete(k);
  }

  /**
   * The page can read a frame's token from its address and load the sidebar with it again, in
   * a frame of its own or by swapping a newer frame back to it; only the first document to ask
   * is the mounted frame, so any other gets nothing, and the token dies when its frame does.
   */
  function claim(k: string, sender: Sender, key: string): PrepEvent | undefined {
    const context = contexts.get(k);
    // A wrong key claims nothing, so a page guessing can't take the frame's turn.
    if (!context || context.key !== key) return undefined;
    const claimant = sender.documentId ?? ANY_DOCUMENT;
    if (context.claimedBy === undefined) context.claimedBy = claimant;
    else if (claimant === ANY_DOCUMENT || context.claimedBy !== claimant) return undefined;
    return context.event;
  }

  /** Until `k` is announced, or a while: a frame can start before its announcement is handled. */
  function announced(k: string, known: () => boolean): Promise<void> {
    if (known()) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(giveUp);
        resolve();
      };
      // A token nobody announces (a page making them up) leaves no waiter behind.
      const giveUp = setTimeout(() => {
        const rest = (waiters.get(k) ?? []).filter((w) => w !== wake);
        if (rest.length > 0) waiters.set(k, rest);
        else waiters.delete(k);
        resolve();
      }, options.contextWaitMs ?? 3000);
      waiters.set(k, [...(waiters.get(k) ?? []), wake]);
    });
  }

  async function contextFor(
    tabId: number,
    frame: string,
    frameKey: string,
    sender: Sender,
  ): Promise<ContextResponse> {
    const k = key(tabId, frame);
    // The sidebar frame can start before its announcement is handled (for example while
    // the background wakes up), so wait briefly instead of failing at once.
    await announced(k, () => contexts.has(k));
    const event = claim(k, sender, frameKey);
    return event
      ? { ok: true, event }
      : {
          ok: false,
          error: "This event is no longer open in Calendar.",
          problem: { code: "eventGone", values: [] },
        };
  }

  function isClaimant(tabId: number, frame: string, sender: Sender): boolean {
    const claimedBy = contexts.get(key(tabId, frame))?.claimedBy;
    return claimedBy !== undefined && claimedBy === (sender.documentId ?? ANY_DOCUMENT);
  }

  /** Returns the response, or undefined for messages this router does not answer. */
  async function handle(
    message: unknown,
    sender: Sender,
  ): Promise<ContextResponse | PageResponse | undefined> {
    if (isFromCalendarTab(sender)) {
      const parsed = contentMessageSchema.safeParse(message);
      if (!parsed.success) return undefined;
      const k = key(sender.tab.id, parsed.data.frame);
      switch (parsed.data.type) {
        case "prep:open":
          // A token names one mounted frame: announcing it again must not free it for a new claim.
          if (contexts.has(k)) return { ok: true };
          contexts.set(k, { event: parsed.data.event, key: parsed.data.key });
          announce(k);
          break;
        case "prep:retire":
          contexts.delete(k);
          break;
        case "prep:close":
          contexts.delete(k);
          options.onFrameClosed?.();
          break;
        case "detector:open":
          // The first key for a frame stands: announcing it again can't swap in another.
          if (!detectorKeys.has(k)) detectorKeys.set(k, parsed.data.key);
          announce(k);
          break;
      }
      return { ok: true };
    }
    if (isFromExtensionPage(sender)) {
      const parsed = pageMessageSchema.safeParse(message);
      if (parsed.success) {
        const request = parsed.data;
        switch (request.type) {
          case "badge:refresh":
            options.onBadgeRefresh?.();
            break;
          case "calendar:sync":
            await options.onCalendarSync?.(request.force);
            break;
          case "calendar:disconnect":
            await options.onCalendarDisconnect?.();
            break;
          case "backup:now":
            return (await options.onBackupNow?.()) ?? { ok: true };
          case "sync:now":
            await options.onDeviceSync?.();
            break;
        }
        return { ok: true };
      }
    }
    if (isFromFrame(sender, options.detectorUrl)) {
      const parsed = detectorMessageSchema.safeParse(message);
      if (!parsed.success) return undefined;
      const k = key(sender.tab.id, parsed.data.frame);
      await announced(k, () => detectorKeys.has(k));
      // One claim per key: a second document with the same address (the page can load one) gets nothing.
      if (detectorKeys.get(k) !== parsed.data.key) return { ok: false, error: "Not this frame's key." };
      detectorKeys.delete(k);
      return { ok: true };
    }
    if (isFromFrame(sender, options.sidebarUrl)) {
      const parsed = sidebarMessageSchema.safeParse(message);
      if (!parsed.success) return undefined;
      const request = parsed.data;
      switch (request.type) {
        case "prep:context":
          return contextFor(sender.tab.id, request.frame, request.key, sender);
        case "prep:dismiss":
          if (isClaimant(sender.tab.id, request.frame, sender))
            options.onDismiss?.(sender.tab.id, request.frame);
          return { ok: true };
      }
    }
    return undefined;
  }

  function forgetTab(tabId: number) {
    for (const k of contexts.keys()) if (k.startsWith(`${tabId}:`)) contexts.delete(k);
    for (const k of detectorKeys.keys()) if (k.startsWith(`${tabId}:`)) detectorKeys.delete(k);
  }

  return { handle, forgetTab, openCount: () => contexts.size };
}
