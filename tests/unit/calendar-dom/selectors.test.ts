// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import {
  type CalendarSelector,
  findOpenEventAnchor,
  readOpenEvent,
  type SelectorKey,
  selectors,
} from "@/lib/calendar-dom";
import { queryFirst } from "@/lib/calendar-dom/query";
import { fixtureEvents } from "../../fixtures/calendar/events";
import { loadFixture, type StaticFixture, sharedFixture, staticFixtures } from "./fixture-dom";

/** The fixture where each selector's current hook is checked inside its scope. */
const home: Record<SelectorKey, StaticFixture> = {
  detailsDialog: "dialog-recurring-1on1.html",
  eventDetails: "dialog-recurring-1on1.html",
  title: "dialog-recurring-1on1.html",
  when: "dialog-recurring-1on1.html",
  guestSection: "dialog-recurring-1on1.html",
  guestRow: "dialog-recurring-1on1.html",
  organizer: "dialog-recurring-1on1.html",
  busyGrid: "dialog-recurring-1on1.html",
  editViewFamily: "edit-page.html",
  editPageMarker: "edit-page.html",
  editForm: "edit-page.html",
  editTitle: "edit-page.html",
  editStartDate: "edit-page.html",
  editStartTime: "edit-page.html",
  editGuestList: "edit-page.html",
  editGuestRow: "edit-page.html",
  selfEmail: "grid.html",
  accountButton: "grid.html",
};

const entries = Object.entries(selectors) as [SelectorKey, CalendarSelector][];
const alternatives = entries.flatMap(([key, selector]) =>
  selector.css.map((css, index) => ({ key, css, index, label: `${key}[${index}] ${css}` })),
);

function scopeRoot(doc: Document, scope: CalendarSelector["scope"]): ParentNode | null {
  const dialog = findOpenEventAnchor(doc)?.anchor ?? null;
  switch (scope) {
    case "document":
    case "editPage":
      return doc;
    case "dialog":
      return dialog;
    case "guestSection":
      return queryFirst(dialog, selectors.guestSection);
    case "editGuestList":
      return queryFirst(doc, selectors.editGuestList);
  }
}

describe("selectors", () => {
  it("every selector has a home fixture", () => {
    expect(Object.keys(home).sort()).toEqual(Object.keys(selectors).sort());
  });

  it.each(entries)("%s: the current hook matches in its home fixture, inside its scope", (key, selector) => {
    const doc = loadFixture(home[key]);
    const root = scopeRoot(doc, selector.scope);
    expect(root).not.toBeNull();
    expect(root?.querySelector(selector.css[0])).not.toBeNull();
  });

  it.each(alternatives)("$label matches in at least one fixture", ({ css }) => {
    const matching = staticFixtures.filter((name) => sharedFixture(name).querySelector(css) !== null);
    expect(matching.length).toBeGreaterThan(0);
  });

  it("uses no class names", () => {
    for (const { css } of alternatives) expect(css.replace(/"[^"]*"/g, "")).not.toMatch(/\.[a-z_-]/i);
  });

  it("fallbacks still read the event when the current hooks' ids and flags are renamed", () => {
    const doc = loadFixture("dialog-recurring-1on1.html");
    doc.querySelector('[data-chips-dialog="true"]')?.removeAttribute("data-chips-dialog");
    doc.getElementById("rAECCd")?.removeAttribute("id");
    doc.getElementById("xDetDlgAtt")?.removeAttribute("id");
    for (const row of Array.from(doc.querySelectorAll("[data-email]"))) row.removeAttribute("data-email");
    doc.getElementById("xDetDlg")?.removeAttribute("id");
    const open = readOpenEvent(doc);
    expect(open?.eventInstanceId).toBe(fixtureEvents.priyaWeekly1.eventId);
    expect(open?.signals.title).toBe("1:1 Priya / Sam");
    expect(open?.signals.attendees?.map((a) => a.email)).toEqual(["sam@example.com", "priya@example.com"]);
  });
});

/** Attribute names a selector relies on; stripping them imitates Google renaming the hook. */
function hookAttributes(css: string): string[] {
  const names = Array.from(css.matchAll(/\[([\w-]+)/g), (match) => match[1] ?? "");
  if (css.includes("#")) names.push("id");
  return names.filter(Boolean);
}

describe("graceful degradation", () => {
  const damages = alternatives.flatMap((alternative) => [
    { ...alternative, how: "element removed" as const },
    { ...alternative, how: "hook renamed" as const },
  ]);

  it.each(damages)("$label ($how): nothing throws on any fixture", ({ css, how }) => {
    // Fixtures the selector does not match are unchanged by the damage.
    for (const name of staticFixtures.filter((fixture) => sharedFixture(fixture).querySelector(css))) {
      const doc = loadFixture(name);
      for (const element of Array.from(doc.querySelectorAll(css))) {
        if (how === "element removed") element.remove();
        else for (const attribute of hookAttributes(css)) element.removeAttribute(attribute);
      }
      expect(() => findOpenEventAnchor(doc)).not.toThrow();
      let open: ReturnType<typeof readOpenEvent> | undefined;
      expect(() => {
        open = readOpenEvent(doc);
      }).not.toThrow();
      if (open) {
        expect(typeof open.signals.title).toBe("string");
        expect(open.anchor.isConnected).toBe(true);
        for (const attendee of open.signals.attendees ?? []) expect(attendee.email).toMatch(/@/);
      }
    }
  });

  it("no title element: title is empty and guests stay known from the rows", () => {
    const doc = loadFixture("dialog-recurring-1on1.html");
    doc.getElementById("rAECCd")?.remove();
    const open = readOpenEvent(doc);
    expect(open?.signals.title).toBe("");
    expect(open?.signals.attendees).toHaveLength(2);
  });

  it("guest section without readable rows: attendees unknown", () => {
    const doc = loadFixture("dialog-recurring-1on1.html");
    for (const row of Array.from(doc.querySelectorAll('[role="treeitem"]'))) row.remove();
    expect(readOpenEvent(doc)?.signals.attendees).toBeUndefined();
  });

  it("no guest section at all on a rendered card: attendees []", () => {
    const doc = loadFixture("dialog-recurring-1on1.html");
    doc.getElementById("xDetDlgAtt")?.remove();
    expect(readOpenEvent(doc)?.signals.attendees).toEqual([]);
  });

  it("no When line: start and recurrence still come from the eid", () => {
    const doc = loadFixture("dialog-recurring-1on1.html");
    doc.getElementById("xDetDlgWhen")?.remove();
    const open = readOpenEvent(doc);
    expect(open?.startsAt).toBe(fixtureEvents.priyaWeekly1.startsAt);
    expect(open?.signals.recurring).toBe(true);
  });

  it("no When line and no instance eid: start and recurrence unknown", () => {
    const doc = loadFixture("dialog-group.html");
    doc.getElementById("xDetDlgWhen")?.remove();
    const open = readOpenEvent(doc);
    expect(open?.startsAt).toBeUndefined();
    expect(open?.signals.recurring).toBeUndefined();
    expect(open?.signals.attendees).toHaveLength(4);
  });

  it("no details card: not an open event", () => {
    const doc = loadFixture("dialog-recurring-1on1.html");
    doc.getElementById("xDetDlg")?.remove();
    expect(readOpenEvent(doc)).toBeNull();
  });

  it("edit page without a guest list: attendees unknown, title still read", () => {
    const doc = loadFixture("edit-page.html");
    doc.getElementById("xGstLst")?.remove();
    const open = readOpenEvent(doc);
    expect(open?.signals.title).toBe("Jordan <> Sam");
    expect(open?.signals.attendees).toBeUndefined();
  });

  it("edit page without its main container still anchors to the form", () => {
    const doc = loadFixture("edit-page.html");
    doc.querySelector('[role="main"]')?.removeAttribute("role");
    expect(findOpenEventAnchor(doc)?.anchor.tagName).toBe("FORM");
  });

  it("edit page without a title field still anchors and reads guests", () => {
    const doc = loadFixture("edit-page.html");
    doc.getElementById("xTiIn")?.remove();
    const open = readOpenEvent(doc);
    expect(open?.source).toBe("edit");
    expect(open?.signals.title).toBe("");
    expect(open?.signals.attendees).toHaveLength(2);
  });

  it("survives a document without a body", () => {
    const doc = loadFixture("dialog-recurring-1on1.html");
    doc.body.remove();
    expect(readOpenEvent(doc)).toBeNull();
  });
});
