// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { planWatch, type WatchPlan } from "@/lib/calendar-dom";
import { loadFixture } from "./fixture-dom";

function covered(plan: WatchPlan, element: Element): boolean {
  return plan.deep.some((node) => node.contains(element));
}

function observe(plan: WatchPlan, doc: Document): { records: () => MutationRecord[] } {
  const window = doc.defaultView as unknown as typeof globalThis;
  const observer = new window.MutationObserver(() => {});
  const options = { childList: true, attributes: true };
  for (const node of plan.deep) observer.observe(node, { ...options, subtree: true });
  for (const node of plan.shallow) observer.observe(node, options);
  return { records: () => observer.takeRecords() };
}

describe("planWatch", () => {
  it("leaves the grid out and covers every other element", () => {
    const doc = loadFixture("dialog-recurring-1on1.html");
    const plan = planWatch(doc);
    const grid = doc.querySelector('[role="grid"]');
    expect(plan.quiet).toBe(grid);
    expect(plan.shallow).toEqual([grid?.parentElement, doc.body, doc.documentElement]);
    for (const element of doc.querySelectorAll("*")) {
      const inGrid = grid?.contains(element) === true;
      const onPath = plan.shallow.includes(element);
      expect(covered(plan, element), element.outerHTML.slice(0, 60)).toBe(!inGrid && !onPath);
    }
    expect(covered(plan, doc.querySelector('[role="dialog"]') as Element)).toBe(true);
  });

  it("sees a dialog layer added beside the grid but not the grid's own churn", () => {
    const doc = loadFixture("dialog-recurring-1on1.html");
    const watcher = observe(planWatch(doc), doc);
    const chip = doc.querySelector("[data-eventchip]");
    chip?.classList.toggle("hover");
    chip?.parentElement?.append(doc.createElement("div"));
    expect(watcher.records()).toEqual([]);
    doc.body.append(doc.createElement("div"));
    doc.querySelector('[role="dialog"]')?.setAttribute("aria-hidden", "true");
    expect(
      watcher
        .records()
        .map((r) => r.type)
        .sort(),
    ).toEqual(["attributes", "childList"]);
  });

  it("leaves out the week grid, not the side panel's month calendar that comes before it", () => {
    const doc = loadFixture("dialog-recurring-1on1.html");
    const week = doc.querySelector('[role="grid"]') as Element;
    const month = doc.createElement("div");
    month.setAttribute("role", "grid");
    month.setAttribute("aria-label", "October 2026");
    month.innerHTML = '<div role="row"><span role="gridcell">1</span><span role="gridcell">2</span></div>';
    const panel = doc.createElement("aside");
    panel.append(month);
    doc.body.prepend(panel);
    expect(planWatch(doc).quiet).toBe(week);
    // Without a main area, the grid that holds events is the busy one.
    const main = week.closest('[role="main"]');
    main?.removeAttribute("role");
    expect(planWatch(doc).quiet).toBe(week);
  });

  it("watches the whole page without a grid, or when a dialog sits inside the grid", () => {
    const edit = loadFixture("edit-page.html");
    expect(planWatch(edit)).toEqual({ deep: [edit.documentElement], shallow: [] });
    const doc = loadFixture("dialog-recurring-1on1.html");
    const dialog = doc.querySelector('[role="dialog"]') as Element;
    doc.querySelector('[role="gridcell"]')?.append(dialog);
    expect(planWatch(doc)).toEqual({ deep: [doc.documentElement], shallow: [] });
  });
});
