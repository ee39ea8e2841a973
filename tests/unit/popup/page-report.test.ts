import { describe, expect, it } from "vitest";
import { checkLines, pageReport } from "@/entrypoints/popup/page-report";
import type { PageCheckResponse } from "@/lib/messaging";

const check: PageCheckResponse = {
  path: "/calendar/u/0/r/week",
  hooks: { detailsDialog: 0, title: 1, when: -1 },
  open: "dialog",
  title: { found: true, length: 15 },
  time: false,
  eventId: true,
  guests: [
    { name: "P•••• R••••", email: "p••••@e••••.com", you: false, organizer: false },
    { email: "s••••@e••••.com", you: true, organizer: true },
  ],
  you: "s••••@e••••.com",
  unreadableInARow: 2,
  decision: { oneOnOne: true, reason: "Title says 1:1" },
};

describe("the page check's report", () => {
  it("lists each part, marks what's missing, and names each hook's state", () => {
    const lines = checkLines(check);
    expect(lines.find((l) => l.label === "Time")).toEqual({ label: "Time", ok: false, detail: "not read" });
    expect(lines.find((l) => l.label === "Guests")?.detail).toBe(
      "2 guests: P•••• R•••• <p••••@e••••.com>; <s••••@e••••.com> (you, organizer)",
    );
    const report = pageReport(check, { version: "1.2.3", browser: "Firefox 153" });
    expect(report.split("\n")).toEqual([
      "1:1 Prep 1.2.3: page check",
      "Browser: Firefox 153",
      "Page: /calendar/u/0/r/week",
      "Event: details dialog found",
      "Title: 15 characters",
      "Time: ✗ not read",
      "Guests: 2 guests: P•••• R•••• <p••••@e••••.com>; <s••••@e••••.com> (you, organizer)",
      "Event id: read",
      "Your email: s••••@e••••.com",
      "Decision: a 1:1: Title says 1:1",
      "Event dialogs not read in a row: 2",
      "Hooks: detailsDialog: ok, title: fallback 1, when: missing",
    ]);
  });

  it("says so when no event is open and the guests weren't read", () => {
    const none = checkLines({ ...check, open: "none", guests: "unread", title: { found: false, length: 0 } });
    expect(none.slice(0, 4).map((l) => `${l.ok} ${l.detail}`)).toEqual([
      "false none open",
      "false not found",
      "false not read",
      "false not read",
    ]);
  });
});
