import { browser } from "wxt/browser";
import { PANEL_WIDTH, type PanelPlacement } from "@/lib/calendar-dom";

/**
 * The elements 1:1 Prep puts on Calendar's page: the sidebar frame (with the tab it docks to
 * when the window has no room beside the dialog) and the small button. None holds user data.
 */

export const SIDEBAR_ATTR = "data-one-on-one-prep";
export const CLOSING_ATTR = "data-one-on-one-prep-closing";
export const BUTTON_ATTR = "data-one-on-one-prep-button";
export const BUTTON_SIZE = { width: 100, height: 32 };

export interface SidebarPanel {
  root: HTMLElement;
  iframe: HTMLIFrameElement;
  tab: HTMLButtonElement;
}

export function createSidebarPanel(frame: string, onExpand: () => void): SidebarPanel {
  const root = document.createElement("div");
  root.setAttribute(SIDEBAR_ATTR, "");
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
    background: "#0b57d0",
    color: "#fff",
    cursor: "pointer",
    padding: "0",
  });
  tab.addEventListener("click", onExpand);
  root.append(iframe, tab);
  styleAll(root, {
    position: "fixed",
    "box-sizing": "border-box",
    visibility: "hidden",
    "z-index": "2147483000",
    width: `${PANEL_WIDTH}px`,
    "border-radius": "8px",
    "box-shadow": "0 4px 16px rgba(0,0,0,.25)",
    background: "#fff",
    overflow: "hidden",
  });
  document.body.append(root);
  return { root, iframe, tab };
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
    border: "1px solid #1a73e8",
    "border-radius": "16px",
    background: "#fff",
    color: "#1a73e8",
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
