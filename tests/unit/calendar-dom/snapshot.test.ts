// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import {
  findOpenEventAnchor,
  type OpenEvent,
  readOpenEvent,
  readSnapshot,
  SNAPSHOT_MAX_CHARS,
  sameSnapshot,
  sampleSnapshot,
  snapshotOpenEvent,
} from "@/lib/calendar-dom";
import { weekEvents } from "../../fixtures/calendar/events";
import { renderWeekPage, weekUrl } from "../../fixtures/calendar/render";
import { fixtureUrls, loadFixture, loadHtml, type StaticFixture, staticFixtures } from "./fixture-dom";

const parse = (html: string) => new DOMParser().parseFromString(html, "text/html");

/** The reading minus the live element it was read from, which a snapshot can't carry. */
function reading(open: OpenEvent | null) {
  if (!open) return null;
  const { anchor, ...rest } = open;
  return { ...rest, anchorTag: anchor.tagName, anchorRole: anchor.getAttribute("role") };
}

function fromSnapshot(doc: Document, url: string) {
  const found = findOpenEventAnchor(doc, url);
  if (!found) return null;
  return readSnapshot(snapshotOpenEvent(doc, found, url), parse);
}

describe("an event read from its snapshot", () => {
  it.each(staticFixtures.filter((name) => name !== "grid.html"))(
    "reads as the live page does: %s",
    (name: StaticFixture) => {
      const doc = loadFixture(name);
      const live = readOpenEvent(doc, fixtureUrls[name]);
      expect(live).not.toBeNull();
      expect(reading(fromSnapshot(doc, fixtureUrls[name]))).toEqual(reading(live));
    },
  );

  it.each(weekEvents.map((event) => [event.title, event] as const))(
    "reads as the live page does for every event of the week: %s",
    async (_title, event) => {
      const page = loadHtml(renderWeekPage(), weekUrl(), true);
      const chip = page.document.querySelector<HTMLElement>(`[data-eventchip][data-eventid="${event.eid}"]`);
      chip?.click();
      await page.window.happyDOM.waitUntilComplete();
      const live = readOpenEvent(page.document, weekUrl());
      expect(live?.eid).toBe(event.eid);
      expect(reading(fromSnapshot(page.document, weekUrl()))).toEqual(reading(live));
    },
  );

  it("carries what an edit field holds now, not what its markup said", () => {
    const url = fixtureUrls["edit-page.html"];
    const doc = loadFixture("edit-page.html");
    const title = doc.querySelector<HTMLInputElement>("#xTiIn");
    if (!title) throw new Error("no title field");
    title.value = "Ana / Sam 1:1 (moved)";
    expect(readOpenEvent(doc, url)?.signals.title).toBe("Ana / Sam 1:1 (moved)");
    expect(fromSnapshot(doc, url)?.signals.title).toBe("Ana / Sam 1:1 (moved)");
    // The page's own field is left as it was.
    expect(title.getAttribute("value")).not.toBe("Ana / Sam 1:1 (moved)");
  });

  it("tells a changed dialog from the same one", () => {
    const doc = loadFixture("dialog-recurring-1on1.html");
    const url = fixtureUrls["dialog-recurring-1on1.html"];
    const found = findOpenEventAnchor(doc, url);
    if (!found) throw new Error("no dialog");
    const before = snapshotOpenEvent(doc, found, url);
    expect(sameSnapshot(before, snapshotOpenEvent(doc, found, url))).toBe(true);
    found.anchor.querySelector("#rAECCd")?.append(" (moved)");
    expect(sameSnapshot(before, snapshotOpenEvent(doc, found, url))).toBe(false);
    expect(sameSnapshot(before, { ...before, url: `${url}?x` })).toBe(false);
  });

  it("reads the detector's warm-up sample as a 1:1 between two guests", () => {
    const open = readSnapshot(sampleSnapshot(), parse);
    expect(open?.signals.title).toBe("1:1 Ana / Sam");
    expect(open?.guestRows).toBe("read");
    expect(open?.signals.attendees?.map((a) => a.email)).toEqual(["sam@example.org", "ana@example.org"]);
    expect(open?.signals.selfEmail).toBe("sam@example.org");
    expect(open?.eventInstanceId).toBe("sample_20261013T160000Z");
    expect(open?.signals.recurring).toBe(true);
    const single = readSnapshot(
      sampleSnapshot({
        title: "Ana <> Sam",
        when: ["Wednesday, October 14, 2026 ⋅ 10:00 – 10:30am"],
        eventId: "single sam@example.org",
      }),
      parse,
    );
    expect(single?.signals.title).toBe("Ana <> Sam");
    expect(single?.eventInstanceId).toBe("single");
    expect(single?.signals.recurring).toBe(false);
  });

  it("reads nothing from markup too large or not one element", () => {
    const base = { url: fixtureUrls["dialog-group.html"], source: "dialog" as const, around: [], mark: "x" };
    const dialog =
      '<div role="dialog"><div id="xDetDlg" data-eventid="x"><span id="rAECCd">A</span></div></div>';
    expect(readSnapshot({ ...base, html: dialog }, parse)?.signals.title).toBe("A");
    expect(readSnapshot({ ...base, html: `${dialog}${dialog}` }, parse)).toBeNull();
    expect(readSnapshot({ ...base, html: "just text" }, parse)).toBeNull();
    expect(
      readSnapshot({ ...base, html: dialog, around: ["x".repeat(SNAPSHOT_MAX_CHARS)] }, parse),
    ).toBeNull();
  });
});
