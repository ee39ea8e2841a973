// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import {
  describeOpenEvent,
  isEventClick,
  isReadable,
  maskEmail,
  maskName,
  type OpenEvent,
  pageHooks,
  readOpenEvent,
} from "@/lib/calendar-dom";

/** The page check as the popup gets it: hooks read on the page, the event read by the detector. */
const checkPage = (doc: Document, url: string, open: OpenEvent | null) => ({
  ...pageHooks(doc, url),
  ...describeOpenEvent(open),
});

import { loadFixture } from "./fixture-dom";

describe("masking", () => {
  it("keeps the first letter of each word and nothing else", () => {
    expect(maskName("Priya Raman")).toBe("P•••• R••••");
    expect(maskName("  José   Núñez ")).toBe("J•••• N••••");
    expect(maskName("Łukasz")).toBe("Ł••••");
    // A letter outside the basic plane stays one letter, not half of one.
    expect(maskName("𝒜lex")).toBe("𝒜••••");
    expect(maskEmail("priya@example.com")).toBe("p••••@e••••.com");
    expect(maskEmail("j.doe@mail.corp.example.co.uk")).toBe("j••••@m••••.uk");
    expect(maskEmail("no-at-sign")).toBe("n••••");
  });
});

describe("checkPage", () => {
  it("reports every hook of an open dialog and what was read, with no name, email or title in it", () => {
    const doc = loadFixture("dialog-recurring-1on1.html");
    const open = readOpenEvent(doc);
    const check = checkPage(doc, "https://calendar.google.com/calendar/u/0/r/week?eid=secret#x", open);
    expect(check.path).toBe("/calendar/u/0/r/week");
    expect(check.open).toBe("dialog");
    expect(check.hooks.detailsDialog).toBe(0);
    expect(check.hooks.title).toBe(0);
    expect(check.title).toEqual({ found: true, length: open?.signals.title.length });
    expect(check.eventId).toBe(true);
    expect(Array.isArray(check.guests) && check.guests.length).toBeGreaterThan(0);
    const text = JSON.stringify(check);
    expect(text).not.toContain("@example");
    expect(text).not.toContain("secret");
    expect(text).not.toContain(open?.signals.title);
    for (const guest of open?.signals.attendees ?? []) {
      if (guest.email) expect(text).not.toContain(guest.email);
      if (guest.displayName) expect(text).not.toContain(guest.displayName);
    }
  });

  it("says which hooks are missing when nothing is open, and never reads inside a closed dialog", () => {
    const doc = loadFixture("grid.html");
    const check = checkPage(doc, "not a url", readOpenEvent(doc));
    expect(check.open).toBe("none");
    expect(check.path).toBe("");
    expect(check.guests).toBe("unread");
    expect(check.hooks.title).toBeUndefined();
    expect(check.hooks.busyGrid).toBeGreaterThanOrEqual(0);
  });
});

describe("isReadable and isEventClick", () => {
  it("take a dialog with a title and an id or a time as read", () => {
    const doc = loadFixture("dialog-recurring-1on1.html");
    expect(isReadable(readOpenEvent(doc))).toBe(true);
    expect(isReadable(null)).toBe(false);
    doc.querySelector("#rAECCd")?.remove();
    for (const heading of doc.querySelectorAll('[role="heading"]')) heading.remove();
    expect(isReadable(readOpenEvent(doc))).toBe(false);
  });

  it("count a click on an event in the grid, not on an empty slot or outside it", () => {
    const doc = loadFixture("grid.html");
    const chip = doc.querySelector('[role="main"] [role="grid"] [role="button"][data-eventid]');
    expect(chip).not.toBeNull();
    expect(isEventClick(doc, chip?.firstElementChild ?? chip)).toBe(true);
    expect(isEventClick(doc, doc.querySelector('[role="main"] [role="gridcell"]'))).toBe(false);
    expect(isEventClick(doc, doc.body)).toBe(false);
    expect(isEventClick(doc, null)).toBe(false);
  });
});
