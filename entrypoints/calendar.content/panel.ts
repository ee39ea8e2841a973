import { browser } from "wxt/browser";
import { PANEL_WIDTH, type PanelPlacement } from "@/lib/calendar-dom";
import { PREP_SHOW, type PrepShowMessage } from "@/lib/messaging/frame-token";

/**
 * The elements 1:1 Prep puts on Calendar's page: the sidebar frame (with the tab it docks to
 * when the window has no room beside the dialog) and the small button. None holds user data.
 *
 * Not WXT's `createIframeUi`: it removes its frame when WXT's content script context ends, and a
 * page script can end that context (see lifetime.ts); and a frame here is loaded ahead, hidden,
 * and named by a token only once it is taken into use, which its mount-and-show model has no
 * step for.
 */

export const SIDEBAR_ATTR = "data-one-on-one-prep";
/** A sidebar frame loaded ahead, hidden and out of the way, for the next 1:1 opened. */
export const STANDBY_ATTR = "data-one-on-one-prep-standby";
export const CLOSING_ATTR = "data-one-on-one-prep-closing";
export const BUTTON_ATTR = "data-one-on-one-prep-button";
export const BUTTON_SIZE = { width: 100, height: 32 };

export interface SidebarPanel {
  /** the token in the frame's address: it names this frame to the background */
  frame: string;
  root: HTMLElement;
  iframe: HTMLIFrameElement;
  tab: HTMLButtonElement;
  loaded: boolean;
  /** set when the panel is taken into use; the frame asks for its event with it */
  key?: string;
}

// Not `new URL(…).origin`: extension schemes are not special URLs, and some browsers say "null".
export const extensionOrigin = /^[a-z][a-z0-9+.-]*:\/\/[^/]+/i.exec(browser.runtime.getURL("/"))?.[0] ?? "";

function tellShown(panel: SidebarPanel) {
  if (!panel.key) return;
  const message: PrepShowMessage = { type: PREP_SHOW, key: panel.key };
  // Only a document of ours can receive it: the page can't read it, even when it swapped the frame.
  panel.iframe.contentWindow?.postMessage(message, extensionOrigin);
}

/**
 * A sidebar frame, hidden, that starts loading now and shows nothing until it is taken into use:
 * the prep then needs only its event, not a whole page load.
 */
/**
 * The few colours drawn on Calendar's page itself, from the same palette as components/tokens.css
 * (which this page cannot load); `light-dark` follows the system setting, as Calendar does.
 */
const PAGE_COLORS = {
  surface: "light-dark(#ffffff, #1f1f1f)",
  accent: "light-dark(#0b57d0, #a8c7fa)",
  onAccent: "light-dark(#ffffff, #062e6f)",
};

export function createSidebarPanel(frame: string): SidebarPanel {
  const root = document.createElement("div");
  root.setAttribute(STANDBY_ATTR, "");
  root.setAttribute("aria-hidden", "true");
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
  const tab = document.createElement("button");
  tab.type = "button";
  tab.textContent = "1:1 Prep";
  tab.title = "Open the 1:1 Prep for this event";
  tab.setAttribute("aria-expanded", "false");
  styleAll(tab, {
    display: "none",
    position: "absolute",
    inset: "0",
    width: "100%",
    height: "100%",
    "writing-mode": "vertical-rl",
    font: "500 13px/1 system-ui, sans-serif",
    border: "0",
    background: PAGE_COLORS.accent,
    color: PAGE_COLORS.onAccent,
    cursor: "pointer",
    padding: "0",
  });
  root.append(iframe, tab);
  styleAll(root, {
    position: "fixed",
    "box-sizing": "border-box",
    visibility: "hidden",
    "pointer-events": "none",
    "z-index": "2147483000",
    // Laid out at a prep's size, off screen, so the frame renders as it will be seen.
    left: "-10000px",
    top: "0",
    width: `${PANEL_WIDTH}px`,
    height: "600px",
    "border-radius": "8px",
    "box-shadow": "0 4px 16px rgba(0,0,0,.25)",
    "color-scheme": "light dark",
    background: PAGE_COLORS.surface,
    overflow: "hidden",
  });
  const panel: SidebarPanel = { frame, root, iframe, tab, loaded: false };
  // Every load, not just the first: a frame the page reloads or swaps is told again, and the
  // background refuses any document but the first to ask.
  iframe.addEventListener("load", () => {
    panel.loaded = true;
    tellShown(panel);
  });
  document.body.append(root);
  return panel;
}

/** Takes a panel into use for one event: its frame now asks for that event with `key`. */
export function takeSidebarPanel(panel: SidebarPanel, key: string, onExpand: () => void) {
  panel.key = key;
  panel.root.removeAttribute(STANDBY_ATTR);
  panel.root.removeAttribute("aria-hidden");
  panel.root.style.removeProperty("pointer-events");
  panel.root.setAttribute(SIDEBAR_ATTR, "");
  panel.tab.addEventListener("click", onExpand);
  if (panel.loaded) tellShown(panel);
}

/** The frame keeps loading, and keeps what was typed, whichever way it is shown. */
export function showSidebar({ root, iframe, tab }: SidebarPanel, placement: PanelPlacement) {
  const docked = placement.mode === "docked";
  const wasDocked = root.getAttribute("data-placement") === "docked";
  // The frame's own style is touched only when docking starts or ends: restyling it on every
  // placement costs the prep tens of milliseconds to first paint (measured with the bench).
  if (docked !== wasDocked) {
    // Hidden, not undisplayed: a frame that isn't displayed may not run, and the prep should be
    // ready the moment the tab is opened.
    if (docked) styleAll(iframe, { visibility: "hidden" });
    else iframe.style.removeProperty("visibility");
    styleAll(tab, { display: docked ? "block" : "none" });
  }
  root.setAttribute("data-placement", placement.mode);
  if (placement.mode === "docked") {
    styleAll(root, {
      left: `${placement.left}px`,
      top: `${placement.top}px`,
      width: `${placement.tabWidth}px`,
      height: `${placement.tabHeight}px`,
      "border-radius": placement.side === "right" ? "8px 0 0 8px" : "0 8px 8px 0",
      visibility: "visible",
    });
    return;
  }
  styleAll(root, {
    left: `${placement.left}px`,
    top: `${placement.top}px`,
    width: `${PANEL_WIDTH}px`,
    height: `${placement.height}px`,
    "border-radius": "8px",
    visibility: "visible",
  });
}

/** Hidden at once and out of reach, while its last keystrokes are still being written inside it. */
export function retireSidebar(root: HTMLElement) {
  root.removeAttribute(SIDEBAR_ATTR);
  root.setAttribute(CLOSING_ATTR, "");
  styleAll(root, { visibility: "hidden", "pointer-events": "none" });
  root.setAttribute("aria-hidden", "true");
}

export function createPrepButton(onOpen: () => void): HTMLElement {
  const root = document.createElement("div");
  root.setAttribute(BUTTON_ATTR, "");
  const button = document.createElement("button");
  button.type = "button";
  button.textContent = "1:1 prep";
  button.title = "Open the 1:1 Prep sidebar for this event";
  styleAll(button, {
    font: "500 13px/1 system-ui, sans-serif",
    height: `${BUTTON_SIZE.height}px`,
    width: `${BUTTON_SIZE.width}px`,
    padding: "0 12px",
    border: `1px solid ${PAGE_COLORS.accent}`,
    "border-radius": "16px",
    "color-scheme": "light dark",
    background: PAGE_COLORS.surface,
    color: PAGE_COLORS.accent,
    cursor: "pointer",
  });
  button.addEventListener("click", onOpen);
  root.append(button);
  styleAll(root, { position: "fixed", visibility: "hidden", "z-index": "2147483000" });
  document.body.append(root);
  return root;
}

export function styleAll(element: HTMLElement, styles: Record<string, string>) {
  // Important, so Calendar's own stylesheet cannot restyle or hide the panel.
  for (const [name, value] of Object.entries(styles)) {
    if (element.style.getPropertyValue(name) !== value) element.style.setProperty(name, value, "important");
  }
}
