import { browser } from "wxt/browser";
import type { EventSnapshot } from "@/lib/calendar-dom";
import {
  type ContentMessage,
  DETECTOR_HELLO,
  type DetectorHello,
  type DetectorRequest,
  type EventCheck,
  newFrameToken,
  parseDetectorReply,
  type Verdict,
} from "@/lib/messaging";
import type { Lifetime } from "./lifetime";
import { extensionOrigin, styleAll } from "./panel";

export const DETECTOR_ATTR = "data-one-on-one-prep-detector";

/** A page that keeps refusing our detector frames (by reloading them) gets no more than these. */
const MAX_DETECTORS = 5;
/** A detector that hasn't answered by then is taken as gone: nothing is shown rather than waited on. */
const ANSWER_WITHIN_MS = 3000;

export interface Detector {
  /** the element on the page, so the watcher can leave its changes alone */
  readonly root: () => HTMLElement | undefined;
  readonly ready: () => boolean;
  /** undefined when the detector didn't answer */
  read(snapshot: EventSnapshot): Promise<Verdict | undefined>;
  check(snapshot: EventSnapshot | null): Promise<EventCheck | undefined>;
}

interface Handlers {
  /** the channel opened, or what detection knows changed: decide again */
  onChange: () => void;
}

/**
 * The hidden frame that decides which events are 1:1s (see entrypoints/detector), and the private
 * channel to it. The detector and everything it knows stay out of the page; this script sends it
 * the open event's markup and gets back what to show.
 */
export function startDetector(life: Lifetime, { onChange }: Handlers): Detector {
  let root: HTMLElement | undefined;
  let port: MessagePort | undefined;
  let made = 0;
  let nextId = 1;
  const waiting = new Map<number, (answer: unknown) => void>();

  const settleAll = () => {
    for (const resolve of waiting.values()) resolve(undefined);
    waiting.clear();
  };

  function make() {
    if (life.over || made >= MAX_DETECTORS) return;
    made++;
    const frame = newFrameToken();
    const key = newFrameToken();
    const message: ContentMessage = { type: "detector:open", frame, key };
    browser.runtime.sendMessage(message).catch(() => {});
    const element = document.createElement("iframe");
    element.setAttribute(DETECTOR_ATTR, "");
    element.setAttribute("aria-hidden", "true");
    element.tabIndex = -1;
    element.src = `${browser.runtime.getURL("/detector.html")}#${frame}`;
    // Hidden, not undisplayed: a frame that isn't displayed may not run.
    styleAll(element, {
      position: "fixed",
      left: "-100px",
      top: "0",
      width: "1px",
      height: "1px",
      border: "0",
      visibility: "hidden",
      "pointer-events": "none",
    });
    // Every load, not just the first: a frame the page reloads is offered the channel again, and
    // its claim refused, so a fresh detector takes its place.
    element.addEventListener("load", (loaded) => {
      // A page script can dispatch "load" itself; only the browser's own says a document loaded.
      if (!loaded.isTrusted) return;
      const channel = new MessageChannel();
      channel.port1.onmessage = (e) => {
        const reply = parseDetectorReply(e.data);
        if (!reply) return;
        if (reply.type === "ready") {
          port?.close();
          port = channel.port1;
          onChange();
        } else if (reply.type === "refused") {
          channel.port1.close();
          if (root !== element) return;
          element.remove();
          root = undefined;
          port = undefined;
          settleAll();
          make();
        } else if (reply.type === "changed") {
          if (port === channel.port1) onChange();
        } else {
          const resolve = waiting.get(reply.id);
          waiting.delete(reply.id);
          resolve?.(reply.type === "verdict" ? reply.verdict : reply.check);
        }
      };
      const hello: DetectorHello = { type: DETECTOR_HELLO, key };
      // Only a document of ours can receive it: the page can't read the key or take the port.
      element.contentWindow?.postMessage(hello, extensionOrigin, [channel.port2]);
    });
    root = element;
    document.documentElement.append(element);
  }

  function ask(request: Omit<DetectorRequest, "id">): Promise<unknown> {
    // The page took our frame out: a new one takes its place.
    if (root && !root.isConnected) {
      port?.close();
      port = undefined;
      root = undefined;
      settleAll();
      make();
    }
    if (!port) return Promise.resolve(undefined);
    const id = nextId++;
    const sent = port;
    return new Promise((resolve) => {
      waiting.set(id, resolve);
      life.setTimeout(() => {
        if (!waiting.has(id)) return;
        waiting.delete(id);
        resolve(undefined);
      }, ANSWER_WITHIN_MS);
      sent.postMessage(JSON.stringify({ ...request, id }));
    });
  }

  life.onEnd(() => {
    port?.close();
    root?.remove();
    settleAll();
  });
  make();

  return {
    root: () => root,
    ready: () => port !== undefined,
    read: (snapshot) => ask({ type: "read", snapshot }) as Promise<Verdict | undefined>,
    check: (snapshot) => ask({ type: "check", snapshot }) as Promise<EventCheck | undefined>,
  };
}
