import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Box, GAP, PANEL_WIDTH, placeButton, placePanel } from "@/lib/calendar-dom";

const box = (left: number, top: number, width: number, height: number): Box => ({
  left,
  top,
  right: left + width,
  bottom: top + height,
});
const overlaps = (a: Box, b: Box) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

describe("placePanel", () => {
  it("goes right of the dialog when there is room, top edges lined up", () => {
    expect(placePanel(box(300, 120, 448, 400), { width: 1400, height: 900 }, false)).toEqual({
      mode: "beside",
      left: 300 + 448 + GAP,
      top: 120,
      height: 640,
    });
  });

  it("goes left when only the left has room", () => {
    const placed = placePanel(box(900, 100, 448, 400), { width: 1400, height: 900 }, false);
    expect(placed).toMatchObject({ mode: "beside", left: 900 - GAP - PANEL_WIDTH, top: 100 });
  });

  it("is shorter rather than out of line when the dialog sits low", () => {
    const placed = placePanel(box(300, 480, 448, 300), { width: 1400, height: 900 }, false);
    expect(placed).toMatchObject({ mode: "beside", top: 480, height: 900 - 480 - GAP });
  });

  it("docks as a tab beside a centred dialog in a small window, and covers it only when opened", () => {
    const dialog = box(176, 60, 448, 480);
    const docked = placePanel(dialog, { width: 800, height: 600 }, false);
    expect(docked).toMatchObject({ mode: "docked", side: "right", top: 60 });
    if (docked.mode !== "docked") throw new Error("not docked");
    expect(docked.left).toBeGreaterThanOrEqual(dialog.right);
    expect(placePanel(dialog, { width: 800, height: 600 }, true)).toMatchObject({ mode: "expanded" });
  });

  it("never covers the dialog unless the manager opened it, in any window", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 320, max: 3000 }),
        fc.integer({ min: 240, max: 2000 }),
        fc.integer({ min: 0, max: 2999 }),
        fc.integer({ min: 0, max: 1999 }),
        fc.integer({ min: 200, max: 700 }),
        fc.integer({ min: 100, max: 900 }),
        (width, height, x, y, w, h) => {
          const dialog = box(Math.min(x, width - 40), Math.min(y, height - 40), Math.min(w, width), h);
          const placed = placePanel(dialog, { width, height }, false);
          if (placed.mode === "beside") {
            const panel = box(placed.left, placed.top, PANEL_WIDTH, placed.height);
            expect(overlaps(panel, dialog)).toBe(false);
            expect(panel.left).toBeGreaterThanOrEqual(0);
            expect(panel.right).toBeLessThanOrEqual(width);
            expect(panel.bottom).toBeLessThanOrEqual(height);
          } else if (placed.mode === "docked") {
            const tab = box(placed.left, placed.top, placed.tabWidth, placed.tabHeight);
            const roomBeside = Math.max(width - dialog.right, dialog.left) - GAP;
            if (roomBeside >= placed.tabWidth) expect(overlaps(tab, dialog)).toBe(false);
            expect(tab.right).toBeLessThanOrEqual(width);
          } else throw new Error("opened without being asked");
        },
      ),
    );
  });
});

describe("placeButton", () => {
  const size = { width: 100, height: 32 };

  it("sits beside the dialog's top, or below it, never on it", () => {
    expect(placeButton(box(300, 100, 448, 400), { width: 1400, height: 900 }, size)).toEqual({
      left: 300 + 448 + GAP,
      top: 100,
    });
    const wide = box(0, 40, 800, 400);
    const below = placeButton(wide, { width: 800, height: 600 }, size);
    expect(overlaps(box(below.left, below.top, size.width, size.height), wide)).toBe(false);
  });
});
