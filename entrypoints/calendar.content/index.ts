import { browser } from "wxt/browser";
import { defineContentScript } from "wxt/utils/define-content-script";
import {
  type EventSnapshot,
  findOpenEventAnchor,
  placeButton,
  placePanel,
  sameEvent,
  sameSnapshot,
  snapshotFits,
  snapshotOpenEvent,
} from "@/lib/calendar-dom";
import {
  type ContentMessage,
  isTabMessage,
  NOTHING_TO_SHOW,
  newFrameToken,
  type PrepEvent,
  type Verdict,
} from "@/lib/messaging";
import { DETECTOR_ATTR, startDetector } from "./detector";
import { type Lifetime, pageProofLifetime } from "./lifetime";
import { startPageCheck } from "./page-check";
import {
  BUTTON_ATTR,
  BUTTON_SIZE,
  CLOSING_ATTR,
  createPrepButton,
  createSidebarPanel,
  retireSidebar,
  SIDEBAR_ATTR,
  type SidebarPanel,
  STANDBY_ATTR,
  showSidebar,
  styleAll,
  takeSidebarPanel,
} from "./panel";
import { listenForPrepShortcut } from "./shortcut";
import { watchPage } from "./watch";

/**
 * Thin on purpose: notice the open event, hand its markup to the detector frame, and place an
 * extension-origin frame beside the event when the detector says so. It never holds the manager's
 * notes, people or choices; those live only inside the frames.
 */
export default defineContentScript({
  matches: ["https://calendar.google.com/*"],
  runAt: "document_idle",
  // WXT's context is not used: the page can end it (see lifetime.ts).
  main() {
    try {
      startWatching(pageProofLifetime());
    } catch (error) {
      console.warn("1:1 Prep could not start on this page.", error);
    }
  },
});

const CLOSE_GRACE_MS = 2000;
/** A card without a guest section is taken as complete once it has been still this long. */
const QUIET_MS = 100;
/** A guest section whose rows haven't come is waited for this long, then the title decides alone. */
const GUESTS_MAX_WAIT_MS = 1500;
/** After a prep is shown, the next one's frame starts loading this much later, not alongside it. */
const STANDBY_AFTER_MS = 300;
/** A question the detector left unanswered is asked again this much later. */
const RETRY_UNANSWERED_MS = 500;
/** While a panel is on screen, how often to check that the extension behind it is still there. */
const ORPHAN_CHECK_MS = 1000;

type Mounted =
  | {
      kind: "sidebar";
      key: string;
      frame: string;
      anchor: HTMLElement;
      /** the page's id for the event it was shown for */
      mark: string;
      panel: SidebarPanel;
      root: HTMLElement;
      /** the edit page is a page, not a dialog: the prep sits over its edge rather than docking */
      onEditPage: boolean;
    }
  | { kind: "button"; key: string; frame: ""; anchor: HTMLElement; mark: string; root: HTMLElement };

function startWatching(life: Lifetime) {
  // Another copy of this script (an earlier version's, orphaned by an update) may have left panels.
  for (const leftover of document.querySelectorAll(
    `[${SIDEBAR_ATTR}], [${CLOSING_ATTR}], [${BUTTON_ATTR}], [${STANDBY_ATTR}], [${DETECTOR_ATTR}]`,
  ))
    leftover.remove();
  let mounted: Mounted | undefined;
  let scheduled = false;
  /** Events the user closed with Escape or the close button stay closed until another event opens. */
  let dismissedKey: string | undefined;
  /** Events opened through the small button, shown even though the detector said no. */
  let forcedKey: string | undefined;
  /** The event whose docked tab the manager opened: its prep may cover the dialog. */
  let expandedId: string | undefined;
  /** The dialog being decided on, and when it was first seen. */
  let opening: { id: string; since: number } | undefined;
  /** When the page last changed other than by us: a card still filling keeps changing. */
  let lastChangeAt = 0;
  let recheckPending = false;
  let warned = false;
  /** The detector's last answer, and the markup it answered: unchanged markup needs no new one. */
  let decided: { snapshot: EventSnapshot; verdict: Verdict; asked: number } | undefined;
  /** How many looks were sent to the detector, so answers that cross are told apart. */
  let asks = 0;
  /** Answers to looks before this one were given on what detection knew before a change. */
  let answersFrom = 0;
  /** Markup sent to the detector and not yet answered. */
  let asking: EventSnapshot | undefined;
  let stopOrphanCheck: (() => void) | undefined;
  /** The next prep's frame, loaded ahead and hidden: opening a 1:1 then costs no page load. */
  let standby: SidebarPanel | undefined;
  const prepareStandby = () => {
    if (standby || life.over) return;
    standby = createSidebarPanel(newFrameToken());
  };
  life.onEnd(() => {
    standby?.root.remove();
    standby = undefined;
  });
  const detector = startDetector(life, {
    // The channel opened, or a setting or a choice for a series changed: decide afresh. A prep the
    // manager opened through the small button stays: they asked for it, and the change (another
    // page's, another computer's, the organisation's policy arriving) was not theirs to undo it.
    onChange() {
      decided = undefined;
      asking = undefined;
      answersFrom = asks + 1;
      schedule();
    },
  });

  const run = (unchanged?: EventSnapshot) => {
    if (life.over) return;
    try {
      pass(unchanged);
    } catch (error) {
      // One warning, not one per frame: Calendar's page changes shape over time.
      if (!warned) console.warn("1:1 Prep could not read this event.", error);
      warned = true;
    }
  };
  const schedule = () => {
    if (scheduled || life.over) return;
    scheduled = true;
    life.requestAnimationFrame(() => {
      scheduled = false;
      run();
    });
  };

  /** `unchanged`: the page's snapshot, when nothing changed since it was taken. */
  function pass(unchanged?: EventSnapshot) {
    const found = findOpenEventAnchor(document, location.href);
    if (!found) {
      unmount();
      dismissedKey = undefined;
      forcedKey = undefined;
      expandedId = undefined;
      opening = undefined;
      // The grid may have arrived since the whole page was watched for want of one.
      pageWatch.refreshIfWhole();
      return;
    }
    const snapshot = unchanged ?? snapshotOpenEvent(document, found, location.href);
    // Another event opened over the one shown (another id, a card without one yet, another
    // dialog): its prep goes now, not when the detector answers.
    if (mounted && (mounted.anchor !== found.anchor || mounted.mark !== snapshot.mark)) unmount();
    const answered = decided !== undefined && sameSnapshot(decided.snapshot, snapshot);
    // One look at a time: while Calendar keeps changing the dialog, the newest look is sent when
    // the answer to the last one comes.
    if (!answered && !asking) ask(snapshot);
    // Calendar keeps changing a dialog after its card is in (menus, avatars): the answer for an
    // earlier look at the same event stands until the one for this look comes. Anything else shown
    // stays until the detector has answered for what the page shows now.
    if (!decided || !(answered || sameEvent(decided.snapshot, snapshot))) return;
    const { verdict } = decided;
    const event = verdict.event;
    if (!event || verdict.off) {
      unmount();
      return;
    }
    const key = verdict.key;
    if (dismissedKey !== undefined && !dismissedKey.startsWith(`${event.eventInstanceId}|`))
      dismissedKey = undefined;
    if (expandedId !== undefined && expandedId !== event.eventInstanceId) expandedId = undefined;
    // Opening through the small button wins over everything, even a "not a 1:1" choice.
    const wantsSidebar =
      dismissedKey === undefined && (forcedKey === event.eventInstanceId || verdict.oneOnOne);
    const kind = wantsSidebar ? "sidebar" : verdict.offerButton ? "button" : undefined;
    // Decide once per dialog, on its settled content: a title that says 1:1 must not show the
    // prep for a moment before the guests arrive and show a group meeting.
    const shownForThisEvent = mounted?.key.startsWith(`${event.eventInstanceId}|`) === true;
    const wait = shownForThisEvent ? 0 : untilSettled(verdict.guestRows, event.eventInstanceId);
    if (wait > 0) {
      unmount();
      recheckIn(wait);
      return;
    }
    if (!kind) {
      unmount();
      return;
    }
    if (mounted && mounted.key === key && mounted.kind === kind && mounted.root.isConnected) {
      mounted.anchor = found.anchor;
      mounted.mark = snapshot.mark;
      place(mounted);
      return;
    }
    unmount();
    mounted =
      kind === "sidebar"
        ? mountSidebar(event, key, found.anchor, snapshot.mark, found.source === "edit")
        : mountButton(event, key, found.anchor, snapshot.mark);
    stopOrphanCheck ??= life.checkEvery(ORPHAN_CHECK_MS);
    // Placing reads the page's layout, which Calendar has just changed; the frame starts loading
    // now, hidden, and is placed and shown in the next animation frame.
    schedule();
  }

  function ask(snapshot: EventSnapshot) {
    if (!snapshotFits(snapshot)) {
      // Far beyond any dialog Calendar renders: not read, rather than sent again and again.
      decided = { snapshot, verdict: NOTHING_TO_SHOW, asked: ++asks };
      run(snapshot);
      return;
    }
    if (!detector.ready()) return;
    asking = snapshot;
    const asked = ++asks;
    const askedAt = performance.now();
    detector.read(snapshot).then((verdict) => {
      if (asked < answersFrom) return;
      if (asking === snapshot) asking = undefined;
      // No answer (the detector frame was busy or reloaded): ask again shortly.
      if (!verdict) {
        recheckIn(RETRY_UNANSWERED_MS);
        return;
      }
      // Answers can cross: a later look's answer is never replaced by an earlier one's.
      if (decided && decided.asked > asked) return;
      decided = { snapshot, verdict, asked };
      // Decide in this very task: the panel is then placed in the next animation frame. A page
      // that hasn't changed since needn't be read again; one that has is looked at again.
      const unchanged = lastChangeAt < askedAt && location.href === snapshot.url;
      run(unchanged ? snapshot : undefined);
    });
  }

  function untilSettled(guestRows: "read" | "expected" | "none", id: string): number {
    const now = performance.now();
    if (opening?.id !== id) opening = { id, since: now };
    if (guestRows === "read") return 0;
    if (guestRows === "expected") return Math.max(0, opening.since + GUESTS_MAX_WAIT_MS - now);
    return Math.max(0, lastChangeAt + QUIET_MS - now);
  }

  function recheckIn(ms: number) {
    if (recheckPending) return;
    recheckPending = true;
    // Straight from the timer, not via an animation frame: a tab in the background paints none,
    // and the decision (unlike placing) needs no layout.
    life.setTimeout(() => {
      recheckPending = false;
      run();
    }, ms);
  }

  function mountSidebar(
    event: PrepEvent,
    key: string,
    anchor: HTMLElement,
    mark: string,
    onEditPage: boolean,
  ): Mounted {
    const panel = standby ?? createSidebarPanel(newFrameToken());
    standby = undefined;
    const showKey = newFrameToken();
    send({ type: "prep:open", frame: panel.frame, key: showKey, event });
    takeSidebarPanel(panel, showKey, () => {
      expandedId = event.eventInstanceId;
      schedule();
      // The frame is shown in the next animation frame; then it can take focus.
      life.requestAnimationFrame(() => life.requestAnimationFrame(() => panel.iframe.focus()));
    });
    life.setTimeout(prepareStandby, STANDBY_AFTER_MS);
    return { kind: "sidebar", key, frame: panel.frame, anchor, mark, panel, root: panel.root, onEditPage };
  }

  function mountButton(event: PrepEvent, key: string, anchor: HTMLElement, mark: string): Mounted {
    const root = createPrepButton(() => {
      forcedKey = event.eventInstanceId;
      // Asked for by name: shown even where it has to cover the dialog.
      expandedId = event.eventInstanceId;
      dismissedKey = undefined;
      schedule();
    });
    return { kind: "button", key, frame: "", anchor, mark, root };
  }

  function unmount() {
    if (!mounted) return;
    const gone = mounted;
    mounted = undefined;
    stopOrphanCheck?.();
    stopOrphanCheck = undefined;
    if (gone.kind === "button") {
      gone.root.remove();
      return;
    }
    // From now on no document can take this frame's event up, while the frame itself gets a
    // moment to finish writing the last keystrokes typed before the dialog closed.
    send({ type: "prep:retire", frame: gone.frame });
    retireSidebar(gone.root);
    life.setTimeout(() => {
      gone.root.remove();
      send({ type: "prep:close", frame: gone.frame });
    }, CLOSE_GRACE_MS);
  }

  function place(m: Mounted) {
    const rect = m.anchor.getBoundingClientRect();
    const viewport = {
      width: document.documentElement.clientWidth,
      height: document.documentElement.clientHeight,
    };
    if (m.kind === "sidebar") {
      const eventId = m.key.slice(0, m.key.indexOf("|"));
      const placement = placePanel(rect, viewport, m.onEditPage || expandedId === eventId);
      m.panel.tab.setAttribute("aria-expanded", String(placement.mode === "expanded"));
      showSidebar(m.panel, placement);
      return;
    }
    const { left, top } = placeButton(rect, viewport, BUTTON_SIZE);
    styleAll(m.root, { left: `${left}px`, top: `${top}px`, visibility: "visible" });
  }

  function send(message: ContentMessage) {
    // After an extension update this script is orphaned; the sidebar it opened goes with it.
    if (life.over) return;
    browser.runtime.sendMessage(message).catch(() => {});
  }

  const checkThisPage = startPageCheck(life, detector);

  const onTabMessage = (raw: unknown, _sender: unknown, sendResponse: (response: unknown) => void) => {
    if (!isTabMessage(raw)) return undefined;
    if (raw.type === "page:check") {
      checkThisPage().then(sendResponse, () => sendResponse(undefined));
      return true;
    }
    if (!mounted || mounted.frame !== raw.frame) return undefined;
    dismissedKey = mounted.key;
    forcedKey = undefined;
    expandedId = undefined;
    const anchor = mounted.anchor;
    unmount();
    // Keep the small button so the prep can be reopened, and hand focus back to the event.
    schedule();
    if (anchor.isConnected) anchor.focus({ preventScroll: true });
    return undefined;
  };
  browser.runtime.onMessage.addListener(onTabMessage);
  // Once the extension is reloaded or removed, an orphaned script has no runtime left to leave.
  life.onEnd(() => browser.runtime?.onMessage?.removeListener(onTabMessage));

  const isOurs = (node: Node) =>
    mounted?.root.contains(node) === true ||
    standby?.root.contains(node) === true ||
    node === detector.root();
  const pageWatch = watchPage(
    life,
    isOurs,
    () => {
      lastChangeAt = performance.now();
      // Nothing shown yet: decide in this very callback, so the panel is placed in the frame that
      // shows Calendar's card. Later changes only move or refresh it, once per frame.
      if (mounted || scheduled) schedule();
      else run();
    },
    schedule,
  );
  prepareStandby();
  listenForPrepShortcut(life, () =>
    !mounted
      ? undefined
      : mounted.kind === "button"
        ? mounted.root.querySelector("button")
        : mounted.panel.root.getAttribute("data-placement") === "docked"
          ? mounted.panel.tab
          : mounted.panel.iframe,
  );
  life.listen(window, "resize", schedule);
  // Calendar moves between views and events without reloading; most moves change the DOM, but
  // not all (the back button to the same dialog), so the URL is watched as well.
  life.listen(window, "popstate", schedule);
  const navigation = (globalThis as { navigation?: EventTarget }).navigation;
  if (navigation) life.listen(navigation, "navigate", schedule);
  life.onEnd(() => {
    mounted?.root.remove();
    mounted = undefined;
    for (const leftover of document.querySelectorAll(`[${CLOSING_ATTR}]`)) leftover.remove();
  });
}
