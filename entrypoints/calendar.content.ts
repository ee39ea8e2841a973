import { browser } from "wxt/browser";
import type { ContentScriptContext } from "wxt/utils/content-script-context";
import {
  eventKey,
  findOpenEventAnchor,
  type OpenEvent,
  planWatch,
  readOpenEvent,
  type WatchPlan,
} from "@/lib/calendar-dom";
import { classifyEvent } from "@/lib/detection";
import { type ContentMessage, isTabMessage, newFrameToken, type PrepEvent } from "@/lib/messaging";
import { type DetectionState, readDetectionState, setMyEmail, watchDetectionState } from "@/lib/settings";

/**
 * Thin on purpose: notice the open event, decide, and place an extension-origin frame beside it.
 * It never holds the manager's notes or people; those live only inside the frame.
 */
export default defineContentScript({
  matches: ["https://calendar.google.com/*"],
  runAt: "document_idle",
  main(ctx) {
    try {
      startWatching(ctx);
    } catch (error) {
      console.warn("1:1 Prep could not start on this page.", error);
    }
  },
});

const PANEL_WIDTH = 360;
const LATEST_START = Date.UTC(2200, 0, 1);
const CLOSE_GRACE_MS = 2000;
const GAP = 8;

interface Mounted {
  key: string;
  frame: string;
  root: HTMLElement;
  anchor: HTMLElement;
  kind: "sidebar" | "button";
}

function startWatching(ctx: ContentScriptContext) {
  let state: DetectionState = {
    overrides: {},
    calendarVerdicts: {},
    settings: { keywords: [], exclusions: [] },
    sidebarOffFor: [],
  };
  let mounted: Mounted | undefined;
  let scheduled = false;
  /** Events the user closed with Escape or the close button stay closed until another event opens. */
  let dismissedKey: string | undefined;
  /** Events opened through the small button, shown even though the detector said no. */
  let forcedKey: string | undefined;
  let warned = false;
  let heartbeat: number | undefined;

  const run = () => {
    if (ctx.isInvalid) return;
    try {
      pass();
    } catch (error) {
      // One warning, not one per frame: Calendar's page changes shape over time.
      if (!warned) console.warn("1:1 Prep could not read this event.", error);
      warned = true;
    }
  };
  const schedule = () => {
    if (scheduled || ctx.isInvalid) return;
    scheduled = true;
    ctx.requestAnimationFrame(() => {
      scheduled = false;
      run();
    });
  };

  function pass() {
    const found = findOpenEventAnchor(document, location.href);
    if (!found) {
      unmount();
      dismissedKey = undefined;
      forcedKey = undefined;
      // The grid may have arrived since the whole page was watched for want of one.
      if (!plan.quiet) watch();
      return;
    }
    const open = readOpenEvent(document, location.href);
    if (!open) {
      unmount();
      return;
    }
    const pageEmail = open.signals.selfEmail?.toLowerCase();
    // The manager turned the sidebar off for this Calendar account.
    if (pageEmail && state.sidebarOffFor.includes(pageEmail)) {
      unmount();
      return;
    }
    // Remember the account's address once, so options can show it and detection has it
    // on layouts that do not print it.
    if (pageEmail && !state.myEmail) {
      state = { ...state, myEmail: pageEmail };
      setMyEmail(pageEmail).catch(() => {});
    }
    if (!pageEmail && state.myEmail) open.signals.selfEmail = state.myEmail;
    const event = toPrepEvent(open, state);
    const key = decisionKey(event);
    if (dismissedKey !== undefined && !key.startsWith(`${event.eventInstanceId}|`)) dismissedKey = undefined;
    // Opening through the small button wins over everything, even a "not a 1:1" choice.
    const wantsSidebar =
      dismissedKey === undefined &&
      (forcedKey === event.eventInstanceId || (event.override ?? event.detected));
    const kind = wantsSidebar ? "sidebar" : offerButton(event, open) ? "button" : undefined;
    if (!kind) {
      unmount();
      return;
    }
    if (mounted && mounted.key === key && mounted.kind === kind && mounted.root.isConnected) {
      mounted.anchor = open.anchor;
      place(mounted);
      return;
    }
    unmount();
    mounted =
      kind === "sidebar" ? mountSidebar(event, key, open.anchor) : mountButton(event, key, open.anchor);
    // Placing reads the page's layout, which Calendar has just changed; the frame starts loading
    // now, hidden, and is placed and shown in the next animation frame.
    schedule();
  }

  function mountSidebar(event: PrepEvent, key: string, anchor: HTMLElement): Mounted {
    const frame = newFrameToken();
    const message: ContentMessage = { type: "prep:open", frame, event };
    send(message);
    const root = document.createElement("div");
    root.setAttribute("data-one-on-one-prep", "");
    const iframe = document.createElement("iframe");
    iframe.src = `${browser.runtime.getURL("/sidebar.html")}#${frame}`;
    iframe.title = "1:1 Prep";
    iframe.setAttribute("allow", "");
    styleAll(iframe, {
      border: "0",
      width: "100%",
      height: "100%",
      display: "block",
      background: "transparent",
    });
    root.append(iframe);
    styleAll(root, {
      position: "fixed",
      visibility: "hidden",
      "z-index": "2147483000",
      width: `${PANEL_WIDTH}px`,
      "border-radius": "8px",
      "box-shadow": "0 4px 16px rgba(0,0,0,.25)",
      background: "#fff",
      overflow: "hidden",
    });
    document.body.append(root);
    // An extension update orphans this script without a word, and a quiet page may not change
    // for a while; ctx's timers check on each tick and run onInvalidated, which removes the panel.
    heartbeat ??= ctx.setInterval(() => {}, 1000);
    return { key, frame, root, anchor, kind: "sidebar" };
  }

  function mountButton(event: PrepEvent, key: string, anchor: HTMLElement): Mounted {
    const root = document.createElement("div");
    root.setAttribute("data-one-on-one-prep-button", "");
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = "1:1 prep";
    button.title = "Open the 1:1 Prep sidebar for this event";
    styleAll(button, {
      font: "500 13px/1 system-ui, sans-serif",
      padding: "8px 12px",
      border: "1px solid #1a73e8",
      "border-radius": "16px",
      background: "#fff",
      color: "#1a73e8",
      cursor: "pointer",
    });
    button.addEventListener("click", () => {
      forcedKey = event.eventInstanceId;
      dismissedKey = undefined;
      schedule();
    });
    root.append(button);
    styleAll(root, { position: "fixed", visibility: "hidden", "z-index": "2147483000" });
    document.body.append(root);
    return { key, frame: "", root, anchor, kind: "button" };
  }

  function unmount() {
    if (!mounted) return;
    const { root, kind, frame } = mounted;
    mounted = undefined;
    clearInterval(heartbeat);
    heartbeat = undefined;
    if (kind === "button") {
      root.remove();
      return;
    }
    // Hide at once but keep the frame alive a moment: the last keystrokes typed before the
    // dialog closed are still being written to the database inside it.
    root.removeAttribute("data-one-on-one-prep");
    root.setAttribute("data-one-on-one-prep-closing", "");
    styleAll(root, { visibility: "hidden", "pointer-events": "none" });
    root.setAttribute("aria-hidden", "true");
    ctx.setTimeout(() => {
      root.remove();
      send({ type: "prep:close", frame });
    }, CLOSE_GRACE_MS);
  }

  function place(m: Mounted) {
    const rect = m.anchor.getBoundingClientRect();
    const viewportWidth = document.documentElement.clientWidth;
    const viewportHeight = document.documentElement.clientHeight;
    const height = Math.min(640, viewportHeight - 2 * GAP);
    const width = m.kind === "sidebar" ? PANEL_WIDTH : 100;
    // Beside the dialog: right when there is room, else left, else over the right edge.
    let left = rect.right + GAP;
    if (left + width > viewportWidth) left = rect.left - GAP - width;
    if (left < 0) left = Math.max(0, viewportWidth - width - GAP);
    const top = Math.max(
      GAP,
      Math.min(rect.top, viewportHeight - (m.kind === "sidebar" ? height : 40) - GAP),
    );
    styleAll(m.root, { left: `${Math.round(left)}px`, top: `${Math.round(top)}px`, visibility: "visible" });
    if (m.kind === "sidebar") styleAll(m.root, { height: `${height}px` });
  }

  function send(message: ContentMessage) {
    // After an extension update this context is dead; the sidebar it opened goes with it.
    if (ctx.isInvalid) return;
    browser.runtime.sendMessage(message).catch(() => {});
  }

  const onTabMessage = (raw: unknown) => {
    if (!isTabMessage(raw) || !mounted || mounted.frame !== raw.frame) return undefined;
    dismissedKey = mounted.key;
    forcedKey = undefined;
    const anchor = mounted.anchor;
    unmount();
    // Keep the small button so the prep can be reopened, and hand focus back to the event.
    schedule();
    if (anchor.isConnected) anchor.focus({ preventScroll: true });
    return undefined;
  };
  browser.runtime.onMessage.addListener(onTabMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onTabMessage));

  // Our own panel's style changes must not wake the observer, or placing it would loop.
  const isOurs = (node: Node) => mounted?.root.contains(node) === true;
  let plan: WatchPlan = { deep: [], shallow: [] };
  const watchOptions: MutationObserverInit = {
    childList: true,
    attributes: true,
    attributeFilter: ["aria-hidden", "style", "hidden", "data-eventid", "class", "data-viewfamily"],
  };
  /** Observe everything but the grid, so its all-day churn never runs this script at all. */
  const watch = () => {
    // Disconnecting drops changes not yet delivered; they still deserve a look.
    const missed = observer.takeRecords().some((r) => !isOurs(r.target));
    observer.disconnect();
    plan = planWatch(document);
    for (const node of plan.deep) observer.observe(node, { ...watchOptions, subtree: true });
    for (const node of plan.shallow) observer.observe(node, watchOptions);
    if (missed) schedule();
  };
  const observer = new MutationObserver((records) => {
    // Something was added or removed beside the grid (a dialog layer, a new view): watch it too.
    if (plan.quiet && (!plan.quiet.isConnected || records.some(isShallowChange))) watch();
    if (records.every((r) => isOurs(r.target))) return;
    // Nothing shown yet: decide in this very callback, so the panel is placed in the frame that
    // shows Calendar's card. Later changes only move or refresh it, once per frame.
    if (mounted || scheduled) schedule();
    else run();
  });
  const isShallowChange = (r: MutationRecord) =>
    r.type === "childList" && plan.shallow.includes(r.target as Element);
  watch();
  // Calendar's dialog keeps keyboard focus to itself; Alt+Shift+P jumps into the prep (or its button).
  ctx.addEventListener(document, "keydown", (e) => {
    if (!mounted || !e.altKey || !e.shiftKey || e.code !== "KeyP") return;
    e.preventDefault();
    mounted.root.querySelector<HTMLElement>("iframe, button")?.focus();
  });
  ctx.addEventListener(window, "resize", schedule);
  ctx.addEventListener(window, "wxt:locationchange", schedule);
  ctx.onInvalidated(() => {
    observer.disconnect();
    mounted?.root.remove();
    mounted = undefined;
    for (const leftover of document.querySelectorAll("[data-one-on-one-prep-closing]")) leftover.remove();
  });

  const adopt = (next: DetectionState) => {
    state = next;
    forcedKey = undefined;
    schedule();
  };
  ctx.onInvalidated(watchDetectionState(adopt));
  readDetectionState().then(adopt, schedule);
}

/** What the content script tells the background; everything here was shown by the page itself. */
function toPrepEvent(open: OpenEvent, { settings, overrides, calendarVerdicts }: DetectionState): PrepEvent {
  const title = open.signals.title.slice(0, 1000);
  const classification = classifyEvent(open.signals, settings);
  const parsedStart = open.startsAt ? Date.parse(open.startsAt) : Number.NaN;
  // A time the page shows outside 1970–2200 is no time at all.
  const startsAt = parsedStart >= 0 && parsedStart <= LATEST_START ? parsedStart : Number.NaN;
  const { eventInstanceId, formerEventInstanceId, unidentified } = eventKey(open);
  const seriesId = (open.seriesId ?? open.eventInstanceId ?? `untracked:${title}`).slice(0, 1024);
  const email = classification.counterpart?.email;
  const displayName = classification.counterpart?.displayName?.slice(0, 200);
  const override = overrides[seriesId];
  // The page hid the guests; the Calendar API sync saw them all.
  const synced = open.signals.attendees === undefined ? calendarVerdicts[seriesId] : undefined;
  const eid = open.eid && open.eid.length <= 2048 ? open.eid : undefined;
  return {
    eventInstanceId,
    ...(formerEventInstanceId ? { formerEventInstanceId } : {}),
    ...(unidentified ? { unidentified } : {}),
    seriesId,
    ...(eid ? { eid } : {}),
    title,
    ...(Number.isFinite(startsAt) ? { startsAt } : {}),
    recurring: open.signals.recurring === true,
    counterpart: {
      ...(email && email.length <= 320 ? { email } : {}),
      ...(displayName ? { displayName } : {}),
    },
    detected: synced ?? classification.isOneOnOne,
    reason:
      synced === undefined
        ? classification.reason.slice(0, 300)
        : synced
          ? "Google Calendar lists exactly one other guest"
          : "Google Calendar does not list exactly one other guest",
    ...(override !== undefined ? { override } : {}),
  };
}

function decisionKey(event: PrepEvent): string {
  return [
    event.eventInstanceId,
    event.detected,
    event.override,
    event.counterpart.email,
    event.counterpart.displayName,
  ].join("|");
}

/**
 * The small button is for events the detector may have got wrong: one other person or
 * unknown guests. A group meeting or a solo block shows nothing at all.
 */
function offerButton(event: PrepEvent, open: OpenEvent): boolean {
  if (event.override === false) return true;
  const attendees = open.signals.attendees;
  if (attendees === undefined) return true;
  const self = open.signals.selfEmail?.toLowerCase();
  const others = attendees.filter((a) => !a.self && !a.resource && a.email?.toLowerCase() !== self);
  return others.length === 1;
}

function styleAll(element: HTMLElement, styles: Record<string, string>) {
  // Important, so Calendar's own stylesheet cannot restyle or hide the panel.
  for (const [name, value] of Object.entries(styles)) {
    if (element.style.getPropertyValue(name) !== value) element.style.setProperty(name, value, "important");
  }
}
