import { isEventEditUrl } from "./eid";
import { queryFirst } from "./query";
import { selectors } from "./selectors";

export type OpenEventSource = "dialog" | "edit";

export interface OpenEventAnchor {
  source: OpenEventSource;
  anchor: HTMLElement;
}

/**
 * Hidden leftovers keep their ids, so visibility decides which dialog is open. Ancestors are
 * checked through attributes only; computed style is read for the candidate itself, because a
 * stylesheet (not an inline style) may hide it.
 */
export function isVisible(element: HTMLElement): boolean {
  for (let node: HTMLElement | null = element; node; node = node.parentElement) {
    if (node.hidden || node.getAttribute("aria-hidden") === "true") return false;
    const display = node.style?.display;
    if (display === "none" || node.style?.visibility === "hidden") return false;
  }
  try {
    const style = element.ownerDocument.defaultView?.getComputedStyle(element);
    if (style && (style.display === "none" || style.visibility === "hidden")) return false;
  } catch {
    // No computed style (detached window): the attribute checks above stand.
  }
  return true;
}

function visibleDetailsDialog(doc: Document): HTMLElement | null {
  for (const css of selectors.detailsDialog.css) {
    const candidates = doc.querySelectorAll<HTMLElement>(css);
    // The newest dialog is appended last.
    for (let i = candidates.length - 1; i >= 0; i--) {
      const candidate = candidates[i];
      if (candidate && queryFirst(candidate, selectors.eventDetails) && isVisible(candidate))
        return candidate;
    }
  }
  return null;
}

export function isEditPage(doc: Document, url: string | undefined): boolean {
  return isEventEditUrl(url) || queryFirst(doc, selectors.editViewFamily) !== null;
}

function editPageAnchor(doc: Document): HTMLElement | null {
  const marker = queryFirst(doc, selectors.editPageMarker);
  if (!marker) return null;
  for (const css of selectors.editForm.css) {
    const form = marker.closest<HTMLElement>(css);
    if (form) return form;
  }
  return marker.parentElement && marker.parentElement !== doc.body ? marker.parentElement : marker;
}

export function currentUrl(doc: Document, url: string | undefined): string | undefined {
  if (url !== undefined) return url;
  try {
    return doc.location?.href;
  } catch {
    return undefined;
  }
}

/**
 * Cheap enough to run once per animation frame while the page mutates: a couple of selector
 * queries and a visibility check on the few dialog candidates.
 */
export function findOpenEventAnchor(doc: Document, url?: string): OpenEventAnchor | null {
  try {
    const dialog = visibleDetailsDialog(doc);
    if (dialog) return { source: "dialog", anchor: dialog };
    if (isEditPage(doc, currentUrl(doc, url))) {
      const form = editPageAnchor(doc);
      if (form) return { source: "edit", anchor: form };
    }
    return null;
  } catch {
    return null;
  }
}
