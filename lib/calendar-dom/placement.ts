/**
 * Where 1:1 Prep's panel goes beside Calendar's event dialog. Pure geometry: rectangles in,
 * a position out, so every window size can be tried in a unit test.
 */

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface Viewport {
  width: number;
  height: number;
}

export type PanelPlacement =
  /** beside the dialog, top edges aligned, covering none of it */
  | { mode: "beside"; left: number; top: number; height: number }
  /** no room beside the dialog: a narrow tab at the window's edge that opens the panel */
  | { mode: "docked"; side: "left" | "right"; left: number; top: number; tabWidth: number; tabHeight: number }
  /** the manager opened the docked tab: over the dialog, at the window's edge, until closed */
  | { mode: "expanded"; left: number; top: number; height: number };

export const PANEL_WIDTH = 360;
export const GAP = 8;
const MAX_HEIGHT = 640;
/** Shorter than this, the prep would show too little; it rises above the dialog's top instead. */
const MIN_HEIGHT = 320;
const TAB_WIDTH = 32;
const TAB_HEIGHT = 112;

/** As tall as fits below the dialog's top, within bounds; never taller than the window. */
function panelHeight(dialog: Box, viewport: Viewport): number {
  const belowTop = viewport.height - Math.max(GAP, dialog.top) - GAP;
  const wanted = Math.max(MIN_HEIGHT, Math.min(MAX_HEIGHT, belowTop));
  return Math.max(0, Math.min(wanted, viewport.height - 2 * GAP));
}

/** Lines up with the dialog's top, moved up only as far as keeps the panel in the window. */
function alignedTop(dialog: Box, viewport: Viewport, height: number): number {
  return Math.round(Math.max(GAP, Math.min(dialog.top, viewport.height - height - GAP)));
}

export function placePanel(dialog: Box, viewport: Viewport, expanded: boolean): PanelPlacement {
  const height = panelHeight(dialog, viewport);
  const top = alignedTop(dialog, viewport, height);
  const roomRight = viewport.width - dialog.right - GAP;
  const roomLeft = dialog.left - GAP;
  if (roomRight >= PANEL_WIDTH + GAP)
    return { mode: "beside", left: Math.round(dialog.right + GAP), top, height };
  if (roomLeft >= PANEL_WIDTH + GAP)
    return { mode: "beside", left: Math.round(dialog.left - GAP - PANEL_WIDTH), top, height };
  const side = roomRight >= roomLeft ? "right" : "left";
  if (expanded) {
    const left = side === "right" ? Math.max(0, viewport.width - PANEL_WIDTH - GAP) : GAP;
    return { mode: "expanded", left: Math.round(left), top, height };
  }
  // The tab keeps clear of the dialog when the window leaves it any room at all; only a dialog
  // as wide as the window puts it over the dialog's edge, below its toolbar.
  const tabTop = alignedTop(dialog, viewport, TAB_HEIGHT);
  const left = side === "right" ? viewport.width - TAB_WIDTH : 0;
  const clear = (side === "right" ? roomRight : roomLeft) >= TAB_WIDTH;
  return {
    mode: "docked",
    side,
    left,
    top: clear ? tabTop : Math.round(Math.min(viewport.height - TAB_HEIGHT - GAP, dialog.top + 64)),
    tabWidth: TAB_WIDTH,
    tabHeight: TAB_HEIGHT,
  };
}

export interface ButtonSize {
  width: number;
  height: number;
}

/** The small "1:1 prep" button: beside the dialog's top, else below or above it, never on it. */
export function placeButton(
  dialog: Box,
  viewport: Viewport,
  size: ButtonSize,
): { left: number; top: number } {
  const top = alignedTop(dialog, viewport, size.height);
  if (viewport.width - dialog.right - GAP >= size.width + GAP)
    return { left: Math.round(dialog.right + GAP), top };
  if (dialog.left - GAP >= size.width + GAP) return { left: Math.round(dialog.left - GAP - size.width), top };
  const left = Math.round(
    Math.max(GAP, Math.min(dialog.right - size.width, viewport.width - size.width - GAP)),
  );
  if (viewport.height - dialog.bottom - GAP >= size.height + GAP)
    return { left, top: Math.round(dialog.bottom + GAP) };
  if (dialog.top - GAP >= size.height + GAP) return { left, top: Math.round(dialog.top - GAP - size.height) };
  return { left: viewport.width - size.width - GAP, top: viewport.height - size.height - GAP };
}
